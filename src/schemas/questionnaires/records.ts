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
