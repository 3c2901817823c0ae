/** The academic year of a date: 1 September to 31 August, in UK dates. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  academicYearFirstYear,
  academicYearOf,
  academicYearStarting,
  firstDayOfAcademicYear,
  lastDayOfAcademicYear,
  nextAcademicYear,
} from "../../../src/domain/time/academic-year";
import { addDays } from "../../../src/domain/time/calendar";
import { ukDateOf } from "../../../src/domain/time/uk-clock";

const dates = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("academicYearOf", () => {
  it.each([
    ["2025-08-31", "2024-25"],
    ["2025-09-01", "2025-26"],
    ["2026-08-31", "2025-26"],
    ["2026-09-01", "2026-27"],
    ["2024-02-29", "2023-24"],
    ["1999-12-31", "1999-00"],
    ["2000-01-01", "1999-00"],
  ])("%s is in %s", (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it("takes an instant's UK date: 23:00Z on 31 August is already 1 September in summer time", () => {
    expect(academicYearOf(ukDateOf("2026-08-31T22:59:59Z"))).toBe("2025-26");
    expect(academicYearOf(ukDateOf("2026-08-31T23:00:00Z"))).toBe("2026-27");
  });

  it("a date lies between the first and last day of its academic year, and the day after the last is in the next (property)", () => {
    fc.assert(
      fc.property(dates, (date) => {
        const year = academicYearOf(date);
        const first = firstDayOfAcademicYear(year);
        const last = lastDayOfAcademicYear(year);
        return first <= date && date <= last && academicYearOf(first) === year && academicYearOf(addDays(last, 1)) === nextAcademicYear(year);
      }),
    );
  });

  it("rejects what is not a real date", () => {
    expect(() => academicYearOf("2025-02-30")).toThrow(RangeError);
    expect(() => academicYearOf("1 September 2025")).toThrow(RangeError);
  });
});

describe("academic year names", () => {
  it("round-trips the first year and checks the second follows it", () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9998 }), (y) => academicYearFirstYear(academicYearStarting(y)) === y));
    expect(academicYearFirstYear("2025-27")).toBeUndefined();
    expect(academicYearFirstYear("2025/26")).toBeUndefined();
    expect(() => nextAcademicYear("2025-27")).toThrow(/academic year/);
  });
});
