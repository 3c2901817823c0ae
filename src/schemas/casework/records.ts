/**
 * The records of casework after LIFT as their SharePoint lists keep them — Cases, CaseReviews,
 * CaseVisits and Clinics — and the forms' inputs, derived from the records (`pick`/`omit`) so each
 * field is defined once. The rules that span records (status changes, closure, reviews due, the
 * SENIF rule, access, the KPI figures) are in src/domain/casework; see its README for the model.
 *
 * Background: [Actively supported and caseload](../../../docs/reference/service.md#actively-supported-and-caseload),
 * [support plans](../../../docs/reference/service.md#outcomes-actions-and-support-plans),
 * [KPI framework](../../../docs/reference/service.md#kpi-framework).
 *
 * Data protection: a case refers to the child by a handle (`childRef`, the case reference). The
 * child's name lives in the referral body — or, when there is no referral (a direct request or a
 * clinic), in the case's own `child` block, whose fields are listed in `CASE_IDENTIFYING_PATHS`.
 * Free text (targets, notes, advice) may still name the child: it is dropped from every view but
 * the full one and never logged.
 */
import { z } from "zod";
import { DistrictSlug } from "../reference/district";
import { SupportPlan } from "../lift-outcomes/outcome";
import { AreaOfNeed } from "../referrals/referral";
import { HistoryEntry, SettingId } from "../referrals/records";
import { YEAR_GROUPS } from "../../domain/time/year-groups";

// ---------------------------------------------------------------------------------------------
// Building blocks, with messages in plain English

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} must be text` })
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}`)
    .max(max, `Keep the ${label.toLowerCase()} under ${max} characters`);
const optionalText = (label: string, max: number) =>
  z.string({ message: `${label} must be text` }).trim().max(max, `Keep the ${label.toLowerCase()} under ${max} characters`).optional();
const date = (label: string) => z.iso.date({ message: `Enter the ${label.toLowerCase()} as a date (YYYY-MM-DD)` });
const instant = z.iso.datetime({ message: "Expected a date and time (ISO 8601)" });
const Oid = (label: string) => z.guid({ message: `Choose the ${label.toLowerCase()} from the list` });
const Name = z.string().trim().min(1).max(120);
/** A SharePoint item id, as other records refer to it. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "Expected a record id");
/** Ids made by the form for rows inside a record (targets, clinic entries), stable across saves. */
const RowId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Row ids are letters, digits, - and _");

function options<const T extends readonly { value: string; label: string }[]>(list: T, message: string) {
  const values = list.map((o) => o.value) as unknown as [T[number]["value"], ...T[number]["value"][]];
  return z.enum(values, { message });
}

// ---------------------------------------------------------------------------------------------
// Code lists (value + label, so forms and messages share the wording)

/** Case status: actively supported, open but not actively supported, or closed (closed is final). */
export const CASE_STATUSES = [
  { value: "open-active", label: "Open: actively supported" },
  { value: "open-inactive", label: "Open: not actively supported" },
  { value: "closed", label: "Closed" },
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number]["value"];
export const CaseStatus = options(CASE_STATUSES, "Choose a status from the list");

/**
 * Why a case is open but not actively supported: the reasons the annual report gives for caseloads
 * being larger than the actively supported count ([Background](../../domain/casework/README.md#background)).
 */
export const INACTIVE_REASONS = [
  { value: "open-for-funding", label: "Open only so the child can receive funding (SENIF, High Needs Funding)" },
  { value: "open-for-specialist-support", label: "Open only so the child can receive other specialist support (e.g. a specialist nursery place)" },
  { value: "ongoing-condition", label: "Ongoing medical condition: monitoring only" },
  { value: "after-transition", label: "Kept open after a move (e.g. into Reception) while the new school puts support in place" },
  { value: "school-request", label: "The school asked to keep the case open" },
  { value: "awaiting-teacher", label: "Waiting for a specialist teacher (vacancy or absence)" },
  { value: "paused", label: "Support paused (the child is absent, or the family asked)" },
  { value: "other", label: "Other" },
] as const;
export type InactiveReason = (typeof INACTIVE_REASONS)[number]["value"];
export const InactiveReason = options(INACTIVE_REASONS, "Choose why the case is not actively supported");

