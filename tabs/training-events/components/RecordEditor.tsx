/**
 * One training session or transition event being recorded or changed, the same way for both: the
 * shared input schema checked on save, messages beside each field and in an error summary linking
 * to them, a refusal's field messages (400) merged in, one action at a time; a change is saved with
 * the record's eTag, and someone else's newer save (412) is offered as theirs or mine re-applied
 * onto theirs. A record made in error can be deleted at the version shown. Each form says only what
 * its fields are.
 */
import { fieldPropsFor } from "../../shell/form-messages";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import { ActionBar, ApiError, BannerNotice, ErrorSummary, Form, Notice, StaleNotice, errorMessage, fieldId, newKey, setAt, useEditableRecord, type Banner } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { fieldPathOf, summaryOf, unwrapFieldErrors, type Messages } from "../forms";

const useStyles = makeStyles({ form: sharedStyles.form });

export interface EditorRecord {
  id: string;
  eTag: string;
}

export interface RecordEditorProps<R extends EditorRecord, F> {
  /** Names the form's field ids and is the body's wrapper (`session`, `event`). */
  name: "session" | "event";
  /** "training session", "transition event". */
  noun: string;
  record: R | undefined;
  blank: F;
  formOf(record: R): F;
  toSend(form: F): Record<string, unknown>;
  messagesOf(sent: Record<string, unknown>): Messages;
  order: readonly string[];
  create(idempotencyKey: string, sent: Record<string, unknown>): Promise<R>;
  update(id: string, eTag: string, sent: Record<string, unknown>): Promise<R>;
  remove(id: string, eTag: string): Promise<unknown>;
  fetch(id: string): Promise<R>;
  /** Their version in a sentence, for the stale notice. */
  describe(record: R): string;
  /** Saved (with the record) or deleted. */
  onDone(banner: Banner, saved?: R): void;
  onCancel(): void;
  children(fields: EditorFields<F>): ReactNode;
}

export interface EditorFields<F> {
  form: F;
  change(path: string, value: unknown): void;
  idOf(path: string): string;
  /** The messages at a path (joined), if any. */
  msg(path: string): string | undefined;
  messages: Messages;
  /** A Fluent Field's props for a path: label tied to the control, the message beside it. */
  field(path: string, label: string, hint?: string): object;
}

export function RecordEditor<R extends EditorRecord, F extends object>(p: RecordEditorProps<R, F>) {
  const styles = useStyles();
  const key = useRef(newKey(p.name));
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<Messages>({});
  const [summary, setSummary] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const idOf = (path: string) => fieldId(`${p.name}.${path}`);
  const showSummary = () => {
    setSummary(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const editor = useEditableRecord<R, F, "save" | "delete">({
    initial: p.record,
    blank: p.blank,
    valueOf: p.formOf,
    current: (_error, mine) => (mine ? p.fetch(mine.id) : undefined),
    onFieldErrors: (fieldErrors) => {
      setServer(unwrapFieldErrors(fieldErrors, p.name));
      showSummary();
    },
    failed: (action) => (action === "delete" ? `The ${p.noun} was not deleted` : `The ${p.noun} was not saved`),
  });
  const { working: form, pending, stale, banner, dirty } = editor;

  const messages = useMemo(() => {
    const out: Messages = checked ? p.messagesOf(p.toSend(form)) : {};
    for (const [path, list] of Object.entries(server)) out[path] = [...new Set([...(out[path] ?? []), ...list])];
    return out;
  }, [checked, form, server, p]);
  const msg = (path: string) => messages[path]?.join(" ");
  const field = fieldPropsFor(messages, idOf);
  const change = (path: string, value: unknown) => {
    editor.edit((w) => setAt(w, path, value));
    setServer((m) => Object.fromEntries(Object.entries(m).filter(([q]) => q !== path && !q.startsWith(`${path}.`))));
  };

  const save = (over?: { record: R; form: F }) => {
    const sent = p.toSend(over?.form ?? form);
    setChecked(true);
    setServer({});
    if (Object.keys(p.messagesOf(sent)).length > 0) return showSummary();
    setSummary(false);
    const record = over?.record ?? editor.record;
    void editor.run("save", async () => {
      const saved = record ? await p.update(record.id, record.eTag, sent) : await p.create(key.current, sent);
      p.onDone({ intent: "success", title: record ? `The ${p.noun} is saved` : `The ${p.noun} is recorded` }, saved);
      return saved;
    });
  };

  const remove = () => {
    const record = editor.record;
    if (!record) return;
    setConfirmDelete(false);
    void editor.run("delete", async () => {
      try {
        await p.remove(record.id, record.eTag);
      } catch (error) {
        // A stale delete is not offered as a merge: say so, and show their version.
        if (error instanceof ApiError && error.status === 412) throw new Error(`${errorMessage(error)} Reload the list to see their version.`);
        throw error;
      }
      p.onDone({ intent: "success", title: `The ${p.noun} is deleted` });
    });
  };

  const title = editor.record ? `Change the ${p.noun}` : `Record a ${p.noun}`;
  return (
    <Form className={styles.form} aria-label={title} data-testid={`${p.name}-form`} onSubmit={() => save()}>
      {summary && Object.keys(messages).length > 0 ? (
        <ErrorSummary
          ref={summaryRef}
          id={`${p.name}-errors`}
          entries={summaryOf(messages, p.order)}
          fieldIdOf={(path) => idOf(fieldPathOf(path))}
          intro={`The ${p.noun} cannot be saved yet. Correct these and save again:`}
        />
      ) : null}
      {p.children({ form, change, idOf, msg, messages, field })}
      {stale ? (
        <StaleNotice
          title={`Someone else changed this ${p.noun}`}
          data-testid={`${p.name}-stale`}
          onKeepMine={() => {
            const mine = editor.keepMine();
            if (mine) save({ record: mine.record, form: mine.value });
          }}
          onTakeTheirs={() => editor.takeTheirs()}
        >
          Their version (saved after you opened it): {p.describe(stale)}. Your changes have not been saved.
        </StaleNotice>
      ) : null}
      {confirmDelete ? (
        <Notice
          intent="warning"
          title={`Delete this ${p.noun}?`}
          actions={
            <>
              <Button onClick={remove}>Delete it</Button>
              <Button onClick={() => setConfirmDelete(false)}>Keep it</Button>
            </>
          }
        >
          Delete it only if it was recorded in error: it leaves every KPI figure.
        </Notice>
      ) : null}
      <BannerNotice banner={banner} />
      <ActionBar label={title} sticky={false} status={pending === "save" ? "Saving…" : pending === "delete" ? "Deleting…" : dirty ? "Unsaved changes" : ""}>
        <Button type="submit" appearance="primary" icon={<Save16Regular />} disabledFocusable={pending !== undefined}>
          {editor.record ? `Save the ${p.noun}` : `Record the ${p.noun}`}
        </Button>
        {editor.record ? (
          <Button icon={<Delete16Regular />} disabledFocusable={pending !== undefined} onClick={() => setConfirmDelete(true)}>
            Delete…
          </Button>
        ) : null}
        <Button onClick={p.onCancel}>Cancel</Button>
      </ActionBar>
    </Form>
  );
}
