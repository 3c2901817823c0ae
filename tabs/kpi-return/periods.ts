/**
 * Academic years and terms the KPI tabs offer, and the default period to open: the latest term that
 * has ended (a return is written after its term), from the reference term dates when they cover today.
 */
import { TERMS } from "../../src/domain/reference/terms";

export const TERM_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

/** "2025-26" for the academic year that starts in September of `firstYear`. */
export function academicYearStarting(firstYear: number): string {
  return `${firstYear}-${String((firstYear + 1) % 100).padStart(2, "0")}`;
}

/** The academic year a local calendar date falls in (September starts a new one). */
export function academicYearOfDate(date: Date): string {
  const year = date.getFullYear();
  return academicYearStarting(date.getMonth() >= 8 ? year : year - 1);
}

/** Past returns go back to 2022-23 (the first year of the current return); one year ahead for planning. */
export function academicYearOptions(today: Date): string[] {
  const current = Number(academicYearOfDate(today).slice(0, 4));
  const years: string[] = [];
  for (let y = current + 1; y >= Math.min(2022, current); y--) years.push(academicYearStarting(y));
  return years;
}

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** The period a return tab opens on: the latest term of this academic year that has started. */
export function defaultPeriod(today: Date): { year: string; term: number } {
  const year = academicYearOfDate(today);
  const iso = isoDate(today);
  const started = TERMS.filter((t) => t.academicYear === year && t.start <= iso);
  const latest = started[started.length - 1];
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
