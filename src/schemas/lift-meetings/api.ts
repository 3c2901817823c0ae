/**
 * The LIFT meetings API contract: every /api/lift-meetings route of the meetings feature (listing,
 * planning, agenda, running state, stage, moving cases) with its parameters, bodies and answers.
 * The outcome, attendance and counts routes under the same prefix are in ../lift-outcomes/api.ts;
 * one router serves them all (src/server/app/README.md).
 */
import { z } from "zod";
import { ETag, Instant, ItemId, route } from "../core/contract";
import { LiftMeetingSummary, MeetingKind, MeetingStatus, ReferralRecord, ReferralSummary } from "../referrals/api";

export { AttendanceInput, ApproveOutcomeRequest, SaveOutcomeRequest, type Attendance, type MeetingCounts, type OutcomeRecord, type OverdueAction } from "../lift-outcomes/api";

// ---------------------------------------------------------------------------------------------
// Requests

const isoInstant = z.iso.datetime({ offset: true, message: "Enter a date and time (ISO 8601 with offset)" });

export const PlannedMeetingInput = z.strictObject({
  kind: z.enum(MeetingKind.options, { message: "Choose school or early years" }),
  /** School meetings: primary, secondary or both (= all). Absent for early years. */
  phases: z.array(z.enum(["primary", "secondary"])).min(1).max(2).optional(),
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.string().trim().max(200).optional(),
  onlineMeetingUrl: z.url({ protocol: /^https$/, message: "Enter an https:// Teams meeting link" }).max(1000).optional(),
  chairOid: z.guid({ message: "Choose the chair from the list" }).optional(),
  /** The LIFT group the meeting is for (its cadence is checked); none = the district's only group of this kind, if it has one. */
  liftGroupId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Choose a LIFT group of the district").max(80).optional(),
});
export type PlannedMeetingInput = z.infer<typeof PlannedMeetingInput>;

export const PlanMeetingsRequest = z.strictObject({
  idempotencyKey: z.string().min(8).max(128),
  districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  meetings: z.array(PlannedMeetingInput).min(1, "Add at least one meeting").max(40, "Plan at most 40 meetings at once"),
});
export type PlanMeetingsRequest = z.infer<typeof PlanMeetingsRequest>;

export const MoveMeetingRequest = z.strictObject({
  eTag: z.string().min(1),
  startsAt: isoInstant.optional(),
  endsAt: isoInstant.optional(),
  place: z.string().trim().max(200).optional(),
  onlineMeetingUrl: z.url({ protocol: /^https$/ }).max(1000).optional(),
  chairOid: z.guid().optional(),
  /** Shown to the SENCos whose referrals are on the meeting. */
  reason: z.string().trim().max(500).optional(),
});

export const CancelMeetingRequest = z.strictObject({
  eTag: z.string().min(1),
  reason: z.string().trim().min(1, "Say why the meeting is cancelled").max(500),
});

export const AgendaEntryInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("case"), referralId: z.string().min(1).max(32), minutes: z.number().int().min(5).max(90).optional() }),
  z.strictObject({
    kind: z.literal("item"),
    /** Absent for a new item; the server gives it one. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    title: z.string().trim().min(1, "Give the item a title").max(200),
    minutes: z.number().int().min(5).max(120),
  }),
]);
export type AgendaEntryInput = z.infer<typeof AgendaEntryInput>;

export const SaveAgendaRequest = z.strictObject({
  eTag: z.string().min(1),
  slotMinutes: z.number().int().min(5, "At least 5 minutes a case").max(90, "At most 90 minutes a case"),
  entries: z.array(AgendaEntryInput).max(60),
});

export const MoveCaseRequest = z.strictObject({ toMeetingId: z.string().min(1).max(64), reason: z.string().trim().max(500).optional() });

export const SetCurrentRequest = z.strictObject({
  /** A case's referral id or an item's id; null ends the run. */
  entryId: z.string().max(40).nullable(),
  /** Index into SOLUTION_FOCUSED_PROMPTS for the current case. */
  step: z.number().int().min(0).max(10).optional(),
});

// ---------------------------------------------------------------------------------------------
// Answers

