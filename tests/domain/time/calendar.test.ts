import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkCalendar, defaultMonitoringMeetings, districtCalendar, isSchoolDay, nextSchoolDayAfter, nextTerm, nthSchoolDayOfTerm, previousSchoolDayBefore, resolveReturnDue, returnDueAt, schoolDaysOfTerm } from "../../../src/domain/time/calendar";
import { academicYearOf, nextAcademicYear } from "../../../src/domain/time/academic-year";
import { atUkTime } from "../../../src/domain/time/uk-clock";
import { addDays } from "../../../src/domain/time/calendar";
import { calendar, term, TERMS_2025_26, TERMS_2026_27, withTerms } from "./fixtures";

const cal = calendar();

describe("school days", () => {
  it.each([
    ["2025-09-01", true, "first day of term 1"],
    ["2025-09-06", false, "Saturday"],
    ["2025-10-20", false, "October half term"],
    ["2025-12-25", false, "Christmas (holiday and bank holiday)"],
    ["2026-04-03", false, "Good Friday, outside term"],
    ["2026-05-04", false, "Early May bank holiday inside term 5"],
    ["2026-05-05", true, "the day after it"],
    ["2026-05-25", false, "Spring bank holiday (half term)"],
    ["2026-07-21", true, "last day of term 6"],
    ["2026-07-22", false, "summer holiday"],
    ["2026-08-31", false, "summer bank holiday"],
    ["2026-09-01", true, "first day of 2026-27"],
  ])("%s is a school day: %s (%s)", (date, expected) => {
    expect(isSchoolDay(date, cal)).toBe(expected);
  });

  it("gives the 195 school days a year the research notes count (bank holidays in term excluded)", () => {
    const count = (terms: typeof TERMS_2025_26) => terms.map((t) => schoolDaysOfTerm(t, cal).length);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // Term 5 2025-26 has 25 weekdays less Mon 4 May; term 5 2026-27 has 35 less Mon 3 May.
    expect(count(TERMS_2025_26)).toEqual([35, 40, 30, 29, 24, 37]);
    expect(count(TERMS_2026_27)).toEqual([39, 35, 30, 24, 34, 33]);
    expect(sum(count(TERMS_2025_26))).toBe(195);
    expect(sum(count(TERMS_2026_27))).toBe(195);
  });

  it.each<[string, string | undefined, string]>([
    ["2025-11-10", "2025-11-07", "skips a weekend"],
    ["2025-10-27", "2025-10-17", "skips October half term"],
    ["2026-01-05", "2025-12-19", "skips the Christmas holiday"],
    ["2026-04-20", "2026-04-02", "skips Easter (Good Friday and Easter Monday)"],
    ["2026-05-05", "2026-05-01", "skips the May bank holiday"],
    ["2026-09-01", "2026-07-21", "skips the summer (and its bank holiday)"],
    ["2025-09-01", undefined, "nothing before the calendar starts"],
  ])("the school day before %s is %s (%s)", (date, expected) => {
    expect(previousSchoolDayBefore(date, cal)).toBe(expected);
  });

  it.each<[string, string | undefined, string]>([
    ["2026-05-01", "2026-05-05", "skips a weekend and the May bank holiday"],
    ["2025-12-19", "2026-01-05", "skips the Christmas holiday"],
    ["2027-03-25", "2027-04-12", "skips Easter 2027"],
    ["2027-07-21", undefined, "nothing after the calendar ends"],
  ])("the school day after %s is %s (%s)", (date, expected) => {
    expect(nextSchoolDayAfter(date, cal)).toBe(expected);
  });

  it("previous/next school day: is a school day, on the right side, with none in between (property)", () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays("2025-09-01", n));
    fc.assert(
      fc.property(day, (d) => {
        const before = previousSchoolDayBefore(d, cal);
        const after = nextSchoolDayAfter(d, cal);
        for (const found of [before, after]) {
          if (found) expect(isSchoolDay(found, cal)).toBe(true);
        }
        if (before) {
          expect(before < d).toBe(true);
          for (let x = addDays(before, 1); x < d; x = addDays(x, 1)) expect(isSchoolDay(x, cal)).toBe(false);
        }
        if (after) {
          expect(after > d).toBe(true);
          for (let x = addDays(d, 1); x < after; x = addDays(x, 1)) expect(isSchoolDay(x, cal)).toBe(false);
        }
      }),
    );
  });
});