export const CLOSURE_REASONS = [
  { value: "targets-achieved", label: "Targets achieved" },
  { value: "moved-away", label: "Moved away" },
  { value: "needs-met-elsewhere", label: "Needs met elsewhere (the school or setting can meet them)" },
  { value: "ehcp", label: "Education, health and care plan (EHCP)" },
  { value: "other", label: "Other" },
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number]["value"];
export const ClosureReason = options(CLOSURE_REASONS, "Choose why the case is closing");

/** Who works the case: the district's STLS, or one of the two countywide teams. */
export const CASE_TEAMS = [
  { value: "district", label: "District STLS" },
  { value: "county-sensory", label: "County sensory team" },
  { value: "county-physical-disability", label: "County physical disability team" },
] as const;
export type CaseTeam = (typeof CASE_TEAMS)[number]["value"];
export const CaseTeam = options(CASE_TEAMS, "Choose the team");
export type CountyTeam = Exclude<CaseTeam, "district">;

/** Who asked for support directly, outside district LIFT ([Background](../../domain/casework/README.md#background)). */
export const DIRECT_REQUESTERS = [
  { value: "local-authority", label: "The local authority" },
  { value: "county-sensory-team", label: "County sensory team" },
  { value: "county-physical-disability-team", label: "County physical disability team" },
] as const;
export type DirectRequester = (typeof DIRECT_REQUESTERS)[number]["value"];
export const DirectRequester = options(DIRECT_REQUESTERS, "Choose who requested the support");

/** The case's phase: the setting's, and for an all-through school the child's year group's. */
export const CASE_PHASES = [
  { value: "early-years", label: "Early years" },
  { value: "primary", label: "Primary" },
  { value: "secondary", label: "Secondary" },
] as const;
export type CasePhase = (typeof CASE_PHASES)[number]["value"];
export const CasePhase = options(CASE_PHASES, "Choose the phase");

export const TARGET_AGREED_WITH = [
  { value: "school", label: "School or setting" },
  { value: "family", label: "Family" },
  { value: "child", label: "Child or young person" },
] as const;
export type TargetAgreedWith = (typeof TARGET_AGREED_WITH)[number]["value"];

/** A target's result at a review: KPI 2.1 counts "achieved" and "at least 50%" as significant progress. */
export const TARGET_RESULTS = [
  { value: "achieved", label: "Achieved" },
  { value: "progress-50", label: "At least 50% progress" },
  { value: "progress-under-50", label: "Less than 50% progress" },
] as const;
export type TargetResult = (typeof TARGET_RESULTS)[number]["value"];
export const TargetResult = options(TARGET_RESULTS, "Choose the result for this target");

export const SENIF_STATUSES = [
  { value: "requested", label: "Requested" },
  { value: "allocated", label: "Allocated" },
  { value: "declined", label: "Not allocated" },
] as const;
export type SenifStatus = (typeof SENIF_STATUSES)[number]["value"];

export const VISIT_SEEN = [
  { value: "child", label: "The child" },
  { value: "senco", label: "SENCo" },
  { value: "class-teacher", label: "Class teacher or key person" },
  { value: "teaching-assistant", label: "Teaching assistant" },
  { value: "parent-carer", label: "Parent or carer" },
  { value: "other-professional", label: "Another professional" },
] as const;
export type VisitSeen = (typeof VISIT_SEEN)[number]["value"];

/** The assess–plan–do–review cycle of the graduated approach. */
export const GRADUATED_APPROACH_STAGES = [
  { value: "assess", label: "Assess" },
  { value: "plan", label: "Plan" },
  { value: "do", label: "Do" },
  { value: "review", label: "Review" },
] as const;
export type GraduatedApproachStage = (typeof GRADUATED_APPROACH_STAGES)[number]["value"];

/** Schools work to the Mainstream Core Standards, early years settings to the Best Practice Guidance. */
export const STANDARDS_FRAMEWORKS = [
  { value: "mainstream-core-standards", label: "Mainstream Core Standards" },
  { value: "ey-best-practice-guidance", label: "Early Years Best Practice Guidance" },
] as const;
export type StandardsFramework = (typeof STANDARDS_FRAMEWORKS)[number]["value"];

