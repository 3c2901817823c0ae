/** A CSV export never hands a spreadsheet a formula: text cells starting = + - @ (or tab, CR) are neutralised. */
import { describe, expect, it } from "vitest";
import { csvField, summaryToCsv } from "../../../src/domain/kpi/csv";
import type { SummaryRow } from "../../../src/domain/kpi/aggregate";

describe("CSV formula injection", () => {
  it("prefixes a quote to text that a spreadsheet would run; numbers, negative ones too, stay numbers", () => {
    for (const bad of ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      const cell = csvField(bad);
      expect(cell.replace(/^"/, ""), bad).toMatch(/^'/);
    }
    expect(csvField("-5")).toBe("-5");
    expect(csvField("12.5")).toBe("12.5");
    expect(csvField("Dover")).toBe("Dover");
  });

  it("applies to every text column of the summary export", () => {
    const row = { key: "k", level: "district", name: "=cmd|' /C calc'!A0", academicYear: "2025-26", period: "T1", measure: "m", value: 1, numerator: null, denominator: null, percent: null, rag: "", districtsReporting: 1 } as unknown as SummaryRow;
    const line = summaryToCsv([row]).split("\r\n")[1] as string;
    expect(line.split(",")[1]).toMatch(/^"?'=/);
  });
});
