/** The term of a date (in term and in a holiday) and the school days between two dates. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, isSchoolDay, schoolDaysBetween, termContaining, termStartedBy } from "../../../src/domain/time/calendar";
import { calendar } from "./fixtures";

const cal = calendar();
const dates = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2025-08-01", n));

describe("the term of a date", () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ["2025-09-01", "2025-26 T1", "2025-26 T1", "first day of term 1"],
    ["2025-10-17", "2025-26 T1", "2025-26 T1", "last day of term 1"],
    ["2025-10-20", undefined, "2025-26 T1", "October half term"],
    ["2025-10-27", "2025-26 T2", "2025-26 T2", "first day back"],
    ["2025-12-25", undefined, "2025-26 T2", "Christmas holiday"],
    ["2026-08-15", undefined, "2025-26 T6", "summer holiday"],
    ["2026-08-31", undefined, "2025-26 T6", "last day of the academic year"],
    ["2025-08-31", undefined, undefined, "before the calendar starts"],
  ])("%s: in %s, reporting on %s (%s)", (date, within, startedBy) => {
    const name = (t: { academicYear: string; term: number } | undefined) => (t ? `${t.academicYear} T${t.term}` : undefined);
    expect(name(termContaining(date, cal))).toBe(within);
    expect(name(termStartedBy(date, cal))).toBe(startedBy);
  });

  it("in term, the term started by a date is the term it is in (property)", () => {
    fc.assert(
      fc.property(dates, (date) => {
        const within = termContaining(date, cal);
        return within === undefined || termStartedBy(date, cal) === within;
      }),
    );
  });
});

describe("school days between two dates", () => {
  it.each([
    ["2025-10-17", "2025-10-27", 1, "over October half term: only the Monday back"],
    ["2026-05-01", "2026-05-05", 1, "Friday to Tuesday over the May bank holiday"],
    ["2026-07-21", "2026-09-01", 1, "over the summer: only 1 September"],
    ["2025-09-01", "2025-09-01", 0, "the same day"],
    ["2025-09-05", "2025-09-01", 0, "backwards"],
  ])("%s → %s: %i (%s)", (from, to, expected) => {
    expect(schoolDaysBetween(from, to, cal)).toBe(expected);
  });

  it("counts the weekdays in (from, to] that are in a term and not a bank holiday (property)", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = addDays(from, span);
        let expected = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
          const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
          if (weekday !== 0 && weekday !== 6 && termContaining(d, cal) && !cal.bankHolidays.includes(d)) expected++;
        }
        return schoolDaysBetween(from, to, cal) === expected;
      }),
    );
  });

  it("adds up over a date in between (property)", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        return schoolDaysBetween(a, c, cal) === schoolDaysBetween(a, b, cal) + schoolDaysBetween(b, c, cal);
      }),
    );
  });

  it("a school day is a weekday in term that is not a bank holiday", () => {
    expect(isSchoolDay("2026-05-04", cal)).toBe(false);
    expect(schoolDaysBetween("2026-05-03", "2026-05-04", cal)).toBe(0);
  });
});
