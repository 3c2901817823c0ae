import { describe, expect, it } from "vitest";
import { expectedIn, expectedInTerm, notExpectedReason, termSpan } from "../../../src/domain/structure/lifetime";

// Term 3 of 2025-26 in the service's calendar runs from 5 January to 13 February 2026.
const term = { start: "2026-01-05", end: "2026-02-13" };
const calendar = [{ academicYear: "2025-26", term: 3 as const, ...term }];

describe("expectedIn: a district is expected in a term it was open for some of", () => {
  it("expects a district with neither date in every term", () => {
    expect(expectedIn({}, term)).toBe(true);
  });

  it("expects a district that starts on the term's first or last day, not one that starts the day after", () => {
    expect(expectedIn({ startsOn: "2026-01-05" }, term)).toBe(true);
    expect(expectedIn({ startsOn: "2026-02-13" }, term)).toBe(true);
    expect(expectedIn({ startsOn: "2026-02-14" }, term)).toBe(false);
    expect(expectedIn({ startsOn: "2025-09-01" }, term)).toBe(true);
  });

  it("expects a district retired mid-term or on its last day, not one retired on or before its first day", () => {
    expect(expectedIn({ retiredOn: "2026-01-20" }, term)).toBe(true);
    expect(expectedIn({ retiredOn: "2026-02-13" }, term)).toBe(true);
    expect(expectedIn({ retiredOn: "2026-01-06" }, term)).toBe(true);
    expect(expectedIn({ retiredOn: "2026-01-05" }, term)).toBe(false);
    expect(expectedIn({ retiredOn: "2025-12-19" }, term)).toBe(false);
  });

  it("expects a district that started and retired inside the term", () => {
    expect(expectedIn({ startsOn: "2026-01-10", retiredOn: "2026-02-01" }, term)).toBe(true);
  });
});

describe("termSpan and expectedInTerm", () => {
  it("dates a term from the calendar, and a term the calendar lacks as its whole academic year", () => {
    expect(termSpan(calendar, { academicYear: "2025-26", term: 3 })).toEqual(term);
    expect(termSpan(calendar, { academicYear: "2023-24", term: 2 })).toEqual({ start: "2023-09-01", end: "2024-08-31" });
    expect(termSpan(calendar, { academicYear: "not a year", term: 2 })).toBeUndefined();
  });

  it("uses the calendar's dates, so a district starting after term 3 is not expected in it but is in term 4", () => {
    const split = { startsOn: "2026-02-23" };
    expect(expectedInTerm(split, { academicYear: "2025-26", term: 3 }, calendar)).toBe(false);
    expect(expectedInTerm(split, { academicYear: "2025-26", term: 4 }, calendar)).toBe(true); // undated: the whole year
    expect(expectedInTerm(split, { academicYear: "2024-25", term: 6 }, calendar)).toBe(false);
  });

  it("says why a district is not expected, and nothing when it is", () => {
    expect(notExpectedReason({ name: "Deal", startsOn: "2026-02-23" }, { academicYear: "2025-26", term: 3 }, calendar)).toMatch(/Deal starts on Monday 23 February 2026/);
    expect(notExpectedReason({ name: "Dover", retiredOn: "2026-01-05" }, { academicYear: "2025-26", term: 3 }, calendar)).toMatch(/Dover is retired from Monday 5 January 2026/);
    expect(notExpectedReason({ name: "Dover", retiredOn: "2026-01-06" }, { academicYear: "2025-26", term: 3 }, calendar)).toBeUndefined();
  });
});