export const CLINIC_KINDS = [
  { value: "clinic", label: "Clinic" },
  { value: "surgery", label: "Surgery" },
  { value: "in-school-review", label: "In-school or in-setting review" },
] as const;
export type ClinicKind = (typeof CLINIC_KINDS)[number]["value"];

export const CLINIC_PHASES = [
  { value: "school", label: "Schools" },
  { value: "early-years", label: "Early years" },
] as const;
export type ClinicPhase = (typeof CLINIC_PHASES)[number]["value"];

export const CLINIC_STATUSES = [
  { value: "planned", label: "Planned" },
  { value: "held", label: "Held" },
  { value: "cancelled", label: "Cancelled" },
] as const;
export type ClinicStatus = (typeof CLINIC_STATUSES)[number]["value"];

export const CLINIC_OUTCOMES = [
  { value: "advice-given", label: "Advice given" },
  { value: "brought-to-lift", label: "Brought to LIFT" },
  { value: "case-opened", label: "Case opened" },
] as const;
export type ClinicOutcome = (typeof CLINIC_OUTCOMES)[number]["value"];

// ---------------------------------------------------------------------------------------------
// Case

/** How the case came about: an approved LIFT outcome, a clinic, or a direct request. */
export const CaseOrigin = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("lift-outcome"),
      /** The referral (and so its LIFT outcome record, which is keyed by referral). */
      referralId: ItemId,
      meetingId: z.string().max(64),
      /** The outcome categories as approved (values of OUTCOME_CATEGORIES). */
      categories: z.array(z.string().max(64)).max(12),
    }),
    z.strictObject({ kind: z.literal("clinic"), clinicId: ItemId }),
    z.strictObject({
      kind: z.literal("direct"),
      requestedBy: DirectRequester,
      requestedAt: date("Date requested"),
      /** Who made the request (a professional, never the child or family). */
      requesterName: optionalText("Requester's name", 120),
    }),
  ],
  { message: "Say how the case came about: a LIFT outcome, a clinic or a direct request" },
);
export type CaseOrigin = z.infer<typeof CaseOrigin>;

/**
 * The child's identity, kept on the case ONLY when there is no referral to hold it (a direct
 * request, a clinic). Identifying: dropped from every view but the full one, never logged.
 */
export const CaseChild = z
  .strictObject({
    legalName: text("Child's legal name", 100),
    preferredName: optionalText("Preferred name", 60),
    dateOfBirth: date("Date of birth"),
  })
  .meta({ identifying: true });
export type CaseChild = z.infer<typeof CaseChild>;

/** Dotted paths of a case that identify the child. */
export const CASE_IDENTIFYING_PATHS: readonly string[] = ["child.legalName", "child.preferredName", "child.dateOfBirth"];

export const Target = z.strictObject({
  id: RowId,
  text: text("Target", 1000),
  agreedWith: z
    .array(options(TARGET_AGREED_WITH, "Choose who the target was agreed with"))
    .min(1, "Say who the target was agreed with: the school, the family and/or the child")
    .max(TARGET_AGREED_WITH.length)
    .refine((a) => new Set(a).size === a.length, "Choose each of school, family and child at most once"),
  setAt: date("Date the target was set"),
  /** The day the target stopped being worked towards (amended at a review, or the case closed). */
  endedAt: date("Date the target ended").optional(),
});
export type Target = z.infer<typeof Target>;

