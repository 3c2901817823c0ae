/**
 * Small builders for Adaptive Cards as plain JSON. Version 1.5 because Teams needs ≥1.4 for
 * `Action.Execute` and the Universal Actions docs ask for 1.5 ([teams-platform.md §4.2](../../docs/reference/teams-platform.md#42-adaptive-cards-and-universal-actions)).
 */
import type { AdaptiveCard } from "../bot-port";

export const CARD_VERSION = "1.5";
export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

export function adaptiveCard(body: AdaptiveCard["body"], actions: AdaptiveCard["actions"] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): Record<string, unknown> {
  return { type: "TextBlock", text, weight: "Bolder", size: "Medium", wrap: true, style: "heading" };
}

export function paragraph(text: string, options: { subtle?: boolean } = {}): Record<string, unknown> {
  return { type: "TextBlock", text, wrap: true, ...(options.subtle ? { isSubtle: true } : {}) };
}

export function factSet(facts: Array<{ title: string; value: string }>): Record<string, unknown> {
  return { type: "FactSet", facts };
}

/** An `Action.Execute` button: Teams sends an `adaptiveCard/action` invoke with this verb and data. */
export function executeAction(title: string, verb: string, data: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "Action.Execute", title, verb, data };
}
