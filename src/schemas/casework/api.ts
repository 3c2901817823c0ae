/**
 * The casework API contract: cases after LIFT (list, one, open, update, status, reviews, visits,
 * closure, SENIF), clinics, the district's casework figures for a term (what the KPI return's
 * prefill uses) and time to support. Shared by the server (which parses requests with it),
 * /api/openapi.json and the Casework tab.
 *
 * Access follows src/domain/casework/access.ts: a case, clinic or figure the caller may not see is
 * 404. A pseudonymised case (a colleague's, in the same team) carries no child's details and no free
 * text, and no reviews or visits. Records and inputs are defined once, in ./records.ts.
 */
import { z } from "zod";
import { AcademicYearParam, Prefill, TermParam, TermsParam } from "../kpi/api";
import { DistrictDateRangeQuery, DistrictSlugParam, ETag, ItemId, route } from "../core/contract";
import { AreaOfNeed } from "../referrals/referral";
import {
  CaseCloseInput,
  CaseItem,
  CaseOpenInput,
  CaseStatusInput,
  CaseTeam,
  CaseUpdateInput,
  ClinicInput,
  ClinicItem,
  ReviewInput,
  ReviewItem,
  SenifInput,
  Target,
  VisitInput,
  VisitItem,
} from "./records";

// ---------------------------------------------------------------------------------------------
// Parameters and request pieces

const IdempotencyKey = z
  .string()
  .min(8, "Send a key of at least 8 characters")
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only")
  .meta({ description: "Made by the client per form; repeating it answers the record it made, nothing is created twice" });

const PlainDate = z.iso.date({ message: "Enter a date as YYYY-MM-DD" });

