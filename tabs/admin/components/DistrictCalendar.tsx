import { useState } from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DataTable, DistrictSelect, Form, Notice, districtName, errorMessage, formatDate, formatDateTime, useReferenceData } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { ukWallClockInstant } from "../../../src/domain/time/uk-clock";
import { useAdminClient, type Covers, type YearView } from "../api";

const useStyles = makeStyles({
  column: sharedStyles.column,
  h3: sharedStyles.h3,
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
});

/** A district's own days (INSET, closures) and its monitoring meetings, for the districts the caller keeps. */
export function DistrictCalendar({ view, onChanged }: { view: YearView; onChanged: () => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const reference = useReferenceData();
  const editable = view.editableDistricts.map((slug) => ({ slug, name: districtName(reference, slug) }));
  const [district, setDistrict] = useState(editable.length === 1 ? editable[0]!.slug : "");
  const [day, setDay] = useState({ date: "", kind: "inset" as "inset" | "closure", note: "" });
  const [meeting, setMeeting] = useState({ covers: "1-2" as Covers, date: "", time: "10:00", packUrl: "" });
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ intent: "success", text: done });
      onChanged();
    } catch (error) {
      setMessage({ intent: "error", text: errorMessage(error) });
    }
  };

  return (
    <section className={styles.column} aria-labelledby="district-calendar-heading">
      <h3 id="district-calendar-heading" className={styles.h3}>
        District days and monitoring meetings
      </h3>
      {view.districtDays.length > 0 ? (
        <DataTable
          aria-label="INSET and closure days"
          headers={["District", "Date", "Kind", "Note", ""]}
          rows={view.districtDays.map((d) => ({
            key: `${d.districtSlug}:${d.date}`,
            cells: [
              districtName(reference, d.districtSlug),
              formatDate(d.date),
              d.kind === "inset" ? "INSET day" : "Closure",
              d.note ?? "",
              view.editableDistricts.includes(d.districtSlug) ? (
                <Button size="small" onClick={() => void act(() => admin.removeDistrictDay(d.districtSlug, d.date), "Removed.")} aria-label={`Remove ${formatDate(d.date)} from ${districtName(reference, d.districtSlug)}`}>
                  Remove
                </Button>
              ) : null,
            ],
          }))}
        />
      ) : (
        <p>No INSET or closure days that differ from the county&apos;s in {view.academicYear}.</p>
      )}
      {editable.length > 0 ? (
        <>
          <Field label="District">
            <DistrictSelect value={district} onChange={setDistrict} districts={editable} noneLabel={editable.length > 1 ? "Choose a district" : null} />
          </Field>
          <Form
            className={styles.row}
            aria-label="Add an INSET or closure day"
            onSubmit={() => district && day.date && void act(() => admin.setDistrictDay(district, day.date, day.kind, day.note || undefined), `${formatDate(day.date)} saved.`)}
          >
            <Field label="Date">
              <Input type="date" value={day.date} onChange={(_, d) => setDay({ ...day, date: d.value })} />
            </Field>
            <Field label="Kind">
              <Select value={day.kind} onChange={(_, d) => setDay({ ...day, kind: d.value as "inset" | "closure" })}>
                <option value="inset">INSET day</option>
                <option value="closure">Closure</option>
              </Select>
            </Field>
            <Field label="Note">
              <Input value={day.note} onChange={(_, d) => setDay({ ...day, note: d.value })} />
            </Field>
            <Button type="submit" disabled={!district || !day.date}>
              Add day
            </Button>
          </Form>
          <Form
            className={styles.row}
            aria-label="Set a monitoring meeting"
            onSubmit={() => {
              const at = ukWallClockInstant(meeting.date, meeting.time);
              if (district && at) void act(() => admin.setMonitoring(district, view.academicYear, meeting.covers, at, meeting.packUrl.trim() || undefined), "Monitoring meeting saved.");
            }}
          >
            <Field label="Covers">
              <Select value={meeting.covers} onChange={(_, d) => setMeeting({ ...meeting, covers: d.value as Covers })}>
                <option value="1-2">Terms 1–2</option>
                <option value="3-4">Terms 3–4</option>
                <option value="5-6">Terms 5–6</option>
              </Select>
            </Field>
            <Field label="Meeting date">
              <Input type="date" value={meeting.date} onChange={(_, d) => setMeeting({ ...meeting, date: d.value })} />
            </Field>
            <Field label="Time">
              <Input type="time" value={meeting.time} onChange={(_, d) => setMeeting({ ...meeting, time: d.value })} />
            </Field>
            <Field label="Pack link">
              <Input type="url" value={meeting.packUrl} onChange={(_, d) => setMeeting({ ...meeting, packUrl: d.value })} />
            </Field>
            <Button type="submit" disabled={!district || !meeting.date}>
              Save meeting
            </Button>
          </Form>
        </>
      ) : null}
      {message ? <Notice intent={message.intent}>{message.text}</Notice> : null}
      <DataTable
        aria-label="Monitoring meetings"
        headers={["District", "Terms", "When", "Pack", "Set by"]}
        rows={view.monitoringMeetings.map((m) => ({
          key: `${m.districtSlug}:${m.covers}`,
          cells: [districtName(reference, m.districtSlug), `Terms ${m.covers.replace("-", "–")}`, formatDateTime(m.at), m.packUrl ? <a href={m.packUrl}>Pack</a> : "Not set", m.set ? "Commissioner or lead" : "Proposed"],
        }))}
      />
    </section>
  );
}
