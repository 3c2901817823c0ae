/**
 * A questionnaire as data: its questions and their 1–5 scales, versioned. A KPI names a question of
 * a version (src/domain/questionnaires/kpi-questions.ts), so a later version that rewords or
 * reorders its questions never changes what an earlier term's figure meant. Definitions live in
 * src/domain/questionnaires/definitions.ts; responses are checked against them (responses.ts).
 */
import { z } from "zod";

export const QUESTIONNAIRE_IDS = [
  "lift-satisfaction",
  "end-of-intervention-staff",
  "end-of-intervention-parent",
  "training-evaluation",
  "parent-training-evaluation",
  "transition-event",
  "annual-senco-survey",
  "annual-parent-questionnaire",
] as const;
export const QuestionnaireId = z.enum(QUESTIONNAIRE_IDS);
export type QuestionnaireId = z.infer<typeof QuestionnaireId>;

/** Who answers: staff of a school or setting (in Teams, or by link), or parents and carers (by link, no account). */
export const AUDIENCES = ["setting-staff", "parent-carer"] as const;

/** A 1–5 scale with the words at each end (and in the middle where the form shows them). */
export const Scale = z.strictObject({
  min: z.literal(1),
  max: z.literal(5),
  /** Labels by point; at least the two ends. */
  labels: z.partialRecord(z.enum(["1", "2", "3", "4", "5"]), z.string().trim().min(1).max(60)).refine((l) => l["1"] !== undefined && l["5"] !== undefined, "Label both ends of the scale"),
});
export type Scale = z.infer<typeof Scale>;

const QuestionId = z.string().regex(/^Q\d{1,2}$/, "expected a question id such as Q2");

export const Question = z.discriminatedUnion("kind", [
  z.strictObject({ id: QuestionId, kind: z.literal("scale"), text: z.string().trim().min(1).max(300), scale: Scale, required: z.boolean() }),
  z.strictObject({ id: QuestionId, kind: z.literal("text"), text: z.string().trim().min(1).max(300), maxLength: z.number().int().min(1).max(4000), required: z.boolean() }),
]);
export type Question = z.infer<typeof Question>;

export const QuestionnaireDefinition = z
  .strictObject({
    id: QuestionnaireId,
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(120),
    audience: z.enum(AUDIENCES),
    /** Plain English, shown above the questions. */
    introduction: z.string().trim().min(1).max(600),
    /** The first academic year this version is sent in. */
    from: z.string().regex(/^\d{4}-\d{2}$/),
    questions: z.array(Question).min(1).max(30),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `${q.id} appears twice` });
      seen.add(q.id);
      // Questions are numbered in order, as the printed forms and the KPI appendix number them.
      if (q.id !== `Q${i + 1}`) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `expected Q${i + 1} at position ${i + 1}` });
    });
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;

/** One person's answers to one version: a whole number on a scale question, text on a text question. */
export const QuestionnaireResponse = z.strictObject({
  questionnaireId: QuestionnaireId,
  version: z.number().int().min(1),
  answers: z.record(QuestionId, z.union([z.number(), z.string()])),
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

// ---------------------------------------------------------------------------------------------
// Invitations and responses as their lists keep them (src/server/features/questionnaires)

/**
 * How an invitation reaches its recipient: a card in Teams to a member of staff the People list
 * knows, or a link (parents and carers above all) that the app hands to the specialist teacher or
 * trainer to pass on. A link invitation stores no contact detail at all: the least is nothing.
 */
export const INVITATION_CHANNELS = ["teams", "link"] as const;
export const InvitationChannel = z.enum(INVITATION_CHANNELS);

/**
 * `pending` (written, card not yet sent) → `sending` (claimed by one sender) → `sent` →
 * `reminded` (the one reminder) → `answered`; `expired` when the link's time ran out unanswered.
 * A link invitation is `sent` when written: its link is ready to hand over.
 */
export const INVITATION_STATUSES = ["pending", "sending", "sent", "reminded", "answered", "expired"] as const;
export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

const Instant = z.iso.datetime();
const AcademicYearText = z.string().regex(/^\d{4}-\d{2}$/);

export const QuestionnaireInvitationItem = z.strictObject({
  questionnaireId: QuestionnaireId,
  version: z.number().int().min(1),
  /** What the questionnaire is about, with no personal data: `meeting:12`, `case:40`, `session:7`, `event:3`. */
  subjectKey: z.string().regex(/^[a-z-]+:[A-Za-z0-9_-]{1,40}$/).max(60),
  /** The day of the meeting, closure, session or event (the card says "the LIFT meeting on …"). */
  subjectDate: z.iso.date(),
  districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60),
  /** The term the subject falls in: the response counts in that term's return. */
  academicYear: AcademicYearText,
  term: z.number().int().min(1).max(6),
  channel: InvitationChannel,
  /** The member of staff (Entra object id) for a Teams invitation; none for a link. */
  recipientOid: z.guid().optional(),
  /** Which link of the subject, for a link invitation: `family`, or `attendee-3` of a parents' session. */
  linkLabel: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  status: InvitationStatus,
  createdAt: Instant,
  sentAt: Instant.optional(),
  /** When a sender claimed it (`sending`): a claim older than the lease is taken over. */
  claimedAt: Instant.optional(),
  remindedAt: Instant.optional(),
  answeredAt: Instant.optional(),
  /** After this the link and the card are refused with "this questionnaire has closed". */
  expiresAt: Instant,
  /** The Teams message holding the card, so the answer replaces it for every device. */
  activityId: z.string().max(200).optional(),
});
export type QuestionnaireInvitationItem = z.infer<typeof QuestionnaireInvitationItem>;

/** One answer to one invitation: the answers only, never a name or a contact. */
export const QuestionnaireResponseItem = z.strictObject({
  invitationId: z.string().regex(/^\d{1,12}$/).max(12),
  questionnaireId: QuestionnaireId,
  version: z.number().int().min(1),
  districtSlug: z.string().regex(/^[a-z]+(-[a-z]+)*$/).max(60),
  academicYear: AcademicYearText,
  term: z.number().int().min(1).max(6),
  channel: InvitationChannel,
  answers: z.record(QuestionId, z.union([z.number(), z.string()])),
  answeredAt: Instant,
});
export type QuestionnaireResponseItem = z.infer<typeof QuestionnaireResponseItem>;
