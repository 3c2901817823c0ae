/** The periods the KPI return and summary tabs offer, and the figures' formatting. */
import { describe, expect, it } from "vitest";
import { academicYearOptions, defaultPeriod, periodLabel, termLabel, yearsUpTo } from "../../../tabs/kpi/periods";
import { formatNumber, formatPercent } from "../../../tabs/kpi/format";

const terms = [
  { academicYear: "2026-27", term: 1, start: "2026-09-01", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
  { academicYear: "2026-27", term: 3, start: "2027-01-04", end: "2027-02-12" },
];

describe("KPI periods", () => {
  it("offers next year, this year and every year back to 2022-23, newest first", () => {
    expect(academicYearOptions("2026-12-03")).toEqual(["2027-28", "2026-27", "2025-26", "2024-25", "2023-24", "2022-23"]);
    expect(academicYearOptions("2026-08-31")[0]).toBe("2026-27");
  });

  it("opens on this year's latest term that has started", () => {
    expect(defaultPeriod("2026-12-03", terms)).toEqual({ year: "2026-27", term: 2 });
    expect(defaultPeriod("2026-10-30", terms)).toEqual({ year: "2026-27", term: 1 });
    // Before any term date is known for the year: term 1.
    expect(defaultPeriod("2027-09-10", terms)).toEqual({ year: "2027-28", term: 1 });
  });

  it("lists the years up to one, oldest first", () => {
    expect(yearsUpTo("2025-26", 3)).toEqual(["2023-24", "2024-25", "2025-26"]);
  });

  it("says terms and periods in words", () => {
    expect(termLabel(4)).toBe("Term 4");
    expect(periodLabel("T3")).toBe("Term 3");
    expect(periodLabel("year")).toBe("Whole year");
  });

  it("formats figures for display only, blank when there is none", () => {
    expect(formatPercent(74.2857)).toBe("74.3%");
    expect(formatPercent(null)).toBe("");
    expect(formatNumber(1234.567)).toBe("1,234.57");
    expect(formatNumber(Number.NaN)).toBe("");
  });
});
