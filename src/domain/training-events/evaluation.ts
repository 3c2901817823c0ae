/**
 * Evaluation answers entered as counts per score, turned into the questionnaire computation's
 * responses so a KPI from paper returns is worked out exactly like one from answers sent by the app
 * (src/domain/questionnaires/kpi-questions.ts: "scoring 4 or above", response rate, too few answers).
 */
import type { QuestionnaireResponse } from "../../schemas/questionnaires/records";
import type { EvaluationCounts } from "../../schemas/training-events/records";
import { KPI_QUESTIONS, questionFigure, type KpiQuestion, type QuestionFigure } from "../questionnaires/kpi-questions";

export function kpiQuestion(numeratorId: string): KpiQuestion {
  const k = KPI_QUESTIONS.find((q) => q.numeratorId === numeratorId);
  if (!k) throw new Error(`no questionnaire question counts ${numeratorId}`);
  return k;
}

/** One response per returned form: `scores[i]` of them answered i + 1, the rest skipped the question. */
export function responsesFrom(k: KpiQuestion, evaluation: EvaluationCounts): QuestionnaireResponse[] {
  const v = k.versions[k.versions.length - 1];
  if (!v) return [];
  const out: QuestionnaireResponse[] = [];
  evaluation.scores.forEach((n, i) => {
    for (let j = 0; j < n; j++) out.push({ questionnaireId: k.questionnaireId, version: v.version, answers: { [v.questionId]: i + 1 } });
  });
  const answered = out.length;
  for (let j = answered; j < evaluation.returned; j++) out.push({ questionnaireId: k.questionnaireId, version: v.version, answers: {} });
  return out;
}

/** The KPI figure of several sessions' returns: `asked` is everyone given a form (attendees or settings). */
export function figureFrom(k: KpiQuestion, rows: readonly { asked: number; evaluation?: EvaluationCounts }[], minAnswers?: number): QuestionFigure {
  const asked = rows.reduce((a, r) => a + r.asked, 0);
  const responses = rows.flatMap((r) => (r.evaluation ? responsesFrom(k, r.evaluation) : []));
  return questionFigure(k, { asked, responses, ...(minAnswers !== undefined ? { minAnswers } : {}) });
}
