/**
 * The retention schedule as the page edits it: rows of text inputs, turned into the rules the server
 * takes, with the same messages (by the body's dotted path) the server would give. Pure, so it is
 * tested without a browser.
 */
import { RetentionRuleInput, type RecordKind, type RetentionAnchor } from "../../src/schemas/data-protection/records";

export interface ScheduleRow {
  kind: RecordKind;
  label: string;
  anchor: RetentionAnchor;
  /** As typed. */
  years: string;
  note: string;
}

export function rowsFrom(rules: ReadonlyArray<{ kind: RecordKind; label: string; anchor: RetentionAnchor; years: number; note?: string }>): ScheduleRow[] {
  return rules.map((r) => ({ kind: r.kind, label: r.label, anchor: r.anchor, years: String(r.years), note: r.note ?? "" }));
}

/** The rules to send, or messages keyed `rules.<i>.<field>`. */
export function rulesFrom(rows: readonly ScheduleRow[]): { ok: true; rules: RetentionRuleInput[] } | { ok: false; messages: Record<string, string[]> } {
  const rules: RetentionRuleInput[] = [];
  const messages: Record<string, string[]> = {};
  rows.forEach((row, i) => {
    const years = row.years.trim() === "" || !/^-?\d+(\.\d+)?$/.test(row.years.trim()) ? Number.NaN : Number(row.years.trim());
    const parsed = RetentionRuleInput.safeParse({ kind: row.kind, anchor: row.anchor, years, ...(row.note.trim() ? { note: row.note } : {}) });
    if (parsed.success) rules.push(parsed.data);
    else for (const issue of parsed.error.issues) (messages[`rules.${i}.${issue.path.join(".")}`] ??= []).push(Number.isNaN(years) && issue.path[0] === "years" ? "Enter the number of years as a whole number" : issue.message);
  });
  return Object.keys(messages).length > 0 ? { ok: false, messages } : { ok: true, rules };
}

/** A case reference as typed, tidied the way the server reads it; undefined when it is not one. */
export function tidyCaseReference(input: string): string | undefined {
  const ref = input.trim().toUpperCase();
  return /^[A-Z]{3}-\d{4}-\d{4,6}$/.test(ref) ? ref : undefined;
}
