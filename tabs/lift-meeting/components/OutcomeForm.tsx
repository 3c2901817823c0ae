import { useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, CheckmarkCircle16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import {
  OUTCOME_CATEGORIES,
  SUPPORT_PLAN_FIELDS,
  liftOutcomeValidationMessages,
  outcomeCategoryLabel,
  type OutcomeCategory,
} from "../../../src/schemas/lift-outcomes/outcome";
import { ActionBar, ApiError, ErrorSummary, errorMessage, fieldId, formatDate, formatDateTime, setAt, useLoad, type SummaryEntry } from "../../shell";
import { currentFromDetail, type DistrictPerson, type LiftOutcomeInput, type MeetingDetail, type OutcomeRecord } from "../api";
import { useLiftApi } from "../hooks";
import { EMPTY_OUTCOME, allocatesSupport, newAction, outcomeDisplayOrder, outcomeToSend, reapplyMine } from "../outcome-form";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  box: {
    margin: 0,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  boxLegend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  theirs: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  end: { display: "flex", justifyContent: "flex-end" },
});

type Messages = Record<string, string[]>;
type Pending = "save" | "approve" | undefined;

export interface OutcomeFormProps {
  meeting: MeetingDetail;
  referralId: string;
  caseReference: string;
  teachers: DistrictPerson[];
  /** Unsaved edits per case, kept while the panel moves between cases. */
  drafts: Map<string, LiftOutcomeInput>;
}

function summaryOf(record: OutcomeRecord): string[] {
  const o = record.outcome;
  const lines = [`Outcome: ${o.categories.length > 0 ? o.categories.map(outcomeCategoryLabel).join("; ") : "none chosen"}`];
  if (record.allocatedTeacherName) lines.push(`Specialist teacher: ${record.allocatedTeacherName}`);
  if (o.actions.length > 0) lines.push(`Actions: ${o.actions.map((a) => `${a.description || "(no description)"} — ${a.ownerName || "no owner"}${a.dueDate ? `, by ${formatDate(a.dueDate)}` : ""}`).join("; ")}`);
  if (o.notes) lines.push(`Notes: ${o.notes}`);
  return lines;
}

