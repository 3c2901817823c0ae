/**
 * The LIFT outcomes API contract: outcome records and attendance of a meeting, meeting counts (the
 * KPI prefill) and overdue actions. These routes live under /api/lift-meetings (mounted by the one
 * router for that prefix, src/server/app/README.md) and /api/lift-actions.
 */
import { z } from "zod";
import { isPlainDate } from "../../domain/time/plain-dates";
import { DistrictSlugParam, ETag, Instant, ItemId, route } from "../core/contract";
import { LiftOutcomeInput } from "./outcome";

// ---------------------------------------------------------------------------------------------
// Requests

export const SaveOutcomeRequest = z.strictObject({
  /** Absent only when no outcome exists yet. */
  eTag: z.string().min(1).optional(),
  /** Checked by the service against the outcome schema (draft rules), with messages keyed `outcome.<path>`. */
  outcome: z.unknown(),
});

export const ApproveOutcomeRequest = z.strictObject({ eTag: z.string().min(1) });

export const AttendanceInput = z.strictObject({
  eTag: z.string().min(1).optional(),
  professionals: z
    .array(z.strictObject({ name: z.string().trim().min(1, "Enter a name").max(120), role: z.string().trim().min(1, "Enter the role").max(80), oid: z.guid().optional() }))
    .max(60),
  settingIds: z.array(z.string().regex(/^[A-Z]{3}-[A-Z]\d+$/, "Choose settings from the list")).max(100),
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

const PlainDateParam = z.string().refine((v) => isPlainDate(v), "Enter a date as YYYY-MM-DD").meta({ format: "date", description: "A date, YYYY-MM-DD" });

export const MeetingCountsQuery = z
  .object({
    district: DistrictSlugParam.optional().meta({ description: "Commissioners: required; others: their own district" }),
    from: PlainDateParam,
    to: PlainDateParam,
  })
  .refine((q) => !isPlainDate(q.from) || !isPlainDate(q.to) || q.to >= q.from, { path: ["to"], message: "The end date is before the start date" });

export const OverdueQuery = z.object({ district: DistrictSlugParam.optional().meta({ description: "Commissioners: required; others: their own district" }) });

// ---------------------------------------------------------------------------------------------
// Answers

export const OutcomeRecord = z.object({
  referralId: z.string(),
  meetingId: z.string(),
  eTag: ETag,
  status: z.enum(["draft", "approved"]),
  outcome: LiftOutcomeInput,
  allocatedTeacherName: z.string().optional(),
  updatedAt: Instant,
  updatedByName: z.string(),
  approvedAt: Instant.optional(),
  approvedByName: z.string().optional(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

export const Attendance = z.object({
  meetingId: z.string(),
  eTag: ETag.optional(),
  professionals: z.array(z.object({ name: z.string(), role: z.string(), oid: z.string().optional() })),
  settingIds: z.array(z.string()),
});
export type Attendance = z.infer<typeof Attendance>;

export const OverdueAction = z.object({
  referralId: z.string(),
  caseReference: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  settingName: z.string(),
  actionId: z.string(),
  description: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number().int(),
});
export type OverdueAction = z.infer<typeof OverdueAction>;

/** What the KPI return can take from the meeting records (prefill). */
export const MeetingCounts = z.object({
  districtSlug: z.string(),
  from: z.string(),
  to: z.string(),
  meetingsHeld: z.number().int(),
  casesDiscussed: z.number().int(),
  resolvedAtLift: z.number().int(),
  settingsAttending: z.number().int(),
  allocationsByArea: z.record(z.string(), z.number().int()),
});
export type MeetingCounts = z.infer<typeof MeetingCounts>;

// ---------------------------------------------------------------------------------------------
// Routes

const MeetingParams = z.object({ id: ItemId });
const CaseParams = z.object({ id: ItemId, referralId: ItemId });
const OneOutcome = z.object({ outcome: OutcomeRecord });

export const liftOutcomesApi = {
  meetingCounts: route("GET /lift-meetings/counts", "Meetings held, cases discussed, settings attending and allocations in a district between two dates", { query: MeetingCountsQuery, responses: { 200: MeetingCounts }, errors: [404] }),
  listOutcomes: route("GET /lift-meetings/:id/outcomes", "The outcome records of a meeting's cases", { params: MeetingParams, responses: { 200: z.object({ items: z.array(OutcomeRecord) }) }, errors: [404] }),
  getOutcome: route("GET /lift-meetings/:id/outcomes/:referralId", "A case's outcome record (null when none is saved yet)", { params: CaseParams, responses: { 200: z.object({ outcome: OutcomeRecord.nullable() }) }, errors: [404] }),
  saveOutcome: route("PUT /lift-meetings/:id/outcomes/:referralId", "Save a case's outcome as a draft: 201 when this made the record, 200 when it updated it (412 when the eTag is stale)", { params: CaseParams, body: SaveOutcomeRequest, responses: { 200: OneOutcome, 201: OneOutcome }, errors: [403, 404, 409, 412] }),
  approveOutcome: route("POST /lift-meetings/:id/outcomes/:referralId/approve", "The chair or district lead approves a saved outcome", { params: CaseParams, body: ApproveOutcomeRequest, responses: { 200: OneOutcome }, errors: [403, 404, 409, 412] }),
  getAttendance: route("GET /lift-meetings/:id/attendance", "Who attended a meeting", { params: MeetingParams, responses: { 200: Attendance }, errors: [404] }),
  saveAttendance: route("PUT /lift-meetings/:id/attendance", "Record who attended (412 when the eTag is stale)", { params: MeetingParams, body: AttendanceInput, responses: { 200: Attendance }, errors: [403, 404, 409, 412] }),
  overdueActions: route("GET /lift-actions/overdue", "Actions from approved outcomes that are past their due date and not done", { query: OverdueQuery, responses: { 200: z.object({ items: z.array(OverdueAction) }) }, errors: [404] }),
  markActionDone: route("POST /lift-actions/:referralId/:actionId/done", "Mark an outcome's action done", { params: z.object({ referralId: ItemId, actionId: ItemId }), responses: { 200: OneOutcome }, errors: [403, 404] }),
} as const;
