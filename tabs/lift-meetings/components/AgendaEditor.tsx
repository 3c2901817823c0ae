import { useMemo, useRef, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular, Save16Regular } from "@fluentui/react-icons";
import { SaveAgendaRequest } from "../../../src/schemas/lift-meetings/api";
import { ActionBar, ErrorSummary, Notice, currentFromDetail, errorMessage, fieldId, formatDateTime, formatTime, newKey, useEditableRecord, type SummaryEntry } from "../../shell";
import type { Agenda, LiftMeetingSummary } from "../api";
import { agendaValue, reapplyAgenda, toInput, type AgendaValue, type EditEntry } from "../agenda-edit";
import { OUTCOME_STATUS_LABELS, areaLabel, yearGroupLabel } from "../labels";
import { useLiftApi } from "../hooks";
import { AgendaTable } from "./AgendaTable";
import { sharedStyles } from "../../shell/styles";

const useStyles = makeStyles({
  form: sharedStyles.form,
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "5.5rem minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalM,
    alignItems: "start",
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    "@media (max-width: 640px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  time: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  what: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  minutes: { width: "7rem" },
  inline: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "14rem" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
});

const PREFIX = "agenda.";

export interface AgendaEditorProps {
  agenda: Agenda;
  meetings: LiftMeetingSummary[];
  onSaved: (agenda: Agenda) => void;
  /** After a case moved to another meeting: reload everything. */
  onCaseMoved: () => void;
}

