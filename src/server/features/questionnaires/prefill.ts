/**
 * The questionnaire KPIs of the return (1.3, 2.2, 2.3, 3.1, 3.2, 4.2) from the answers the app
 * collected: `_num` and `_den` from the answers to the KPI's question of its version
 * (`questionFigure`, src/domain/questionnaires/kpi-questions.ts), and `_asked` the invitations
 * written for that questionnaire in the term, so the return can show the response rate. A KPI with
 * no answer collected in the term is left to the next source (e.g. evaluation counts typed in from
 * paper forms); one with answers is this source's, whole. Only counts leave this module.
 */
import { appliesIn, MEASURES } from "../../../domain/kpi/catalogue";
import { KPI_QUESTIONS, questionFigure } from "../../../domain/questionnaires/kpi-questions";
import { questionnaire } from "../../../domain/questionnaires/definitions";
import type { QuestionnaireInvitationItem, QuestionnaireResponseItem } from "../../../schemas/questionnaires/records";
// The KPI feature's port this implements (a type only: the composition root connects the two).
import type { Prefill, PrefillSource } from "../kpi/prefill";

export interface QuestionnairePrefillReader {
  termRecords(districtSlug: string, academicYear: string, term: number): Promise<{ invitations: readonly QuestionnaireInvitationItem[]; responses: readonly QuestionnaireResponseItem[] }>;
}

const ASKED_WHOM: Record<string, string> = {
  "lift-satisfaction": "SENCos asked after LIFT meetings",
  "end-of-intervention-staff": "schools and settings asked when a case closed",
  "end-of-intervention-parent": "families asked when a case closed",
  "training-evaluation": "staff asked after training sessions",
  "parent-training-evaluation": "parents and carers asked after training sessions",
  "transition-event": "settings asked after transition events",
};

export function questionnairesPrefill(reader: QuestionnairePrefillReader): PrefillSource {
  return {
    async prefill(districtSlug, _districtName, term) {
      const { invitations, responses } = await reader.termRecords(districtSlug, term.academicYear, term.term);
      const applies = new Set(MEASURES.filter((m) => appliesIn(m, term.academicYear)).map((m) => m.id));
      const out: Prefill = {};
      for (const k of KPI_QUESTIONS) {
        if (!applies.has(k.numeratorId)) continue;
        const asked = invitations.filter((i) => i.questionnaireId === k.questionnaireId).length;
        if (asked === 0) continue;
        const f = questionFigure(k, { asked, responses: responses.filter((r) => r.districtSlug === districtSlug) });
        // No answer yet: the figure is left to the next source (paper forms typed in), whole, so
        // its numbers and its response rate stay one source's.
        if (f.responded === 0) continue;
        const question = k.versions.map((v) => v.questionId).join("/");
        const title = questionnaire(k.questionnaireId, k.versions[0]?.version ?? 1)?.title ?? k.questionnaireId;
        const rate = f.responseRate === undefined ? "" : `, response rate ${Math.round(f.responseRate)} %`;
        const rating = f.rateable ? "" : "; too few answers to rate";
        const from = `from ${asked} ${ASKED_WHOM[k.questionnaireId] ?? "asked"} in term ${term.term} (${f.responded} answered${rate}${rating})`;
        const base = k.numeratorId.replace(/_num$/, "");
        out[k.numeratorId] = { value: f.numerator, source: `${f.numerator} of ${f.denominator} answers to ${question} of the ${title} questionnaire scoring 4 or above, ${from}` };
        out[k.denominatorId] = { value: f.denominator, source: `${f.denominator} answers to ${question} of the ${title} questionnaire ${from}` };
        // The number asked is a measure of the catalogue from 2026-27 on; offered only where it is one.
        if (applies.has(`${base}_asked`)) out[`${base}_asked`] = { value: asked, source: `${asked} ${ASKED_WHOM[k.questionnaireId] ?? "asked"} in term ${term.term}: the ${title} questionnaires sent by LIFT Hub` };
      }
      return out;
    },
  };
}
