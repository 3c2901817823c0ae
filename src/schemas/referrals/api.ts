/**
 * The referrals API contract: every /api/referrals route with its path parameters, query, body and
 * answers. The server parses requests with it, /api/openapi.json is generated from it and the
 * referral tab's client is typed from it.
 */
import { z } from "zod";
import { ETag, Instant, ItemId, route } from "../core/contract";
import { SupportPlan } from "../lift-outcomes/outcome";
import { REFERRAL_VARIANTS } from "./fields";
import { REFERRAL_STATUSES } from "./status";
import type { ReferralDraftInput } from "./referral";

// ---------------------------------------------------------------------------------------------
// Shared shapes

export { REFERRAL_STATUSES };
export const ReferralStatus = z.enum(REFERRAL_STATUSES, { message: `Expected one of ${REFERRAL_STATUSES.join(", ")}` });
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const MEETING_KINDS = ["school", "early-years"] as const;
export const MeetingKind = z.enum(MEETING_KINDS, { message: "Expected school or early-years" });
export const MEETING_STATUSES = ["scheduled", "moved", "cancelled", "held"] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);

export const Refusal = z.object({ code: z.string(), message: z.string() });
export type Refusal = z.infer<typeof Refusal>;

export const LiftMeetingSummary = z.object({
  id: z.string(),
  districtSlug: z.string(),
  kind: MeetingKind,
  phases: z.array(z.enum(["primary", "secondary"])).optional(),
  title: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  place: z.string().optional(),
  onlineMeetingUrl: z.string().optional(),
  status: MeetingStatus,
  referralDeadline: Instant,
  accepting: z.boolean(),
  refusal: Refusal.optional(),
  myReferralCount: z.number().int().optional(),
});
export type LiftMeetingSummary = z.infer<typeof LiftMeetingSummary>;

export const OutcomeAction = z.object({
  /** The action's id in the LIFT outcome record. */
  id: z.string().optional(),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  done: z.boolean().optional(),
});
export type OutcomeAction = z.infer<typeof OutcomeAction>;

export const ReferralSummary = z.object({
  id: z.string(),
  caseReference: z.string().optional(),
  status: ReferralStatus,
  settingId: z.string(),
  settingName: z.string(),
  districtSlug: z.string(),
  variant: z.enum(REFERRAL_VARIANTS),
  childName: z.string().optional().meta({ description: "Omitted for commissioners (no child-identifying data)" }),
  yearGroup: z.string().optional(),
  ageInMonths: z.number().optional(),
  primaryArea: z.string().optional(),
  question: z.string().optional(),
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: Instant }).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  submittedAt: Instant.optional(),
  outcome: z
    .object({
      categories: z.array(z.string()),
      summary: z.string().optional(),
      actions: z.array(OutcomeAction),
      /** From the approved LIFT outcome record: never shown to commissioners. */
      allocatedTeacherName: z.string().optional(),
      supportPlan: SupportPlan.optional(),
      approvedAt: Instant.optional(),
    })
    .optional(),
  notice: z.string().optional().meta({ description: "The latest change to this referral's meeting (moved, cancelled, case moved), for the SENCo" }),
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;

/** A draft as stored: any stage of completeness, checked against the referral schema on save and submit. */
const StoredDraft = z
  .custom<ReferralDraftInput>((v) => typeof v === "object" && v !== null && !Array.isArray(v))
  .meta({ type: "object", description: "The referral's answers, in the shape of the referral schema (src/schemas/referrals/referral.ts)" });

export const ReferralRecord = ReferralSummary.extend({
  eTag: ETag,
  draft: StoredDraft,
  history: z.array(z.object({ at: Instant, action: z.string(), byName: z.string() })),
});
export type ReferralRecord = z.infer<typeof ReferralRecord>;

/** 409 `detail` when a meeting refuses a referral. */
export const MeetingRefusalDetail = z.object({ refusal: z.string().optional(), nextMeeting: LiftMeetingSummary.optional() });
export type MeetingRefusalDetail = z.infer<typeof MeetingRefusalDetail>;

// ---------------------------------------------------------------------------------------------
// Requests

const IdempotencyKey = z
  .string()
  .min(8, "Send a key of at least 8 characters")
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only");
/** The answers are checked by the service against the referral schema, with messages keyed `draft.<path>`. */
const DraftBody = z.record(z.string(), z.unknown());

export const CreateReferralBody = z.object({ idempotencyKey: IdempotencyKey, draft: DraftBody });
export const SaveReferralBody = z.object({ eTag: ETag, draft: DraftBody });
export const SubmitReferralBody = z.object({ meetingId: z.string().regex(/^\d{1,12}$/, "Choose a LIFT meeting"), eTag: ETag.optional() });

export const ReferralListQuery = z.object({
  scope: z.enum(["mine", "district"], { message: "Expected mine or district" }).optional(),
  meeting: z.string().regex(/^\d{1,12}$/, "Expected a LIFT meeting id").optional(),
  status: ReferralStatus.optional(),
  district: z.string().optional().meta({ description: "Commissioners: the district to list (required with scope=district)" }),
});

const ReferralParams = z.object({ id: ItemId });
const One = z.object({ referral: ReferralRecord });

// ---------------------------------------------------------------------------------------------
// Routes

export const referralsApi = {
  listReferrals: route("GET /referrals", "Referrals the caller may see: a SENCo's own, a district's, or (commissioners) a chosen district's without child names", { query: ReferralListQuery, responses: { 200: z.object({ items: z.array(ReferralSummary) }) }, errors: [403, 404] }),
  createReferral: route("POST /referrals", "A SENCo starts a referral; 201 also for a repeated idempotency key (the answer is the referral that key made)", { body: CreateReferralBody, responses: { 201: One }, errors: [403, 409] }),
  getReferral: route("GET /referrals/:id", "One referral with its draft and history", { params: ReferralParams, responses: { 200: One }, errors: [404] }),
  saveReferral: route("PUT /referrals/:id", "Save the draft (412 with the current record when the eTag is stale)", { params: ReferralParams, body: SaveReferralBody, responses: { 200: One }, errors: [403, 404, 409, 412] }),
  submitReferral: route("POST /referrals/:id/submit", "Submit a complete referral to a LIFT meeting (409 with MeetingRefusalDetail when the meeting refuses it)", { params: ReferralParams, body: SubmitReferralBody, responses: { 200: One }, errors: [403, 404, 409, 412] }),
  deleteReferral: route("DELETE /referrals/:id", "Delete a draft", { params: ReferralParams, responses: { 204: null }, errors: [403, 404, 409] }),
} as const;
