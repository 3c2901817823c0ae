/**
 * A district's lifetime against the reporting terms: whether a district is expected to make a
 * termly return. The one rule every report, reminder and the return form use, so a district made by
 * a split or retired is never chased, counted as missing or counted as reporting for a term in which
 * it was not a district.
 *
 * The rule: a district is expected in a term if it was open on at least one day of the term — it had
 * started by the term's last day and was not retired by the term's first day. So a district that
 * starts on a term's last day reports for that term (its lead has the whole term's work to report
 * from the old district's settings onwards), and one retired mid-term still owes that term's return;
 * one retired on a term's first day owes none.
 */
import type { District } from "../../schemas/reference/district";
import { firstDayOfAcademicYear, isAcademicYear, lastDayOfAcademicYear, type AcademicYear } from "../time/academic-year";
import type { TermDates, TermNumber } from "../time/calendar";
import { formatUkDate } from "../time/format";
import { hasStarted, isRetired } from "./structure";

/** The dates that bound a district's life (a district of the original twelve has neither). */
export type Lifetime = Pick<District, "startsOn" | "retiredOn">;

/** Whether a district open from `startsOn` until `retiredOn` was open on some day of `term` (see the rule above). */
export function expectedIn(district: Lifetime, term: TermDates): boolean {
  return hasStarted(district, term.end) && !isRetired(district, term.start);
}

export interface TermOfYear {
  academicYear: AcademicYear;
  term: TermNumber;
}

/**
 * The first and last day of a term from the calendar; for a term the calendar does not hold (a past
 * year imported from the council's spreadsheets), the whole academic year, so a district that began
 * after that year is still not expected in it. Undefined for a malformed year.
 */
export function termSpan(terms: readonly (TermOfYear & TermDates)[], ref: TermOfYear): TermDates | undefined {
  const t = terms.find((x) => x.academicYear === ref.academicYear && x.term === ref.term);
  if (t) return { start: t.start, end: t.end };
  if (!isAcademicYear(ref.academicYear)) return undefined;
  return { start: firstDayOfAcademicYear(ref.academicYear), end: lastDayOfAcademicYear(ref.academicYear) };
}

/** `expectedIn` for a term named by year and number, dated from the calendar's terms (`termSpan`); expected when it cannot be dated. */
export function expectedInTerm(district: Lifetime, ref: TermOfYear, terms: readonly (TermOfYear & TermDates)[]): boolean {
  const span = termSpan(terms, ref);
  return !span || expectedIn(district, span);
}

/** Why a district is not expected in a term, in a sentence for a form or a card; undefined when it is. */
export function notExpectedReason(district: Lifetime & { name: string }, ref: TermOfYear, terms: readonly (TermOfYear & TermDates)[]): string | undefined {
  if (expectedInTerm(district, ref, terms)) return undefined;
  const span = termSpan(terms, ref)!;
  return !hasStarted(district, span.end)
    ? `${district.name} starts on ${formatUkDate(district.startsOn!)}, after term ${ref.term} of ${ref.academicYear}: it makes no return for that term.`
    : `${district.name} is retired from ${formatUkDate(district.retiredOn!)}, by the start of term ${ref.term} of ${ref.academicYear}: it makes no return for that term.`;
}
