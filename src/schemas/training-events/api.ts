/**
 * The training-events API: training sessions and transition events of a district (the district's
 * lead and specialist teachers record them; commissioners read every district's), and the autism
 * education target against the settings register. Design: src/server/features/training-events/README.md.
 */
import { z } from "zod";
import { DistrictDateRangeQuery, DistrictSlugParam, ETag, ItemId, route } from "../core/contract";
import { AcademicYearParam } from "../kpi/api";
import { AET_PROGRAMMES, TrainingSessionInput, TrainingSessionItem, TransitionEventInput, TransitionEventItem } from "./records";

const IdempotencyKey = z
  .string()
  .min(8, "Send a key of at least 8 characters")
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only")
  .meta({ description: "Made by the client per form; repeating it answers the record it made, nothing is created twice" });

const Count = z.number().int().nonnegative();

export const DistrictListQuery = DistrictDateRangeQuery;

/** The settings that attended, counted by the register's phase (Post-16 included). */
const PhaseCounts = z.record(z.string(), Count);

export const TrainingSessionRecord = TrainingSessionItem.extend({ id: z.string(), eTag: ETag, phases: PhaseCounts });
export type TrainingSessionRecord = z.infer<typeof TrainingSessionRecord>;
export const TransitionEventRecord = TransitionEventItem.extend({ id: z.string(), eTag: ETag, phases: PhaseCounts });
export type TransitionEventRecord = z.infer<typeof TransitionEventRecord>;

export const RecordSessionBody = z.strictObject({ idempotencyKey: IdempotencyKey, session: TrainingSessionInput });
export const UpdateSessionBody = z.strictObject({ eTag: ETag, session: TrainingSessionInput });
export const RecordEventBody = z.strictObject({ idempotencyKey: IdempotencyKey, event: TransitionEventInput });
export const UpdateEventBody = z.strictObject({ eTag: ETag, event: TransitionEventInput });

export const AutismTargetQuery = z.object({ district: DistrictSlugParam.optional(), year: AcademicYearParam });
export const AutismTargetView = z.object({
  districtSlug: z.string(),
  academicYear: z.string(),
  asOf: z.string(),
  targetPercent: z.number(),
  groups: z.array(
    z.object({
      group: z.enum(AET_PROGRAMMES),
      settings: Count,
      trained: Count,
      percent: z.number().optional(),
      toTarget: Count,
      met: z.boolean(),
    }),
  ),
});
export type AutismTargetView = z.infer<typeof AutismTargetView>;

/**
 * A school or setting as the attendance pickers offer it: only what picking needs (no URN, postcode
 * or dates). Closed ones stay so that an older record's attendance still shows its names.
 */
export const AttendanceSetting = z.object({
  id: z.string(),
  name: z.string(),
  districtSlug: z.string(),
  /** The register's phase (Post-16 and special schools included), else LIFT's. */
  phase: z.string(),
  open: z.boolean(),
});
export type AttendanceSetting = z.infer<typeof AttendanceSetting>;
export const AttendanceSettingsQuery = z.object({ district: DistrictSlugParam.optional() });

const IdParams = z.object({ id: ItemId });
/** The version the caller saw: a record changed since is not deleted (412). */
export const DeleteQuery = z.object({ eTag: ETag });

export const trainingEventsApi = {
  listTrainingSessions: route("GET /training-events/sessions", "The district's training sessions, latest first", { query: DistrictListQuery, responses: { 200: z.object({ items: z.array(TrainingSessionRecord) }) }, errors: [403, 404] }),
  recordTrainingSession: route("POST /training-events/sessions", "Record a training session with its attendance and evaluation counts; 201 also for a repeated idempotency key", { body: RecordSessionBody, responses: { 201: z.object({ session: TrainingSessionRecord }) }, errors: [403, 404] }),
  getTrainingSession: route("GET /training-events/sessions/:id", "One training session", { params: IdParams, responses: { 200: z.object({ session: TrainingSessionRecord }) }, errors: [403, 404] }),
  updateTrainingSession: route("PUT /training-events/sessions/:id", "Change a training session (e.g. add the evaluation returns); 412 when the eTag is stale", { params: IdParams, body: UpdateSessionBody, responses: { 200: z.object({ session: TrainingSessionRecord }) }, errors: [403, 404, 412] }),
  deleteTrainingSession: route("DELETE /training-events/sessions/:id", "Delete a training session recorded in error (it leaves every KPI figure); 412 when the eTag is stale", { params: IdParams, query: DeleteQuery, responses: { 204: null }, errors: [403, 404, 412] }),
  listTransitionEvents: route("GET /training-events/transition", "The district's transition events, latest first", { query: DistrictListQuery, responses: { 200: z.object({ items: z.array(TransitionEventRecord) }) }, errors: [403, 404] }),
  recordTransitionEvent: route("POST /training-events/transition", "Record a transition event with its attendance register and feedback counts; 201 also for a repeated idempotency key", { body: RecordEventBody, responses: { 201: z.object({ event: TransitionEventRecord }) }, errors: [403, 404] }),
  getTransitionEvent: route("GET /training-events/transition/:id", "One transition event", { params: IdParams, responses: { 200: z.object({ event: TransitionEventRecord }) }, errors: [403, 404] }),
  updateTransitionEvent: route("PUT /training-events/transition/:id", "Change a transition event; 412 when the eTag is stale", { params: IdParams, body: UpdateEventBody, responses: { 200: z.object({ event: TransitionEventRecord }) }, errors: [403, 404, 412] }),
  attendanceSettings: route("GET /training-events/settings", "The settings register as the attendance pickers offer it: every school and setting (name, district, phase, open or closed), the district's own first", { query: AttendanceSettingsQuery, responses: { 200: z.object({ items: z.array(AttendanceSetting) }) }, errors: [403, 404] }),
  deleteTransitionEvent: route("DELETE /training-events/transition/:id", "Delete a transition event recorded in error; 412 when the eTag is stale", { params: IdParams, query: DeleteQuery, responses: { 204: null }, errors: [403, 404, 412] }),
  autismTarget: route("GET /training-events/autism-target", "Progress towards 20 % of the district's school-age, early years and Post-16 settings trained in autism education this year", { query: AutismTargetQuery, responses: { 200: AutismTargetView }, errors: [403, 404] }),
} as const;
