/**
 * A response checked against its questionnaire version: every answer to a question of that version,
 * a scale answer a whole number on the scale, text within its length, and required questions
 * answered. Field errors are keyed `answers.Q2`, as the form shows them.
 */
import type { QuestionnaireDefinition, QuestionnaireResponse } from "../../schemas/questionnaires/records";

export function checkResponse(definition: QuestionnaireDefinition, response: QuestionnaireResponse): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  if (response.questionnaireId !== definition.id || response.version !== definition.version) {
    add("version", `These answers are for ${response.questionnaireId} version ${response.version}, not ${definition.id} version ${definition.version}`);
    return errors;
  }
  const byId = new Map(definition.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(response.answers)) if (!byId.has(id)) add(`answers.${id}`, `There is no question ${id} in this questionnaire`);
  for (const q of definition.questions) {
    const a = response.answers[q.id];
    const key = `answers.${q.id}`;
    if (a === undefined || a === "") {
      if (q.required) add(key, "Choose an answer");
      continue;
    }
    if (q.kind === "scale") {
      if (typeof a !== "number" || !Number.isInteger(a) || a < q.scale.min || a > q.scale.max) add(key, `Choose a number from ${q.scale.min} to ${q.scale.max}`);
    } else if (typeof a !== "string") add(key, "Expected words");
    else if (a.length > q.maxLength) add(key, `At most ${q.maxLength} characters`);
  }
  return errors;
}
