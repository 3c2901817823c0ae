import { fieldPropsFor } from "../../shell/form-messages";
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, CheckmarkCircle16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import {
  OUTCOME_CATEGORIES,
  SUPPORT_PLAN_FIELDS,
  liftOutcomeValidationMessages,
  outcomeCategoryLabel,
  type OutcomeCategory,
} from "../../../src/schemas/lift-outcomes/outcome";
import { ActionBar, BannerNotice, ErrorSummary, Form, LoadView, Notice, currentFromDetail, fieldId, formatDate, formatDateTime, setAt, useEditableRecord, useLoad, type SummaryEntry } from "../../shell";
import type { DistrictPerson, MeetingDetail } from "../../lift-meetings/api";
import { useOutcomesApi, type LiftOutcomeInput, type OutcomeRecord } from "../api";
import { EMPTY_OUTCOME, allocatesSupport, newAction, outcomeDisplayOrder, outcomeToSend } from "../outcome-form";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  form: sharedStyles.form,
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  legend: sharedStyles.legend,
  box: sharedStyles.box,
  boxLegend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: sharedStyles.fieldError,
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  theirs: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  end: { display: "flex", justifyContent: "flex-end" },
});

type Messages = Record<string, string[]>;

export interface OutcomeFormProps {
  meeting: MeetingDetail;
  referralId: string;
  caseReference: string;
  /** An early years case: the outcome can request a SENIF practitioner. */
  earlyYears?: boolean;
  teachers: DistrictPerson[];
  /** Unsaved edits per case, kept while the panel moves between cases. */
  drafts: Map<string, LiftOutcomeInput>;
}

function summaryOf(record: OutcomeRecord): string[] {
  const o = record.outcome;
  const lines = [`Outcome: ${o.categories.length > 0 ? o.categories.map(outcomeCategoryLabel).join("; ") : "none chosen"}`];
  if (record.allocatedTeacherName) lines.push(`Specialist teacher: ${record.allocatedTeacherName}`);
  if (o.senifRequested) lines.push("SENIF practitioner requested");
  if (o.actions.length > 0) lines.push(`Actions: ${o.actions.map((a) => `${a.description || "(no description)"} — ${a.ownerName || "no owner"}${a.dueDate ? `, by ${formatDate(a.dueDate)}` : ""}`).join("; ")}`);
  if (o.notes) lines.push(`Notes: ${o.notes}`);
  return lines;
}

/** The case's outcome record: categories, allocation, support plan, actions, notes; Save draft and Approve. */
export function OutcomeForm(props: OutcomeFormProps) {
  const { meeting, referralId } = props;
  const lift = useOutcomesApi();
  const { state } = useLoad(`${meeting.id}/${referralId}`, () => lift.outcome(meeting.id, referralId));
  if (state.kind !== "ready") return <LoadView state={state} what="the outcome" size="small" />;
  return <OutcomeRecordForm key={`${meeting.id}/${referralId}`} {...props} saved={state.value ?? undefined} />;
}

