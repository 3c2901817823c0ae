/**
 * The periods the KPI return and summary tabs offer: academic years (back to 2022-23, one ahead for
 * planning), the six terms, and the period a tab opens on (the latest term of this academic year
 * that has started, by the term dates from the API). `today` is the UK date (the shell's ukToday),
 * whatever the browser's zone.
 */
import { academicYearFirstYear, academicYearOf, academicYearStarting } from "../../src/domain/time/academic-year";
import { termStartedBy } from "../../src/domain/time/calendar";
import type { TermRef } from "../shell/reference-data";

export const TERM_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

/** The first academic year of the current return: past returns go back to it. */
const FIRST_RETURN_YEAR = 2022;

/** Newest first: next year (for planning), this year, then each year back to 2022-23. */
export function academicYearOptions(today: string): string[] {
  const current = academicYearFirstYear(academicYearOf(today)) ?? FIRST_RETURN_YEAR;
  const years: string[] = [];
  for (let y = current + 1; y >= Math.min(FIRST_RETURN_YEAR, current); y--) years.push(academicYearStarting(y));
  return years;
}

/** `count` academic years ending with `year`, oldest first ("2025-26", 3 → 2023-24, 2024-25, 2025-26). */
export function yearsUpTo(year: string, count: number): string[] {
  const last = academicYearFirstYear(year);
  if (last === undefined) return [year];
  return Array.from({ length: count }, (_, i) => academicYearStarting(last - (count - 1 - i)));
}

/** The period a tab opens on: this academic year and its latest term that has started (term 1 before any has). */
export function defaultPeriod(today: string, terms: readonly TermRef[]): { year: string; term: number } {
  const year = academicYearOf(today);
  const latest = termStartedBy(today, { terms: terms.filter((t) => t.academicYear === year) });
  return { year, term: latest?.term ?? 1 };
}

export function termLabel(term: number): string {
  return `Term ${term}`;
}

/** "T1" … "T6" or "year" (the summary's periods) as words. */
export function periodLabel(period: string): string {
  if (period === "year") return "Whole year";
  const match = /^T(\d)$/.exec(period);
  return match ? `Term ${match[1]}` : period;
}