/** The district lead's agenda: order (up/down), minutes per case or item, whole-school items, moving a case. */
export function AgendaEditor({ agenda, meetings, onSaved, onCaseMoved }: AgendaEditorProps) {
  const styles = useStyles();
  const lift = useLiftApi();
  const [savedAt, setSavedAt] = useState<string>();
  const [moving, setMoving] = useState(false);
  const [messages, setMessages] = useState<Record<string, string[]>>({});
  const summaryRef = useRef<HTMLElement>(null);
  const form = useEditableRecord<Agenda, AgendaValue, "save">({
    initial: agenda,
    blank: agendaValue(agenda),
    valueOf: agendaValue,
    current: (error) => currentFromDetail<Agenda>(error.detail),
    reapply: reapplyAgenda,
    onFieldErrors: (fieldErrors) => {
      const out: Record<string, string[]> = {};
      for (const [path, list] of Object.entries(fieldErrors)) out[PREFIX + path] = list;
      setMessages(out);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    failed: () => "The agenda was not saved",
  });
  const { working, dirty, stale, banner } = form;
  const { entries, slot } = working;
  const pending = form.pending !== undefined || moving;
  const [announce, setAnnounce] = useState("");
  const [newTitle, setNewTitle] = useState("");
  const [newMinutes, setNewMinutes] = useState("10");
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});

  const slotMinutes = Number(slot);
  const targets = useMemo(
    () => meetings.filter((m) => m.id !== agenda.meeting.id && m.kind === agenda.meeting.kind && (m.status === "scheduled" || m.status === "moved")),
    [meetings, agenda.meeting.id, agenda.meeting.kind],
  );

  const times = useMemo(() => {
    let at = new Date(agenda.meeting.startsAt).getTime();
    return entries.map((e) => {
      const start = at;
      const minutes = e.minutes ?? (Number.isFinite(slotMinutes) ? slotMinutes : agenda.slotMinutes);
      at += minutes * 60_000;
      return new Date(start).toISOString();
    });
  }, [entries, slotMinutes, agenda.meeting.startsAt, agenda.slotMinutes]);

  const edit = (next: EditEntry[]) => {
    form.edit((w) => ({ ...w, entries: next }));
    form.setBanner(undefined);
  };

  const label = (e: EditEntry) => (e.kind === "case" ? e.info.caseReference : e.title || "New item");

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= entries.length) return;
    const next = [...entries];
    const [entry] = next.splice(index, 1) as [EditEntry];
    next.splice(target, 0, entry);
    edit(next);
    setAnnounce(`${label(entry)} moved to position ${target + 1} of ${next.length}.`);
    // Keep the keyboard where it was: on the same button of the moved entry (or its other one at an end).
    requestAnimationFrame(() => {
      const here = document.getElementById(`agenda-${by < 0 ? "up" : "down"}-${entry.key}`);
      const other = document.getElementById(`agenda-${by < 0 ? "down" : "up"}-${entry.key}`);
      (here && !here.hasAttribute("disabled") && here.getAttribute("aria-disabled") !== "true" ? here : other)?.focus();
    });
  };

  const setMinutes = (index: number, value: string) => {
    const next = [...entries];
    const e = next[index] as EditEntry;
    const n = value.trim() === "" ? undefined : Number(value);
    next[index] = e.kind === "case" ? { ...e, minutes: n } : { ...e, minutes: n ?? 0 };
    edit(next);
  };

  const addItem = () => {
    const minutes = Number(newMinutes);
    if (!newTitle.trim()) {
      setMessages({ [`${PREFIX}newItem.title`]: ["Give the item a title"] });
      return;
    }
    edit([...entries, { kind: "item", key: newKey("item"), title: newTitle.trim(), minutes: Number.isFinite(minutes) ? minutes : 10 }]);
    setAnnounce(`Added ${newTitle.trim()} at the end of the agenda. Save the agenda to keep it.`);
    setNewTitle("");
    setMessages({});
  };

  const body = () => ({ eTag: form.record?.eTag ?? agenda.eTag, slotMinutes, entries: toInput(entries) });

  const save = async () => {
    if (pending) return;
    const parsed = SaveAgendaRequest.safeParse(body());
    if (!parsed.success) {
      const out: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (out[PREFIX + issue.path.join(".")] ??= []).push(issue.message);
      setMessages(out);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setMessages({});
    await form.run("save", async () => {
      const saved = await lift.saveAgenda(agenda.meeting.id, parsed.data);
      setSavedAt(new Date().toISOString());
      form.setBanner({ intent: "success", title: "Agenda saved." });
      onSaved(saved);
      return saved;
    });
  };

  const reapply = () => {
    form.keepMine();
    form.setBanner(undefined);
    setAnnounce("Your order is applied to their agenda. Check it, then save the agenda.");
  };
  const useTheirs = () => {
    if (!stale) return;
    form.takeTheirs();
    onSaved(stale);
  };

  const moveCase = async (entry: Extract<EditEntry, { kind: "case" }>) => {
    const to = moveTo[entry.id];
    if (!to) {
      setMessages({ [`${PREFIX}move.${entry.id}`]: ["Choose the meeting to move the case to"] });
      return;
    }
    setMoving(true);
    try {
      await lift.moveCase(agenda.meeting.id, entry.id, to);
      const target = meetings.find((m) => m.id === to);
      setAnnounce(`${entry.info.caseReference} moved to ${target?.title ?? "the other meeting"}.`);
      onCaseMoved();
    } catch (error) {
      form.setBanner({ intent: "error", title: `${entry.info.caseReference} was not moved: ${errorMessage(error)}` });
    } finally {
      setMoving(false);
    }
  };

  const summary: SummaryEntry[] = Object.entries(messages).flatMap(([path, list]) => list.map((message) => ({ path, message })));
  const msg = (path: string) => messages[PREFIX + path]?.join(" ");

  return (
    <div className={styles.form}>
      <div className={styles.hidden} role="status" aria-live="polite">
        {announce}
      </div>
      {summary.length > 0 ? (
        <ErrorSummary ref={summaryRef} id="agenda-errors" entries={summary} intro="The agenda cannot be saved yet. Correct these and save again:" />
      ) : null}
      <div className={styles.inline}>
        <Field
          label="Minutes a case"
          hint="Cases without their own minutes take this long."
          validationState={msg("slotMinutes") ? "error" : "none"}
          validationMessage={msg("slotMinutes")}
        >
          <Input
            id={fieldId(`${PREFIX}slotMinutes`)}
            className={styles.minutes}
            type="number"
            min={5}
            max={90}
            value={slot}
            onChange={(_, d) => form.edit((w) => ({ ...w, slot: d.value }))}
          />
        </Field>
      </div>
      <ol className={styles.list} aria-label="Agenda order" data-testid="agenda-editor">
        {entries.map((e, i) => (
          <li key={e.key} className={styles.row} data-entry-id={e.id ?? e.key}>
            <span className={styles.time}>
              {formatTime(times[i])}
              <br />
              {e.minutes ?? slotMinutes} min
            </span>
            <div className={styles.what}>
              {e.kind === "case" ? (
                <>
                  <strong>{e.info.caseReference}</strong>
                  <span className={styles.meta}>
                    {[e.info.settingName, yearGroupLabel(e.info), areaLabel(e.info.primaryArea), `Outcome: ${OUTCOME_STATUS_LABELS[e.info.outcomeStatus]}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  {e.info.question ? <span>{e.info.question}</span> : null}
                </>
              ) : (
                <strong>Whole-school item: {e.title}</strong>
              )}
              <div className={styles.controls}>
                <Field
                  label={e.kind === "case" ? `Minutes for ${e.info.caseReference}` : `Minutes for ${e.title}`}
                  validationState={msg(`entries.${i}.minutes`) ? "error" : "none"}
                  validationMessage={msg(`entries.${i}.minutes`)}
                >
                  <Input
                    id={fieldId(`${PREFIX}entries.${i}.minutes`)}
                    className={styles.minutes}
                    type="number"
                    min={5}
                    max={120}
                    placeholder={e.kind === "case" ? String(slotMinutes) : undefined}
                    value={e.minutes === undefined ? "" : String(e.minutes)}
                    onChange={(_, d) => setMinutes(i, d.value)}
                  />
                </Field>
                {e.kind === "case" && targets.length > 0 ? (
                  <>
                    <Field
                      label={`Move ${e.info.caseReference} to`}
                      validationState={msg(`move.${e.id}`) ? "error" : "none"}
                      validationMessage={msg(`move.${e.id}`)}
                    >
                      <Select
                        id={fieldId(`${PREFIX}move.${e.id}`)}
                        value={moveTo[e.id] ?? ""}
                        onChange={(_, d) => setMoveTo((m) => ({ ...m, [e.id]: d.value }))}
                      >
                        <option value="">Another meeting…</option>
                        {targets.map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.title}, {formatDateTime(m.startsAt)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Button
                      disabledFocusable={pending || dirty}
                      title={dirty ? "Save the agenda first" : undefined}
                      onClick={() => void moveCase(e)}
                    >
                      Move case
                    </Button>
                  </>
                ) : null}
                {e.kind === "item" ? (
                  <Button
                    appearance="subtle"
                    icon={<Delete16Regular />}
                    onClick={() => {
                      edit(entries.filter((_, j) => j !== i));
                      setAnnounce(`Removed ${e.title}. Save the agenda to keep the change.`);
                    }}
                  >
                    Remove {e.title}
                  </Button>
                ) : null}
              </div>
            </div>
            <div className={styles.controls}>
              <Button
                id={`agenda-up-${e.key}`}
                icon={<ArrowUp16Regular />}
                aria-label={`Move ${label(e)} up`}
                disabledFocusable={i === 0}
                onClick={() => move(i, -1)}
              />
              <Button
                id={`agenda-down-${e.key}`}
                icon={<ArrowDown16Regular />}
                aria-label={`Move ${label(e)} down`}
                disabledFocusable={i === entries.length - 1}
                onClick={() => move(i, 1)}
              />
            </div>
          </li>
        ))}
      </ol>
      <div className={styles.inline} role="group" aria-label="Add a whole-school item">
        <Field
          className={styles.grow}
          label="Whole-school item"
          hint="For example: training update, a setting's whole-school question."
          validationState={msg("newItem.title") ? "error" : "none"}
          validationMessage={msg("newItem.title")}
        >
          <Input id={fieldId(`${PREFIX}newItem.title`)} value={newTitle} maxLength={200} onChange={(_, d) => setNewTitle(d.value)} />
        </Field>
        <Field label="Minutes">
          <Input className={styles.minutes} type="number" min={5} max={120} value={newMinutes} onChange={(_, d) => setNewMinutes(d.value)} />
        </Field>
        <Button icon={<Add16Regular />} onClick={addItem}>
          Add item
        </Button>
      </div>

      {stale ? (
        <Notice
          intent="warning"
          layout="multiline"
          data-testid="agenda-stale"
          title="Someone else changed the agenda"
          actions={
            <>
              <Button onClick={reapply}>Re-apply my changes to theirs</Button>
              <Button onClick={useTheirs}>Use their agenda</Button>
            </>
          }
        >
          It was saved by someone else after you opened it. Their agenda is below; your changes are still shown above and have
          not been saved.
          <AgendaTable entries={stale.entries} caption="Their agenda" />
        </Notice>
      ) : null}
      {banner ? (
        <MessageBar intent={banner.intent} data-testid="agenda-result">
          <MessageBarBody>{banner.text ? `${banner.title} ${banner.text}` : banner.title}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ActionBar sticky={false} label="Agenda actions" status={pending ? "Saving…" : dirty ? "Unsaved changes to the agenda" : savedAt ? `Saved at ${formatTime(savedAt)}` : "No changes yet"}>
        <Button appearance="primary" icon={<Save16Regular />} disabledFocusable={pending} onClick={() => void save()}>
          Save agenda
        </Button>
      </ActionBar>
    </div>
  );
}