function OutcomeRecordForm({ meeting, referralId, caseReference, earlyYears, teachers, drafts, saved }: OutcomeFormProps & { saved: OutcomeRecord | undefined }) {
  const styles = useStyles();
  const lift = useOutcomesApi();
  const [validated, setValidated] = useState<"draft" | "approve">();
  const [serverMessages, setServerMessages] = useState<Messages>({});
  const [summaryFor, setSummaryFor] = useState<"save" | "approve">();
  const summaryRef = useRef<HTMLElement>(null);
  const noticesRef = useRef<HTMLDivElement>(null);

  const showProblems = (action: "save" | "approve") => {
    setSummaryFor(action);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const form = useEditableRecord<OutcomeRecord, LiftOutcomeInput, "save" | "approve">({
    initial: saved,
    blank: EMPTY_OUTCOME,
    valueOf: (r) => r.outcome,
    restored: drafts.get(referralId),
    current: async (error) => currentFromDetail<OutcomeRecord>(error.detail, "outcome") ?? (await lift.outcome(meeting.id, referralId)) ?? undefined,
    onFieldErrors: (fieldErrors, action) => {
      // The body is { eTag, outcome }: the record's own paths are under "outcome.".
      setServerMessages(Object.fromEntries(Object.entries(fieldErrors).map(([p, l]) => [p.replace(/^outcome\./, ""), l])));
      showProblems(action);
    },
    failed: (action) => (action === "approve" ? "The outcome was not approved" : "The outcome was not saved"),
  });
  const { record, working, dirty, pending, banner, stale } = form;

  useEffect(() => {
    if (stale || (banner && banner.intent === "error")) noticesRef.current?.focus();
  }, [stale, banner]);

  const toSend = useMemo(() => outcomeToSend(working), [working]);
  const messages = useMemo<Messages>(() => {
    const live = validated ? liftOutcomeValidationMessages(toSend, { mode: validated }).messages : {};
    const out: Messages = { ...live };
    for (const [path, list] of Object.entries(serverMessages)) out[path] = [...new Set([...(out[path] ?? []), ...list])];
    return out;
  }, [validated, toSend, serverMessages]);
  const entries: SummaryEntry[] = useMemo(() => {
    const order = outcomeDisplayOrder(working);
    const rank = new Map(order.map((p, i) => [p, i]));
    return Object.entries(messages)
      .sort(([a], [b]) => (rank.get(a) ?? 999) - (rank.get(b) ?? 999))
      .flatMap(([path, list]) => list.map((message) => ({ path, message })));
  }, [messages, working]);

  const change = (path: string, value: unknown) => {
    form.edit((w) => {
      const next = setAt(w, path, value);
      drafts.set(referralId, next);
      return next;
    });
    setServerMessages((m) => Object.fromEntries(Object.entries(m).filter(([p]) => p !== path && !p.startsWith(`${path}.`))));
  };

  /** Save (when there is anything to save), then approve when asked; `over` saves a re-applied copy against their eTag. */
  const run = (action: "save" | "approve", over?: { eTag: string; body: LiftOutcomeInput }) => {
    if (pending) return;
    const mode = action === "approve" ? "approve" : "draft";
    const body = over?.body ?? toSend;
    setValidated(mode);
    setServerMessages({});
    if (!liftOutcomeValidationMessages(body, { mode }).ok) {
      showProblems(action);
      return;
    }
    setSummaryFor(undefined);
    void form.run(action, async () => {
      let current = record;
      if (over || dirty || !current) {
        current = await lift.saveOutcome(meeting.id, referralId, body, over ? over.eTag : record?.eTag);
        form.accept(current);
        drafts.delete(referralId);
      }
      if (action === "save") {
        form.setBanner({ intent: "success", title: "Draft saved" });
        return current;
      }
      const approved = await lift.approveOutcome(meeting.id, referralId, current.eTag);
      form.setBanner({ intent: "success", title: "Outcome approved", text: "The SENCo can now see the outcome and actions in My referrals." });
      return approved;
    });
  };

  const reapply = () => {
    const mine = form.keepMine();
    if (mine) run("save", { eTag: mine.record.eTag, body: outcomeToSend(mine.value) });
  };
  const useTheirs = () => {
    form.takeTheirs();
    drafts.delete(referralId);
    form.setBanner({ intent: "info", title: "Their version is loaded" });
  };

  const msg = (path: string) => messages[path]?.join(" ");
  const fieldProps = fieldPropsFor(messages, fieldId);

  const categoriesError = msg("categories");
  const approved = record?.status === "approved";
  const statusText =
    pending === "save"
      ? "Saving…"
      : pending === "approve"
        ? "Approving…"
        : dirty
          ? "Unsaved changes"
          : record
            ? `${approved ? "Approved" : "Draft saved"} ${formatDateTime(approved ? record.approvedAt : record.updatedAt)} by ${(approved ? record.approvedByName : record.updatedByName) ?? ""}`
            : "Not saved yet";

  return (
    <Form className={styles.form} aria-label={`Outcome for ${caseReference}`} onSubmit={() => void run("save")}>
      {approved ? (
        <div>
          <Badge appearance="filled" color="success" data-testid="outcome-approved">
            Approved
          </Badge>
        </div>
      ) : null}
      {summaryFor && entries.length > 0 ? (
        <ErrorSummary
          ref={summaryRef}
          id="outcome-errors"
          entries={entries}
          intro={summaryFor === "approve" ? "The outcome cannot be approved yet. Correct these and approve again:" : "The outcome cannot be saved yet. Correct these and save again:"}
        />
      ) : null}

      <fieldset className={styles.group} id={fieldId("categories")} tabIndex={-1} aria-describedby={categoriesError ? "categories-error" : undefined}>
        <legend className={styles.legend}>Outcome (choose all that apply)</legend>
        {OUTCOME_CATEGORIES.map((c) => (
          <Checkbox
            key={c.value}
            label={c.label}
            checked={working.categories.includes(c.value)}
            onChange={(_, d) =>
              change(
                "categories",
                d.checked === true
                  ? [...working.categories, c.value]
                  : working.categories.filter((v: OutcomeCategory) => v !== c.value),
              )
            }
          />
        ))}
        {categoriesError ? (
          <div id="categories-error" className={styles.error}>
            {categoriesError}
          </div>
        ) : null}
      </fieldset>

      <Field {...fieldProps("allocatedTeacherOid", "Allocated specialist teacher", "When a specialist teacher is allocated.")}>
        <Select
          id={fieldId("allocatedTeacherOid")}
          value={working.allocatedTeacherOid ?? ""}
          onChange={(_, d) => change("allocatedTeacherOid", d.value === "" ? undefined : d.value)}
        >
          <option value="">None allocated</option>
          {working.allocatedTeacherOid && !teachers.some((t) => t.oid === working.allocatedTeacherOid) ? (
            <option value={working.allocatedTeacherOid}>{record?.allocatedTeacherName ?? "The teacher allocated before"}</option>
          ) : null}
          {teachers.map((t) => (
            <option key={t.oid} value={t.oid}>
              {t.displayName}
            </option>
          ))}
        </Select>
      </Field>

      {earlyYears || working.senifRequested ? (
        <div>
          <Checkbox
            id={fieldId("senifRequested")}
            label="SENIF practitioner requested"
            checked={working.senifRequested === true}
            aria-describedby={msg("senifRequested") ? "senifRequested-error" : "senifRequested-help"}
            onChange={(_, d) => change("senifRequested", d.checked === true ? true : undefined)}
          />
          <p id="senifRequested-help" className={styles.help}>
            Early years: a SENIF practitioner models the support in the setting, once the specialist teacher is allocated.
          </p>
          {msg("senifRequested") ? (
            <div id="senifRequested-error" className={styles.error}>
              {msg("senifRequested")}
            </div>
          ) : null}
        </div>
      ) : null}

      {allocatesSupport(working) ? (
        <fieldset className={styles.box} data-testid="support-plan">
          <legend className={styles.boxLegend}>Support plan</legend>
          <p className={styles.help}>Needed to approve an outcome that allocates support.</p>
          {SUPPORT_PLAN_FIELDS.map((f) => {
            const path = `supportPlan.${f.key}`;
            const value = working.supportPlan?.[f.key] ?? "";
            return (
              <Field key={f.key} {...fieldProps(path, f.label)}>
                {f.key === "potentialDuration" ? (
                  <Input id={fieldId(path)} value={value} maxLength={200} onChange={(_, d) => change(path, d.value)} />
                ) : (
                  <Textarea id={fieldId(path)} value={value} rows={2} resize="vertical" maxLength={2000} onChange={(_, d) => change(path, d.value)} />
                )}
              </Field>
            );
          })}
          <Field {...fieldProps("supportPlan.reviewDate", "Review date")}>
            <Input
              id={fieldId("supportPlan.reviewDate")}
              type="date"
              value={working.supportPlan?.reviewDate ?? ""}
              onChange={(_, d) => change("supportPlan.reviewDate", d.value === "" ? undefined : d.value)}
            />
          </Field>
        </fieldset>
      ) : null}

      <fieldset className={styles.group} id={fieldId("actions")} tabIndex={-1}>
        <legend className={styles.legend}>Actions</legend>
        {working.actions.length === 0 ? <p className={styles.help}>No actions yet.</p> : null}
        {working.actions.map((a, i) => (
          <fieldset key={a.id} className={styles.box} data-testid="outcome-action">
            <legend className={styles.boxLegend}>Action {i + 1}</legend>
            {msg(`actions.${i}.id`) ? <div className={styles.error}>{msg(`actions.${i}.id`)}</div> : null}
            <Field {...fieldProps(`actions.${i}.description`, "What will be done")}>
              <Textarea
                id={fieldId(`actions.${i}.description`)}
                value={a.description ?? ""}
                rows={2}
                maxLength={1000}
                onChange={(_, d) => change(`actions.${i}.description`, d.value)}
              />
            </Field>
            <Field {...fieldProps(`actions.${i}.ownerName`, "Owner")}>
              <Input id={fieldId(`actions.${i}.ownerName`)} value={a.ownerName ?? ""} maxLength={120} onChange={(_, d) => change(`actions.${i}.ownerName`, d.value)} />
            </Field>
            <Field {...fieldProps(`actions.${i}.dueDate`, "Due date")}>
              <Input
                id={fieldId(`actions.${i}.dueDate`)}
                type="date"
                value={a.dueDate ?? ""}
                onChange={(_, d) => change(`actions.${i}.dueDate`, d.value === "" ? undefined : d.value)}
              />
            </Field>
            <div className={styles.end}>
              <Button
                appearance="subtle"
                icon={<Delete16Regular />}
                onClick={() => {
                  change("actions", working.actions.filter((_, j) => j !== i));
                  requestAnimationFrame(() => document.getElementById(fieldId("actions"))?.focus());
                }}
              >
                Remove action {i + 1}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button
            icon={<Add16Regular />}
            disabled={working.actions.length >= 30}
            onClick={() => {
              const index = working.actions.length;
              change("actions", [...working.actions, newAction()]);
              requestAnimationFrame(() => document.getElementById(fieldId(`actions.${index}.description`))?.focus());
            }}
          >
            Add an action
          </Button>
        </div>
      </fieldset>

      <Field {...fieldProps("notes", "Notes", "The summary the SENCo sees once the outcome is approved.")}>
        <Textarea id={fieldId("notes")} value={working.notes ?? ""} rows={4} resize="vertical" maxLength={4000} onChange={(_, d) => change("notes", d.value)} />
      </Field>

      <div ref={noticesRef} tabIndex={-1} style={{ outline: "none" }}>
        {stale ? (
          <Notice
            intent="warning"
            layout="multiline"
            data-testid="outcome-stale"
            title={`${stale.updatedByName} changed this case`}
            actions={
              <>
                <Button onClick={reapply}>Re-apply my changes to theirs and save</Button>
                <Button onClick={useTheirs}>Use their version</Button>
              </>
            }
          >
            They saved it at {formatDateTime(stale.updatedAt)}, after you opened it. Your changes are still in the form and have not been
            saved. Their version:
            <ul className={styles.theirs}>
              {summaryOf(stale).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <BannerNotice banner={banner} />
      </div>

      <ActionBar label={`Outcome actions for ${caseReference}`} status={statusText}>
        <Button type="submit" icon={<Save16Regular />} disabledFocusable={pending !== undefined || !meeting.can.run}>
          Save draft
        </Button>
        {meeting.can.approve && (!approved || dirty) ? (
          <Button
            appearance="primary"
            icon={<CheckmarkCircle16Regular />}
            disabledFocusable={pending !== undefined}
            onClick={() => void run("approve")}
          >
            {approved ? "Save and approve again" : "Approve"}
          </Button>
        ) : null}
      </ActionBar>
    </Form>
  );
}
