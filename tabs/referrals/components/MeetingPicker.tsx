import { Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { LiftMeetingSummary } from "../api";
import { formatDateTime } from "../draft";

const useStyles = makeStyles({
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export type MeetingsState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; meetings: LiftMeetingSummary[] };

function optionText(m: LiftMeetingSummary): string {
  const when = formatDateTime(m.startsAt);
  const base = `${m.title}, ${when} · deadline ${formatDateTime(m.referralDeadline)}`;
  return m.accepting ? base : `${base} — not accepting: ${m.refusal?.message ?? "closed"}`;
}

export interface MeetingSelectProps {
  id: string;
  state: MeetingsState;
  value: string | undefined;
  onChange: (meetingId: string | undefined) => void;
}

/** The "LIFT meeting" select: upcoming meetings of the district and phase, with their deadlines. */
export function MeetingSelect({ id, state, value, onChange }: MeetingSelectProps) {
  if (state.kind === "loading") return <Spinner id={id} size="tiny" label="Loading LIFT meetings…" labelPosition="after" />;
  const meetings = state.kind === "ready" ? state.meetings : [];
  const known = !value || meetings.some((m) => m.id === value);
  return (
    <Select id={id} value={value ?? ""} onChange={(_, d) => onChange(d.value === "" ? undefined : d.value)}>
      <option value="">{meetings.length === 0 ? "No upcoming meetings" : "Choose a meeting…"}</option>
      {known ? null : <option value={value}>The meeting chosen before (no longer listed)</option>}
      {meetings.map((m) => (
        <option key={m.id} value={m.id} disabled={!m.accepting}>
          {optionText(m)}
        </option>
      ))}
    </Select>
  );
}

/** Which meetings are not accepting this referral, and why (a disabled option alone is easy to miss). */
export function MeetingNotes({ state }: { state: MeetingsState }) {
  const styles = useStyles();
  if (state.kind === "error") return <p className={styles.error}>Could not load the LIFT meetings: {state.message}</p>;
  if (state.kind !== "ready") return null;
  const closed = state.meetings.filter((m) => !m.accepting);
  if (closed.length === 0) return null;
  return (
    <div>
      <h3 className={styles.heading}>Meetings not accepting this referral</h3>
      <ul className={styles.notes}>
        {closed.map((m) => (
          <li key={m.id}>
            {m.title}, {formatDateTime(m.startsAt)}: {m.refusal?.message ?? "not accepting referrals"}
          </li>
        ))}
      </ul>
    </div>
  );
}
