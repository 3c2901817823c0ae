/**
 * The training session and transition event forms as plain data: a blank of each, a record as the
 * form holds it (text boxes hold text), what is sent (blanks left out, numbers as numbers), and the
 * messages of the shared input schemas by field path in the order the form shows them — the same
 * schemas the server parses with, so the tab and the server agree. Plus the labels and the terms
 * the page offers.
 */
import { AREAS_OF_NEED } from "../../src/schemas/referrals/referral";
import {
  AET_PROGRAMMES,
  TRAINING_AUDIENCES,
  TRANSITION_KINDS,
  type EvaluationCounts,
  type TrainingSessionInput,
  type TransitionEventInput,
} from "../../src/schemas/training-events/records";
import type { SummaryEntry } from "../shell/ErrorSummary";
import type { TermRef } from "../shell/reference-data";

export { messagesOf, unwrapFieldErrors, type Messages } from "../shell/form-messages";
import type { Messages } from "../shell/form-messages";

// ---------------------------------------------------------------------------------------------
// Labels

export const AET_OPTIONS: ReadonlyArray<{ value: (typeof AET_PROGRAMMES)[number]; label: string }> = [
  { value: "school-age", label: "Autism education: school age" },
  { value: "early-years", label: "Autism education: early years" },
  { value: "post-16", label: "Autism education: Post-16" },
];

const PHASE_LABELS: Record<string, string> = {
  primary: "primary",
  secondary: "secondary",
  "all-through": "all-through",
  special: "special",
  "post-16": "Post-16",
  "early-years": "early years",
  unknown: "not on the register",
};

export const phaseLabel = (phase: string) => PHASE_LABELS[phase] ?? phase;
const labelOf = (list: ReadonlyArray<{ value: string; label: string }>, value: string | undefined, none = "") => list.find((o) => o.value === value)?.label ?? none;
export const audienceLabel = (v: string) => labelOf(TRAINING_AUDIENCES, v, v);
export const kindLabel = (v: string) => labelOf(TRANSITION_KINDS, v, v);
export const needLabel = (v: string | undefined) => labelOf(AREAS_OF_NEED, v, "General");
export const aetLabel = (v: string | undefined) => labelOf(AET_OPTIONS, v, "No");

/** The settings that attended, counted by phase: "2 primary, 1 Post-16". */
export function phasesText(phases: Readonly<Record<string, number>>): string {
  const parts = Object.entries(phases)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([phase, n]) => `${n} ${phaseLabel(phase)}`);
  return parts.length === 0 ? "None" : parts.join(", ");
}

/** The evaluation returns in a line: "5 of 6 returned", or that none were entered. */
export function evaluationText(evaluation: EvaluationCounts | undefined, asked: number): string {
  return evaluation ? `${evaluation.returned} of ${asked} returned` : "Not entered";
}

// ---------------------------------------------------------------------------------------------
// Terms

/** The terms a list can show (those begun by today, latest first) and the one shown first: today's, else the latest begun. */
export function termsToOffer(terms: readonly TermRef[], today: string): { terms: TermRef[]; current: TermRef | undefined } {
  const begun = terms.filter((t) => t.start <= today).sort((a, b) => b.start.localeCompare(a.start));
  const offered = begun.length > 0 ? begun : [...terms];
  return { terms: offered, current: offered.find((t) => t.start <= today && today <= t.end) ?? offered[0] };
}

/** A record saved with a date outside the term shown is listed under its own term: say so, as it leaves the list. */
export function outsideTermNote(date: string, term: Pick<TermRef, "start" | "end">): string | undefined {
  return date < term.start || date > term.end ? "Its date is outside the term shown, so it is listed under the term of its date." : undefined;
}

export const termKey = (t: Pick<TermRef, "academicYear" | "term">) => `${t.academicYear}-${t.term}`;

// ---------------------------------------------------------------------------------------------
// The shared pieces: settings that attended, evaluation returns

export const SCORES = [1, 2, 3, 4, 5] as const;

export interface EvaluationForm {
  /** Returns were received and are entered. */
  given: boolean;
  returned: string;
  /** How many answered the KPI question with each score 1–5. */
  scores: string[];
}

const blankEvaluation = (): EvaluationForm => ({ given: false, returned: "", scores: ["", "", "", "", ""] });
const evaluationForm = (e: EvaluationCounts | undefined): EvaluationForm =>
  e ? { given: true, returned: String(e.returned), scores: e.scores.map(String) } : blankEvaluation();

/** A count box's text as sent: blank is absent (the schema says "Enter a whole number"). */
const count = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text.trim()));
const text = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());