describe("terms and academic years", () => {
  it("term 6 is followed by the next academic year's term 1; the last term has no successor", () => {
    expect(nextTerm(term("2025-26", 2), cal)).toEqual(term("2025-26", 3));
    expect(nextTerm(term("2025-26", 6), cal)).toEqual(term("2026-27", 1));
    expect(nextTerm(term("2026-27", 6), cal)).toBeUndefined();
  });

  it.each([
    ["2025-26", "2026-27"],
    ["2099-00", "2100-01"],
  ])("next academic year after %s is %s", (year, next) => {
    expect(nextAcademicYear(year)).toBe(next);
  });

  it.each([
    ["2025-09-01", "2025-26"],
    ["2026-08-31", "2025-26"],
    ["2026-09-01", "2026-27"],
  ])("%s falls in academic year %s", (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it("rejects a malformed academic year", () => {
    expect(() => nextAcademicYear("2025-27")).toThrow(/academic year/);
  });

  it("counts bank holidays out of the n-th school day of a term", () => {
    // Term 5 2025-26: Mon 4 May is the 11th weekday, so the 11th school day is Tue 5 May.
    expect(nthSchoolDayOfTerm(term("2025-26", 5), 10, cal)).toBe("2026-05-01");
    expect(nthSchoolDayOfTerm(term("2025-26", 5), 11, cal)).toBe("2026-05-05");
    expect(nthSchoolDayOfTerm(term("2025-26", 5), 24, cal)).toBe("2026-05-22");
    expect(nthSchoolDayOfTerm(term("2025-26", 5), 25, cal)).toBeUndefined();
  });
});

describe("return due dates", () => {
  it.each([
    // term → 10th school day of the following term, 17:00 UK time
    ["2025-26", 1, "2025-11-07T17:00:00Z", "Fri 7 Nov 2025, GMT"],
    ["2025-26", 2, "2026-01-16T17:00:00Z", "Fri 16 Jan 2026"],
    ["2025-26", 3, "2026-03-06T17:00:00Z", "Fri 6 Mar 2026"],
    ["2025-26", 4, "2026-05-01T16:00:00Z", "Fri 1 May 2026, BST (4 May bank holiday comes after)"],
    ["2025-26", 5, "2026-06-12T16:00:00Z", "Fri 12 Jun 2026"],
    ["2025-26", 6, "2026-09-14T16:00:00Z", "term 1 2026-27 starts on a Tuesday: Mon 14 Sep 2026"],
    ["2026-27", 1, "2026-11-13T17:00:00Z", "Fri 13 Nov 2026"],
    ["2026-27", 2, "2027-01-15T17:00:00Z", "Fri 15 Jan 2027"],
    ["2026-27", 3, "2027-03-05T17:00:00Z", "Fri 5 Mar 2027"],
    ["2026-27", 4, "2027-04-23T16:00:00Z", "Fri 23 Apr 2027"],
    ["2026-27", 5, "2027-06-18T16:00:00Z", "Fri 18 Jun 2027"],
  ])("%s term %i is due %s (%s)", (year, n, expected) => {
    expect(resolveReturnDue(term(year, n), cal)).toEqual({ ok: true, dueAt: expected, source: "default" });
  });

  it("skips a bank holiday in the first two weeks of the following term", () => {
    // Term 5 starting Mon 27 Apr 2026: weekdays 27 Apr–1 May, [Mon 4 May bank holiday], 5–8 May, 11 May.
    const moved = withTerms({ academicYear: "2025-26", term: 5, start: "2026-04-27", end: "2026-05-22" });
    expect(returnDueAt(term("2025-26", 4), moved)).toBe("2026-05-11T16:00:00Z");
    // Term 1 2026-27 starting on the summer bank holiday (Mon 31 Aug): still Mon 14 Sep, not Fri 11 Sep.
    const early = withTerms({ academicYear: "2026-27", term: 1, start: "2026-08-31", end: "2026-10-23" });
    expect(returnDueAt(term("2025-26", 6), early)).toBe("2026-09-14T16:00:00Z");
  });

  it("cannot work out term 6's default until next year's terms are in the calendar", () => {
    expect(resolveReturnDue(term("2026-27", 6), cal)).toEqual({ ok: false, reason: "next-term-missing" });
    const short = withTerms({ academicYear: "2025-26", term: 2, start: "2025-10-27", end: "2025-10-31" });
    expect(resolveReturnDue(term("2025-26", 1), short)).toEqual({ ok: false, reason: "next-term-too-short" });
  });

  it.each([
    ["2027-01-20T12:00:00Z", "2027-01-20T12:00:00Z", "an instant, as given"],
    ["2027-01-20T12:00:00+00:00", "2027-01-20T12:00:00Z", "an offset instant, normalised to UTC"],
    ["2026-06-30", "2026-06-30T16:00:00Z", "a bare date means 17:00 UK time (BST here)"],
    ["2027-01-20", "2027-01-20T17:00:00Z", "a bare date means 17:00 UK time (GMT here)"],
  ])("a commissioner's override %s → %s (%s)", (override, expected) => {
    const t = { ...term("2026-27", 2), returnDueAt: override };
    expect(resolveReturnDue(t, cal)).toEqual({ ok: true, dueAt: expected, source: "override" });
  });
});

describe("UK wall-clock times", () => {
  it.each([
    ["2025-10-25", 9, "2025-10-25T08:00:00Z", "Saturday before the October change: BST"],
    ["2025-10-26", 9, "2025-10-26T09:00:00Z", "the Sunday of the change: GMT from 02:00 BST"],
    ["2026-03-28", 9, "2026-03-28T09:00:00Z", "Saturday before the March change: GMT"],
    ["2026-03-29", 9, "2026-03-29T08:00:00Z", "the Sunday of the change: BST from 01:00 GMT"],
    ["2026-03-29", 1, "2026-03-29T01:00:00Z", "01:00 does not exist that day; luxon moves it on an hour"],
    ["2026-10-25", 17, "2026-10-25T17:00:00Z", "17:00 GMT"],
  ])("%s %i:00 UK → %s (%s)", (date, hour, expected) => {
    expect(atUkTime(date, hour)).toBe(expected);
  });
});

describe("default monitoring meetings", () => {
  it("proposes the second Tuesday of February, May and September at 10:00 UK", () => {
    const meetings = defaultMonitoringMeetings({
      academicYear: "2025-26",
      districtSlugs: ["dover"],
      packUrls: { dover: "https://example.test/packs/dover" },
    });
    expect(meetings).toEqual([
      { districtSlug: "dover", academicYear: "2025-26", covers: [1, 2], at: "2026-02-10T10:00:00Z", packUrl: "https://example.test/packs/dover" },
      { districtSlug: "dover", academicYear: "2025-26", covers: [3, 4], at: "2026-05-12T09:00:00Z", packUrl: "https://example.test/packs/dover" },
      { districtSlug: "dover", academicYear: "2025-26", covers: [5, 6], at: "2026-09-08T09:00:00Z", packUrl: "https://example.test/packs/dover" },
    ]);
  });

  it("moves a proposal off a bank holiday", () => {
    const meetings = defaultMonitoringMeetings({
      academicYear: "2025-26",
      districtSlugs: ["dover", "thanet"],
      week: 1,
      weekday: 1, // first Monday
      bankHolidays: calendar().bankHolidays,
    });
    expect(meetings.map((m) => m.at)).toEqual([
      "2026-02-02T10:00:00Z",
      "2026-02-02T10:00:00Z",
      "2026-05-05T09:00:00Z", // Mon 4 May 2026 is a bank holiday
      "2026-05-05T09:00:00Z",
      "2026-09-07T09:00:00Z",
      "2026-09-07T09:00:00Z",
    ]);
    expect(meetings.every((m) => m.packUrl === undefined)).toBe(true);
  });
});

describe("checking a calendar", () => {
  it("finds nothing wrong with the published dates", () => {
    expect(checkCalendar(cal)).toEqual([]);
  });

  it("reports bad dates, backwards terms, overlaps and duplicates", () => {
    const bad = calendar({
      terms: [
        { academicYear: "2025-26", term: 1, start: "2025-09-01", end: "2025-10-17" },
        { academicYear: "2025-26", term: 1, start: "2025-10-10", end: "2025-10-20" },
        { academicYear: "2025-26", term: 2, start: "2025-12-19", end: "2025-10-27" },
        { academicYear: "2025-26", term: 3, start: "2026-02-30", end: "2026-03-01", returnDueAt: "soon" },
      ],
    });
    const messages = checkCalendar(bad).map((p) => `${p.where}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2025-26 term 1: appears more than once/),
        expect.stringMatching(/^2025-26 term 1: overlaps 2025-26 term 1/),
        expect.stringMatching(/^2025-26 term 2: ends \(2025-10-27\) before it starts/),
        expect.stringMatching(/^2025-26 term 3: '2026-02-30' is not an ISO calendar date/),
      ]),
    );
  });
});

describe("districtCalendar", () => {
  const county = calendar();
  const withInset = { ...county, districtDays: [{ districtSlug: "dover", date: "2025-11-03" }] };

  it("makes a district's INSET day no school day for that district only", () => {
    expect(isSchoolDay("2025-11-03", withInset)).toBe(true);
    expect(isSchoolDay("2025-11-03", districtCalendar(withInset, "thanet"))).toBe(true);
    expect(isSchoolDay("2025-11-03", districtCalendar(withInset, "dover"))).toBe(false);
  });

  it("is the county calendar itself for a district without such days", () => {
    expect(districtCalendar(withInset, "thanet")).toBe(withInset);
    expect(districtCalendar(county, "dover")).toBe(county);
  });

  it("moves the default return due date past the INSET day", () => {
    const t1 = withInset.terms.find((t) => t.academicYear === "2025-26" && t.term === 1)!;
    expect(returnDueAt(t1, withInset)).toBe("2025-11-07T17:00:00Z");
    expect(returnDueAt(t1, districtCalendar(withInset, "dover"))).toBe("2025-11-10T17:00:00Z");
  });
});
