import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Checkbox, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import { TARGET_AGREED_WITH, type Target } from "../../../src/schemas/casework/records";
import { ActionBar, BannerNotice, ErrorSummary, Form, StaleNotice, currentFromDetail, fieldId, formatDate, formatDateTime, setAt, ukToday, useEditableRecord } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { useCaseworkApi, type FullCase } from "../api";
import { newTarget, summaryOf, targetMessages, targetsOrder, unwrapFieldErrors, type Messages } from "../case-forms";
import { agreedWithLabel } from "../labels";

const useStyles = makeStyles({
  form: sharedStyles.form,
  box: sharedStyles.box,
  legend: sharedStyles.legend,
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  error: sharedStyles.fieldError,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  intro: sharedStyles.intro,
});

/**
 * The case's targets, set with the school, family and child, saved with the case's eTag. Someone
 * else's newer save (412) is offered as theirs or mine re-applied onto theirs (useEditableRecord).
 */
export function TargetsEditor({ record, canEdit, onSaved }: { record: FullCase; canEdit: boolean; onSaved(): void }) {
  const styles = useStyles();
  const casework = useCaseworkApi();
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<Messages>({});
  const [summary, setSummary] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const today = ukToday();

  const editor = useEditableRecord<FullCase, Target[], "save">({
    initial: record,
    blank: [],
    valueOf: (c) => c.targets,
    current: async (error) => {
      const theirs = currentFromDetail<FullCase>(error.detail, "case");
      if (theirs) return theirs;
      const again = await casework.case(record.id);
      return again.view === "full" ? again.case : undefined;
    },
    onFieldErrors: (fieldErrors) => {
      setServer(unwrapFieldErrors(fieldErrors, "changes"));
      setSummary(true);
    },
    failed: () => "The targets were not saved",
  });
  const { working: targets, pending, stale, banner, dirty } = editor;
  // A review or status change elsewhere on the page answers a newer case: follow it unless I am editing.
  const { accept } = editor;
  useEffect(() => {
    if (!dirty && editor.record?.eTag !== record.eTag) accept(record);
  }, [record.eTag]);

  const messages = useMemo(() => {
    const out: Messages = checked ? targetMessages(targets) : {};
    for (const [p, l] of Object.entries(server)) out[p] = [...(out[p] ?? []), ...l];
    return out;
  }, [checked, targets, server]);
  const msg = (path: string) => messages[path]?.join(" ");
  const change = (path: string, value: unknown) => {
    editor.edit((w) => setAt({ targets: w }, path, value).targets);
    setServer({});
  };

  const save = (over?: { eTag: string; targets: Target[] }) => {
    const body = over?.targets ?? targets;
    setChecked(true);
    setServer({});
    if (Object.keys(targetMessages(body)).length > 0) {
      setSummary(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSummary(false);
    void editor.run("save", async () => {
      const saved = await casework.update(record.id, over?.eTag ?? editor.record?.eTag ?? record.eTag, { targets: body });
      editor.setBanner({ intent: "success", title: "Targets saved" });
      onSaved();
      return saved;
    });
  };

  if (!canEdit) {
    return targets.length === 0 ? (
      <p className={styles.intro}>No targets set.</p>
    ) : (
      <ul className={styles.list} aria-label="Targets">
        {targets.map((t) => (
          <li key={t.id}>
            {t.text} (agreed with {agreedWithLabel(t.agreedWith)}; set {formatDate(t.setAt)}
            {t.endedAt ? `, ended ${formatDate(t.endedAt)}` : ""})
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Form className={styles.form} aria-label="Targets" data-testid="targets-form" onSubmit={() => save()}>
      {summary && Object.keys(messages).length > 0 ? (
        <ErrorSummary ref={summaryRef} id="targets-errors" entries={summaryOf(messages, targetsOrder(targets))} intro="The targets cannot be saved yet. Correct these and save again:" />
      ) : null}
      {targets.length === 0 ? <p className={styles.intro}>No targets yet: add the targets agreed with the school, family and child.</p> : null}
      {targets.map((t, i) => {
        const agreedError = msg(`targets.${i}.agreedWith`);
        return (
          <fieldset key={t.id} className={styles.box} aria-label={`Target ${i + 1}`} data-testid="target">
            <legend className={styles.legend}>Target {i + 1}</legend>
            <Field label={{ children: "Target", htmlFor: fieldId(`targets.${i}.text`) }} validationState={msg(`targets.${i}.text`) ? "error" : "none"} validationMessage={msg(`targets.${i}.text`) ? { children: msg(`targets.${i}.text`), role: undefined } : undefined}>
              <Textarea id={fieldId(`targets.${i}.text`)} value={t.text} rows={2} maxLength={1000} onChange={(_, d) => change(`targets.${i}.text`, d.value)} />
            </Field>
            <fieldset className={styles.group} id={fieldId(`targets.${i}.agreedWith`)} tabIndex={-1} aria-describedby={agreedError ? `agreed-${i}-error` : undefined}>
              <legend className={styles.legend}>Agreed with</legend>
              {TARGET_AGREED_WITH.map((o) => (
                <Checkbox
                  key={o.value}
                  label={o.label}
                  checked={t.agreedWith.includes(o.value)}
                  onChange={(_, d) => change(`targets.${i}.agreedWith`, d.checked === true ? [...t.agreedWith, o.value] : t.agreedWith.filter((v) => v !== o.value))}
                />
              ))}
              {agreedError ? (
                <div id={`agreed-${i}-error`} className={styles.error}>
                  {agreedError}
                </div>
              ) : null}
            </fieldset>
            <Field label={{ children: "Date set", htmlFor: fieldId(`targets.${i}.setAt`) }} validationState={msg(`targets.${i}.setAt`) ? "error" : "none"} validationMessage={msg(`targets.${i}.setAt`) ? { children: msg(`targets.${i}.setAt`), role: undefined } : undefined}>
              <Input id={fieldId(`targets.${i}.setAt`)} type="date" value={t.setAt} onChange={(_, d) => change(`targets.${i}.setAt`, d.value)} />
            </Field>
            <div>
              <Button appearance="subtle" icon={<Delete16Regular />} onClick={() => change("targets", targets.filter((_, j) => j !== i))}>
                Remove target {i + 1}
              </Button>
            </div>
          </fieldset>
        );
      })}
      {stale ? (
        <StaleNotice
          title="Someone else changed this case"
          data-testid="targets-stale"
          onKeepMine={() => {
            const mine = editor.keepMine();
            if (mine) save({ eTag: mine.record.eTag, targets: mine.value });
          }}
          onTakeTheirs={() => editor.takeTheirs()}
        >
          Their version (saved after you opened the case): {stale.targets.length === 0 ? "no targets" : stale.targets.map((x) => x.text).join("; ")}. Your changes have not been saved.
        </StaleNotice>
      ) : null}
      <BannerNotice banner={banner} />
      <ActionBar label="Targets" sticky={false} status={pending ? "Saving…" : dirty ? "Unsaved changes" : `Last saved ${formatDateTime(record.history[record.history.length - 1]?.at)}`}>
        <Button
          icon={<Add16Regular />}
          disabled={targets.length >= 50}
          onClick={() => {
            const index = targets.length;
            change("targets", [...targets, newTarget(today)]);
            requestAnimationFrame(() => document.getElementById(fieldId(`targets.${index}.text`))?.focus());
          }}
        >
          Add a target
        </Button>
        <Button type="submit" appearance="primary" icon={<Save16Regular />} disabledFocusable={pending !== undefined}>
          Save targets
        </Button>
      </ActionBar>
    </Form>
  );
}