/** Each status change, so the status at the end of any term can be worked out later. */
export const StatusChange = z.strictObject({
  status: CaseStatus,
  at: date("Date of the change"),
  inactiveReason: InactiveReason.optional(),
  inactiveReasonText: optionalText("Reason", 500),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** The SENIF practitioner for an early years case: allocated only after a specialist teacher. */
export const Senif = z.strictObject({
  status: options(SENIF_STATUSES, "Choose the SENIF status"),
  requestedAt: date("Date SENIF support was requested"),
  /** Requested by the early years LIFT outcome, or later by the specialist teacher. */
  requestedVia: z.enum(["lift-outcome", "specialist-teacher"], { message: "Say how SENIF support was requested" }),
  practitionerName: optionalText("SENIF practitioner's name", 120),
  /** Their role, e.g. "SENIF practitioner (inclusion)" or the provider's job title. */
  practitionerRole: optionalText("SENIF practitioner's role", 120),
  allocatedAt: date("Date the SENIF practitioner was allocated").optional(),
});
export type Senif = z.infer<typeof Senif>;

export const Closure = z.strictObject({
  reason: ClosureReason,
  reasonText: optionalText("Reason for closing", 500),
  closedAt: date("Date closed"),
  /** The review marked final that the closure rests on. */
  finalReviewId: ItemId,
  closedByOid: z.guid(),
  closedByName: Name,
});
export type Closure = z.infer<typeof Closure>;

export const CaseItem = z.strictObject({
  /**
   * The child's handle: the referral's case reference (e.g. DOV-2526-0042) or, without a referral,
   * one issued the same way. A reopened case for the same child keeps it, so "children" counts are
   * distinct handles.
   */
  childRef: z.string().regex(/^[A-Z]{3}-\d{4}-\d{4,6}$/, "Expected a case reference like DOV-2526-0042").max(20),
  origin: CaseOrigin,
  team: CaseTeam,
  /**
   * The district of the child's setting, for every team. District figures count the district
   * team's cases; a county team's cases keep the district they are in but are counted for the team.
   */
  districtSlug: DistrictSlug,
  settingId: SettingId,
  /** Worked out by `casePhase` from the setting and the year group; promoted for filters and figures. */
  phase: CasePhase,
  /** The year group when the case opened (schools); decides the phase in an all-through school. */
  yearGroup: z.enum(YEAR_GROUPS, { message: "Choose the year group" }).optional(),
  primaryArea: AreaOfNeed,
  secondaryArea: AreaOfNeed.optional(),
  allocatedTeacherOid: Oid("Specialist teacher"),
  allocatedTeacherName: Name,
  /** Promoted from `statusChanges` (the last one). */
  status: CaseStatus,
  statusChanges: z.array(StatusChange).min(1).max(200),
  /** The day the specialist teacher was allocated and the case opened. */
  openedAt: date("Date the case opened"),
  supportPlan: SupportPlan,
  targets: z.array(Target).max(50, "At most 50 targets"),
  /** Present only when there is no referral to hold the child's identity (see CaseChild). */
  child: CaseChild.optional(),
  senif: Senif.optional(),
  closure: Closure.optional(),
  /** Kept equal to `reviewDueDate(case, reviews)` by the server, for the reminders' queries. */
  nextReviewDue: z.iso.date().optional(),
  history: z.array(HistoryEntry).max(500),
});
export type CaseItem = z.infer<typeof CaseItem>;

// ---------------------------------------------------------------------------------------------
// Review

export const TargetReview = z.strictObject({ targetId: RowId, result: TargetResult });
export type TargetReview = z.infer<typeof TargetReview>;

export const ReviewItem = z.strictObject({
  caseId: ItemId,
  date: date("Review date"),
  results: z.array(TargetReview).min(1, "Record a result for each target").max(50),
  targetsAmended: z.boolean({ message: "Say whether the targets were amended" }),
  notes: optionalText("Notes", 4000),
  /** Required unless the review is final. */
  nextReviewDate: date("Next review date").optional(),
  /** The review a closure rests on. */
  final: z.boolean({ message: "Say whether this is the final review" }),
  reviewerOid: z.guid(),
  reviewerName: Name,
  recordedAt: instant,
});
export type ReviewItem = z.infer<typeof ReviewItem>;

// ---------------------------------------------------------------------------------------------
// Visit (proportionate: a few fields, quick on a phone)

export const VisitItem = z.strictObject({
  caseId: ItemId,
  date: date("Visit date"),
  settingId: SettingId,
  seen: z
    .array(options(VISIT_SEEN, "Choose who was seen from the list"))
    .min(1, "Say who was seen")
    .max(VISIT_SEEN.length)
    .refine((a) => new Set(a).size === a.length, "Choose each person at most once"),
  adviceGiven: text("Advice given", 4000),
  nextSteps: text("Next steps", 2000),
  graduatedApproachStage: options(GRADUATED_APPROACH_STAGES, "Choose the stage of the graduated approach"),
  standards: z.strictObject({
    framework: options(STANDARDS_FRAMEWORKS, "Choose the Mainstream Core Standards or the Best Practice Guidance"),
    /** The section referred to, as the document names it. */
    section: text("Section", 200),
  }),
  teacherOid: z.guid(),
  teacherName: Name,
  recordedAt: instant,
});
export type VisitItem = z.infer<typeof VisitItem>;

// ---------------------------------------------------------------------------------------------
// Clinic, surgery or in-school review

export const ClinicEntry = z.strictObject({
  id: RowId,
  /** The school or setting that brought the question (not the child): counts as a setting supported. */
  settingId: SettingId.optional(),
  /** Anonymised question: never the child's name. */
  question: optionalText("Question", 2000),
  /** The case discussed, or the case the clinic opened. */
  caseId: ItemId.optional(),
  areaOfNeed: AreaOfNeed.optional(),
  outcome: options(CLINIC_OUTCOMES, "Choose the outcome: advice given, brought to LIFT or case opened"),
});
export type ClinicEntry = z.infer<typeof ClinicEntry>;

export const ClinicItem = z.strictObject({
  districtSlug: DistrictSlug,
  kind: options(CLINIC_KINDS, "Choose clinic, surgery or in-school review"),
  phase: options(CLINIC_PHASES, "Choose schools or early years"),
  date: date("Date"),
  status: options(CLINIC_STATUSES, "Choose planned, held or cancelled"),
  teacherOid: Oid("Specialist teacher"),
  teacherName: Name,
  /** The educational psychologist who joined, if any. */
  epName: optionalText("Educational psychologist's name", 120),
  /** For an in-school or in-setting review: where it took place. */
  settingId: SettingId.optional(),
  entries: z.array(ClinicEntry).max(100, "At most 100 entries"),
  updatedAt: instant,
  updatedByName: Name,
});
export type ClinicItem = z.infer<typeof ClinicItem>;

// ---------------------------------------------------------------------------------------------
// Inputs (the forms' schemas). The server fills what the caller may not choose: ids, names of
// people (from the People list), district and phase (from the setting), status history, stamps.

const requireText = (ctx: z.core.$RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: "custom", path: path.split("."), message });

/** Open a case. District and phase come from the setting; the teacher's name from the People list. */
export const CaseOpenInput = CaseItem.pick({
  childRef: true,
  origin: true,
  team: true,
  settingId: true,
  yearGroup: true,
  primaryArea: true,
  secondaryArea: true,
  allocatedTeacherOid: true,
  openedAt: true,
  supportPlan: true,
  targets: true,
  child: true,
})
  .extend({
    /**
     * Filled by the server: the referral's case reference for a case from an outcome, a new one for
     * a direct or clinic case. Sent only to reopen a child's case, so the child keeps their handle.
     */
    childRef: CaseItem.shape.childRef.optional(),
    /** Usually open-active; open-inactive needs a reason (e.g. open only for SENIF funding). */
    status: z.enum(["open-active", "open-inactive"], { message: "A case opens as actively supported or not actively supported" }),
    inactiveReason: InactiveReason.optional(),
    inactiveReasonText: optionalText("Reason", 500),
    /** An early years LIFT outcome may ask for a SENIF practitioner. */
    senifRequested: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.origin.kind !== "lift-outcome" && !c.child) {
      requireText(ctx, "child", "Enter the child's details: without a referral the case holds them");
    }
    if (c.origin.kind === "lift-outcome" && c.child) {
      requireText(ctx, "child", "The referral already holds the child's details: do not enter them again");
    }
    if (c.secondaryArea && c.secondaryArea === c.primaryArea) {
      requireText(ctx, "secondaryArea", "The secondary area of need must differ from the primary area");
    }
    if (c.status === "open-inactive" && !c.inactiveReason) {
      requireText(ctx, "inactiveReason", "Choose why the case is not actively supported");
    }
    if (c.inactiveReason === "other" && !c.inactiveReasonText) {
      requireText(ctx, "inactiveReasonText", "Describe why the case is not actively supported");
    }
    if (c.team !== "district" && !(c.origin.kind === "direct" && c.origin.requestedBy === `${c.team}-team`)) {
      requireText(ctx, "team", "A county team's case comes from that team's own direct request, not through district LIFT");
    }
  });
