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

/**
 * Text a person typed, made safe for a TextBlock or a fact: Adaptive Cards render a markdown subset
 * there (bold, italic, links, lists), so a reason like "**Urgent** [see here](https://…)" would show
 * as a formatted link. Every markdown character gets a backslash, and a line that would start a
 * list or heading has its marker escaped, so the text shows exactly as typed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]()<>]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+#>]|\d+(?=[.)]))/gm, (_m, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}
