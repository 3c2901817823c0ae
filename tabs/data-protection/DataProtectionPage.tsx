/**
 * The commissioners' data-protection page: a subject access by case reference (view the counts,
 * download HTML or JSON), the retention schedule (see and change), a retention run (preview, then
 * apply after a confirm step) and erasing one case with a reason (after a confirm step). The server
 * checks the role and audits every call; the page only says plainly who may use it.
 */
import { useMemo, useState, type FormEvent } from "react";
import { Button, Card, Field, Input, Select, Textarea, makeStyles } from "@fluentui/react-components";
import { ShieldLock24Regular } from "@fluentui/react-icons";
import { RETENTION_ANCHORS, type RetentionAnchor } from "../../src/schemas/data-protection/records";
import { DataTable, LoadView, Notice, Shell, errorMessage, saveFile, ukToday, useLoad, useSession } from "../shell";
import { sharedStyles } from "../shell/styles";
import { dataProtectionApi, type DataProtectionClient, type RetentionPreview, type SubjectAccessBundle } from "./api";
import { rowsFrom, rulesFrom, tidyCaseReference, type ScheduleRow } from "./schedule-form";

const useStyles = makeStyles({ column: sharedStyles.column, form: sharedStyles.form, card: sharedStyles.card, h2: sharedStyles.h2, intro: sharedStyles.intro, row: { display: "flex", gap: "0.5rem", flexWrap: "wrap", alignItems: "end" } });