export type CaseOpenInput = z.infer<typeof CaseOpenInput>;

/** Change the plan, the teacher, the need or the targets of an open case. */
export const CaseUpdateInput = CaseItem.pick({
  yearGroup: true,
  primaryArea: true,
  secondaryArea: true,
  allocatedTeacherOid: true,
  supportPlan: true,
  targets: true,
})
  .partial()
  .superRefine((c, ctx) => {
    if (c.secondaryArea && c.secondaryArea === c.primaryArea) {
      requireText(ctx, "secondaryArea", "The secondary area of need must differ from the primary area");
    }
  });
export type CaseUpdateInput = z.infer<typeof CaseUpdateInput>;

/** Switch an open case between actively supported and not (closing has its own input). */
export const CaseStatusInput = StatusChange.extend({
  status: z.enum(["open-active", "open-inactive"], { message: "Choose actively supported or not actively supported (use Close to close)" }),
}).superRefine((c, ctx) => {
  if (c.status === "open-inactive" && !c.inactiveReason) requireText(ctx, "inactiveReason", "Choose why the case is not actively supported");
  if (c.inactiveReason === "other" && !c.inactiveReasonText) requireText(ctx, "inactiveReasonText", "Describe why the case is not actively supported");
});
export type CaseStatusInput = z.infer<typeof CaseStatusInput>;

