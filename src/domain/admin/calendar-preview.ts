/**
 * What saving an academic year's terms would move, before it is saved: each term's dates and school
 * days, its KPI return's due date and the dates its reminders go out. The terms of the year and the
 * term before it (term 6 of the year before, whose return falls due in this year's term 1) are
 * compared between the calendar as it is and as it would be. Pure: the caller passes both calendars.
 */
import { findTerm, resolveReturnDue, schoolDaysOfTerm, type ReportingCalendar, type Term, type TermNumber } from "../time/calendar";
import { academicYearStarting, academicYearFirstYear, type AcademicYear } from "../time/academic-year";
import { returnSchedule } from "../reminders/plan";

export interface Move {
  before?: string;
  after?: string;
}

export interface TermChange {
  academicYear: AcademicYear;
  term: TermNumber;
  start: Move;
  end: Move;
  schoolDays: { before?: number; after: number };
  returnDue: Move;
  reminders: Array<{ step: string; before?: string; after?: string }>;
  moved: boolean;
}

/** The reminder steps compared: before the deadline, on it and the first day after (the overdue series follows from these). */
const STEPS = ["7-days-before", "school-day-before", "due-day", "first-school-day-after"];

function dueOf(term: Term | undefined, calendar: ReportingCalendar): string | undefined {
  if (!term) return undefined;
  const due = resolveReturnDue(term, calendar);
  return due.ok ? due.dueAt : undefined;
}

function stepsOf(dueAt: string | undefined, calendar: ReportingCalendar): Map<string, string> {
  if (!dueAt) return new Map();
  return new Map(returnSchedule(dueAt, calendar, dueAt).filter((s) => STEPS.includes(s.step)).map((s) => [s.step, s.scheduledAt]));
}

/** The terms whose dates or deadlines may move when `academicYear`'s terms change. */
function affected(academicYear: AcademicYear): Array<{ academicYear: AcademicYear; term: TermNumber }> {
  const first = academicYearFirstYear(academicYear);
  const previous = first === undefined ? [] : [{ academicYear: academicYearStarting(first - 1), term: 6 as TermNumber }];
  return [...previous, ...([1, 2, 3, 4, 5, 6] as TermNumber[]).map((term) => ({ academicYear, term }))];
}

export function previewCalendarChange(before: ReportingCalendar, after: ReportingCalendar, academicYear: AcademicYear): TermChange[] {
  const changes: TermChange[] = [];
  for (const ref of affected(academicYear)) {
    const a = findTerm(before, ref.academicYear, ref.term);
    const b = findTerm(after, ref.academicYear, ref.term);
    if (!b) continue;
    const dueBefore = dueOf(a, before);
    const dueAfter = dueOf(b, after);
    const stepsBefore = stepsOf(dueBefore, before);
    const stepsAfter = stepsOf(dueAfter, after);
    const reminders = STEPS.filter((s) => stepsBefore.has(s) || stepsAfter.has(s)).map((step) => ({
      step,
      ...(stepsBefore.has(step) ? { before: stepsBefore.get(step) } : {}),
      ...(stepsAfter.has(step) ? { after: stepsAfter.get(step) } : {}),
    }));
    const daysBefore = a ? schoolDaysOfTerm(a, before).length : undefined;
    const daysAfter = schoolDaysOfTerm(b, after).length;
    const moved =
      a?.start !== b.start || a?.end !== b.end || dueBefore !== dueAfter || daysBefore !== daysAfter || reminders.some((r) => r.before !== r.after);
    changes.push({
      academicYear: ref.academicYear,
      term: ref.term,
      start: { ...(a ? { before: a.start } : {}), after: b.start },
      end: { ...(a ? { before: a.end } : {}), after: b.end },
      schoolDays: { ...(daysBefore !== undefined ? { before: daysBefore } : {}), after: daysAfter },
      returnDue: { ...(dueBefore ? { before: dueBefore } : {}), ...(dueAfter ? { after: dueAfter } : {}) },
      reminders,
      moved,
    });
  }
  return changes;
}

/** The calendar with one academic year's terms replaced. */
export function withYearTerms(calendar: ReportingCalendar, academicYear: AcademicYear, terms: readonly Omit<Term, "academicYear">[]): ReportingCalendar {
  const others = calendar.terms.filter((t) => t.academicYear !== academicYear);
  const mine = terms.map((t) => ({ ...t, academicYear }));
  return { ...calendar, terms: [...others, ...mine].sort((x, y) => x.start.localeCompare(y.start)) };
}
