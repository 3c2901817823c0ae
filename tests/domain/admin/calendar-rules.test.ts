import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAcademicYearTerms, countSchoolDays } from "../../../src/domain/admin/academic-year-terms";
import { previewCalendarChange, withYearTerms } from "../../../src/domain/admin/calendar-preview";
import { planBankHolidayImport } from "../../../src/domain/admin/gov-uk-bank-holidays";
import { calendarCoverage } from "../../../src/domain/time/coverage";
import { addDays, type ReportingCalendar, type TermNumber } from "../../../src/domain/time/calendar";

const YEAR = [
  { term: 1, start: "2027-09-02", end: "2027-10-22" },
  { term: 2, start: "2027-11-01", end: "2027-12-17" },
  { term: 3, start: "2028-01-04", end: "2028-02-11" },
  { term: 4, start: "2028-02-21", end: "2028-03-31" },
  { term: 5, start: "2028-04-18", end: "2028-05-26" },
  { term: 6, start: "2028-06-05", end: "2028-07-21" },
] as Array<{ term: TermNumber; start: string; end: string }>;

describe("an academic year's terms", () => {
  it("accepts six ordered terms inside September to August", () => {
    expect(checkAcademicYearTerms("2027-28", YEAR)).toEqual({});
  });

  it.each([
    ["five terms", YEAR.slice(0, 5), "terms"],
    ["a term before September", [{ ...YEAR[0]!, start: "2027-08-31" }, ...YEAR.slice(1)], "terms.0.start"],
    ["a term after August", [...YEAR.slice(0, 5), { ...YEAR[5]!, end: "2028-09-01" }], "terms.5.end"],
    ["a term ending before it starts", [YEAR[0]!, { ...YEAR[1]!, end: "2027-10-30" }, ...YEAR.slice(2)], "terms.1.end"],
    ["terms out of order", [YEAR[0]!, { ...YEAR[1]!, start: "2027-10-20" }, ...YEAR.slice(2)], "terms.1.start"],
    ["a term of weekend days only", [...YEAR.slice(0, 5), { term: 6, start: "2028-07-22", end: "2028-07-23" }], "terms.5.end"],
    ["terms numbered wrongly", [YEAR[1]!, YEAR[0]!, ...YEAR.slice(2)], "terms.0.term"],
  ])("refuses %s", (_name, terms, field) => {
    expect(Object.keys(checkAcademicYearTerms("2027-28", terms as typeof YEAR))).toContain(field);
  });

  it("refuses an overlap with another year's terms", () => {
    const problems = checkAcademicYearTerms("2027-28", YEAR, { others: [{ academicYear: "2026-27", term: 6, start: "2027-06-07", end: "2027-09-03" }] });
    expect(problems["terms.0.start"]).toMatch(/overlaps 2026-27 term 6/);
  });

  it("counts school days: weekdays less bank holidays, for any span", () => {
    expect(countSchoolDays("2028-05-01", "2028-05-07")).toBe(5);
    expect(countSchoolDays("2028-05-01", "2028-05-07", new Set(["2028-05-01"]))).toBe(4);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), (offset, length) => {
        const start = addDays("2027-09-01", offset);
        const end = addDays(start, length);
        const n = countSchoolDays(start, end);
        // Every full week holds exactly five; a part week at most five.
        return n >= Math.floor((length + 1) / 7) * 5 && n <= Math.ceil((length + 1) / 7) * 5;
      }),
    );
  });
});

describe("the GOV.UK bank-holidays file", () => {
  it("adds England and Wales dates not yet held, each once", () => {
    const file = {
      "england-and-wales": {
        division: "england-and-wales",
        events: [
          { title: "Boxing Day", date: "2027-12-28" },
          { title: "Christmas Day", date: "2027-12-27" },
          { title: "Christmas Day", date: "2027-12-27" },
        ],
      },
    };
    expect(planBankHolidayImport(file, [{ date: "2027-12-28" }])).toEqual({
      added: [{ date: "2027-12-27", name: "Christmas Day", division: "england-and-wales" }],
      unchanged: ["2027-12-28"],
    });
  });
});

describe("calendar coverage", () => {
  const terms = YEAR.map((t) => ({ ...t, academicYear: "2027-28" }));
  it("is fine while the current term and the next two are known", () => {
    expect(calendarCoverage(terms, "2028-01-10").ok).toBe(true);
    expect(calendarCoverage(terms, "2028-02-15").ok).toBe(true); // half term: term 3 is the current one
  });

  it("says which terms are missing from two terms before the calendar ends", () => {
    const c = calendarCoverage(terms, "2028-04-20");
    expect(c.ok).toBe(false);
    expect(c.missing).toEqual([{ academicYear: "2028-29", term: 1 }]);
    expect(c.message).toContain("2028-07-21");
    expect(calendarCoverage([], "2028-04-20").missing).toHaveLength(3);
  });
});

describe("the preview of a change", () => {
  const base: ReportingCalendar = { terms: YEAR.map((t) => ({ ...t, academicYear: "2027-28" })), bankHolidays: [], monitoringMeetings: [] };
  it("shows the due date and reminders of the term before a moved term moving with it", () => {
    const moved = YEAR.map((t) => (t.term === 2 ? { ...t, start: "2027-11-08" } : t));
    const changes = previewCalendarChange(base, withYearTerms(base, "2027-28", moved), "2027-28");
    const t1 = changes.find((c) => c.term === 1 && c.academicYear === "2027-28")!;
    expect(t1.start.before).toBe(t1.start.after);
    expect(t1.moved).toBe(true);
    expect(t1.returnDue.after! > t1.returnDue.before!).toBe(true);
    expect(t1.reminders.find((r) => r.step === "due-day")!.after).not.toBe(t1.reminders.find((r) => r.step === "due-day")!.before);
    expect(changes.filter((c) => c.moved).map((c) => c.term)).toEqual([1, 2]);
  });

  it("honours a term's own school-day rule for its due date", () => {
    const rule = YEAR.map((t) => (t.term === 3 ? { ...t, returnDueSchoolDay: 5 } : t));
    const [t3] = previewCalendarChange(base, withYearTerms(base, "2027-28", rule), "2027-28").filter((c) => c.term === 3);
    expect(t3!.returnDue.after! < t3!.returnDue.before!).toBe(true);
  });
});
