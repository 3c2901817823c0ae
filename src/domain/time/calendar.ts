/**
 * The reporting calendar as data ([Reporting cycle](../../../docs/reference/service.md#reporting-cycle)): per academic year the six terms,
 * each term's return due date, the England and Wales bank holidays and each district's monitoring
 * meetings. Pure functions only: no I/O, no clock — callers pass the calendar in.
 *
 * Dates, instants and UK wall-clock times follow the conventions of uk-clock.ts; academic years
 * those of academic-year.ts. Their functions are re-exported here so calendar users have one import.
 */
import { DateTime } from "luxon";
import { AppError } from "../../errors";
import { academicYearFirstYear, nextAcademicYear, type AcademicYear } from "./academic-year";
import { atUkTime, normaliseInstant, parseInstant, ukDateOf, UK_ZONE } from "./uk-clock";

export type TermNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const TERM_NUMBERS: readonly TermNumber[] = [1, 2, 3, 4, 5, 6];

export interface Term {
  academicYear: AcademicYear;
  term: TermNumber;
  /** First day of the term (ISO date, inclusive). */
  start: string;
  /** Last day of the term (ISO date, inclusive). */
  end: string;
  /**
   * A commissioner's due date for this term's return: an ISO instant, or a bare date meaning 17:00 UK
   * time that day. Overrides the default rule.
   */
  returnDueAt?: string;
  /** The school day of the following term the return is due on (17:00 UK time), instead of the default 10th. */
  returnDueSchoolDay?: number;
}

export type MonitoringCovers = readonly [1, 2] | readonly [3, 4] | readonly [5, 6];
export const MONITORING_COVERS: readonly MonitoringCovers[] = [
  [1, 2],
  [3, 4],
  [5, 6],
];

export interface MonitoringMeeting {
  districtSlug: string;
  /** The academic year of the terms the meeting covers (the September meeting for terms 5–6 of 2025-26 is "2025-26"). */
  academicYear: AcademicYear;
  covers: MonitoringCovers;
  /** When the meeting starts (ISO instant). */
  at: string;
  /** Link to the district's monitoring pack, sent with the reminders. */
  packUrl?: string;
}

export interface ReportingCalendar {
  terms: readonly Term[];
  /** England and Wales bank holidays (ISO dates). */
  bankHolidays: readonly string[];
  monitoringMeetings: readonly MonitoringMeeting[];
  /** Days a district's schools close when others are open (INSET, local closures), where it differs. */
  districtDays?: readonly { districtSlug: string; date: string }[];
  /** Closure days that are not school days in this view (set by `districtCalendar` for one district). */
  closures?: readonly string[];
}

/**
 * The calendar as one district's schools keep it: its INSET and closure days are not school days, so
 * its due dates, reminder days and school-day counts skip them. The same object when the district has
 * none, so a county without district days computes exactly as before.
 */
export function districtCalendar(calendar: ReportingCalendar, districtSlug: string): ReportingCalendar {
  const closures = (calendar.districtDays ?? []).filter((d) => d.districtSlug === districtSlug).map((d) => d.date);
  return closures.length === 0 ? calendar : { ...calendar, closures };
}

/** The default return deadline: 17:00 UK time on the 10th school day of the following term. */
export const DEFAULT_RETURN_DUE = { schoolDay: 10, hour: 17, minute: 0 } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How far the school-day searches look before giving up (longer than any school holiday). */
const SEARCH_LIMIT_DAYS = 400;

// ---------------------------------------------------------------------------------------------
// Dates and instants

function parseDate(date: string): DateTime {
  const dt = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: "utc" }) : DateTime.invalid("not an ISO date");
  if (!dt.isValid) throw new AppError("validation_failed", `'${date}' is not an ISO calendar date (YYYY-MM-DD).`);
  return dt;
}

// Calendar-date arithmetic is on UTC midnights with the built-in Date (fast, and no time zone can
// shift a date); only wall-clock times need luxon.
function utcDay(date: string): Date {
  const d = ISO_DATE.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new AppError("validation_failed", `'${date}' is not an ISO calendar date (YYYY-MM-DD).`);
  }
  return d;
}

/** Add calendar days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return utcDay(date).getUTCDay() || 7;
}

// ---------------------------------------------------------------------------------------------
// Academic years and terms

function parseAcademicYear(year: AcademicYear): number {
  const first = academicYearFirstYear(year);
  if (first === undefined) throw new AppError("validation_failed", `'${year}' is not an academic year like "2025-26".`);
  return first;
}

export function findTerm(calendar: ReportingCalendar, academicYear: AcademicYear, term: number): Term | undefined {
  return calendar.terms.find((t) => t.academicYear === academicYear && t.term === term);
}

/** The term after this one: term n+1 of the same year, or term 1 of the next academic year after term 6. */
export function nextTerm(term: Pick<Term, "academicYear" | "term">, calendar: ReportingCalendar): Term | undefined {
  return term.term === 6
    ? findTerm(calendar, nextAcademicYear(term.academicYear), 1)
    : findTerm(calendar, term.academicYear, term.term + 1);
}

