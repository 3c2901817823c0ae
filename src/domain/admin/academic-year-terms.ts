/**
 * The rules for an academic year's six terms as a commissioner enters them
 * ([Academic year and terms](../../../docs/reference/calendar.md#academic-year-and-terms)): all six, in order, not
 * overlapping each other or another year's terms, inside 1 September – 31 August, each with school
 * days in it. Problems are keyed like form fields (`terms.2.end`) so the tab can show each beside
 * its box.
 */
import { addDays, weekdayOf, type TermNumber } from "../time/calendar";
import { firstDayOfAcademicYear, isAcademicYear, lastDayOfAcademicYear, type AcademicYear } from "../time/academic-year";
import { isPlainDate } from "../time/plain-dates";

export interface TermEntry {
  term: TermNumber;
  start: string;
  end: string;
  /** A fixed due date for this term's return (date or instant). */
  returnDueAt?: string;
  /** The school day of the next term the return is due on, instead of the default 10th. */
  returnDueSchoolDay?: number;
}

/** Field path → message, as the API's `fieldErrors`. */
export type FieldProblems = Record<string, string>;

/** Weekdays from start to end (inclusive) that are not in `closed` (bank holidays, INSET days). */
export function countSchoolDays(start: string, end: string, closed: ReadonlySet<string> = new Set()): number {
  let n = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (weekdayOf(d) <= 5 && !closed.has(d)) n++;
  return n;
}

/**
 * Checks one academic year's terms. `others` are the terms of other years already in the calendar
 * (a year must not overlap them); `bankHolidays` are skipped when counting school days.
 */
export function checkAcademicYearTerms(
  academicYear: AcademicYear,
  terms: readonly TermEntry[],
  options: { others?: readonly { academicYear: string; term: number; start: string; end: string }[]; bankHolidays?: readonly string[] } = {},
): FieldProblems {
  const problems: FieldProblems = {};
  if (!isAcademicYear(academicYear)) return { academicYear: `'${academicYear}' is not an academic year like "2027-28".` };
  const first = firstDayOfAcademicYear(academicYear);
  const last = lastDayOfAcademicYear(academicYear);
  const closed = new Set(options.bankHolidays ?? []);
  if (terms.length !== 6) problems.terms = `An academic year has six terms; ${terms.length} given.`;
  terms.forEach((t, i) => {
    const at = (field: string) => `terms.${i}.${field}`;
    if (t.term !== i + 1) problems[at("term")] = `Term ${i + 1} expected here, not term ${t.term}.`;
    if (!isPlainDate(t.start)) problems[at("start")] = "Enter the first day as a date.";
    if (!isPlainDate(t.end)) problems[at("end")] = "Enter the last day as a date.";
    if (problems[at("start")] || problems[at("end")]) return;
    if (t.start < first || t.start > last) problems[at("start")] = `Term ${t.term} must start within ${academicYear} (${first} to ${last}).`;
    if (t.end < first || t.end > last) problems[at("end")] = `Term ${t.term} must end within ${academicYear} (${first} to ${last}).`;
    if (t.end < t.start) problems[at("end")] = `Term ${t.term} ends before it starts.`;
    else if (countSchoolDays(t.start, t.end, closed) === 0) problems[at("end")] = `Term ${t.term} has no school days.`;
    const prev = terms[i - 1];
    if (prev && isPlainDate(prev.end) && !problems[at("start")] && t.start <= prev.end) {
      problems[at("start")] = `Term ${t.term} must start after term ${prev.term} ends (${prev.end}).`;
    }
    for (const o of options.others ?? []) {
      if (o.academicYear === academicYear) continue;
      if (t.start <= o.end && o.start <= t.end && !problems[at("start")]) problems[at("start")] = `Term ${t.term} overlaps ${o.academicYear} term ${o.term}.`;
    }
  });
  return problems;
}

/** School days per term, skipping weekends, bank holidays and any closure days given. */
export function schoolDaysPerTerm(terms: readonly TermEntry[], closed: readonly string[] = []): Array<{ term: TermNumber; schoolDays: number }> {
  const set = new Set(closed);
  return terms.map((t) => ({ term: t.term, schoolDays: countSchoolDays(t.start, t.end, set) }));
}