function SubjectAccess({ dp }: { dp: DataProtectionClient }) {
  const styles = useStyles();
  const [ref, setRef] = useState("");
  const [problem, setProblem] = useState<string>();
  const [bundle, setBundle] = useState<SubjectAccessBundle>();
  const [busy, setBusy] = useState(false);
  const run = async (what: "view" | "html" | "json") => {
    const tidy = tidyCaseReference(ref);
    if (!tidy) return setProblem("Enter a case reference like DOV-2526-0042");
    setProblem(undefined);
    setBusy(true);
    try {
      if (what === "html") {
        const file = await dp.subjectAccessHtml(tidy);
        saveFile(file.blob, file.filename ?? `subject-access-${tidy}.html`);
      } else {
        const b = await dp.subjectAccess(tidy);
        setBundle(b);
        if (what === "json") saveFile(new Blob([JSON.stringify(b, null, 2)], { type: "application/json" }), `subject-access-${tidy}.json`);
      }
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className={styles.card} aria-labelledby="sar-heading">
      <h2 id="sar-heading" className={styles.h2}>Subject access</h2>
      <p className={styles.intro}>Everything held about one child, found by case reference. Each access is recorded in the audit trail.</p>
      <form className={styles.row} onSubmit={(e: FormEvent) => (e.preventDefault(), void run("view"))} noValidate>
        <Field label="Case reference" validationMessage={problem}>
          <Input id="sar-case" value={ref} onChange={(_, d) => setRef(d.value)} placeholder="DOV-2526-0042" />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>View</Button>
        <Button disabled={busy} onClick={() => void run("html")}>Download HTML</Button>
        <Button disabled={busy} onClick={() => void run("json")}>Download JSON</Button>
      </form>
      {bundle && (
        <DataTable
          aria-label={`Records held for case ${bundle.caseReference}`}
          data-testid="sar-counts"
          headers={["What", "Records"]}
          rows={Object.entries(bundle.counts).map(([k, n]) => ({ key: k, cells: [k, String(n)] }))}
        />
      )}
    </Card>
  );
}

function Schedule({ dp }: { dp: DataProtectionClient }) {
  const styles = useStyles();
  const loaded = useLoad("schedule", () => dp.schedule());
  const [rows, setRows] = useState<ScheduleRow[]>();
  const [messages, setMessages] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<string>();
  const current = rows ?? (loaded.state.kind === "ready" ? rowsFrom(loaded.state.value) : undefined);
  const edit = (i: number, patch: Partial<ScheduleRow>) => current && setRows(current.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (!current) return;
    const checked = rulesFrom(current);
    if (!checked.ok) return setMessages(checked.messages);
    setMessages({});
    try {
      const rules = await dp.setSchedule(checked.rules);
      loaded.set(rules);
      setRows(undefined);
      setSaved("The schedule is saved.");
    } catch (error) {
      setSaved(undefined);
      setMessages({ "": [errorMessage(error)] });
    }
  };
  return (
    <Card className={styles.card} aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" className={styles.h2}>Retention schedule</h2>
      <p className={styles.intro}>How long each kind of record about a child is kept, and from which date. Nothing is erased while a case of the child is open.</p>
      <LoadView state={loaded.state} what="the retention schedule" onRetry={() => void loaded.reload()}>
        {() => (
          <div className={styles.form}>
            {current?.map((row, i) => (
              <div key={row.kind} className={styles.row} data-testid={`rule-${row.kind}`}>
                <Field label={`${row.label}: counted from`}>
                  <Select value={row.anchor} onChange={(_, d) => edit(i, { anchor: d.value as RetentionAnchor })}>
                    {RETENTION_ANCHORS.map((a) => (
                      <option key={a.value} value={a.value}>{a.label}</option>
                    ))}
                  </Select>
                </Field>
                <Field label="Years" validationMessage={messages[`rules.${i}.years`]?.join(" ")}>
                  <Input id={`years-${row.kind}`} inputMode="numeric" value={row.years} onChange={(_, d) => edit(i, { years: d.value })} style={{ width: "6rem" }} />
                </Field>
                <Field label="Why this period" validationMessage={messages[`rules.${i}.note`]?.join(" ")} style={{ flexGrow: 1 }}>
                  <Input value={row.note} onChange={(_, d) => edit(i, { note: d.value })} />
                </Field>
              </div>
            ))}
            {messages[""] && <Notice intent="error" title="Not saved">{messages[""].join(" ")}</Notice>}
            {saved && <Notice intent="success" title="Saved">{saved}</Notice>}
            <div><Button appearance="primary" onClick={() => void save()}>Save the schedule</Button></div>
          </div>
        )}
      </LoadView>
    </Card>
  );
}

function RetentionRun({ dp }: { dp: DataProtectionClient }) {
  const styles = useStyles();
  const [at, setAt] = useState(ukToday());
  const [preview, setPreview] = useState<RetentionPreview>();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const run = async (apply: boolean) => {
    setProblem(undefined);
    try {
      if (apply) {
        const done = await dp.apply(at);
        setResult(`Erased ${done.erased.filter((e) => !e.alreadyErased).length} (${done.erased.reduce((n, e) => n + e.records, 0)} records), each with a tombstone in the audit trail.`);
        setPreview(undefined);
        setConfirming(false);
      } else {
        setResult(undefined);
        setPreview(await dp.preview(at));
      }
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <Card className={styles.card} aria-labelledby="run-heading">
      <h2 id="run-heading" className={styles.h2}>Retention run</h2>
      <p className={styles.intro}>Preview what the schedule erases as at a date (by case reference), then apply it. Erasure keeps what the KPI figures count.</p>
      <div className={styles.row}>
        <Field label="As at" validationMessage={problem}>
          <Input type="date" value={at} onChange={(_, d) => setAt(d.value)} />
        </Field>
        <Button onClick={() => void run(false)}>Preview</Button>
      </div>
      {preview && (
        <>
          <DataTable
            aria-label="Records due for erasure"
            data-testid="retention-due"
            headers={["Case", "Kind", "District", "Counted from", "Due on"]}
            rows={preview.due.map((d) => ({ key: `${d.subject}|${d.kind}`, cells: [d.subject, d.kind, d.districtSlug, d.resuming ? "finishing an earlier run" : `${d.anchor} ${d.anchorDate}`, d.dueOn] }))}
          />
          <p>{preview.due.length} due; {preview.held.length} held for a person to decide; {preview.kept} kept.</p>
          {preview.due.length > 0 &&
            (confirming ? (
              <Notice intent="warning" title={`Erase ${preview.due.length} records?`} actions={<><Button appearance="primary" onClick={() => void run(true)}>Erase them</Button><Button onClick={() => setConfirming(false)}>Cancel</Button></>}>
                Personal details and free text are removed for good.
              </Notice>
            ) : (
              <div><Button appearance="primary" onClick={() => setConfirming(true)}>Apply…</Button></div>
            ))}
        </>
      )}
      {result && <Notice intent="success" title="Retention run done">{result}</Notice>}
    </Card>
  );
}

function EraseCase({ dp }: { dp: DataProtectionClient }) {
  const styles = useStyles();
  const [ref, setRef] = useState("");
  const [reason, setReason] = useState("");
  const [messages, setMessages] = useState<Record<string, string | undefined>>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string>();
  const check = () => {
    const m = { caseReference: tidyCaseReference(ref) ? undefined : "Enter a case reference like DOV-2526-0042", reason: reason.trim().length >= 5 ? undefined : "Give the reason for the erasure (at least 5 characters)" };
    setMessages(m);
    return !m.caseReference && !m.reason;
  };
  const erase = async () => {
    try {
      const answer = await dp.erase(tidyCaseReference(ref) as string, reason);
      setDone(`Case ${answer.caseReference}: ${answer.erased.map((e) => `${e.kind} ${e.alreadyErased ? "already erased" : `${e.records} records erased`}`).join("; ")}.`);
      setConfirming(false);
    } catch (error) {
      setConfirming(false);
      setMessages({ form: errorMessage(error) });
    }
  };
  return (
    <Card className={styles.card} aria-labelledby="erase-heading">
      <h2 id="erase-heading" className={styles.h2}>Erase one case</h2>
      <p className={styles.intro}>On a valid erasure request. The reason is recorded in the audit trail: name the request, never the child. Corrections go through the normal forms.</p>
      <form className={styles.form} onSubmit={(e: FormEvent) => (e.preventDefault(), check() && setConfirming(true))} noValidate>
        <Field label="Case reference" validationMessage={messages.caseReference}>
          <Input id="erase-case" value={ref} onChange={(_, d) => setRef(d.value)} />
        </Field>
        <Field label="Reason" validationMessage={messages.reason} hint="For example: Art. 17 request from the parent, DPO reference 2026-114">
          <Textarea id="erase-reason" value={reason} onChange={(_, d) => setReason(d.value)} maxLength={300} />
        </Field>
        {messages.form && <Notice intent="error" title="Not erased">{messages.form}</Notice>}
        {confirming ? (
          <Notice intent="warning" title={`Erase case ${tidyCaseReference(ref)}?`} actions={<><Button appearance="primary" onClick={() => void erase()}>Erase</Button><Button onClick={() => setConfirming(false)}>Cancel</Button></>}>
            The child's personal details and free text are removed for good.
          </Notice>
        ) : (
          <div><Button type="submit">Erase…</Button></div>
        )}
      </form>
      {done && <Notice intent="success" title="Erased">{done}</Notice>}
    </Card>
  );
}

function Body() {
  const { me, api } = useSession();
  const dp = useMemo(() => dataProtectionApi(api), [api]);
  const styles = useStyles();
  // The server answers 403 to anyone else; say so plainly instead of showing an error.
  if (me.role !== "commissioner") return <Notice intent="info" title="For commissioners">Subject access, retention and erasure are done by commissioners.</Notice>;
  return (
    <div className={styles.column}>
      <SubjectAccess dp={dp} />
      <Schedule dp={dp} />
      <RetentionRun dp={dp} />
      <EraseCase dp={dp} />
    </div>
  );
}

export function DataProtectionPage() {
  return (
    <Shell title="Data protection" tagline="Subject access, the retention schedule and erasure" icon={<ShieldLock24Regular />}>
      <Body />
    </Shell>
  );
}