/** The case's outcome record: categories, allocation, support plan, actions, notes; Save draft and Approve. */
export function OutcomeForm({ meeting, referralId, caseReference, teachers, drafts }: OutcomeFormProps) {
  const styles = useStyles();
  const lift = useLiftApi();
  const { state } = useLoad(`${meeting.id}/${referralId}`, () => lift.outcome(meeting.id, referralId));

  const [record, setRecord] = useState<OutcomeRecord | null>(null);
  const [base, setBase] = useState<LiftOutcomeInput>(EMPTY_OUTCOME);
  const [working, setWorking] = useState<LiftOutcomeInput>(EMPTY_OUTCOME);
  const [ready, setReady] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [validated, setValidated] = useState<"draft" | "approve">();
  const [serverMessages, setServerMessages] = useState<Messages>({});
  const [summaryFor, setSummaryFor] = useState<"save" | "approve">();
  const [stale, setStale] = useState<OutcomeRecord>();
  const [banner, setBanner] = useState<{ intent: "success" | "error" | "info"; title: string; text?: string }>();
  const [pending, setPending] = useState<Pending>();
  const pendingRef = useRef<Pending>(undefined);
  const summaryRef = useRef<HTMLElement>(null);
  const noticesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (ready || state.kind !== "ready") return;
    const saved = state.value;
    setRecord(saved);
    setBase(saved?.outcome ?? EMPTY_OUTCOME);
    const cached = drafts.get(referralId);
    setWorking(cached ?? saved?.outcome ?? EMPTY_OUTCOME);
    setDirty(Boolean(cached));
    setReady(true);
  }, [ready, state, drafts, referralId]);

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

  if (state.kind === "loading" || (state.kind === "ready" && !ready)) return <Spinner size="small" label="Loading the outcome…" />;
  if (state.kind === "error") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load the outcome: {state.message}</MessageBarBody>
      </MessageBar>
    );
  }

  const change = (path: string, value: unknown) => {
    setWorking((w) => {
      const next = setAt(w, path, value);
      drafts.set(referralId, next);
      return next;
    });
    setServerMessages((m) => Object.fromEntries(Object.entries(m).filter(([p]) => p !== path && !p.startsWith(`${path}.`))));
    setDirty(true);
    setBanner(undefined);
  };

  const showProblems = (action: "save" | "approve") => {
    setSummaryFor(action);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const handleError = (error: unknown, action: "save" | "approve") => {
    if (error instanceof ApiError && error.status === 412) {
      const current = currentFromDetail<OutcomeRecord>(error.detail, "outcome");
      if (current) setStale(current);
      else {
        lift
          .outcome(meeting.id, referralId)
          .then((r) => (r ? setStale(r) : setBanner({ intent: "error", title: "Someone else changed this case", text: "Save again to keep your version." })))
          .catch((e: unknown) => setBanner({ intent: "error", title: "Someone else changed this case", text: errorMessage(e) }));
      }
      return;
    }
    if (error instanceof ApiError && error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
      // The body is { eTag, outcome }: the record's own paths are under "outcome.".
      setServerMessages(Object.fromEntries(Object.entries(error.fieldErrors).map(([p, l]) => [p.replace(/^outcome\./, ""), l])));
      showProblems(action);
      return;
    }
    setBanner({ intent: "error", title: action === "approve" ? "The outcome was not approved" : "The outcome was not saved", text: errorMessage(error) });
  };

  const persist = async (eTag = record?.eTag, body = toSend): Promise<OutcomeRecord> => {
    const saved = await lift.saveOutcome(meeting.id, referralId, body, eTag);
    setRecord(saved);
    setBase(saved.outcome);
    setWorking(saved.outcome);
    drafts.delete(referralId);
    setDirty(false);
    return saved;
  };

  const run = async (action: "save" | "approve", override?: { eTag?: string; body: LiftOutcomeInput }) => {
    if (pendingRef.current) return;
    const mode = action === "approve" ? "approve" : "draft";
    const body = override?.body ?? toSend;
    setValidated(mode);
    setServerMessages({});
    setBanner(undefined);
    if (!liftOutcomeValidationMessages(body, { mode }).ok) {
      showProblems(action);
      return;
    }
    setSummaryFor(undefined);
    pendingRef.current = action;
    setPending(action);
    try {
      let saved = record;
      if (override || dirty || !saved) saved = await persist(override ? override.eTag : record?.eTag, body);
      if (action === "save") {
        setBanner({ intent: "success", title: "Draft saved" });
        return;
      }
      const approved = await lift.approveOutcome(meeting.id, referralId, saved.eTag);
      setRecord(approved);
      setBase(approved.outcome);
      setWorking(approved.outcome);
      setBanner({ intent: "success", title: "Outcome approved", text: "The SENCo can now see the outcome and actions in My referrals." });
    } catch (error) {
      handleError(error, action);
    } finally {
      pendingRef.current = undefined;
      setPending(undefined);
    }
  };

  const reapply = () => {
    if (!stale) return;
    const merged = reapplyMine(base, working, stale.outcome);
    setRecord(stale);
    setBase(stale.outcome);
    setWorking(merged);
    setStale(undefined);
    void run("save", { eTag: stale.eTag, body: outcomeToSend(merged) });
  };
  const useTheirs = () => {
    if (!stale) return;
    setRecord(stale);
    setBase(stale.outcome);
    setWorking(stale.outcome);
    drafts.delete(referralId);
    setDirty(false);
    setStale(undefined);
    setBanner({ intent: "info", title: "Their version is loaded" });
  };

  const msg = (path: string) => messages[path]?.join(" ");
  const fieldProps = (path: string, label: string, hint?: string) => {
    const error = msg(path);
    return {
      label: { children: label, htmlFor: fieldId(path) },
      hint,
      validationState: error ? ("error" as const) : ("none" as const),
      // The error summary announces problems; per-field alerts would all speak at once.
      validationMessage: error ? { children: error, role: undefined } : undefined,
    };
  };

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
    <form
      className={styles.form}
      noValidate
      aria-label={`Outcome for ${caseReference}`}
      onSubmit={(event) => {
        event.preventDefault();
        void run("save");
      }}
    >
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
          <MessageBar intent="warning" layout="multiline" data-testid="outcome-stale">
            <MessageBarBody>
              <MessageBarTitle>{stale.updatedByName} changed this case</MessageBarTitle>
              They saved it at {formatDateTime(stale.updatedAt)}, after you opened it. Your changes are still in the form and have not been
              saved. Their version:
              <ul className={styles.theirs}>
                {summaryOf(stale).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={reapply}>Re-apply my changes to theirs and save</Button>
              <Button onClick={useTheirs}>Use their version</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {banner ? (
          <MessageBar intent={banner.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{banner.title}</MessageBarTitle>
              {banner.text}
            </MessageBarBody>
          </MessageBar>
        ) : null}
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
    </form>
  );
}
