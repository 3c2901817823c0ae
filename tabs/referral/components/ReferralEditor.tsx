import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft16Regular, Save16Regular, Send16Regular } from "@fluentui/react-icons";
import { ActionBar, ApiError, ErrorSummary, errorMessage, focusField, useSession } from "../../shell";
import {
  childAgeInMonths,
  referralFormSections,
  type ReferralField,
  type ReferralVariant,
} from "../../../src/schemas/referrals/referral";
import { referralsApi, type LiftMeetingSummary, type MeetingRefusalDetail, type ReferralRecord } from "../api";
import { formatDateTime, getAt, newDraft, newIdempotencyKey, setAt, ukToday, variantOf, withSetting, type Draft } from "../draft";
import { displayOrder, mergeMessages, summaryEntries, validateDraft, withoutEdited, type Messages } from "../validation";
import { FieldControl } from "./FieldControl";
import { FormSection } from "./FormSection";
import { ListField } from "./ListField";
import { MeetingNotes, MeetingSelect, type MeetingsState } from "./MeetingPicker";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem", width: "100%" },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  notices: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, outlineStyle: "none", ":empty": { display: "none" } },
});

const PHASE_LABELS: Record<string, string> = {
  primary: "Primary",
  secondary: "Secondary",
  "all-through": "All-through",
  "early-years": "Early years",
};

/** Fields shown read-only: the setting comes from the SENCo's record, on the server too. */
const READ_ONLY = new Set(["setting.settingId", "setting.phase", "setting.name"]);

type Pending = "save" | "submit" | undefined;
type Banner = { intent: "success" | "error" | "info"; title: string; text?: string } | undefined;

export interface ReferralEditorProps {
  /** An existing draft to continue; absent for a new referral. */
  initial?: ReferralRecord;
  onBack: () => void;
  onSubmitted: (record: ReferralRecord) => void;
}

