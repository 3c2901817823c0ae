/**
 * The case page's forms as plain data: a blank of each (what a phone user starts from), what is sent
 * (blanks left out), and the messages of the shared input schemas by field path, in the order the
 * form shows them — the same schemas the server parses with, so the tab and the server agree.
 */
import {
  CaseOpenInput,
  CaseCloseInput,
  CaseStatusInput,
  ClinicInput,
  ReviewInput,
  Target,
  VisitInput,
  type CasePhase,
  type CaseTeam,
  type ClinicEntry,
  type TargetResult,
} from "../../src/schemas/casework/records";
import { standardsFrameworkFor } from "../../src/domain/casework/phase";
import { SUPPORT_PLAN_FIELDS, SupportPlan } from "../../src/schemas/lift-outcomes/outcome";
import { targetsInForceOn } from "../../src/domain/casework/targets";
import { newKey } from "../shell/format";

export { messagesOf, summaryOf, unwrapFieldErrors, type Messages } from "../shell/form-messages";
import { messagesOf, type Messages } from "../shell/form-messages";

/** A row id the schemas accept (letters, digits, - and _; at most 40). */
export const rowId = (prefix: string) => newKey(prefix).replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);

// ---------------------------------------------------------------------------------------------
// Targets

export function newTarget(today: string): Target {
  return { id: rowId("t"), text: "", agreedWith: [], setAt: today };
}

export function targetsOrder(targets: readonly Target[]): string[] {
  return targets.flatMap((_, i) => [`targets.${i}.text`, `targets.${i}.agreedWith`, `targets.${i}.setAt`, `targets.${i}.id`]);
}

