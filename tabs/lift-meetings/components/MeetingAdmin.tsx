import { useState } from "react";
import { Button, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarArrowRight16Regular, CalendarCancel16Regular } from "@fluentui/react-icons";
import { ApiError, BannerNotice, Form, Notice, errorMessage, fieldId } from "../../shell";
import type { MeetingDetail } from "../api";
import { useLiftApi } from "../hooks";
import { ukDateAndTimeOf, ukWallClockInstant } from "../../../src/domain/time/uk-clock";

const useStyles = makeStyles({
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(18rem, 1fr))", gap: tokens.spacingHorizontalXXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "start" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  full: { alignSelf: "stretch" },
});

type Result = { intent: "success" | "error" | "warning"; title: string; text?: string };

/** Move (PATCH) or cancel a meeting: the district lead's changes, each telling the SENCos with referrals on it. */
export function MeetingAdmin({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  const styles = useStyles();
  const lift = useLiftApi();
  const start = ukDateAndTimeOf(meeting.startsAt);
  const end = ukDateAndTimeOf(meeting.endsAt);
  const [date, setDate] = useState(start.date);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState(end.time);
  const [place, setPlace] = useState(meeting.place ?? "");
  const [reason, setReason] = useState("");
  const [cancelReason, setCancelReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result>();
  const [pending, setPending] = useState(false);

  const fail = (error: unknown, what: string) => {
    if (error instanceof ApiError && error.status === 412) {
      setResult({ intent: "warning", title: "Someone else changed this meeting", text: "The meeting has been reloaded with their changes. Check it and try again." });
      onChanged();
    } else if (error instanceof ApiError && error.fieldErrors) {
      setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.join(" ")])));
    } else {
      setResult({ intent: "error", title: `The meeting was not ${what}`, text: errorMessage(error) });
    }
  };

  const move = async () => {
    const startsAt = ukWallClockInstant(date, from);
    const endsAt = ukWallClockInstant(date, to);
    if (!startsAt || !endsAt) {
      setErrors({ startsAt: "Enter the new date, start and end times" });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await lift.move(meeting.id, {
        eTag: meeting.eTag,
        startsAt,
        endsAt,
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setResult({ intent: "success", title: "Meeting moved", text: "The SENCos with referrals on it have been told." });
      onChanged();
    } catch (error) {
      fail(error, "moved");
    } finally {
      setPending(false);
    }
  };

  const cancel = async () => {
    if (!cancelReason.trim()) {
      setErrors({ reason: "Say why the meeting is cancelled" });
      document.getElementById(fieldId("cancel.reason"))?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await lift.cancel(meeting.id, { eTag: meeting.eTag, reason: cancelReason.trim() });
      setResult({ intent: "success", title: "Meeting cancelled", text: "Its referrals are back to submitted, and their SENCos have been told." });
      onChanged();
    } catch (error) {
      fail(error, "cancelled");
    } finally {
      setPending(false);
    }
  };

  if (meeting.status === "cancelled") {
    return (
      <Notice intent="warning" title="This meeting is cancelled">
        {meeting.cancelledReason}
      </Notice>
    );
  }

  return (
    <>
      <div className={styles.columns}>
        <Form className={styles.form} aria-labelledby="move-meeting-heading" onSubmit={() => void move()}>
          <h3 id="move-meeting-heading" className={styles.h3}>
            Move the meeting
          </h3>
          <div className={styles.row}>
            <Field label="New date" validationState={errors.startsAt ? "error" : "none"} validationMessage={errors.startsAt}>
              <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
            </Field>
            <Field label="Starts">
              <Input type="time" value={from} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label="Ends" validationState={errors.endsAt ? "error" : "none"} validationMessage={errors.endsAt}>
              <Input type="time" value={to} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </div>
          <Field label="Place" className={styles.full}>
            <Input value={place} maxLength={200} onChange={(_, d) => setPlace(d.value)} />
          </Field>
          <Field label="Reason (shown to the SENCos)" className={styles.full}>
            <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" icon={<CalendarArrowRight16Regular />} disabledFocusable={pending}>
            Move meeting
          </Button>
        </Form>
        <Form className={styles.form} aria-labelledby="cancel-meeting-heading" onSubmit={() => void cancel()}>
          <h3 id="cancel-meeting-heading" className={styles.h3}>
            Cancel the meeting
          </h3>
          <Field
            label="Why is it cancelled?"
            required
            hint="Shown to the SENCos; their referrals go back to submitted, ready for another meeting."
            className={styles.full}
            validationState={errors.reason ? "error" : "none"}
            validationMessage={errors.reason}
          >
            <Textarea id={fieldId("cancel.reason")} value={cancelReason} maxLength={500} onChange={(_, d) => setCancelReason(d.value)} />
          </Field>
          <Button type="submit" icon={<CalendarCancel16Regular />} disabledFocusable={pending}>
            Cancel meeting
          </Button>
        </Form>
      </div>
      <BannerNotice banner={result} />
    </>
  );
}
