import { describe, expect, it } from "vitest";
import { aggregateKpis, type SummaryRow } from "../../../src/domain/kpi/aggregate";
import { csvField, formatCsvNumber, summaryToCsv } from "../../../src/domain/kpi/csv";
import { DISTRICTS, ret, terms } from "./fixtures";

const Y = "2023-24";
const HEADER = "level,name,academic_year,period,measure,value,numerator,denominator,percent,rag,districts_reporting";

describe("summaryToCsv", () => {
  const { rows } = aggregateKpis({
    districts: DISTRICTS,
    terms: terms(Y, 1),
    returns: [
      ret("canterbury", Y, 1, { referrals_primary: 10, kpi_2_1_num: 3000, kpi_2_1_den: 5000 }),
      ret("thanet", Y, 1, { referrals_primary: 20, kpi_2_1_num: 3999, kpi_2_1_den: 5000 }),
      ret("ashford", Y, 1, { referrals_primary: 5, kpi_2_1_num: 149991, kpi_2_1_den: 200000, fte_ci: 2.5 }),
    ],
  });
  const csv = summaryToCsv(rows);
  const lines = csv.split("\r\n");

  it("has exactly the agreed header, CRLF line ends and one line per row", () => {
    expect(lines[0]).toBe(HEADER);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines.length).toBe(rows.length + 2);
    expect(summaryToCsv([])).toBe(`${HEADER}\r\n`);
  });

  it("counts, missing values (blank, never 0) and percentages (2 decimals, RAG on the unrounded value)", () => {
    expect(lines).toContain("county,Kent,2023-24,T1,referrals_primary,35,,,,na,3");
    expect(lines).toContain("district,Dover,2023-24,T1,referrals_primary,,,,,na,0");
    expect(lines).toContain("area,East,2023-24,T1,kpi_2_1,69.99,6999,10000,69.99,red,2");
    // 74.9955% shows as 75 but is rated amber.
    expect(lines).toContain("district,Ashford,2023-24,T1,kpi_2_1,75,149991,200000,75,amber,1");
    expect(lines).toContain("district,Ashford,2023-24,T1,fte_ci,2.5,,,,na,1");
  });

  it("quotes fields as RFC 4180 says", () => {
    const row: SummaryRow = {
      key: "x",
      level: "district",
      name: 'Folkestone, "and" Hythe',
      academicYear: Y,
      period: "year",
      measure: "referrals_ey",
      value: 0,
      numerator: null,
      denominator: null,
      percent: null,
      rag: "na",
      asked: null,
      districtsReporting: 1,
      districtsExpected: 1,
      missing: [],
      partial: [],
    };
    expect(summaryToCsv([row]).split("\r\n")[1]).toBe('district,"Folkestone, ""and"" Hythe",2023-24,year,referrals_ey,0,,,,na,1');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField("plain")).toBe("plain");
  });

  it("formats numbers with at most 2 decimals", () => {
    expect(formatCsvNumber(null)).toBe("");
    expect(formatCsvNumber(200 / 3)).toBe("66.67");
    expect(formatCsvNumber(100)).toBe("100");
    expect(formatCsvNumber(0)).toBe("0");
    expect(formatCsvNumber(-0.001)).toBe("0");
    expect(formatCsvNumber(Number.NaN)).toBe("");
  });
});
