import { useRef, useState } from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, CalendarAdd16Regular, Delete16Regular } from "@fluentui/react-icons";
import { PlanMeetingsRequest } from "../../../src/schemas/lift-meetings/api";
import { ActionBar, ApiError, ErrorSummary, Form, Notice, errorMessage, fieldId, formatDateTime, newKey, type SummaryEntry } from "../../shell";
import type { DistrictPerson, MeetingDetail, PlannedMeetingInput } from "../api";
import { useLiftApi } from "../hooks";
import { ukWallClockInstant } from "../../../src/domain/time/uk-clock";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  form: sharedStyles.form,
  row: {
    margin: 0,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(11rem, 1fr))",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  wide: { gridColumn: "span 2", "@media (max-width: 480px)": { gridColumn: "auto" } },
  end: { alignSelf: "end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

interface Row {
  key: string;
  date: string;
  start: string;
  end: string;
  kind: "school" | "early-years";
  phases: "both" | "primary" | "secondary";
  place: string;
  link: string;
  chairOid: string;
}

const emptyRow = (): Row => ({ key: newKey("row"), date: "", start: "09:30", end: "12:00", kind: "school", phases: "both", place: "", link: "", chairOid: "" });

const PREFIX = "plan.";

function toInput(row: Row): Partial<PlannedMeetingInput> {
  return {
    kind: row.kind,
    ...(row.kind === "school" ? { phases: row.phases === "both" ? ["primary", "secondary"] : [row.phases] } : {}),
    startsAt: ukWallClockInstant(row.date, row.start) as string,
    endsAt: ukWallClockInstant(row.date, row.end) as string,
    ...(row.place.trim() ? { place: row.place.trim() } : {}),
    ...(row.link.trim() ? { onlineMeetingUrl: row.link.trim() } : {}),
    ...(row.chairOid ? { chairOid: row.chairOid } : {}),
  };
}

export interface PlanMeetingsProps {
  districtSlug: string;
  people: DistrictPerson[];
  onPlanned: (meetings: MeetingDetail[]) => void;
}

/** Plan a term's LIFT meetings in one go: one row a meeting, one request for them all. */
export function PlanMeetings({ districtSlug, people, onPlanned }: PlanMeetingsProps) {
  const styles = useStyles();
  const lift = useLiftApi();
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const [messages, setMessages] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [planned, setPlanned] = useState<{ items: MeetingDetail[]; warnings: string[] }>();
  const [failure, setFailure] = useState<string>();
  // One key for this batch, however many clicks or retries; a new one once it has been planned.
  const key = useRef(newKey("plan"));
  const summaryRef = useRef<HTMLElement>(null);

  const update = (index: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    const changed = Object.keys(patch);
    setMessages((m) =>
      Object.fromEntries(
        Object.entries(m).filter(([path]) => {
          if (!path.startsWith(`${PREFIX}meetings.${index}.`)) return true;
          const field = path.slice(`${PREFIX}meetings.${index}.`.length);
          const touches = field === "startsAt" ? ["date", "start"] : field === "endsAt" ? ["date", "end"] : field === "onlineMeetingUrl" ? ["link"] : [field];
          return !touches.some((f) => changed.includes(f));
        }),
      ),
    );
  };

  const showProblems = (out: Record<string, string[]>) => {
    setMessages(out);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async () => {
    if (pending) return;
    setFailure(undefined);
    const out: Record<string, string[]> = {};
    rows.forEach((r, i) => {
      if (!r.date) (out[`${PREFIX}meetings.${i}.date`] ??= []).push(`Meeting ${i + 1}: enter the date`);
    });
    const body = { idempotencyKey: key.current, districtSlug, meetings: rows.map(toInput) };
    const parsed = PlanMeetingsRequest.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        // A missing date already says so; don't repeat it as two broken times.
        const row = Number(issue.path[1]);
        if (!rows[row]?.date && /^meetings\.\d+\.(startsAt|endsAt)$/.test(path)) continue;
        (out[PREFIX + path] ??= []).push(Number.isInteger(row) ? `Meeting ${row + 1}: ${issue.message}` : issue.message);
      }
    }
    if (Object.keys(out).length > 0 || !parsed.success) {
      showProblems(out);
      return;
    }
    setPending(true);
    try {
      const answer = await lift.plan(parsed.data);
      const items = answer.items;
      // Warnings (a date outside the district's terms) do not stop planning, but the lead should see them.
      const warnings = Object.entries(answer.warnings ?? {}).flatMap(([path, list]) => {
        const row = /^meetings\.(\d+)\./.exec(path);
        return list.map((m) => (row ? `Meeting ${Number(row[1]) + 1}: ${m}` : m));
      });
      setPlanned({ items, warnings });
      setRows([emptyRow()]);
      setMessages({});
      key.current = newKey("plan");
      onPlanned(items);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
        const server: Record<string, string[]> = {};
        for (const [path, list] of Object.entries(error.fieldErrors)) {
          const row = /^meetings\.(\d+)\./.exec(path);
          server[PREFIX + path] = list.map((m) => (row ? `Meeting ${Number(row[1]) + 1}: ${m}` : m));
        }
        showProblems(server);
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setPending(false);
    }
  };

  const msg = (i: number, field: string) => messages[`${PREFIX}meetings.${i}.${field}`]?.join(" ");
  const fieldProps = (i: number, field: string, label: string) => {
    const error = msg(i, field);
    return { label: { children: label, htmlFor: fieldId(`${PREFIX}meetings.${i}.${field}`) }, validationState: error ? ("error" as const) : ("none" as const), validationMessage: error };
  };
  const idOf = (i: number, field: string) => fieldId(`${PREFIX}meetings.${i}.${field}`);
  const summary: SummaryEntry[] = Object.entries(messages).flatMap(([path, list]) => list.map((message) => ({ path, message })));
  const chairs = people;

  return (
    <Form className={styles.form} aria-label="Plan meetings" onSubmit={() => void submit()}>
      {summary.length > 0 ? (
        <ErrorSummary ref={summaryRef} id="plan-errors" entries={summary} intro="The meetings cannot be planned yet. Correct these and plan again:" />
      ) : null}
      {rows.map((r, i) => (
        <fieldset key={r.key} className={styles.row} data-testid="plan-row">
          <legend className={styles.legend}>Meeting {i + 1}</legend>
          <Field {...fieldProps(i, "date", "Date")} required>
            <Input id={idOf(i, "date")} type="date" value={r.date} onChange={(_, d) => update(i, { date: d.value })} />
          </Field>
          <Field {...fieldProps(i, "startsAt", "Starts")} required>
            <Input id={idOf(i, "startsAt")} type="time" value={r.start} onChange={(_, d) => update(i, { start: d.value })} />
          </Field>
          <Field {...fieldProps(i, "endsAt", "Ends")} required>
            <Input id={idOf(i, "endsAt")} type="time" value={r.end} onChange={(_, d) => update(i, { end: d.value })} />
          </Field>
          <Field {...fieldProps(i, "kind", "Kind")}>
            <Select id={idOf(i, "kind")} value={r.kind} onChange={(_, d) => update(i, { kind: d.value as Row["kind"] })}>
              <option value="school">School</option>
              <option value="early-years">Early years</option>
            </Select>
          </Field>
          {r.kind === "school" ? (
            <Field {...fieldProps(i, "phases", "Phases")}>
              <Select id={idOf(i, "phases")} value={r.phases} onChange={(_, d) => update(i, { phases: d.value as Row["phases"] })}>
                <option value="both">Primary and secondary</option>
                <option value="primary">Primary</option>
                <option value="secondary">Secondary</option>
              </Select>
            </Field>
          ) : null}
          <Field {...fieldProps(i, "place", "Place")}>
            <Input id={idOf(i, "place")} value={r.place} maxLength={200} onChange={(_, d) => update(i, { place: d.value })} />
          </Field>
          <Field {...fieldProps(i, "onlineMeetingUrl", "Teams meeting link")} className={styles.wide}>
            <Input id={idOf(i, "onlineMeetingUrl")} type="url" value={r.link} placeholder="https://teams.microsoft.com/…" onChange={(_, d) => update(i, { link: d.value })} />
          </Field>
          <Field {...fieldProps(i, "chairOid", "Chair")}>
            <Select id={idOf(i, "chairOid")} value={r.chairOid} onChange={(_, d) => update(i, { chairOid: d.value })}>
              <option value="">The district lead</option>
              {chairs.map((p) => (
                <option key={p.oid} value={p.oid}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          </Field>
          {rows.length > 1 ? (
            <Button className={styles.end} appearance="subtle" icon={<Delete16Regular />} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              Remove meeting {i + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <div>
        <Button
          icon={<Add16Regular />}
          disabled={rows.length >= 40}
          onClick={() => {
            // A new row starts a week after the last one: the usual rhythm of a term's meetings.
            const last = rows.at(-1);
            const next = emptyRow();
            if (last?.date) {
              const d = new Date(`${last.date}T12:00:00Z`);
              d.setUTCDate(d.getUTCDate() + 7);
              next.date = d.toISOString().slice(0, 10);
            }
            if (last) Object.assign(next, { start: last.start, end: last.end, kind: last.kind, phases: last.phases, place: last.place, link: last.link, chairOid: last.chairOid });
            setRows([...rows, next]);
            requestAnimationFrame(() => document.getElementById(idOf(rows.length, "date"))?.focus());
          }}
        >
          Add another meeting
        </Button>
      </div>
      {failure ? (
        <Notice intent="error" title="The meetings were not planned">
          {failure}
        </Notice>
      ) : null}
      {planned ? (
        <Notice intent="success" layout="multiline" title={planned.items.length === 1 ? "1 meeting planned" : `${planned.items.length} meetings planned`}>
          <ul className={styles.list}>
            {planned.items.map((m) => (
              <li key={m.id}>
                {m.title}, {formatDateTime(m.startsAt)}
              </li>
            ))}
          </ul>
          {planned.warnings.length > 0 ? (
            <>
              Check these:
              <ul className={styles.list}>
                {planned.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
      <ActionBar sticky={false} label="Planning actions" status={pending ? "Planning…" : `${rows.length} ${rows.length === 1 ? "meeting" : "meetings"} to plan`}>
        <Button type="submit" appearance="primary" icon={<CalendarAdd16Regular />} disabledFocusable={pending}>
          Plan {rows.length === 1 ? "meeting" : `${rows.length} meetings`}
        </Button>
      </ActionBar>
    </Form>
  );
}