/** The targets' messages, keyed `targets.<i>.<field>` as the update's body names them. */
export function targetMessages(targets: readonly Target[]): Messages {
  const out: Messages = {};
  targets.forEach((t, i) => {
    for (const [path, list] of Object.entries(messagesOf(Target, t))) out[`targets.${i}${path ? `.${path}` : ""}`] = list;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Visit: a handful of fields, quick on a phone

export interface VisitForm {
  date: string;
  seen: string[];
  adviceGiven: string;
  nextSteps: string;
  graduatedApproachStage: string;
  section: string;
}

export function blankVisit(today: string): VisitForm {
  return { date: today, seen: [], adviceGiven: "", nextSteps: "", graduatedApproachStage: "", section: "" };
}

/** What is sent: the case's setting, and the standards framework its phase refers to. */
export function visitToSend(form: VisitForm, c: { settingId: string; phase: CasePhase }): Record<string, unknown> {
  return {
    date: form.date,
    settingId: c.settingId,
    seen: form.seen,
    adviceGiven: form.adviceGiven,
    nextSteps: form.nextSteps,
    ...(form.graduatedApproachStage ? { graduatedApproachStage: form.graduatedApproachStage } : {}),
    standards: { framework: standardsFrameworkFor(c.phase), section: form.section },
  };
}

/** The visit's messages at the form's own paths (the section is `standards.section` in the input). */
export function visitMessages(sent: Record<string, unknown>): Messages {
  const out = messagesOf(VisitInput, sent);
  return Object.fromEntries(Object.entries(out).map(([p, l]) => [p === "standards.section" || p === "standards.framework" ? "section" : p, l]));
}

export const VISIT_ORDER = ["date", "seen", "graduatedApproachStage", "section", "adviceGiven", "nextSteps"];

// ---------------------------------------------------------------------------------------------
// Review: a result per target in force on the review's date

export interface ReviewForm {
  date: string;
  results: Record<string, TargetResult | "">;
  targetsAmended: "" | "yes" | "no";
  notes: string;
  final: boolean;
  nextReviewDate: string;
}

export function blankReview(today: string): ReviewForm {
  return { date: today, results: {}, targetsAmended: "", notes: "", final: false, nextReviewDate: "" };
}

export function reviewToSend(form: ReviewForm, targets: readonly Target[]): Record<string, unknown> {
  const inForce = targetsInForceOn(targets, form.date);
  return {
    date: form.date,
    results: inForce.map((t) => ({ targetId: t.id, result: form.results[t.id] || undefined })),
    ...(form.targetsAmended ? { targetsAmended: form.targetsAmended === "yes" } : {}),
    ...(form.notes.trim() ? { notes: form.notes } : {}),
    final: form.final,
    ...(!form.final && form.nextReviewDate ? { nextReviewDate: form.nextReviewDate } : {}),
  };
}

/**
 * The review's messages at the form's paths: a target's result at `results.<targetId>` (the form
 * shows a group per target, by id), the rest as the schema names them.
 */
export function reviewMessages(sent: Record<string, unknown>, fromServer: Messages = {}): Messages {
  const results = (sent.results as { targetId: string }[] | undefined) ?? [];
  const out: Messages = {};
  // zod runs the schema's cross-field checks only once every field parses: say them all at once.
  const own: Messages = !sent.final && !sent.nextReviewDate ? { nextReviewDate: ["Enter the next review date (or mark this the final review)"] } : {};
  for (const [path, list] of Object.entries({ ...own, ...messagesOf(ReviewInput, sent), ...fromServer })) {
    const m = /^results\.(\d+)(\..*)?$/.exec(path);
    const key = m ? `results.${results[Number(m[1])]?.targetId ?? m[1]}` : path === "results" && results.length > 0 ? `results.${results[0]!.targetId}` : path;
    out[key] = [...new Set([...(out[key] ?? []), ...list])];
  }
  return out;
}

export function reviewOrder(targets: readonly Target[], date: string): string[] {
  return ["date", "results", ...targetsInForceOn(targets, date).map((t) => `results.${t.id}`), "targetsAmended", "final", "nextReviewDate", "notes"];
}

// ---------------------------------------------------------------------------------------------
// Status and closure

export interface StatusForm {
  status: "" | "open-active" | "open-inactive";
  at: string;
  inactiveReason: string;
  inactiveReasonText: string;
}

export function statusToSend(form: StatusForm): Record<string, unknown> {
  return {
    ...(form.status ? { status: form.status } : {}),
    at: form.at,
    ...(form.status === "open-inactive" && form.inactiveReason ? { inactiveReason: form.inactiveReason } : {}),
    ...(form.status === "open-inactive" && form.inactiveReasonText.trim() ? { inactiveReasonText: form.inactiveReasonText } : {}),
  };
}

export const statusMessages = (sent: Record<string, unknown>): Messages => messagesOf(CaseStatusInput, sent);
export const STATUS_ORDER = ["status", "at", "inactiveReason", "inactiveReasonText"];

export interface CloseForm {
  reason: string;
  reasonText: string;
  closedAt: string;
  finalReviewId: string;
}

export function closeToSend(form: CloseForm): Record<string, unknown> {
  return {
    ...(form.reason ? { reason: form.reason } : {}),
    ...(form.reasonText.trim() ? { reasonText: form.reasonText } : {}),
    closedAt: form.closedAt,
    ...(form.finalReviewId ? { finalReviewId: form.finalReviewId } : {}),
  };
}

export function closeMessages(sent: Record<string, unknown>): Messages {
  const out = messagesOf(CaseCloseInput, sent);
  // "Required" is zod's word for a missing choice: say which.
  if (!sent.finalReviewId) out.finalReviewId = ["Record the final review first, then choose it here"];
  if (!sent.reason) out.reason = ["Choose why the case is closing"];
  return out;
}
export const CLOSE_ORDER = ["reason", "reasonText", "closedAt", "finalReviewId"];

// ---------------------------------------------------------------------------------------------
// Clinic

export interface ClinicForm {
  kind: string;
  phase: string;
  date: string;
  status: string;
  epName: string;
  entries: { id: string; question: string; areaOfNeed: string; outcome: string }[];
}

export function blankClinic(today: string): ClinicForm {
  return { kind: "clinic", phase: "school", date: today, status: "held", epName: "", entries: [] };
}

export function newClinicEntry(): ClinicForm["entries"][number] {
  return { id: rowId("e"), question: "", areaOfNeed: "", outcome: "" };
}

/** The teacher is the one recording it (the server takes the name from the People list). */
export function clinicToSend(form: ClinicForm, districtSlug: string, teacher: { oid: string; displayName: string }): Record<string, unknown> {
  return {
    districtSlug,
    kind: form.kind,
    phase: form.phase,
    date: form.date,
    status: form.status,
    teacherOid: teacher.oid,
    teacherName: teacher.displayName,
    ...(form.epName.trim() ? { epName: form.epName } : {}),
    entries: form.entries.map(
      (e): Partial<ClinicEntry> => ({
        id: e.id,
        ...(e.question.trim() ? { question: e.question } : {}),
        ...(e.areaOfNeed ? { areaOfNeed: e.areaOfNeed as ClinicEntry["areaOfNeed"] } : {}),
        ...(e.outcome ? { outcome: e.outcome as ClinicEntry["outcome"] } : {}),
      }),
    ),
  };
}

export function clinicMessages(sent: Record<string, unknown>): Messages {
  // zod runs the schema's cross-field checks only once every field parses: say them all at once.
  const out: Messages = {};
  ((sent.entries as Partial<ClinicEntry>[] | undefined) ?? []).forEach((e, i) => {
    if (!e.question && !e.caseId) out[`entries.${i}.question`] = ["Enter the anonymised question, or choose the case discussed"];
  });
  for (const [path, list] of Object.entries(messagesOf(ClinicInput, sent))) out[path] = [...new Set([...(out[path] ?? []), ...list])];
  return out;
}
export function clinicOrder(form: ClinicForm): string[] {
  return ["kind", "phase", "date", "status", "epName", ...form.entries.flatMap((_, i) => [`entries.${i}.question`, `entries.${i}.areaOfNeed`, `entries.${i}.outcome`])];
}

// ---------------------------------------------------------------------------------------------
// Opening a case on a direct request or from a clinic (a case from an outcome opens from the outcome)

export interface OpenCaseForm {
  origin: "direct" | "clinic";
  requestedBy: string;
  requestedAt: string;
  requesterName: string;
  clinicId: string;
  settingId: string;
  yearGroup: string;
  primaryArea: string;
  allocatedTeacherOid: string;
  openedAt: string;
  legalName: string;
  dateOfBirth: string;
  supportToBeProvided: string;
  reviewDate: string;
}

/** A county team's member opens the team's cases, requested by the team; the district STLS, the local authority's. */
export function blankOpenCase(today: string, me: { oid: string; role: string }, team: CaseTeam, clinicId = ""): OpenCaseForm {
  return {
    origin: clinicId ? "clinic" : "direct",
    requestedBy: team === "district" ? "local-authority" : `${team}-team`,
    requestedAt: today,
    requesterName: "",
    clinicId,
    settingId: "",
    yearGroup: "",
    primaryArea: team === "district" ? "" : "SP",
    // A teacher opens their own cases; a district lead chooses the teacher (a county team's lead takes it on).
    allocatedTeacherOid: me.role === "specialist_teacher" || team !== "district" ? me.oid : "",
    openedAt: today,
    legalName: "",
    dateOfBirth: "",
    supportToBeProvided: "",
    reviewDate: "",
  };
}

const filled = (v: string) => v.trim() !== "";

/** What POST /casework/cases is sent as `case`: blanks left out; a county team's cases only on its own request. */
export function openCaseToSend(form: OpenCaseForm, team: CaseTeam): Record<string, unknown> {
  const origin =
    form.origin === "clinic"
      ? { kind: "clinic", ...(filled(form.clinicId) ? { clinicId: form.clinicId } : {}) }
      : { kind: "direct", ...(filled(form.requestedBy) ? { requestedBy: form.requestedBy } : {}), requestedAt: form.requestedAt, ...(filled(form.requesterName) ? { requesterName: form.requesterName } : {}) };
  return {
    origin,
    team,
    ...(filled(form.settingId) ? { settingId: form.settingId } : {}),
    ...(filled(form.yearGroup) ? { yearGroup: form.yearGroup } : {}),
    ...(filled(form.primaryArea) ? { primaryArea: form.primaryArea } : {}),
    ...(filled(form.allocatedTeacherOid) ? { allocatedTeacherOid: form.allocatedTeacherOid } : {}),
    openedAt: form.openedAt,
    status: "open-active",
    supportPlan: { ...(filled(form.supportToBeProvided) ? { supportToBeProvided: form.supportToBeProvided } : {}), ...(filled(form.reviewDate) ? { reviewDate: form.reviewDate } : {}) },
    targets: [],
    child: { legalName: form.legalName, dateOfBirth: form.dateOfBirth },
  };
}

/** The form's own paths for the input's: `origin.clinicId` → `clinicId`, `child.legalName` → `legalName`, `supportPlan.reviewDate` → `reviewDate`. */
const OPEN_CASE_PATHS: Record<string, string> = {
  "origin.clinicId": "clinicId",
  "origin.requestedBy": "requestedBy",
  "origin.requestedAt": "requestedAt",
  "origin.requesterName": "requesterName",
  "child.legalName": "legalName",
  "child.dateOfBirth": "dateOfBirth",
  "supportPlan.supportToBeProvided": "supportToBeProvided",
  "supportPlan.reviewDate": "reviewDate",
  origin: "clinicId",
};

/** A message path of the input (or the server's `case.` one) as the form names it. */
export function openCaseFormPath(path: string): string {
  const own = path.startsWith("case.") ? path.slice(5) : path;
  return OPEN_CASE_PATHS[own] ?? own;
}

export function openCaseMessages(sent: Record<string, unknown>): Messages {
  const out: Messages = {};
  const add = (path: string, list: string[]) => (out[path] = [...new Set([...(out[path] ?? []), ...list])]);
  // zod runs the cross-field checks only once every field parses: say the plain gaps at once.
  if (!sent.settingId) add("settingId", ["Choose a school or setting from the list"]);
  if (!sent.primaryArea) add("primaryArea", ["Choose the primary area of need"]);
  if (!sent.allocatedTeacherOid) add("allocatedTeacherOid", ["Choose the specialist teacher allocated"]);
  const origin = sent.origin as { kind: string; clinicId?: string };
  if (origin.kind === "clinic" && !origin.clinicId) add("clinicId", ["Choose the clinic the case came from"]);
  for (const [path, list] of Object.entries(messagesOf(CaseOpenInput, sent))) add(openCaseFormPath(path), list);
  // zod's "Required" for a missing choice is already said above in plain words.
  for (const path of ["settingId", "primaryArea", "allocatedTeacherOid", "clinicId"]) {
    if (out[path] && out[path].length > 1) out[path] = out[path].filter((m) => !/^Invalid|Required/.test(m));
  }
  return out;
}

export const OPEN_CASE_ORDER = ["requestedBy", "requestedAt", "requesterName", "clinicId", "legalName", "dateOfBirth", "settingId", "yearGroup", "primaryArea", "allocatedTeacherOid", "openedAt", "supportToBeProvided", "reviewDate", "team"];

// ---------------------------------------------------------------------------------------------
// The support plan: the plan's text and its review date (the case's next review follows it)

export type PlanForm = Record<(typeof SUPPORT_PLAN_FIELDS)[number]["key"] | "reviewDate", string>;

export function planForm(plan: SupportPlan): PlanForm {
  return {
    ...(Object.fromEntries(SUPPORT_PLAN_FIELDS.map((f) => [f.key, plan[f.key] ?? ""])) as Record<(typeof SUPPORT_PLAN_FIELDS)[number]["key"], string>),
    reviewDate: plan.reviewDate ?? "",
  };
}

/** The plan sent with the case's eTag: blanks left out (a field cleared is removed from the plan). */
export function planToSend(form: PlanForm): SupportPlan {
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== "")) as SupportPlan;
}

export function planMessages(plan: SupportPlan, openedAt: string): Messages {
  const out = messagesOf(SupportPlan, plan);
  if (!plan.reviewDate) out.reviewDate = ["Enter the review date: reviews are due by it"];
  else if (!out.reviewDate && plan.reviewDate < openedAt) out.reviewDate = ["The review date cannot be before the case opened"];
  return out;
}

export const PLAN_ORDER = [...SUPPORT_PLAN_FIELDS.map((f) => f.key), "reviewDate"];

// ---------------------------------------------------------------------------------------------
// A clinic entry that opened a case: the entry records the case, its setting and need

export function caseOpenedEntry(c: { id: string; settingId: string; primaryArea: string }): ClinicEntry {
  return { id: rowId("e"), settingId: c.settingId, caseId: c.id, areaOfNeed: c.primaryArea as ClinicEntry["areaOfNeed"], outcome: "case-opened" };
}

/** The clinic as PUT sends it, with the entry for the case it opened added (the server's stamps left off). */
export function clinicWithOpenedCase<C extends ClinicInput & { id?: string; eTag?: string; updatedAt?: string; updatedByName?: string }>(
  clinic: C,
  opened: { id: string; settingId: string; primaryArea: string },
): ClinicInput {
  const { id: _id, eTag: _eTag, updatedAt: _at, updatedByName: _by, ...input } = clinic;
  return { ...input, entries: [...input.entries, caseOpenedEntry(opened)] };
}
