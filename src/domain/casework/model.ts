/**
 * The casework records as the rules here see them: a list item with its id. The rules take the
 * smallest `Pick` of these they need, so the server can pass list items and the tests small literals.
 */
import type { CaseItem, ClinicItem, ReviewItem, VisitItem } from "../../schemas/casework/records";

export type CaseRecord = CaseItem & { id: string };
export type ReviewRecord = ReviewItem & { id: string };
export type VisitRecord = VisitItem & { id: string };
export type ClinicRecord = ClinicItem & { id: string };

/** A rule's answer: ok, or messages keyed by the dotted path of the field they are about (as the forms show them). */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; messages: Record<string, string[]> };

/** Collects messages by path; `result(value)` gives the RuleResult. */
export function messageCollector() {
  const byPath = new Map<string, string[]>();
  return {
    add(path: string, message: string): void {
      const list = byPath.get(path) ?? [];
      if (!list.includes(message)) list.push(message);
      byPath.set(path, list);
    },
    get empty(): boolean {
      return byPath.size === 0;
    },
    result<T>(value: T): RuleResult<T> {
      return byPath.size === 0 ? { ok: true, value } : { ok: false, messages: Object.fromEntries(byPath) };
    },
  };
}
