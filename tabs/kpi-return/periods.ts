/**
 * Academic years and terms the KPI tabs offer, and the default period to open: the latest term of
 * this academic year that has started, from the reference term dates when they cover today. "Today"
 * and the academic year are the UK's (src/domain/time), whatever the browser's zone.
 */
import { TERMS } from "../../src/domain/reference/terms";
import { academicYearOf, academicYearStarting } from "../../src/domain/time/academic-year";
import { termStartedBy } from "../../src/domain/time/calendar";
import { ukDateOf } from "../../src/domain/time/uk-clock";

export const TERM_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

/** The academic year the UK date of an instant falls in (September starts a new one). */
export function academicYearOfDate(date: Date): string {
  return academicYearOf(ukDateOf(date));
}

/** Past returns go back to 2022-23 (the first year of the current return); one year ahead for planning. */
export function academicYearOptions(today: Date): string[] {
  const current = Number(academicYearOfDate(today).slice(0, 4));
  const years: string[] = [];
  for (let y = current + 1; y >= Math.min(2022, current); y--) years.push(academicYearStarting(y));
  return years;
}

/** The period a return tab opens on: the latest term of this academic year that has started. */
export function defaultPeriod(today: Date): { year: string; term: number } {
  const date = ukDateOf(today);
  const year = academicYearOf(date);
  const latest = termStartedBy(date, { terms: TERMS.filter((t) => t.academicYear === year) });
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
