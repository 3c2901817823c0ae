/**
 * The questionnaires feature's lists. An invitation names a questionnaire version, what it is about
 * (`meeting:12`) and, for staff only, the person asked; a response holds the answers and nothing
 * about who gave them. Neither list names a child.
 */
import { defineList } from "../../../graph/list-definition";
import { QuestionnaireInvitationItem, QuestionnaireResponseItem } from "../../../schemas/questionnaires/records";

export const QuestionnaireInvitationsList = defineList({
  title: "QuestionnaireInvitations",
  description: "Questionnaires sent (one per questionnaire, subject and person or link; the unique key makes a second send a no-op), with their status.",
  schema: QuestionnaireInvitationItem,
  itemTitle: (i) => `${i.questionnaireId} ${i.subjectKey}`.slice(0, 255),
  indexed: ["districtSlug", "status", "questionnaireId"],
  columns: { districtSlug: { kind: "text", maxLength: 60 }, version: { name: "QuestionnaireVersion" } },
});

export const QuestionnaireResponsesList = defineList({
  title: "QuestionnaireResponses",
  description: "Answers to the questionnaires: one per invitation, answers only, no name or contact.",
  schema: QuestionnaireResponseItem,
  itemTitle: (r) => `${r.questionnaireId} v${r.version} ${r.districtSlug} ${r.academicYear} T${r.term}`.slice(0, 255),
  indexed: ["districtSlug", "invitationId"],
  columns: { districtSlug: { kind: "text", maxLength: 60 }, version: { name: "QuestionnaireVersion" } },
});

export const QUESTIONNAIRE_LISTS = [QuestionnaireInvitationsList, QuestionnaireResponsesList] as const;