function evaluationToSend(e: EvaluationForm): Record<string, unknown> | undefined {
  return e.given ? { returned: count(e.returned), scores: e.scores.map(count) } : undefined;
}

const EVALUATION_ORDER = ["evaluation.returned", ...SCORES.map((_, i) => `evaluation.scores.${i}`), "evaluation.scores", "evaluation"];

/** Messages of the attendance list, any entry's (`settingIds.3`) with the list's own. */
export function attendanceMessages(messages: Messages): string[] {
  return Object.entries(messages)
    .filter(([path]) => path === "settingIds" || path.startsWith("settingIds."))
    .flatMap(([, list]) => list);
}

/** The field a message's path focuses: an attendance entry's is the picker's search box. */
export const fieldPathOf = (path: string) => (path.startsWith("settingIds.") ? "settingIds" : path);

/** Messages as error summary entries, in the order of `order` (an attendance entry with its list; paths not in it last). */
export function summaryOf(messages: Messages, order: readonly string[]): SummaryEntry[] {
  const rank = new Map(order.map((p, i) => [p, i]));
  return Object.entries(messages)
    .sort(([a], [b]) => (rank.get(fieldPathOf(a)) ?? 999) - (rank.get(fieldPathOf(b)) ?? 999))
    .flatMap(([path, list]) => list.map((message) => ({ path, message })));
}

// ---------------------------------------------------------------------------------------------
// A training session

export interface SessionForm {
  title: string;
  needType: string;
  districtNeed: string;
  audience: string;
  aet: string;
  date: string;
  trainerName: string;
  settingIds: string[];
  attendees: string;
  evaluation: EvaluationForm;
}

export function blankSession(today: string, trainerName: string): SessionForm {
  return { title: "", needType: "", districtNeed: "", audience: "", aet: "", date: today, trainerName, settingIds: [], attendees: "", evaluation: blankEvaluation() };
}

export function sessionForm(r: TrainingSessionInput): SessionForm {
  return {
    title: r.title,
    needType: r.needType ?? "",
    districtNeed: r.districtNeed ?? "",
    audience: r.audience,
    aet: r.aet ?? "",
    date: r.date,
    trainerName: r.trainerName,
    settingIds: [...r.settingIds],
    attendees: String(r.attendees),
    evaluation: evaluationForm(r.evaluation),
  };
}

/** What is sent for the form (a PUT replaces the record: a field left blank is cleared). */
export function sessionToSend(f: SessionForm, districtSlug: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    districtSlug,
    title: f.title.trim(),
    needType: text(f.needType),
    districtNeed: text(f.districtNeed),
    audience: text(f.audience),
    aet: text(f.aet),
    date: f.date,
    trainerName: f.trainerName.trim(),
    settingIds: f.settingIds,
    attendees: count(f.attendees),
    evaluation: evaluationToSend(f.evaluation),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export const SESSION_ORDER = ["title", "needType", "districtNeed", "audience", "aet", "date", "trainerName", "settingIds", "attendees", ...EVALUATION_ORDER];

// ---------------------------------------------------------------------------------------------
// A transition event

export interface EventForm {
  title: string;
  kind: string;
  date: string;
  settingIds: string[];
  evaluation: EvaluationForm;
}

export function blankEvent(today: string): EventForm {
  return { title: "", kind: "", date: today, settingIds: [], evaluation: blankEvaluation() };
}

export function eventForm(r: TransitionEventInput): EventForm {
  return { title: r.title, kind: r.kind, date: r.date, settingIds: [...r.settingIds], evaluation: evaluationForm(r.evaluation) };
}

export function eventToSend(f: EventForm, districtSlug: string): Record<string, unknown> {
  const out: Record<string, unknown> = { districtSlug, title: f.title.trim(), kind: text(f.kind), date: f.date, settingIds: f.settingIds, evaluation: evaluationToSend(f.evaluation) };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export const EVENT_ORDER = ["title", "kind", "date", "settingIds", ...EVALUATION_ORDER];

// ---------------------------------------------------------------------------------------------
// The autism education target

const AET_GROUP_LABELS: Record<string, string> = { "school-age": "School age", "early-years": "Early years", "post-16": "Post-16" };
export const aetGroupLabel = (group: string) => AET_GROUP_LABELS[group] ?? group;

/** A share to one decimal place ("12.5 %"); none when the district has no such setting. */
export function percentText(percent: number | undefined): string {
  return percent === undefined ? "–" : `${(Math.round(percent * 10) / 10).toLocaleString("en-GB")} %`;
}
