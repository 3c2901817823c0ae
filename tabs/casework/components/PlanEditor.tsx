import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Field, Input, Textarea, makeStyles } from "@fluentui/react-components";
import { Save16Regular } from "@fluentui/react-icons";
import { SUPPORT_PLAN_FIELDS } from "../../../src/schemas/lift-outcomes/outcome";
import { ActionBar, BannerNotice, ErrorSummary, FactList, Form, StaleNotice, currentFromDetail, fieldId, formatDate, setAt, useEditableRecord } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi, type FullCase } from "../api";
import { PLAN_ORDER, planForm, planMessages, planToSend, summaryOf, unwrapFieldErrors, type Messages, type PlanForm } from "../case-forms";

const useStyles = makeStyles({ form: sharedStyles.form });

/** Ids of the plan's fields: "plan." keeps them apart from the outcome form's `supportPlan.` ones. */
const idOf = (key: string) => fieldId(`plan.${key}`);

/**
 * The case's support plan (copied from the LIFT outcome, or written for a direct or clinic case):
 * its text and review date, saved with the case's eTag; the next review follows the review date.
 * Someone else's newer save (412) is offered as theirs or mine re-applied onto theirs.
 */
export function PlanEditor({ record, canEdit, onSaved }: { record: FullCase; canEdit: boolean; onSaved(): void }) {
  const styles = useStyles();
  const casework = useCaseworkApi();
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<Messages>({});
  const [summary, setSummary] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);

  const editor = useEditableRecord<FullCase, PlanForm, "save">({
    initial: record,
    blank: planForm({}),
    valueOf: (c) => planForm(c.supportPlan),
    current: async (error) => {
      const theirs = currentFromDetail<FullCase>(error.detail, "case");
      if (theirs) return theirs;
      const again = await casework.case(record.id);
      return again.view === "full" ? again.case : undefined;
    },
    onFieldErrors: (fieldErrors) => {
      // The body is { eTag, changes: { supportPlan } }: the form's paths are the plan's own.
      setServer(unwrapFieldErrors(unwrapFieldErrors(fieldErrors, "changes"), "supportPlan"));
      setSummary(true);
    },
    failed: () => "The support plan was not saved",
  });
  const { working: form, pending, stale, banner, dirty, accept } = editor;
  // A review elsewhere on the page moves the plan's review date on: follow it unless I am editing.
  useEffect(() => {
    if (!dirty && editor.record?.eTag !== record.eTag) accept(record);
  }, [record.eTag]);

  const messages = useMemo(() => {
    const out: Messages = checked ? planMessages(planToSend(form), record.openedAt) : {};
    for (const [p, l] of Object.entries(server)) out[p] = [...new Set([...(out[p] ?? []), ...l])];
    return out;
  }, [checked, form, server, record.openedAt]);
  const msg = (path: string) => messages[path]?.join(" ");
  const field = (path: string, label: string) => ({
    label: { children: label, htmlFor: idOf(path) },
    validationState: msg(path) ? ("error" as const) : ("none" as const),
    validationMessage: msg(path) ? { children: msg(path), role: undefined } : undefined,
  });
  const change = (path: string, value: string) => {
    editor.edit((w) => setAt(w, path, value));
    setServer((m) => Object.fromEntries(Object.entries(m).filter(([p]) => p !== path)));
  };

  const save = (over?: { eTag: string; form: PlanForm }) => {
    const plan = planToSend(over?.form ?? form);
    setChecked(true);
    setServer({});
    if (Object.keys(planMessages(plan, record.openedAt)).length > 0) {
      setSummary(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSummary(false);
    void editor.run("save", async () => {
      const saved = await casework.update(record.id, over?.eTag ?? editor.record?.eTag ?? record.eTag, { supportPlan: plan });
      editor.setBanner({ intent: "success", title: "Support plan saved", text: saved.nextReviewDue ? `Next review due ${formatDate(saved.nextReviewDue)}.` : undefined });
      onSaved();
      return saved;
    });
  };

  if (!canEdit) {
    return <FactList rows={[...SUPPORT_PLAN_FIELDS.map((f) => [f.label, record.supportPlan[f.key]] as const), ["Review date", formatDate(record.supportPlan.reviewDate)]]} />;
  }

  return (
    <Form className={styles.form} aria-label="Support plan" data-testid="plan-form" onSubmit={() => save()}>
      {summary && Object.keys(messages).length > 0 ? (
        <ErrorSummary ref={summaryRef} id="plan-errors" entries={summaryOf(messages, PLAN_ORDER)} fieldIdOf={idOf} intro="The support plan cannot be saved yet. Correct these and save again:" />
      ) : null}
      {SUPPORT_PLAN_FIELDS.map((f) => (
        <Field key={f.key} {...field(f.key, f.label)}>
          {f.key === "potentialDuration" ? (
            <Input id={idOf(f.key)} value={form[f.key]} maxLength={200} onChange={(_, d) => change(f.key, d.value)} />
          ) : (
            <Textarea id={idOf(f.key)} value={form[f.key]} rows={2} resize="vertical" maxLength={2000} onChange={(_, d) => change(f.key, d.value)} />
          )}
        </Field>
      ))}
      <Field {...field("reviewDate", "Review date")} hint="The next review is due by this date.">
        <Input id={idOf("reviewDate")} type="date" value={form.reviewDate} onChange={(_, d) => change("reviewDate", d.value)} />
      </Field>
      {stale ? (
        <StaleNotice
          title="Someone else changed this case"
          data-testid="plan-stale"
          onKeepMine={() => {
            const mine = editor.keepMine();
            if (mine) save({ eTag: mine.record.eTag, form: mine.value });
          }}
          onTakeTheirs={() => editor.takeTheirs()}
        >
          Their version (saved after you opened the case) has the review date {formatDate(stale.supportPlan.reviewDate) || "unset"}. Your changes have not been saved.
        </StaleNotice>
      ) : null}
      <BannerNotice banner={banner} />
      <ActionBar label="Support plan" sticky={false} status={pending ? "Saving…" : dirty ? "Unsaved changes" : ""}>
        <Button type="submit" appearance="primary" icon={<Save16Regular />} disabledFocusable={pending !== undefined}>
          Save the support plan
        </Button>
      </ActionBar>
    </Form>
  );
}
