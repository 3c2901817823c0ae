import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Field, MessageBar, MessageBarBody, Select, makeStyles } from "@fluentui/react-components";
import { LoadView, formatDateTime, useLoad } from "../../shell";
import type { LiftMeetingSummary } from "../api";
import { nextMeeting } from "../frame";
import { useLiftApi } from "../hooks";

// minmax(0, 1fr): a long meeting title must not push the select wider than a narrow side panel.
const useStyles = makeStyles({ select: { maxWidth: "36rem", gridTemplateColumns: "minmax(0, 1fr)" } });

export interface MeetingChooserProps {
  districtSlug: string;
  /** `?meeting=` when the tab was bound to one. */
  initialId?: string;
  /** The stage shows no picker: it follows the meeting it was shared with. */
  showPicker: boolean;
  children: (meetingId: string, meetings: LiftMeetingSummary[]) => ReactNode;
}

function label(m: LiftMeetingSummary): string {
  const status = m.status === "cancelled" ? " (cancelled)" : m.status === "moved" ? " (moved)" : m.status === "held" ? " (held)" : "";
  return `${m.title}, ${formatDateTime(m.startsAt)}${status}`;
}

/**
 * The meeting the view shows: the one named in the URL, else the district's next one, with a select
 * of the district's meetings to switch (kept in the URL, so a reload stays on it).
 */
export function MeetingChooser({ districtSlug, initialId, showPicker, children }: MeetingChooserProps) {
  const styles = useStyles();
  const lift = useLiftApi();
  const { state } = useLoad(districtSlug, () => lift.meetings({ district: districtSlug }));
  const meetings = useMemo(() => (state.kind === "ready" ? state.value : []), [state]);
  const [chosen, setChosen] = useState<string | undefined>(initialId);

  useEffect(() => {
    if (chosen || state.kind !== "ready") return;
    setChosen(nextMeeting(state.value, new Date())?.id);
  }, [chosen, state]);

  const choose = (id: string) => {
    setChosen(id);
    const url = new URL(window.location.href);
    url.searchParams.set("meeting", id);
    window.history.replaceState(null, "", url.toString());
  };

  // A tab bound to one meeting shows it at once; the list only feeds the picker.
  if ((state.kind === "loading" || state.kind === "error") && !initialId) return <LoadView state={state} what="the district's LIFT meetings" />;
  if (!chosen) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>There are no LIFT meetings planned for this district yet.</MessageBarBody>
      </MessageBar>
    );
  }
  const known = meetings.some((m) => m.id === chosen);
  return (
    <>
      {showPicker && meetings.length > 0 ? (
        <Field label="LIFT meeting" className={styles.select}>
          <Select value={chosen} onChange={(_, d) => choose(d.value)} data-testid="meeting-picker">
            {known ? null : <option value={chosen}>The meeting this tab was set up for</option>}
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {label(m)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {children(chosen, meetings)}
    </>
  );
}
