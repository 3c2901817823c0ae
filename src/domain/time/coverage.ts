/**
 * Whether the reporting calendar reaches far enough ahead. Deadlines, KPI due dates and reminders all
 * need the current term and the two after it; when the calendar holds fewer, the service is months
 * from running out of dates, and the health check, the summary tab and the commissioners' digest say
 * so while there is still time to add the next year's terms.
 */
import { academicYearOf, nextAcademicYear, type AcademicYear } from "./academic-year";
import type { TermDates } from "./calendar";

export interface TermRef {
  academicYear: AcademicYear;
  term: number;
}

export interface CalendarCoverage {
  ok: boolean;
  /** The terms that should be in the calendar and are not, in order. */
  missing: TermRef[];
  /** The last day of the last term the calendar holds (undefined when it holds none). */
  coveredUntil?: string;
  /** One sentence for people, when not ok. */
  message?: string;
}

/** How many terms after the current one the calendar must hold. */
export const TERMS_AHEAD = 2;

function after(t: TermRef): TermRef {
  return t.term === 6 ? { academicYear: nextAcademicYear(t.academicYear), term: 1 } : { academicYear: t.academicYear, term: t.term + 1 };
}

/**
 * Checks that the term containing `today` (a UK date) — or, in a holiday, the last term to have
 * started (the first of the academic year when none has) — and the next `TERMS_AHEAD` terms are all
 * in the calendar.
 */
export function calendarCoverage(terms: readonly (TermRef & TermDates)[], today: string): CalendarCoverage {
  const has = new Set(terms.map((t) => `${t.academicYear}:${t.term}`));
  let current: (TermRef & TermDates) | undefined;
  for (const t of terms) if (t.start <= today && (!current || t.start > current.start)) current = t;
  const first: TermRef = current ? { academicYear: current.academicYear, term: current.term } : { academicYear: academicYearOf(today), term: 1 };
  const wanted = [first];
  for (let i = 0; i < TERMS_AHEAD; i++) wanted.push(after(wanted[wanted.length - 1]!));
  const missing = wanted.filter((t) => !has.has(`${t.academicYear}:${t.term}`));
  const coveredUntil = terms.reduce<string | undefined>((last, t) => (!last || t.end > last ? t.end : last), undefined);
  if (missing.length === 0) return { ok: true, missing, ...(coveredUntil ? { coveredUntil } : {}) };
  const names = missing.map((t) => `${t.academicYear} term ${t.term}`).join(", ");
  const message = `The calendar ${coveredUntil ? `ends on ${coveredUntil}` : "has no terms"}: add ${names} so deadlines, KPI due dates and reminders can be worked out.`;
  return { ok: false, missing, ...(coveredUntil ? { coveredUntil } : {}), message };
}
