/**
 * One small form of the case page (visit, review, status, closure, clinic): checked with the shared
 * input schema on submit, messages beside each field and in an error summary that links to them, a
 * refusal's field messages merged in, one action at a time, and the outcome banner. Each form says
 * only what its fields are. Field ids carry the form's name, since several forms share paths ("date").
 */
import { fieldPropsFor } from "../../shell/form-messages";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ActionBar, ApiError, BannerNotice, ErrorSummary, Form, errorMessage, fieldId, setAt, type Banner } from "../../shell";
import { sharedStyles } from "../../shell/styles";
import { summaryOf, unwrapFieldErrors, type Messages } from "../case-forms";

const useStyles = makeStyles({
  form: sharedStyles.form,
  group: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  legend: sharedStyles.legend,
  error: sharedStyles.fieldError,
});

export interface CheckedFormOptions<F> {
  /** Names the form: its field ids and its error summary's id. */
  name: string;
  blank: F;
  /** What is sent and its messages by path (the form's own paths). */
  check(form: F): { sent: Record<string, unknown>; messages: Messages };
  order(form: F): string[];
  /** The body's wrapper around the record (`visit`, `review`), taken off a refusal's field paths. */
  wrapper: string;
  /** Sends; answers the banner to show. Throws ApiError when refused. */
  submit(sent: Record<string, unknown>): Promise<Banner>;
  failed: string;
}

export function useCheckedForm<F extends object>(o: CheckedFormOptions<F>) {
  const styles = useStyles();
  const [form, setForm] = useState<F>(o.blank);
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<Messages>({});
  const [pending, setPending] = useState(false);
  const [banner, setBanner] = useState<Banner>();
  const [summary, setSummary] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const idOf = (path: string) => fieldId(`${o.name}.${path}`);

  const { sent, messages: live } = useMemo(() => o.check(form), [form, o]);
  const messages: Messages = useMemo(() => {
    const out: Messages = checked ? { ...live } : {};
    for (const [p, l] of Object.entries(server)) out[p] = [...new Set([...(out[p] ?? []), ...l])];
    return out;
  }, [checked, live, server]);

  const change = (path: string, value: unknown) => {
    setForm((f) => setAt(f, path, value));
    setServer((m) => Object.fromEntries(Object.entries(m).filter(([p]) => p !== path && !p.startsWith(`${path}.`))));
    setBanner((b) => (b?.intent === "success" ? undefined : b));
  };
  const showSummary = () => {
    setSummary(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async () => {
    if (pending) return;
    setChecked(true);
    setServer({});
    if (Object.keys(live).length > 0) return showSummary();
    setSummary(false);
    setPending(true);
    setBanner(undefined);
    try {
      setBanner(await o.submit(sent));
      setForm(o.blank);
      setChecked(false);
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
        setServer(unwrapFieldErrors(error.fieldErrors, o.wrapper));
        showSummary();
      } else {
        setBanner({ intent: "error", title: o.failed, text: errorMessage(error) });
      }
    } finally {
      setPending(false);
    }
  };

  const msg = (path: string) => messages[path]?.join(" ");
  const field = fieldPropsFor(messages, idOf);
  /** A fieldset of checkboxes or radios, focusable from the summary, with its message. */
  const group = (path: string, legend: string, children: ReactNode) => {
    const error = msg(path);
    return (
      <fieldset className={styles.group} id={idOf(path)} tabIndex={-1} aria-describedby={error ? `${idOf(path)}-error` : undefined}>
        <legend className={styles.legend}>{legend}</legend>
        {children}
        {error ? (
          <div id={`${idOf(path)}-error`} className={styles.error}>
            {error}
          </div>
        ) : null}
      </fieldset>
    );
  };

  /** The form itself: summary, fields, banner, the submit button. */
  const frame = (props: { label: string; submitLabel: string; children: ReactNode; testId?: string }) => (
    <Form className={styles.form} aria-label={props.label} data-testid={props.testId} onSubmit={() => void submit()}>
      {summary && Object.keys(messages).length > 0 ? (
        <ErrorSummary ref={summaryRef} id={`${o.name}-errors`} entries={summaryOf(messages, o.order(form))} fieldIdOf={idOf} intro={`${o.failed}. Correct these and try again:`} />
      ) : null}
      {props.children}
      <BannerNotice banner={banner} />
      <ActionBar label={props.label} status={pending ? "Saving…" : ""} sticky={false}>
        <Button type="submit" appearance="primary" disabledFocusable={pending}>
          {props.submitLabel}
        </Button>
      </ActionBar>
    </Form>
  );

  return { form, change, setForm, messages, msg, field, group, idOf, frame, pending };
}