function meetingsFor(list: LiftMeetingSummary[], extra?: LiftMeetingSummary): LiftMeetingSummary[] {
  if (!extra || list.some((m) => m.id === extra.id)) return list;
  return [...list, extra].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The LIFT referral form: rendered from the shared catalogue, validated by the shared rules. */
export function ReferralEditor({ initial, onBack, onSubmitted }: ReferralEditorProps) {
  const styles = useStyles();
  const { me, api } = useSession();
  const rapi = useMemo(() => referralsApi(api), [api]);

  const [draft, setDraft] = useState<Draft>(() => withSetting(initial ? initial.draft : newDraft(me), me));
  const variant: ReferralVariant = variantOf(draft) ?? "school";
  const sections = useMemo(() => referralFormSections(variant), [variant]);

  // The referral's identity on the server: id and eTag once saved. Refs, so a save and the submit
  // that follows it within one click see the newest values.
  const saved = useRef<{ id?: string; eTag?: string }>({ id: initial?.id, eTag: initial?.eTag });
  // One idempotency key for this new referral, whatever the number of clicks or retries.
  const idempotencyKey = useRef(newIdempotencyKey());
  const pendingRef = useRef<Pending>(undefined);
  const [pending, setPending] = useState<Pending>(undefined);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<string | undefined>(initial?.updatedAt);

  const [validated, setValidated] = useState<"draft" | "submit" | undefined>(undefined);
  const [serverMessages, setServerMessages] = useState<Messages>({});
  const [summaryFor, setSummaryFor] = useState<"save" | "submit" | undefined>(undefined);
  const [focusSummary, setFocusSummary] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);

  const [banner, setBanner] = useState<Banner>(undefined);
  const [refusal, setRefusal] = useState<{ message: string; nextMeeting?: LiftMeetingSummary } | undefined>(undefined);
  const [stale, setStale] = useState<ReferralRecord | undefined>(undefined);
  const [leaving, setLeaving] = useState(false);
  const [meetings, setMeetings] = useState<MeetingsState>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    rapi
      .meetings({ district: me.district?.slug, kind: variant, from: ukToday() })
      .then((items) => !cancelled && setMeetings({ kind: "ready", meetings: items }))
      .catch((error: unknown) => !cancelled && setMeetings({ kind: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [rapi, me.district?.slug, variant]);

  const asOf = ukToday();
  const live = useMemo(() => validateDraft(draft, validated ?? "draft", asOf), [draft, validated, asOf]);
  const messages = useMemo(
    () => mergeMessages(validated ? live.messages : {}, serverMessages),
    [validated, live.messages, serverMessages],
  );
  const entries = useMemo(() => summaryEntries(messages, displayOrder(variant, draft)), [messages, variant, draft]);

  useEffect(() => {
    if (focusSummary > 0) summaryRef.current?.focus();
  }, [focusSummary]);

  const noticesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Success shows in the status line; problems take focus so they are read out.
    if (stale || refusal || (banner && banner.intent !== "success")) {
      noticesRef.current?.scrollIntoView({ block: "center" });
      noticesRef.current?.focus({ preventScroll: true });
    }
  }, [stale, refusal, banner]);

  const change = useCallback((path: string, value: unknown) => {
    setDraft((d) => setAt(d, path, value));
    setServerMessages((m) => withoutEdited(m, path));
    setDirty(true);
    setLeaving(false);
    if (path === "meeting.meetingId") setRefusal(undefined);
  }, []);

  const showProblems = (action: "save" | "submit") => {
    setSummaryFor(action);
    setFocusSummary((n) => n + 1);
  };

  /** Create (first save, with the idempotency key) or update (with the eTag). */
  const persist = async (): Promise<ReferralRecord> => {
    const { id, eTag } = saved.current;
    const record = id && eTag ? await rapi.update(id, eTag, draft) : await rapi.create(idempotencyKey.current, draft);
    saved.current = { id: record.id, eTag: record.eTag };
    setSavedAt(record.updatedAt);
    setDirty(false);
    return record;
  };

  const handleError = (error: unknown, action: "save" | "submit") => {
    if (error instanceof ApiError && error.status === 412) {
      const current = (error.detail as { current?: ReferralRecord } | undefined)?.current;
      setStale(current);
      return;
    }
    if (error instanceof ApiError && error.status === 409 && action === "submit") {
      const detail = error.detail as MeetingRefusalDetail | undefined;
      setRefusal({ message: error.message, nextMeeting: detail?.nextMeeting });
      if (detail?.nextMeeting) {
        const next = detail.nextMeeting;
        setMeetings((m) => (m.kind === "ready" ? { kind: "ready", meetings: meetingsFor(m.meetings, next) } : m));
      }
      return;
    }
    if (error instanceof ApiError && error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
      setServerMessages(error.fieldErrors);
      showProblems(action);
      return;
    }
    setBanner({
      intent: "error",
      title: action === "submit" ? "The referral was not submitted" : "The draft was not saved",
      text: errorMessage(error),
    });
  };

  const run = async (action: "save" | "submit") => {
    // A second click while the first is under way does nothing (the buttons are disabled too).
    if (pendingRef.current) return;
    const mode = action === "submit" ? "submit" : "draft";
    const check = validateDraft(draft, mode, ukToday());
    setValidated(mode);
    setServerMessages({});
    setBanner(undefined);
    if (action === "submit") setRefusal(undefined);
    if (Object.keys(check.messages).length > 0) {
      showProblems(action);
      return;
    }
    setSummaryFor(undefined);
    pendingRef.current = action;
    setPending(action);
    try {
      const record = await persist();
      if (action === "save") {
        setBanner({ intent: "success", title: "Draft saved", text: "You can come back to it from My referrals at any time." });
        return;
      }
      const meetingId = String(getAt(draft, "meeting.meetingId") ?? "");
      const submitted = await rapi.submit(record.id, meetingId, record.eTag);
      onSubmitted(submitted);
    } catch (error) {
      handleError(error, action);
    } finally {
      pendingRef.current = undefined;
      setPending(undefined);
    }
  };

  const loadTheirs = () => {
    if (!stale) return;
    setDraft(withSetting(stale.draft, me));
    saved.current = { id: stale.id, eTag: stale.eTag };
    setStale(undefined);
    setDirty(false);
    setServerMessages({});
    setBanner({ intent: "info", title: "Their version is loaded", text: "Your changes were replaced by the latest saved version." });
  };
  const keepMine = () => {
    if (!stale) return;
    // Saving again against their version's eTag puts these edits over theirs, as the user chose.
    saved.current = { id: stale.id, eTag: stale.eTag };
    setStale(undefined);
    void run("save");
  };
  const reloadFromServer = async () => {
    const id = saved.current.id;
    if (!id) return;
    try {
      setStale(await rapi.get(id));
    } catch (error) {
      setBanner({ intent: "error", title: "Could not load the latest version", text: errorMessage(error) });
    }
  };

  const back = () => {
    if (dirty && !leaving) {
      setLeaving(true);
      return;
    }
    onBack();
  };

  const dob = getAt(draft, "child.dateOfBirth");
  const months = childAgeInMonths(dob, asOf);

  const renderField = (field: ReferralField) => {
    const path = field.path;
    if (field.kind === "list") {
      const items = getAt(draft, path);
      return (
        <ListField
          field={field}
          items={Array.isArray(items) ? (items as Record<string, unknown>[]) : []}
          onChange={change}
          messages={messages}
        />
      );
    }
    if (path === "meeting.urgentReason" && getAt(draft, "meeting.urgent") !== true) return null;
    const common = {
      field,
      path,
      value: getAt(draft, path),
      onChange: change,
      messages: messages[path],
      warnings: live.warnings[path],
    };
    if (READ_ONLY.has(path)) {
      const value = getAt(draft, path);
      const text = path === "setting.phase" ? PHASE_LABELS[String(value)] ?? String(value ?? "") : String(value ?? "");
      return <FieldControl {...common} readOnlyText={text} />;
    }
    if (path === "child.ageInMonths") {
      return <FieldControl {...common} derivedText={months === undefined ? "Enter the date of birth" : `${months} months`} />;
    }
    if (path === "meeting.meetingId") {
      return (
        <>
          <FieldControl
            {...common}
            renderControl={({ id }) => (
              <MeetingSelect
                id={id}
                state={meetings}
                value={getAt(draft, path) as string | undefined}
                onChange={(value) => change(path, value)}
              />
            )}
          />
          <MeetingNotes state={meetings} />
        </>
      );
    }
    return <FieldControl {...common} />;
  };

  const problemsIn = (sectionFields: readonly ReferralField[]) =>
    entries.filter((e) => sectionFields.some((f) => e.path === f.path || e.path.startsWith(`${f.path}.`))).length;

  const statusText =
    pending === "save"
      ? "Saving…"
      : pending === "submit"
        ? "Submitting…"
        : dirty
          ? "Unsaved changes"
          : savedAt && saved.current.id
            ? `Draft saved ${formatDateTime(savedAt)}`
            : "Not saved yet";

  return (
    <form
      className={styles.form}
      noValidate
      aria-labelledby="referral-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run("submit");
      }}
    >
      <div className={styles.top}>
        <Button appearance="subtle" icon={<ArrowLeft16Regular />} onClick={back}>
          Back to my referrals
        </Button>
      </div>
      <div className={styles.top}>
        <h2 id="referral-form-title" className={styles.h2}>
          {initial ? "Continue your referral" : "New LIFT referral"}
        </h2>
        <Badge appearance="tint" color="brand">
          {variant === "school" ? "School form" : "Early years form"} · {PHASE_LABELS[String(draft.setting?.phase)] ?? ""}
        </Badge>
      </div>
      <Text as="p" className={styles.intro}>
        Save a draft at any point and come back to it from My referrals. Fields marked with an asterisk (*) are needed to
        submit. When you submit, the referral gets a case reference and goes on the LIFT meeting you choose.
      </Text>

      {leaving ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>You have unsaved changes</MessageBarTitle>
            Save the draft first, or leave without saving them.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void run("save")}>Save draft</Button>
            <Button onClick={onBack}>Leave without saving</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {summaryFor && entries.length > 0 ? <ErrorSummary
          ref={summaryRef}
          entries={entries}
          intro={
            summaryFor === "submit"
              ? "The referral cannot be submitted yet. Correct these and submit again:"
              : "The draft cannot be saved yet. Correct these and save again:"
          }
        /> : null}

      {sections.map((section, index) => (
        <FormSection
          key={section.id}
          id={section.id}
          index={index}
          title={section.title}
          fields={section.fields}
          problems={problemsIn(section.fields)}
          renderField={renderField}
        />
      ))}

      {/* Outcomes of Save and Submit, next to the buttons that caused them (and focused, so they are read). */}
      <div ref={noticesRef} tabIndex={-1} className={styles.notices} data-testid="form-notices">
        {stale ? (
          <MessageBar intent="warning" layout="multiline" data-testid="stale-warning">
            <MessageBarBody>
              <MessageBarTitle>Someone else changed this referral</MessageBarTitle>
              It was saved by someone else after you opened it. Your changes are still shown above and have not been saved.
              Load their version (your changes will be replaced), or save yours over it.
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={loadTheirs}>Load their version</Button>
              <Button onClick={keepMine}>Save mine over it</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}

        {refusal ? (
          <MessageBar intent="warning" layout="multiline" data-testid="meeting-refusal">
            <MessageBarBody>
              <MessageBarTitle>That LIFT meeting cannot take this referral</MessageBarTitle>
              {refusal.message}
            </MessageBarBody>
            {refusal.nextMeeting ? (
              <MessageBarActions>
                <Button
                  onClick={() => {
                    const next = refusal.nextMeeting;
                    if (!next) return;
                    change("meeting.meetingId", next.id);
                    requestAnimationFrame(() => focusField("meeting.meetingId"));
                  }}
                >
                  Choose {refusal.nextMeeting.title}, {formatDateTime(refusal.nextMeeting.startsAt)}
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}

        {banner ? (
          <MessageBar intent={banner.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{banner.title}</MessageBarTitle>
              {banner.text}
            </MessageBarBody>
            {banner.intent === "error" && saved.current.id ? (
              <MessageBarActions>
                <Button onClick={() => void reloadFromServer()}>Check for changes</Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}
      </div>

      <ActionBar status={statusText} label="Referral actions">
        <Button
          icon={<Save16Regular />}
          disabledFocusable={pending !== undefined}
          onClick={() => void run("save")}
        >
          Save draft
        </Button>
        <Button
          type="submit"
          appearance="primary"
          icon={<Send16Regular />}
          disabledFocusable={pending !== undefined}
          data-testid="submit-referral"
        >
          {pending === "submit" ? "Submitting…" : "Submit referral"}
        </Button>
      </ActionBar>
    </form>
  );
}
