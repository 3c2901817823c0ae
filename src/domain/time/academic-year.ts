/**
 * Academic years: "2025-26" runs from 1 September 2025 to 31 August 2026, in UK dates. The one rule
 * for "which academic year is this date in" — case references, year groups, KPI returns, the tabs'
 * year pickers and the reminders all use it.
 */
import { AppError } from "../../errors";
import { parsePlainDate, type PlainDate } from "./plain-dates";

/** "2025-26": the academic year that runs from 1 September 2025 to 31 August 2026. */
export type AcademicYear = string;

/** The month (1–12) an academic year starts in. */
export const ACADEMIC_YEAR_FIRST_MONTH = 9;

const ACADEMIC_YEAR = /^(\d{4})-(\d{2})$/;

/** 2025 → "2025-26". */
export function academicYearStarting(firstYear: number): AcademicYear {
  return `${firstYear}-${String((firstYear + 1) % 100).padStart(2, "0")}`;
}

/** "2025-26" → 2025; undefined when it is not a well-formed academic year (the two years must follow on). */
export function academicYearFirstYear(year: string): number | undefined {
  const m = ACADEMIC_YEAR.exec(year);
  if (!m) return undefined;
  const first = Number(m[1]);
  return (first + 1) % 100 === Number(m[2]) ? first : undefined;
}

export function isAcademicYear(year: string): boolean {
  return academicYearFirstYear(year) !== undefined;
}

function requireFirstYear(year: AcademicYear): number {
  const first = academicYearFirstYear(year);
  if (first === undefined) throw new AppError("validation_failed", `'${year}' is not an academic year like "2025-26".`);
  return first;
}

/** "2025-26" → "2026-27". */
export function nextAcademicYear(year: AcademicYear): AcademicYear {
  return academicYearStarting(requireFirstYear(year) + 1);
}

/** "2025-26" → "2025-09-01". */
export function firstDayOfAcademicYear(year: AcademicYear): string {
  return `${requireFirstYear(year)}-09-01`;
}

/** "2025-26" → "2026-08-31". */
export function lastDayOfAcademicYear(year: AcademicYear): string {
  return `${requireFirstYear(year) + 1}-08-31`;
}

/**
 * The academic year a UK date (YYYY-MM-DD) falls in: 2025-09-01 → "2025-26", 2026-08-31 → "2025-26".
 * For an instant, take its UK date first (`ukDateOf`): 23:30Z on 31 August is already 1 September in
 * the UK in summer time. A string that is not a real date is a caller's bug, so it throws a RangeError.
 */
export function academicYearOf(date: string | PlainDate): AcademicYear {
  const d = typeof date === "string" ? parsePlainDate(date) : date;
  if (!d) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  return academicYearStarting(d.month >= ACADEMIC_YEAR_FIRST_MONTH ? d.year : d.year - 1);
}
