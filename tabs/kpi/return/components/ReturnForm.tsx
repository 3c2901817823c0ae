import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Save20Regular, Send20Regular } from "@fluentui/react-icons";
import { ErrorSummary, Notice, lazyPart, useEditableRecord, type SummaryEntry } from "../../../shell";
import type { KpiApi, KpiReturn, Measure, MeasureGroup } from "../../api";
import { computePercent, missingMeasures, returnDraft, validate, valuesOf, type ReturnDraft } from "../form-state";
import { STATUS_LABELS, formatDateTime } from "../../format";
import { CountField } from "./CountField";
import { measureFieldId } from "./field-layout";
import { GroupCard } from "./GroupCard";
import { HistoryTable } from "../../components/HistoryTable";
import { MissingList } from "./MissingList";
import { OutOfDistrictNote } from "./OutOfDistrictNote";
import { PercentField } from "./PercentField";
import { sharedStyles } from "../../../shell/styles";

// Only a commissioner looking at a submitted return can send it back: the dialog loads then.
const ReturnWithCommentDialog = lazyPart(() => import("../../components/ReturnWithCommentDialog").then((m) => m.ReturnWithCommentDialog), "sending back");

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
    "@media (min-width: 1100px)": { gridTemplateColumns: "minmax(0, 1fr) 300px" },
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  aside: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    "@media (min-width: 1100px)": { position: "sticky", top: tokens.spacingVerticalM },
  },
  history: { "@media (min-width: 1100px)": { gridColumn: "1 / -1" } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  card: sharedStyles.card,
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  outside: {
    marginTop: tokens.spacingVerticalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

export interface ReturnFormProps {
  kpi: KpiApi;
  measures: Measure[];
  groups: { id: MeasureGroup; title: string }[];
  value: KpiReturn;
  districtName: string;
  canWrite: boolean;
  canSendBack: boolean;
  onChanged(next: KpiReturn): void;
}

/** The termly return for one district and term: figures by section, narrative, actions, missing list and history. */
export function ReturnForm({ kpi, measures, groups, value, districtName, canWrite, canSendBack, onChanged }: ReturnFormProps) {
  const styles = useStyles();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ entries: SummaryEntry[]; action: string }>();
  const summaryRef = useRef<HTMLElement>(null);

  const refuse = (errors: Record<string, string>, action: string) => {
    setShowAll(true);
    setSummary({ entries: Object.entries(errors).map(([path, message]) => ({ path, message })), action });
  };
  const form = useEditableRecord<KpiReturn, ReturnDraft, "save" | "submit">({
    initial: value,
    blank: returnDraft(measures, value),
    valueOf: (r) => returnDraft(measures, r),
    current: (error) =>
      (error.detail as { current?: KpiReturn } | undefined)?.current ?? kpi.get(value.districtSlug, value.academicYear, value.term),
    onFieldErrors: (fieldErrors, action) => {
      const flat = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.join(" ")]));
      setServerErrors(flat);
      refuse(flat, action === "submit" ? "submitted" : "saved");
    },
    failed: (action) => `The return was not ${action === "submit" ? "submitted" : "saved"}`,
  });
  const { texts, narrative } = form.working;
  const { pending: busy, banner: notice, stale, accept, edit } = form;

  // A different return (period, district) or a fresh copy from the server replaces what is on screen.
  const identity = `${value.districtSlug}|${value.academicYear}|${value.term}|${value.version}|${value.eTag ?? ""}|${value.status}`;
  useEffect(() => {
    accept(value);
    setTouched(new Set());
    setShowAll(false);
    setServerErrors({});
    // Only a new identity replaces the form (`value` changes with it).
  }, [identity, measures, accept]);

  useEffect(() => {
    if (summary) summaryRef.current?.focus();
  }, [summary]);

  const values = useMemo(() => valuesOf(measures, texts), [measures, texts]);
  const clientErrors = useMemo(() => validate(values, value.academicYear), [values, value.academicYear]);
  const missing = useMemo(() => missingMeasures(measures, values), [measures, values]);
  const byId = useMemo(() => new Map(measures.map((m) => [m.id, m])), [measures]);

  const onChange = useCallback((id: string, text: string) => {
    edit((old) => ({ ...old, texts: { ...old.texts, [id]: text } }));
    setServerErrors((old) => {
      if (!(id in old)) return old;
      const next = { ...old };
      delete next[id];
      return next;
    });
  }, [edit]);
  const onBlur = useCallback((id: string) => setTouched((old) => (old.has(id) ? old : new Set(old).add(id))), []);

  const shownError = (id: string): string | undefined => {
    const client = clientErrors[id];
    // Typing errors show once the field has been left (or after a save); a server message until the field changes.
    if (client && (showAll || touched.has(id))) return client;
    return serverErrors[id];
  };

  /** Save the figures (when they pass the draft rules), then submit when asked. */
  const run = (action: "save" | "submit") => {
    setSummary(undefined);
    const errors = action === "submit" ? validate(values, value.academicYear, "submit") : clientErrors;
    if (Object.keys(errors).length > 0) {
      refuse(errors, action === "submit" ? "submitted" : "saved");
      return;
    }
    void form.run(action, async () => {
      const saved = await kpi.save(value.districtSlug, value.academicYear, value.term, { eTag: form.record?.eTag ?? value.eTag, values, narrative });
      accept(saved);
      onChanged(saved);
      if (action === "save") {
        form.setBanner({ intent: "success", title: "Draft saved", text: `Saved at ${formatDateTime(new Date().toISOString())}. You can come back and finish it later.` });
        return saved;
      }
      const submitted = await kpi.submit(value.districtSlug, value.academicYear, value.term, saved.eTag);
      onChanged(submitted);
      form.setBanner({
        intent: "success",
        title: `Version ${submitted.version} submitted`,
        text: "The commissioners can see it now. You can still amend it: every version is kept.",
      });
      return submitted;
    });
  };

  const wasSubmitted = value.status === "submitted" || value.history.some((h) => h.status === "submitted");
  const readOnly = !canWrite;

  const renderMeasure = (m: Measure) => {
    if (m.kind === "percent") {
      return (
        <PercentField
          key={m.id}
          measure={m}
          computed={computePercent(m, values, clientErrors)}
          numeratorLabel={byId.get(m.numeratorId ?? "")?.label ?? ""}
          denominatorLabel={byId.get(m.denominatorId ?? "")?.label ?? ""}
        />
      );
    }
    return (
      <CountField
        key={m.id}
        measure={m}
        text={texts[m.id] ?? ""}
        error={shownError(m.id)}
        prefill={value.prefill[m.id]}
        readOnly={readOnly}
        onChange={onChange}
        onBlur={onBlur}
      />
    );
  };

  return (
    <div className={styles.layout}>
      <div className={styles.form}>
        {value.status === "returned" && value.returnedComment ? (
          <Notice intent="warning" layout="multiline" data-testid="returned-comment" title="Returned by the commissioner: please amend and submit again">
            {value.returnedComment}
          </Notice>
        ) : null}
        {stale ? (
          <Notice
            intent="warning"
            layout="multiline"
            data-testid="return-stale"
            title="Someone else changed this return"
            actions={
              <>
                <Button
                  onClick={() => {
                    form.takeTheirs();
                    onChanged(stale);
                  }}
                >
                  Load the latest version
                </Button>
                <Button onClick={() => void form.keepMine()}>Re-apply my changes to theirs</Button>
              </>
            }
          >
            It was saved elsewhere since you opened it (version {stale.version}, {STATUS_LABELS[stale.status]}). Your figures are still
            shown and have not been saved. Load theirs, or re-apply your changes to theirs, check them and save.
          </Notice>
        ) : null}
        {summary ? (
          <ErrorSummary
            ref={summaryRef}
            entries={summary.entries}
            intro={`The return cannot be ${summary.action} yet. Correct these and try again:`}
            fieldIdOf={measureFieldId}
          />
        ) : null}
        {readOnly ? (
          <MessageBar intent="info">
            <MessageBarBody>You can read this return. Only {districtName}&apos;s STLS lead or a commissioner can change it.</MessageBarBody>
          </MessageBar>
        ) : null}

        {groups.map((group) => {
          const inGroup = measures.filter((m) => m.group === group.id);
          if (inGroup.length === 0) return null;
          const own = inGroup.filter((m) => !m.outOfDistrict);
          const outside = inGroup.filter((m) => m.outOfDistrict);
          return (
            <GroupCard key={group.id} id={group.id} title={group.title}>
              {own.map(renderMeasure)}
              {outside.length > 0 ? (
                <div className={styles.outside} data-testid="out-of-district">
                  <OutOfDistrictNote />
                  {outside.map(renderMeasure)}
                </div>
              ) : null}
            </GroupCard>
          );
        })}

        <Card className={styles.card}>
          <Field
            label={{ children: "Narrative", htmlFor: "kpi-narrative" }}
            hint="What the figures do not say: the needs behind KPI 3.3's courses, changes in staffing, anything unusual this term."
          >
            <Textarea
              id="kpi-narrative"
              value={narrative}
              readOnly={readOnly}
              rows={6}
              resize="vertical"
              onChange={(_, data) => edit((old) => ({ ...old, narrative: data.value }))}
            />
          </Field>
        </Card>
      </div>

      <aside className={styles.aside} aria-label="Return actions and progress">
        {canWrite ? (
          <Card className={styles.card}>
            <h3 className={styles.heading}>{wasSubmitted ? "Amend the return" : "Save or submit"}</h3>
            <Text size={200}>
              {wasSubmitted
                ? `Version ${value.version} is submitted. Change any figure, then submit again: every version is kept.`
                : "Save a draft as you go; submit when every figure you can give is in."}
            </Text>
            <div className={styles.actions}>
              <Button icon={<Save20Regular />} onClick={() => run("save")} disabled={busy !== undefined}>
                {busy === "save" ? "Saving…" : "Save draft"}
              </Button>
              <Button appearance="primary" icon={<Send20Regular />} onClick={() => run("submit")} disabled={busy !== undefined}>
                {busy === "submit" ? "Submitting…" : wasSubmitted ? "Submit amended return" : "Submit return"}
              </Button>
              {canSendBack && value.status === "submitted" ? (
                <ReturnWithCommentDialog
                  districtName={districtName}
                  onReturn={async (comment) => {
                    const next = await kpi.sendBack(value.districtSlug, value.academicYear, value.term, comment);
                    onChanged(next);
                    form.setBanner({ intent: "success", title: "Returned to the lead", text: "The lead sees your comment at the top of the return." });
                  }}
                />
              ) : null}
            </div>
          </Card>
        ) : null}
        <div aria-live="polite">
          {notice ? (
            <Notice intent={notice.intent} layout="multiline" data-testid="form-notice" title={notice.title}>
              {notice.text}
            </Notice>
          ) : null}
        </div>
        <MissingList missing={missing} narrativeMissing={narrative.trim() === ""} />
      </aside>
      <Card className={mergeClasses(styles.card, styles.history)} role="region" aria-labelledby="history-heading">
        <h3 id="history-heading" className={styles.heading}>
          History
        </h3>
        <HistoryTable history={value.history} />
      </Card>
    </div>
  );
}