export const CaseListQuery = z.object({
  district: DistrictSlugParam.optional().meta({ description: "County team members: a district to narrow to; others see their own district (or setting)" }),
  teacher: z.enum(["me"], { message: "Expected me" }).optional().meta({ description: "me: only the caller's own caseload" }),
  status: z.enum(["open-active", "open-inactive", "closed", "open"], { message: "Expected open, open-active, open-inactive or closed" }).optional(),
  reviews: z.enum(["due", "overdue"], { message: "Expected due or overdue" }).optional().meta({ description: "due: review due within 14 days or overdue; overdue: past its date" }),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const OpenCaseBody = z.strictObject({ idempotencyKey: IdempotencyKey, case: CaseOpenInput });
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;

/**
 * Open a case from an approved LIFT outcome: the referral gives the child's handle, setting and need,
 * the outcome the support plan and the allocated teacher. Only what LIFT did not decide is sent.
 */
export const OpenFromOutcomeBody = z.strictObject({
  idempotencyKey: IdempotencyKey,
  referralId: ItemId,
  /** Default today. */
  openedAt: PlainDate.optional(),
  /** Needed for an all-through school (the phase follows the year group). */
  yearGroup: CaseItem.shape.yearGroup,
  /** Default the referral's primary area of need. */
  primaryArea: AreaOfNeed.optional(),
  secondaryArea: AreaOfNeed.optional(),
  targets: z.array(Target).max(50, "At most 50 targets").optional(),
  /** An early years outcome asked for a SENIF practitioner. */
  senifRequested: z.boolean().optional(),
});
export type OpenFromOutcomeBody = z.infer<typeof OpenFromOutcomeBody>;

export const UpdateCaseBody = z.strictObject({ eTag: ETag, changes: CaseUpdateInput });
export const CaseStatusBody = z.strictObject({ eTag: ETag, change: CaseStatusInput });
export const CloseCaseBody = z.strictObject({ eTag: ETag, closure: CaseCloseInput });
export const SenifBody = z.strictObject({ eTag: ETag, senif: SenifInput });
export const RecordReviewBody = z.strictObject({ idempotencyKey: IdempotencyKey, review: ReviewInput });
export const RecordVisitBody = z.strictObject({ idempotencyKey: IdempotencyKey, visit: VisitInput });
export const RecordClinicBody = z.strictObject({ idempotencyKey: IdempotencyKey, clinic: ClinicInput });
export const UpdateClinicBody = z.strictObject({ eTag: ETag, clinic: ClinicInput });

export const ClinicListQuery = DistrictDateRangeQuery;

export const FiguresParams = z.object({ district: DistrictSlugParam, year: AcademicYearParam, term: TermParam });
export const FiguresQuery = z.object({ team: CaseTeam.optional().meta({ description: "Default the district STLS" }) });

export const TimeToSupportQuery = z.object({
  district: DistrictSlugParam.optional().meta({ description: "Commissioners: any district, default all; others: their own" }),
  year: AcademicYearParam,
  terms: TermsParam.optional(),
});

// ---------------------------------------------------------------------------------------------
// Answers

/** A case in full (its teacher, the district lead, the setting's SENCo). */
export const FullCase = CaseItem.extend({ id: z.string(), eTag: ETag });
export type FullCase = z.infer<typeof FullCase>;

/** A case seen by a colleague: the handle, setting, phase, need, teacher, status and dates only. */
export const PseudonymisedCase = CaseItem.pick({
  childRef: true,
  team: true,
  districtSlug: true,
  settingId: true,
  phase: true,
  yearGroup: true,
  primaryArea: true,
  secondaryArea: true,
  allocatedTeacherOid: true,
  allocatedTeacherName: true,
  status: true,
  openedAt: true,
  nextReviewDue: true,
}).extend({
  id: z.string(),
  originKind: z.enum(["lift-outcome", "clinic", "direct"]),
  closedAt: z.string().optional(),
  closureReason: z.string().optional(),
});
export type PseudonymisedCase = z.infer<typeof PseudonymisedCase>;

/** One line of the caseload. */
export const CaseSummary = PseudonymisedCase.extend({
  view: z.enum(["full", "pseudonymised"]),
  settingName: z.string(),
  reviewOverdue: z.boolean(),
  /** Targets in force today (full view only). */
  targetsInForce: z.number().int().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const ReviewRecord = ReviewItem.extend({ id: z.string() });
export type ReviewRecord = z.infer<typeof ReviewRecord>;
export const VisitRecord = VisitItem.extend({ id: z.string() });
export type VisitRecord = z.infer<typeof VisitRecord>;
export const ClinicRecord = ClinicItem.extend({ id: z.string(), eTag: ETag });
export type ClinicRecord = z.infer<typeof ClinicRecord>;

export const CaseDetail = z.discriminatedUnion("view", [
  z.object({
    view: z.literal("full"),
    case: FullCase,
    settingName: z.string(),
    /** Reviews and visits, latest first. */
    reviews: z.array(ReviewRecord),
    visits: z.array(VisitRecord),
    reviewOverdue: z.boolean(),
    /** What the caller may do: work (targets, reviews, visits, status, close), manage (reallocate). */
    access: z.object({ work: z.boolean(), manage: z.boolean() }),
  }),
  z.object({ view: z.literal("pseudonymised"), case: PseudonymisedCase, settingName: z.string() }),
]);
export type CaseDetail = z.infer<typeof CaseDetail>;

const OneCase = z.object({ case: FullCase });

export const CaseworkFiguresView = z.object({
  districtSlug: z.string(),
  academicYear: z.string(),
  term: z.number().int(),
  team: CaseTeam,
  /** By KPI measure id, in the return's prefill shape (value and plain-English source). */
  figures: Prefill,
  /** Measures casework answers that it could not answer here, with the reason (missing is not zero). */
  unanswered: z.array(z.object({ measureId: z.string(), reason: z.string() })),
});
export type CaseworkFiguresView = z.infer<typeof CaseworkFiguresView>;

export const TimeToSupportView = z.object({
  academicYear: z.string(),
  rows: z.array(
    z.object({
      districtSlug: z.string(),
      academicYear: z.string(),
      term: z.number().int(),
      stage: z.enum(["referral-to-lift", "lift-to-allocation", "allocation-to-first-visit"]),
      count: z.number().int(),
      /** Null when there were none (missing, not zero). */
      medianDays: z.number().nullable(),
    }),
  ),
  outsideTerms: z.record(z.string(), z.number().int()),
});
export type TimeToSupportView = z.infer<typeof TimeToSupportView>;

// ---------------------------------------------------------------------------------------------
// Routes

const CaseParams = z.object({ id: ItemId });
const ClinicParams = z.object({ id: ItemId });

export const caseworkApi = {
  listCases: route("GET /casework/cases", "Cases the caller may see: a SENCo's setting's, a teacher's caseload (colleagues' pseudonymised), a lead's district", { query: CaseListQuery, responses: { 200: z.object({ items: z.array(CaseSummary) }) }, errors: [404] }),
  getCase: route("GET /casework/cases/:id", "One case: plan, targets, status history, reviews and visits (pseudonymised for a colleague)", { params: CaseParams, responses: { 200: CaseDetail }, errors: [404] }),
  openCase: route("POST /casework/cases", "Open a case from a clinic or a direct request (the server issues the case reference); 201 also for a repeated idempotency key", { body: OpenCaseBody, responses: { 201: OneCase }, errors: [403, 404, 409] }),
  openCaseFromOutcome: route("POST /casework/cases/from-outcome", "Open a case from an approved LIFT outcome: its support plan and allocated teacher; 201 also for a repeated idempotency key", { body: OpenFromOutcomeBody, responses: { 201: OneCase }, errors: [403, 404, 409] }),
  updateCase: route("PUT /casework/cases/:id", "Change the plan, targets, need or teacher of an open case (412 with the current case when the eTag is stale)", { params: CaseParams, body: UpdateCaseBody, responses: { 200: OneCase }, errors: [403, 404, 409, 412] }),
  changeCaseStatus: route("POST /casework/cases/:id/status", "Switch an open case between actively supported and not (with the reason)", { params: CaseParams, body: CaseStatusBody, responses: { 200: OneCase }, errors: [403, 404, 409, 412] }),
  recordReview: route("POST /casework/cases/:id/reviews", "Record a review of the case's targets; the plan's review date moves to the next review date", { params: CaseParams, body: RecordReviewBody, responses: { 201: z.object({ review: ReviewRecord, case: FullCase }) }, errors: [403, 404, 409] }),
  recordVisit: route("POST /casework/cases/:id/visits", "Record a visit (who was seen, advice, next steps, graduated approach, standards)", { params: CaseParams, body: RecordVisitBody, responses: { 201: z.object({ visit: VisitRecord }) }, errors: [403, 404, 409] }),
  closeCase: route("POST /casework/cases/:id/close", "Close a case with a reason and its final review; targets still in force end", { params: CaseParams, body: CloseCaseBody, responses: { 200: OneCase }, errors: [403, 404, 409, 412] }),
  setSenif: route("PUT /casework/cases/:id/senif", "Request or allocate a SENIF practitioner for an early years case (after the specialist teacher)", { params: CaseParams, body: SenifBody, responses: { 200: OneCase }, errors: [403, 404, 409, 412] }),
  listClinics: route("GET /casework/clinics", "The district's clinics, surgeries and in-school reviews, latest first", { query: ClinicListQuery, responses: { 200: z.object({ items: z.array(ClinicRecord) }) }, errors: [404] }),
  recordClinic: route("POST /casework/clinics", "Record a clinic, surgery or in-school review; 201 also for a repeated idempotency key", { body: RecordClinicBody, responses: { 201: z.object({ clinic: ClinicRecord }) }, errors: [403, 404, 409] }),
  getClinic: route("GET /casework/clinics/:id", "One clinic with its entries", { params: ClinicParams, responses: { 200: z.object({ clinic: ClinicRecord }) }, errors: [404] }),
  updateClinic: route("PUT /casework/clinics/:id", "Change a clinic (e.g. planned to held, its entries); 412 with the current clinic when the eTag is stale", { params: ClinicParams, body: UpdateClinicBody, responses: { 200: z.object({ clinic: ClinicRecord }) }, errors: [403, 404, 409, 412] }),
  caseworkFigures: route("GET /casework/figures/:district/:year/:term", "The district's casework figures for a term, by KPI measure, with their sources (what the KPI return prefills)", { params: FiguresParams, query: FiguresQuery, responses: { 200: CaseworkFiguresView }, errors: [404] }),
  timeToSupport: route("GET /casework/time-to-support", "Median days from referral to LIFT, LIFT to allocation and allocation to first visit, per district and term", { query: TimeToSupportQuery, responses: { 200: TimeToSupportView }, errors: [404] }),
} as const;