export const CaseCloseInput = Closure.pick({ reason: true, reasonText: true, closedAt: true, finalReviewId: true }).superRefine((c, ctx) => {
  if (c.reason === "other" && !c.reasonText) requireText(ctx, "reasonText", "Describe why the case is closing");
});
export type CaseCloseInput = z.infer<typeof CaseCloseInput>;

/** Request or allocate the SENIF practitioner of an early years case. */
export const SenifInput = Senif;
export type SenifInput = z.infer<typeof SenifInput>;

export const ReviewInput = ReviewItem.omit({ caseId: true, reviewerOid: true, reviewerName: true, recordedAt: true }).superRefine((r, ctx) => {
  if (!r.final && !r.nextReviewDate) requireText(ctx, "nextReviewDate", "Enter the next review date (or mark this the final review)");
  if (r.final && r.nextReviewDate) requireText(ctx, "nextReviewDate", "A final review has no next review date");
  if (r.nextReviewDate && r.nextReviewDate <= r.date) requireText(ctx, "nextReviewDate", "The next review date must be after this review");
  const seen = new Set<string>();
  r.results.forEach((t, i) => {
    if (seen.has(t.targetId)) requireText(ctx, `results.${i}.targetId`, "Each target has one result");
    seen.add(t.targetId);
  });
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const VisitInput = VisitItem.omit({ caseId: true, teacherOid: true, teacherName: true, recordedAt: true });
export type VisitInput = z.infer<typeof VisitInput>;

export const ClinicInput = ClinicItem.omit({ updatedAt: true, updatedByName: true }).superRefine((c, ctx) => {
  c.entries.forEach((e, i) => {
    if (!e.question && !e.caseId) requireText(ctx, `entries.${i}.question`, "Enter the anonymised question, or choose the case discussed");
    if (e.outcome === "case-opened" && !e.caseId) requireText(ctx, `entries.${i}.caseId`, "Choose the case the clinic opened");
  });
  const ids = new Set<string>();
  c.entries.forEach((e, i) => {
    if (ids.has(e.id)) requireText(ctx, `entries.${i}.id`, "Two entries have the same id");
    ids.add(e.id);
  });
  if (c.kind === "in-school-review" && !c.settingId) requireText(ctx, "settingId", "Choose the school or setting the review took place in");
});
export type ClinicInput = z.infer<typeof ClinicInput>;