/** Just the dates of a term, for callers that have no more (a tab's planning check). */
export type TermDates = Pick<Term, "start" | "end">;

/** The term a UK date falls in (inclusive of its first and last day); undefined in a holiday. */
export function termContaining<T extends TermDates>(date: string, calendar: { readonly terms: readonly T[] }): T | undefined {
  return calendar.terms.find((t) => t.start <= date && date <= t.end);
}

/**
 * The term a UK date falls in or, in a holiday, the last term that started before it (the term whose
 * work is being reported on); undefined before the first term.
 */
export function termStartedBy<T extends TermDates>(date: string, calendar: { readonly terms: readonly T[] }): T | undefined {
  let latest: T | undefined;
  for (const t of calendar.terms) if (t.start <= date && (!latest || t.start > latest.start)) latest = t;
  return latest;
}

// ---------------------------------------------------------------------------------------------
// School days

/** A school day is a weekday inside a term's dates that is not a bank holiday (nor, in a district's view, one of its closure days). */
export function isSchoolDay(date: string, calendar: ReportingCalendar): boolean {
  return weekdayOf(date) <= 5 && termContaining(date, calendar) !== undefined && !calendar.bankHolidays.includes(date) && !calendar.closures?.includes(date);
}

function calendarBounds(calendar: ReportingCalendar): { first: string; last: string } | undefined {
  if (calendar.terms.length === 0) return undefined;
  let first = calendar.terms[0]!.start;
  let last = calendar.terms[0]!.end;
  for (const t of calendar.terms) {
    if (t.start < first) first = t.start;
    if (t.end > last) last = t.end;
  }
  return { first, last };
}

/** The first school day strictly after `date`, or undefined when the calendar has none. */
export function nextSchoolDayAfter(date: string, calendar: ReportingCalendar): string | undefined {
  return nthSchoolDayAfter(date, 1, calendar);
}

/** The n-th school day strictly after `date` (n ≥ 1), or undefined when the calendar runs out first. */
export function nthSchoolDayAfter(date: string, n: number, calendar: ReportingCalendar): string | undefined {
  if (!Number.isInteger(n) || n < 1) throw new AppError("validation_failed", `n must be a whole number ≥ 1, not ${n}.`);
  const bounds = calendarBounds(calendar);
  if (!bounds) return undefined;
  let d = date < bounds.first ? addDays(bounds.first, -1) : date;
  let found = 0;
  for (let i = 0; i < SEARCH_LIMIT_DAYS * n && d < bounds.last; i++) {
    d = addDays(d, 1);
    if (isSchoolDay(d, calendar) && ++found === n) return d;
  }
  return undefined;
}

/** The last school day strictly before `date`, or undefined when the calendar has none. */
export function previousSchoolDayBefore(date: string, calendar: ReportingCalendar): string | undefined {
  const bounds = calendarBounds(calendar);
  if (!bounds) return undefined;
  let d = date > bounds.last ? addDays(bounds.last, 1) : date;
  for (let i = 0; i < SEARCH_LIMIT_DAYS && d > bounds.first; i++) {
    d = addDays(d, -1);
    if (isSchoolDay(d, calendar)) return d;
  }
  return undefined;
}

/** The school days of a term, in order. */
export function schoolDaysOfTerm(term: Term, calendar: ReportingCalendar): string[] {
  const days: string[] = [];
  for (let d = term.start; d <= term.end; d = addDays(d, 1)) {
    if (isSchoolDay(d, calendar)) days.push(d);
  }
  return days;
}

/** The n-th school day of a term (1-based), or undefined when the term has fewer. */
export function nthSchoolDayOfTerm(term: Term, n: number, calendar: ReportingCalendar): string | undefined {
  if (!Number.isInteger(n) || n < 1) throw new AppError("validation_failed", `n must be a whole number ≥ 1, not ${n}.`);
  let found = 0;
  for (let d = term.start; d <= term.end; d = addDays(d, 1)) {
    if (isSchoolDay(d, calendar) && ++found === n) return d;
  }
  return undefined;
}

/**
 * Count the school days in (from, to]: after `from`, up to and including `to`. Zero when `to` ≤ `from`.
 */
