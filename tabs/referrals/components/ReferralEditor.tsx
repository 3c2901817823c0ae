import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeft16Regular, Save16Regular, Send16Regular } from "@fluentui/react-icons";
import { ActionBar, ApiError, BannerNotice, ErrorSummary, Form, Notice, errorMessage, focusField, useEditableRecord, useLoad, useSession } from "../../shell";
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
import { ReferralDocuments } from "./ReferralDocuments";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "60rem", width: "100%" },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  h2: sharedStyles.h2,
  intro: sharedStyles.intro,
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

  // One idempotency key for this new referral, whatever the number of clicks or retries.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [validated, setValidated] = useState<"draft" | "submit" | undefined>(undefined);
  const [serverMessages, setServerMessages] = useState<Messages>({});
  const [summaryFor, setSummaryFor] = useState<"save" | "submit" | undefined>(undefined);
  const [focusSummary, setFocusSummary] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);

  const [refusal, setRefusal] = useState<{ message: string; nextMeeting?: LiftMeetingSummary } | undefined>(undefined);
  const [leaving, setLeaving] = useState(false);

  const showProblems = (action: "save" | "submit") => {
    setSummaryFor(action);
    setFocusSummary((n) => n + 1);
  };

  const form = useEditableRecord<ReferralRecord, Draft, "save" | "submit">({
    initial,
    blank: withSetting(newDraft(me), me),
    valueOf: (record) => withSetting(record.draft, me),
    current: (error, mine) => (error.detail as { current?: ReferralRecord } | undefined)?.current ?? (mine ? rapi.get(mine.id) : undefined),
    onFieldErrors: (fieldErrors, action) => {
      setServerMessages(fieldErrors);
      showProblems(action);
    },
    failed: (action) => (action === "submit" ? "The referral was not submitted" : "The draft was not saved"),
  });
  const { working: draft, dirty, pending, banner, stale, record } = form;
  const variant: ReferralVariant = variantOf(draft) ?? "school";
  const sections = useMemo(() => referralFormSections(variant), [variant]);

  // A meeting the server offers instead (a 409 on submit) joins the list even if it is further ahead.
  const [offered, setOffered] = useState<LiftMeetingSummary>();
  const { state: meetingsLoad } = useLoad(`${me.district?.slug ?? ""}|${variant}`, () =>
    rapi.meetings({ district: me.district?.slug, kind: variant, from: ukToday() }),
  );
  const meetings: MeetingsState =
    meetingsLoad.kind === "ready"
      ? { kind: "ready", meetings: meetingsFor(meetingsLoad.value, offered) }
      : meetingsLoad.kind === "error"
        ? { kind: "error", message: meetingsLoad.message }
        : { kind: "loading" };

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

  const { edit } = form;
  const change = useCallback((path: string, value: unknown) => {
    edit((d) => setAt(d, path, value));
    setServerMessages((m) => withoutEdited(m, path));
    setLeaving(false);
    if (path === "meeting.meetingId") setRefusal(undefined);
  }, [edit]);

  /**
   * Save (create with the idempotency key the first time, else update with the eTag), then submit
   * when asked. `over` saves a copy re-applied onto their version, against their eTag.
   */
  const run = (action: "save" | "submit", over?: { record: ReferralRecord; draft: Draft }) => {
    if (pending) return;
    const body = over?.draft ?? draft;
    const mode = action === "submit" ? "submit" : "draft";
    const check = validateDraft(body, mode, ukToday());
    setValidated(mode);
    setServerMessages({});
    if (action === "submit") setRefusal(undefined);
    if (Object.keys(check.messages).length > 0) {
      form.setBanner(undefined);
      showProblems(action);
      return;
    }
    setSummaryFor(undefined);
    void form.run(action, async () => {
      const against = over?.record ?? record;
      const saved = against ? await rapi.update(against.id, against.eTag, body) : await rapi.create(idempotencyKey.current, body);
      form.accept(saved);
      if (action === "save") {
        form.setBanner({ intent: "success", title: "Draft saved", text: "You can come back to it from My referrals at any time." });
        return saved;
      }
      const meetingId = String(getAt(body, "meeting.meetingId") ?? "");
      try {
        onSubmitted(await rapi.submit(saved.id, meetingId, saved.eTag));
      } catch (error) {
        // The meeting refused the referral (full, closed): say why and offer the next one that can take it.
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        const detail = error.detail as MeetingRefusalDetail | undefined;
        setRefusal({ message: error.message, nextMeeting: detail?.nextMeeting });
        if (detail?.nextMeeting) setOffered(detail.nextMeeting);
      }
      return saved;
    });
  };

  const loadTheirs = () => {
    form.takeTheirs();
    setServerMessages({});
    form.setBanner({ intent: "info", title: "Their version is loaded", text: "Your changes were replaced by the latest saved version." });
  };
  const keepMine = () => {
    const mine = form.keepMine();
    if (mine) run("save", { record: mine.record, draft: mine.value });
  };
  const reloadFromServer = async () => {
    if (!record) return;
    try {
      form.offerTheirs(await rapi.get(record.id));
    } catch (error) {
      form.setBanner({ intent: "error", title: "Could not load the latest version", text: errorMessage(error) });
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
          : record
            ? `Draft saved ${formatDateTime(record.updatedAt)}`
            : "Not saved yet";

  return (
    <Form className={styles.form} aria-labelledby="referral-form-title" onSubmit={() => run("submit")}>
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
        <Notice
          intent="warning"
          layout="multiline"
          title="You have unsaved changes"
          actions={
            <>
              <Button onClick={() => run("save")}>Save draft</Button>
              <Button onClick={onBack}>Leave without saving</Button>
            </>
          }
        >
          Save the draft first, or leave without saving them.
        </Notice>
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

      {record ? (
        <ReferralDocuments referralId={record.id} canAttach />
      ) : (
        <Text data-testid="documents-after-save">Save the draft to attach documents (APDR records, plans, reports).</Text>
      )}

      {/* Outcomes of Save and Submit, next to the buttons that caused them (and focused, so they are read). */}
      <div ref={noticesRef} tabIndex={-1} className={styles.notices} data-testid="form-notices">
        {stale ? (
          <Notice
            intent="warning"
            layout="multiline"
            data-testid="stale-warning"
            title="Someone else changed this referral"
            actions={
              <>
                <Button onClick={loadTheirs}>Load their version</Button>
                <Button onClick={keepMine}>Re-apply my changes to theirs and save</Button>
              </>
            }
          >
            It was saved by someone else after you opened it. Your changes are still shown above and have not been saved.
            Load their version (your changes will be replaced), or re-apply your changes to theirs and save.
          </Notice>
        ) : null}

        {refusal ? (
          <Notice
            intent="warning"
            layout="multiline"
            data-testid="meeting-refusal"
            title="That LIFT meeting cannot take this referral"
            actions={
              refusal.nextMeeting ? (
                <>
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
                </>
              ) : undefined
            }
          >
            {refusal.message}
          </Notice>
        ) : null}

        <BannerNotice
          banner={banner}
          actions={banner?.intent === "error" && record ? <Button onClick={() => void reloadFromServer()}>Check for changes</Button> : undefined}
        />
      </div>

      <ActionBar status={statusText} label="Referral actions">
        <Button
          icon={<Save16Regular />}
          disabledFocusable={pending !== undefined}
          onClick={() => run("save")}
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
    </Form>
  );
}
