/**
 * Which question of which questionnaire version each questionnaire-based KPI counts, and the pure
 * computation of its numerator and denominator with the response rate.
 *
 * - **Numerator**: answers scoring at or above the threshold (4 by default: "scoring 4 or above")
 *   to the named question. **Denominator**: answers to that question (a response that skipped it is
 *   not in either). Only responses to a listed version count, each on its own question id, so a new
 *   version that moves the question is added to the list rather than changing an old figure.
 * - **Response rate**: responses received out of questionnaires sent ("asked"); undefined when
 *   nothing was sent.
 * - **Too few answers to rate**: a figure from fewer answers than the minimum (5 by default) gets no
 *   Green/Amber/Red: the annual report warns of "tiny return rates presented as if representative".
 */
import type { QuestionnaireId, QuestionnaireResponse } from "../../schemas/questionnaires/records";
import { questionnaire } from "./definitions";

export interface KpiQuestion {
  /** The numerator and denominator measures of the KPI catalogue (src/domain/kpi/catalogue.ts). */
  numeratorId: string;
  denominatorId: string;
  questionnaireId: QuestionnaireId;
  /** The versions counted, each with the id its question has in that version. */
  versions: readonly { version: number; questionId: string }[];
  /** The lowest score counted in the numerator. */
  atLeast: number;
}

const kpi = (base: string, questionnaireId: QuestionnaireId, questionId: string): KpiQuestion => ({
  numeratorId: `${base}_num`,
  denominatorId: `${base}_den`,
  questionnaireId,
  versions: [{ version: 1, questionId }],
  atLeast: 4,
});

export const KPI_QUESTIONS: readonly KpiQuestion[] = [
  kpi("kpi_1_3", "lift-satisfaction", "Q2"),
  kpi("kpi_2_2", "end-of-intervention-staff", "Q5"),
  kpi("kpi_2_3", "end-of-intervention-parent", "Q9"),
  kpi("kpi_3_1", "training-evaluation", "Q4"),
  kpi("kpi_3_2", "parent-training-evaluation", "Q1"),
  kpi("kpi_4_2", "transition-event", "Q1"),
];

/** The default fewest answers a figure is rated from. */
export const MIN_ANSWERS_TO_RATE = 5;

export interface QuestionFigure {
  numerator: number;
  denominator: number;
  /** Questionnaires sent (each person asked once). */
  asked: number;
  /** Responses received to a counted version, whether or not they answered the question. */
  responded: number;
  /** responded / asked as a percentage; undefined when none were sent. */
  responseRate?: number;
  /** False when the denominator is below the minimum: show "too few answers to rate", not a RAG. */
  rateable: boolean;
}

export function questionFigure(k: KpiQuestion, input: { asked: number; responses: readonly QuestionnaireResponse[]; minAnswers?: number }): QuestionFigure {
  const min = input.minAnswers ?? MIN_ANSWERS_TO_RATE;
  const questionOf = new Map(k.versions.map((v) => [v.version, v.questionId]));
  let numerator = 0;
  let denominator = 0;
  let responded = 0;
  for (const r of input.responses) {
    const questionId = r.questionnaireId === k.questionnaireId ? questionOf.get(r.version) : undefined;
    if (!questionId) continue;
    responded++;
    const answer = r.answers[questionId];
    if (typeof answer !== "number") continue;
    denominator++;
    if (answer >= k.atLeast) numerator++;
  }
  return {
    numerator,
    denominator,
    asked: input.asked,
    responded,
    ...(input.asked > 0 ? { responseRate: (100 * responded) / input.asked } : {}),
    rateable: denominator >= min,
  };
}

/** Every KPI question names a scale question of its version: checked by the tests, and usable at start-up. */
export function kpiQuestionProblems(list: readonly KpiQuestion[] = KPI_QUESTIONS): string[] {
  const problems: string[] = [];
  for (const k of list) {
    for (const v of k.versions) {
      const def = questionnaire(k.questionnaireId, v.version);
      const q = def?.questions.find((x) => x.id === v.questionId);
      if (!def) problems.push(`${k.numeratorId}: no ${k.questionnaireId} version ${v.version}`);
      else if (!q || q.kind !== "scale") problems.push(`${k.numeratorId}: ${v.questionId} of ${k.questionnaireId} version ${v.version} is not a scale question`);
    }
  }
  return problems;
}