export function schoolDaysBetween(from: string, to: string, calendar: ReportingCalendar): number {
  const bounds = calendarBounds(calendar);
  if (!bounds) return 0;
  const last = to < bounds.last ? to : bounds.last;
  let count = 0;
  for (let d = from < bounds.first ? bounds.first : addDays(from, 1); d <= last; d = addDays(d, 1)) {
    if (isSchoolDay(d, calendar)) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Return due dates

export type DueDateSource = "override" | "default";

export type ReturnDue =
  | { ok: true; dueAt: string; source: DueDateSource }
  | { ok: false; reason: "next-term-missing" | "next-term-too-short" };

/**
 * When a term's return is due. A commissioner's `returnDueAt` on the term wins; otherwise the default
 * rule: 17:00 UK time on the 10th (or the term's `returnDueSchoolDay`) school day of the following term (term 6's return falls in the next
 * academic year's term 1). Not computable when the following term is not in the calendar yet.
 */
export function resolveReturnDue(term: Term, calendar: ReportingCalendar): ReturnDue {
  if (term.returnDueAt) {
    // A bare date means 17:00 UK time that day; an instant is taken as given.
    const dueAt = ISO_DATE.test(term.returnDueAt)
      ? atUkTime(term.returnDueAt, DEFAULT_RETURN_DUE.hour, DEFAULT_RETURN_DUE.minute)
      : normaliseInstant(term.returnDueAt);
    return { ok: true, dueAt, source: "override" };
  }
  const following = nextTerm(term, calendar);
  if (!following) return { ok: false, reason: "next-term-missing" };
  const day = nthSchoolDayOfTerm(following, term.returnDueSchoolDay ?? DEFAULT_RETURN_DUE.schoolDay, calendar);
  if (!day) return { ok: false, reason: "next-term-too-short" };
  return { ok: true, dueAt: atUkTime(day, DEFAULT_RETURN_DUE.hour, DEFAULT_RETURN_DUE.minute), source: "default" };
}

/** The return due instant (UTC ISO), or undefined when it cannot be worked out yet (see `resolveReturnDue`). */
export function returnDueAt(term: Term, calendar: ReportingCalendar): string | undefined {
  const due = resolveReturnDue(term, calendar);
  return due.ok ? due.dueAt : undefined;
}

// ---------------------------------------------------------------------------------------------
// Monitoring meetings

/** The month (1–12) and calendar year of the default monitoring meeting for a pair of terms. */
export function monitoringMonth(academicYear: AcademicYear, covers: MonitoringCovers): { year: number; month: number } {
  const first = parseAcademicYear(academicYear);
  switch (covers[0]) {
    case 1:
      return { year: first + 1, month: 2 }; // February, for terms 1–2
    case 3:
      return { year: first + 1, month: 5 }; // May, for terms 3–4
    case 5:
      return { year: first + 1, month: 9 }; // September (the next academic year), for terms 5–6
  }
}

export interface DefaultMonitoringOptions {
  academicYear: AcademicYear;
  districtSlugs: readonly string[];
  /** Which week of the month (1 = first). Default 2. */
  week?: number;
  /** ISO weekday, 1 = Monday … 5 = Friday. Default 2 (Tuesday). */
  weekday?: number;
  /** UK wall-clock time. Default 10:00. */
  hour?: number;
  minute?: number;
  /** Pack links by district slug. */
  packUrls?: Readonly<Record<string, string>>;
  /** When given, a proposed day that is a bank holiday moves to the next weekday that is not one. */
  bankHolidays?: readonly string[];
  /**
   * When given, a proposal that would not leave `MONITORING_DAYS_AFTER_DUE` days after the returns
   * it covers are due moves on a week at a time (same weekday), so the meeting follows its returns.
   */
  calendar?: ReportingCalendar;
}

/**
 * Days a proposed monitoring meeting leaves after the later of its two returns is due, so the pack
 * can be read first. The rule (`monitoringMeetingProblems`) only asks that the meeting come after.
 */
export const MONITORING_DAYS_AFTER_DUE = 7;

/**
 * Propose the three monitoring meetings of an academic year for each district — by default the second
 * Tuesday of February (terms 1–2), May (terms 3–4) and September (terms 5–6) at 10:00 UK time. These are
 * proposals: a commissioner edits the dates in the reporting calendar.
 */
export function defaultMonitoringMeetings(options: DefaultMonitoringOptions): MonitoringMeeting[] {
  const { academicYear, districtSlugs, week = 2, weekday = 2, hour = 10, minute = 0 } = options;
  const meetings: MonitoringMeeting[] = [];
  for (const covers of MONITORING_COVERS) {
    const { year, month } = monitoringMonth(academicYear, covers);
    const firstOfMonth = DateTime.fromObject({ year, month, day: 1 }, { zone: "utc" });
    let first = firstOfMonth.plus({ days: (weekday - firstOfMonth.weekday + 7) % 7 + (week - 1) * 7 }).toISODate() as string;
    const due = options.calendar ? latestReturnDue(options.calendar, academicYear, covers) : undefined;
    if (due) while (first < addDays(ukDateOf(due), MONITORING_DAYS_AFTER_DUE)) first = addDays(first, 7);
    let day = first;
    while (options.bankHolidays?.includes(day) || weekdayOf(day) > 5) day = addDays(day, 1);
    for (const districtSlug of districtSlugs) {
      const packUrl = options.packUrls?.[districtSlug];
      meetings.push({
        districtSlug,
        academicYear,
        covers,
        at: atUkTime(day, hour, minute),
        ...(packUrl ? { packUrl } : {}),
      });
    }
  }
  return meetings;
}

/** The later due instant of the returns a monitoring meeting covers; undefined when either cannot be worked out yet. */
export function latestReturnDue(calendar: ReportingCalendar, academicYear: AcademicYear, covers: MonitoringCovers): string | undefined {
  let latest: string | undefined;
  for (const n of covers) {
    const term = findTerm(calendar, academicYear, n);
    const due = term ? returnDueAt(term, calendar) : undefined;
    if (!due) return undefined;
    if (!latest || due > latest) latest = due;
  }
  return latest;
}

/**
 * The calendar's rule for monitoring meetings: a meeting must fall after the returns it looks back
 * on are due (the September meeting for terms 5–6 after term 6's return, due in the next year's
 * term 1). A meeting whose returns have no due date yet (the next term is not in the calendar) is
 * not judged. Each problem names the meeting's date and the due date it comes before.
 */
export function monitoringMeetingProblems(calendar: ReportingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  for (const m of calendar.monitoringMeetings) {
    for (const n of m.covers) {
      const term = findTerm(calendar, m.academicYear, n);
      const due = term ? returnDueAt(term, calendar) : undefined;
      if (due && Date.parse(m.at) <= Date.parse(due)) {
        problems.push({
          where: `monitoring ${m.districtSlug} ${m.academicYear} terms ${m.covers.join("–")}`,
          message: `meets on ${formatInstant(m.at)}, before term ${n}'s return is due (${formatInstant(due)}): a monitoring meeting must fall after the returns it looks back on are due.`,
        });
      }
    }
  }
  return problems;
}

/** "8 September 2026 10:00" in UK time, for the messages above. */
function formatInstant(instant: string): string {
  return DateTime.fromISO(instant, { zone: UK_ZONE }).toFormat("d LLLL yyyy HH:mm");
}

// ---------------------------------------------------------------------------------------------
// Checking a calendar a commissioner has edited

export interface CalendarProblem {
  where: string;
  message: string;
}

/**
 * Problems that would make the plan wrong: bad dates, a term ending before it starts, overlaps,
 * duplicates, and a monitoring meeting before the returns it covers are due.
 */
export function checkCalendar(calendar: ReportingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const check = (where: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      problems.push({ where, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const seen = new Set<string>();
  for (const t of calendar.terms) {
    const where = `${t.academicYear} term ${t.term}`;
    check(where, () => {
      parseAcademicYear(t.academicYear);
      parseDate(t.start);
      parseDate(t.end);
      if (t.returnDueAt) parseInstant(t.returnDueAt);
      if (t.end < t.start) throw new Error(`ends (${t.end}) before it starts (${t.start}).`);
    });
    if (seen.has(where)) problems.push({ where, message: "appears more than once." });
    seen.add(where);
  }
  const sorted = [...calendar.terms].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (b.start <= a.end) {
      problems.push({ where: `${b.academicYear} term ${b.term}`, message: `overlaps ${a.academicYear} term ${a.term}.` });
    }
  }
  for (const h of calendar.bankHolidays) check(`bank holiday ${h}`, () => parseDate(h));
  const meetings = new Set<string>();
  for (const m of calendar.monitoringMeetings) {
    const where = `monitoring ${m.districtSlug} ${m.academicYear} terms ${m.covers.join("–")}`;
    check(where, () => {
      parseAcademicYear(m.academicYear);
      parseInstant(m.at);
    });
    if (meetings.has(where)) problems.push({ where, message: "appears more than once." });
    meetings.add(where);
  }
  // The ordering rule needs sound dates: judged only once nothing above is wrong.
  if (problems.length === 0) problems.push(...monitoringMeetingProblems(calendar));
  return problems;
}
