/**
 * A form's messages by dotted field path, from the same zod schema the server parses with, or from a
 * refusal's field errors; and as error summary entries in the form's order.
 */
import type { z } from "zod";
import type { SummaryEntry } from "./ErrorSummary";

export type Messages = Record<string, string[]>;

/** The schema's messages for a value, by dotted path ("" for the whole form). */
export function messagesOf(schema: z.ZodType, value: unknown): Messages {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const out: Messages = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    out[path] = [...new Set([...(out[path] ?? []), issue.message])];
  }
  return out;
}

/** A refusal's field messages with the body's wrapper (`review.`, `session.`) taken off. */
export function unwrapFieldErrors(fieldErrors: Record<string, string[]>, prefix: string): Messages {
  return Object.fromEntries(Object.entries(fieldErrors).map(([path, list]) => [path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path, list]));
}

/** Messages as error summary entries, in the order of `order` (paths not in it last). */
export function summaryOf(messages: Messages, order: readonly string[]): SummaryEntry[] {
  const rank = new Map(order.map((p, i) => [p, i]));
  return Object.entries(messages)
    .sort(([a], [b]) => (rank.get(a) ?? 999) - (rank.get(b) ?? 999))
    .flatMap(([path, list]) => list.map((message) => ({ path, message })));
}

/**
 * A Fluent `Field`'s props for a path: the label tied to its control (`idOf`), the hint, and the
 * path's messages beside it. The error summary announces problems, so the field's own message is not
 * an alert too (several would speak at once).
 */
export function fieldPropsFor(messages: Messages, idOf: (path: string) => string) {
  return (path: string, label: string, hint?: string) => {
    const error = messages[path]?.join(" ");
    return {
      label: { children: label, htmlFor: idOf(path) },
      hint,
      validationState: error ? ("error" as const) : ("none" as const),
      validationMessage: error ? { children: error, role: undefined } : undefined,
    };
  };
}
