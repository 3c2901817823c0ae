import { useEffect, useRef, useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, ApiError, DataTable, ErrorSummary, Form, Notice, errorMessage, fieldId, formatDate, formatDateTime, type SummaryEntry } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useAdminClient, type PreviewAnswer, type YearView } from "../api";
import { rowsFrom, termsFrom, type TermRow } from "../calendar-form";

const useStyles = makeStyles({
  column: sharedStyles.column,
  h3: sharedStyles.h3,
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(13rem, 1fr))", gap: tokens.spacingHorizontalM },
  box: sharedStyles.box,
});

const STEP_LABELS: Record<string, string> = {
  "7-days-before": "A week before",
  "school-day-before": "School day before",
  "due-day": "Due day",
  "first-school-day-after": "First school day after",
};

const moved = (m: { before?: string; after?: string }, fmt: (s: string) => string) =>
  m.before === m.after ? (m.after ? fmt(m.after) : "—") : `${m.before ? fmt(m.before) : "none"} → ${m.after ? fmt(m.after) : "none"}`;

/** The six terms of a year: edit (commissioners), preview what moves, then save. */
export function TermsEditor({ view, onSaved }: { view: YearView; onSaved: (v: YearView) => void }) {
  const styles = useStyles();
  const admin = useAdminClient();
  const [rows, setRows] = useState<TermRow[]>(() => rowsFrom(view));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<PreviewAnswer>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string }>();
  const summary = useRef<HTMLElement>(null);
  useEffect(() => setRows(rowsFrom(view)), [view]);

  const set = (i: number, patch: Partial<TermRow>) => {
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
    setPreview(undefined);
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.fieldErrors) {
      setErrors(error.fieldErrors);
      setMessage(undefined);
      setTimeout(() => summary.current?.focus(), 0);
    } else setMessage({ intent: "error", text: errorMessage(error) });
  };
  const run = async (what: "preview" | "save") => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const terms = termsFrom(rows, view.terms);
      if (what === "preview") setPreview(await admin.preview(view.academicYear, terms));
      else {
        const saved = await admin.saveYear(view.academicYear, terms);
        setPreview(undefined);
        setMessage({ intent: "success", text: `${view.academicYear}'s terms are saved. Deadlines, KPI due dates and reminders now follow them.` });
        onSaved(saved);
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const entries: SummaryEntry[] = Object.entries(errors).flatMap(([path, messages]) => messages.map((m) => ({ path, message: m })));
  const err = (path: string) => errors[path]?.join(" ");

  if (!view.canEditTerms) {
    return (
      <section className={styles.column} aria-labelledby="terms-heading">
        <h3 id="terms-heading" className={styles.h3}>
          Terms
        </h3>
        <TermsTable view={view} />
      </section>
    );
  }
  return (
    <section className={styles.column} aria-labelledby="terms-heading">
      <h3 id="terms-heading" className={styles.h3}>
        Terms of {view.academicYear}
      </h3>
      {view.terms.length > 0 ? <TermsTable view={view} /> : null}
      {entries.length > 0 ? <ErrorSummary ref={summary} entries={entries} intro="The terms cannot be saved yet. Correct these and try again:" id="terms-errors" /> : null}
      {message ? <Notice intent={message.intent}>{message.text}</Notice> : null}
      <Form onSubmit={() => void run("preview")} aria-label={`Terms of ${view.academicYear}`}>
        <div className={styles.grid}>
          {rows.map((row, i) => (
            <fieldset key={i} className={styles.box}>
              <legend>Term {i + 1}</legend>
              <Field label="First day" validationMessage={err(`terms.${i}.start`) ?? err(`terms.${i}.term`)}>
                <Input id={fieldId(`terms.${i}.start`)} type="date" value={row.start} onChange={(_, d) => set(i, { start: d.value })} />
              </Field>
              <Field label="Last day" validationMessage={err(`terms.${i}.end`)}>
                <Input id={fieldId(`terms.${i}.end`)} type="date" value={row.end} onChange={(_, d) => set(i, { end: d.value })} />
              </Field>
              <Field label="KPI return due on school day" hint="Of the next term; empty for the 10th" validationMessage={err(`terms.${i}.returnDueSchoolDay`)}>
                <Input id={fieldId(`terms.${i}.returnDueSchoolDay`)} type="number" min={1} max={30} value={row.dueSchoolDay} onChange={(_, d) => set(i, { dueSchoolDay: d.value })} />
              </Field>
            </fieldset>
          ))}
        </div>
        <ActionBar label="Terms" sticky={false} status={busy ? "Working…" : preview ? "Check what moves below, then save." : "Preview the changes before saving."}>
          <Button type="submit" disabled={busy}>
            Preview changes
          </Button>
          <Button appearance="primary" disabled={busy || !preview} onClick={() => void run("save")}>
            Save terms
          </Button>
        </ActionBar>
      </Form>
      {preview ? <PreviewTable preview={preview} /> : null}
    </section>
  );
}

function TermsTable({ view }: { view: YearView }) {
  return (
    <DataTable
      aria-label={`Terms of ${view.academicYear}`}
      data-testid="terms-table"
      headers={["Term", "Dates", "School days", "KPI return due"]}
      rows={view.terms.map((t) => ({
        key: String(t.term),
        cells: [`Term ${t.term}`, `${formatDate(t.start)} to ${formatDate(t.end)}`, String(t.schoolDays), t.returnDue ? formatDateTime(t.returnDue) : "Not known until the next term is set"],
      }))}
    />
  );
}

function PreviewTable({ preview }: { preview: PreviewAnswer }) {
  const styles = useStyles();
  const changed = preview.changes.filter((c) => c.moved);
  return (
    <section className={styles.column} aria-labelledby="preview-heading" data-testid="calendar-preview">
      <h3 id="preview-heading" className={styles.h3}>
        What moves if you save
      </h3>
      {changed.length === 0 ? <p>Nothing moves: the dates are the same as now.</p> : null}
      <DataTable
        aria-label="What moves if you save"
        headers={["Term", "Dates", "School days", "KPI return due", "Reminders", "Reminders already planned"]}
        rows={changed.map((c) => ({
          key: `${c.academicYear}-${c.term}`,
          "data-testid": `preview-${c.academicYear}-${c.term}`,
          cells: [
            `${c.academicYear} term ${c.term}`,
            `${moved(c.start, formatDate)} to ${moved(c.end, formatDate)}`,
            c.schoolDays.before === c.schoolDays.after ? String(c.schoolDays.after) : `${c.schoolDays.before ?? "none"} → ${c.schoolDays.after}`,
            moved(c.returnDue, formatDateTime),
            c.reminders.filter((r) => r.before !== r.after).map((r) => `${STEP_LABELS[r.step] ?? r.step}: ${moved(r, formatDate)}`).join("; ") || "Unchanged",
            String(c.remindersAlreadyPlanned),
          ],
        }))}
      />
      {preview.meetingsOutsideTerms > 0 ? (
        <Notice intent="warning">{preview.meetingsOutsideTerms} LIFT meeting(s) already planned fall outside the new terms; move them and their referral deadlines after saving.</Notice>
      ) : null}
      {!preview.coverage.ok ? <Notice intent="warning">{preview.coverage.message}</Notice> : null}
    </section>
  );
}