export const MeetingDetail = LiftMeetingSummary.extend({
  eTag: ETag,
  chairOid: z.string().optional(),
  chairName: z.string().optional(),
  cancelledReason: z.string().optional(),
  caseCount: z.number().int(),
  /** Who may do what on this meeting, for the caller (the server checks again on every request). */
  can: z.object({ plan: z.boolean(), run: z.boolean(), approve: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** POST /api/lift-meetings/plan answers 201 with this. `warnings` (e.g. outside term dates) never block. */
export const PlanMeetingsAnswer = z.object({ items: z.array(MeetingDetail), warnings: z.record(z.string(), z.array(z.string())).optional() });
export type PlanMeetingsAnswer = z.infer<typeof PlanMeetingsAnswer>;

export const OutcomeStatus = z.enum(["none", "draft", "approved"]);
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;

const entryBase = {
  /** The referral id of a case, the item id of an item. */
  id: z.string(),
  startsAt: Instant,
  minutes: z.number().int(),
};

export const AgendaCase = z.object({
  ...entryBase,
  kind: z.literal("case"),
  caseReference: z.string(),
  settingId: z.string(),
  settingName: z.string(),
  yearGroup: z.string().optional(),
  ageInMonths: z.number().optional(),
  primaryArea: z.string().optional(),
  /** An early years referral (the outcome can request a SENIF practitioner). */
  earlyYears: z.boolean().optional(),
  question: z.string().optional(),
  /** District members only; never on the stage. */
  childName: z.string().optional(),
  outcomeStatus: OutcomeStatus,
});
export type AgendaCase = z.infer<typeof AgendaCase>;

export const AgendaItem = z.object({ ...entryBase, kind: z.literal("item"), title: z.string() });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaEntry = z.discriminatedUnion("kind", [AgendaCase, AgendaItem]);
export type AgendaEntry = z.infer<typeof AgendaEntry>;

export const RunState = z.object({ entryId: z.string(), step: z.number().int(), startedAt: Instant });
export type RunState = z.infer<typeof RunState>;

export const Agenda = z.object({
  meeting: MeetingDetail,
  /** The agenda's own version (not the meeting's eTag: setting the current case does not change it); PUT agenda sends it back. */
  eTag: ETag,
  slotMinutes: z.number().int(),
  entries: z.array(AgendaEntry),
  current: RunState.optional(),
});
export type Agenda = z.infer<typeof Agenda>;

/** The stage view: shown to everyone in the meeting. No child names, no free text but the question (redacted). */
export const StageView = z.object({
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: Instant, endsAt: Instant, status: MeetingStatus }),
  entries: z.array(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("case"),
        id: z.string(),
        startsAt: Instant,
        minutes: z.number().int(),
        caseReference: z.string(),
        settingName: z.string(),
        yearGroup: z.string().optional(),
        primaryArea: z.string().optional(),
        question: z.string().optional(),
      }),
      z.object({ kind: z.literal("item"), id: z.string(), startsAt: Instant, minutes: z.number().int(), title: z.string() }),
    ]),
  ),
  current: RunState.optional(),
});
export type StageView = z.infer<typeof StageView>;

// ---------------------------------------------------------------------------------------------
// Routes

export const MeetingListQuery = z.object({
  district: z.string().optional().meta({ description: "Commissioners: required; others: their own district" }),
  kind: MeetingKind.optional(),
  from: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), "Expected an ISO date such as 2026-09-01")
    .optional()
    .meta({ description: "Only meetings starting at or after this date" }),
});

const MeetingParams = z.object({ id: ItemId });
const OneMeeting = z.object({ meeting: MeetingDetail });

export const liftMeetingsApi = {
  listMeetings: route("GET /lift-meetings", "A district's LIFT meetings, with whether each accepts referrals (and, for a SENCo, how many of theirs are on it)", { query: MeetingListQuery, responses: { 200: z.object({ items: z.array(LiftMeetingSummary) }) }, errors: [404] }),
  getMeeting: route("GET /lift-meetings/:id", "A meeting with the referrals on it the caller may see", { params: MeetingParams, responses: { 200: z.object({ meeting: LiftMeetingSummary, referrals: z.array(ReferralSummary) }) }, errors: [404] }),
  planMeetings: route("POST /lift-meetings/plan", "Plan a district's meetings; 201 also for a repeated idempotency key (the answer is the meetings that key made)", { body: PlanMeetingsRequest, responses: { 201: PlanMeetingsAnswer }, errors: [403, 404] }),
  meetingDetail: route("GET /lift-meetings/:id/detail", "A meeting with its chair, case count and what the caller may do", { params: MeetingParams, responses: { 200: OneMeeting }, errors: [404] }),
  moveMeeting: route("PATCH /lift-meetings/:id", "Move a meeting or change its place, link or chair (the SENCos with cases on it are told)", { params: MeetingParams, body: MoveMeetingRequest, responses: { 200: OneMeeting }, errors: [403, 404, 409, 412] }),
  cancelMeeting: route("POST /lift-meetings/:id/cancel", "Cancel a meeting; its cases go back to submitted", { params: MeetingParams, body: CancelMeetingRequest, responses: { 200: OneMeeting }, errors: [403, 404, 409, 412] }),
  getAgenda: route("GET /lift-meetings/:id/agenda", "The meeting's agenda: cases and items in order with their times, and the running state", { params: MeetingParams, responses: { 200: Agenda }, errors: [404] }),
  saveAgenda: route("PUT /lift-meetings/:id/agenda", "Reorder the agenda, set the slot length, add or remove items (412 when the agenda's eTag is stale)", { params: MeetingParams, body: SaveAgendaRequest, responses: { 200: Agenda }, errors: [403, 404, 409, 412] }),
  setCurrent: route("POST /lift-meetings/:id/current", "Set the case or item being discussed and its prompt step (null ends the run)", { params: MeetingParams, body: SetCurrentRequest, responses: { 200: Agenda }, errors: [403, 404, 409] }),
  getStage: route("GET /lift-meetings/:id/stage", "The view shared to the meeting stage: no child names", { params: MeetingParams, responses: { 200: StageView }, errors: [404] }),
  moveCase: route("POST /lift-meetings/:id/cases/:referralId/move", "Move a case to another meeting of the district (its draft outcome goes with it)", { params: z.object({ id: ItemId, referralId: ItemId }), body: MoveCaseRequest, responses: { 200: z.object({ referral: ReferralRecord }) }, errors: [403, 404, 409] }),
} as const;
