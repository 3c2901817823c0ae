/**
 * The questionnaire card a member of staff answers in Teams: each scale question a 1–5 choice,
 * each open question a text box, one `Action.Execute` button. Teams sends the inputs' values with
 * the verb, and the card the bot answers with replaces this one in place: the same card with the
 * problems under the questions, or "Thank you" ([teams-platform.md §4.2](../../docs/reference/teams-platform.md#42-adaptive-cards-and-universal-actions)).
 */
import type { QuestionnaireDefinition } from "../../src/schemas/questionnaires/records";
import type { AdaptiveCard } from "../bot-port";
import { adaptiveCard, executeAction, heading, paragraph } from "./card-kit";

export const QUESTIONNAIRE_VERB = "questionnaire.answer";

export interface QuestionnaireCardView {
  definition: QuestionnaireDefinition;
  invitationId: string;
  /** What the questionnaire is about, in words with nothing personal ("the LIFT meeting on 3 December 2026"). */
  about: string;
  /** Values already chosen (kept when the card comes back with problems). */
  values?: Record<string, string>;
  /** Problems by question id, shown under the question. */
  problems?: Record<string, string[]>;
  reminder?: boolean;
}

export function questionnaireCard(view: QuestionnaireCardView): AdaptiveCard {
  const { definition: d } = view;
  const body: Record<string, unknown>[] = [heading(d.title), paragraph(`About ${view.about}. ${d.introduction}`)];
  if (view.reminder) body.push(paragraph("A reminder: we have not had your answers yet. This is the only reminder we will send.", { subtle: true }));
  if (view.problems && Object.keys(view.problems).length > 0) body.push({ type: "TextBlock", text: "Some answers need attention: see below.", color: "Attention", wrap: true, weight: "Bolder" });
  for (const q of d.questions) {
    const label = `${q.id}. ${q.text}${q.required ? "" : " (optional)"}`;
    const value = view.values?.[q.id];
    if (q.kind === "scale") {
      const choices = [1, 2, 3, 4, 5].map((n) => {
        const words = q.scale.labels[String(n) as "1"];
        return { title: words ? `${n} – ${words}` : String(n), value: String(n) };
      });
      body.push({ type: "Input.ChoiceSet", id: q.id, label, style: "expanded", choices, isRequired: q.required, errorMessage: "Choose an answer", ...(value ? { value } : {}) });
    } else {
      body.push({ type: "Input.Text", id: q.id, label, isMultiline: true, maxLength: q.maxLength, ...(value ? { value } : {}) });
    }
    for (const problem of view.problems?.[q.id] ?? []) body.push({ type: "TextBlock", text: problem, color: "Attention", wrap: true, spacing: "None" });
  }
  return adaptiveCard(body, [executeAction("Send my answers", QUESTIONNAIRE_VERB, { invitationId: view.invitationId })]);
}

export function questionnaireThanksCard(title: string): AdaptiveCard {
  return adaptiveCard([heading(title), paragraph("Thank you: your answers have been recorded. They are counted without your name.")]);
}

export function questionnaireClosedCard(title: string, reason: "answered" | "expired" | "unknown"): AdaptiveCard {
  const text =
    reason === "answered"
      ? "You have already answered this questionnaire, thank you. Each questionnaire is answered once."
      : reason === "expired"
        ? "This questionnaire has closed, so it can no longer be answered. Thank you all the same."
        : "This questionnaire is not open to you. If you think that is wrong, ask your district's STLS lead.";
  return adaptiveCard([heading(title), paragraph(text)]);
}
