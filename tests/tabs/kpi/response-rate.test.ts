/** The return form's questionnaire figures: "too few answers to rate", the response rate in words, and "asked" never missing. */
import { describe, expect, it } from "vitest";
import { measureById, measuresFor } from "../../../src/domain/kpi/catalogue";
import { computePercent, missingMeasures } from "../../../tabs/kpi/return/form-state";
import { RAG_LABELS, responseRateText } from "../../../tabs/kpi/format";

const kpi13 = measureById("kpi_1_3")!;

describe("a questionnaire figure on the return form", () => {
  it("4 answers: the percentage is worked out but not rated; 5 answers: rated", () => {
    const four = computePercent(kpi13, { kpi_1_3_num: 4, kpi_1_3_den: 4, kpi_1_3_asked: 20 }, {});
    expect(four).toMatchObject({ percent: 100, rag: "too_few", asked: 20 });
    expect(RAG_LABELS[four.rag]).toBe("Too few answers to rate");
    expect(computePercent(kpi13, { kpi_1_3_num: 4, kpi_1_3_den: 5, kpi_1_3_asked: 20 }, {}).rag).toBe("green");
    expect(computePercent(kpi13, { kpi_1_3_num: 3, kpi_1_3_den: 5 }, {}).rag).toBe("red");
  });

  it("an 'asked' in error or blank is unknown, not 0", () => {
    expect(computePercent(kpi13, { kpi_1_3_num: 4, kpi_1_3_den: 5, kpi_1_3_asked: null }, {}).asked).toBeNull();
    expect(computePercent(kpi13, { kpi_1_3_num: 4, kpi_1_3_den: 5, kpi_1_3_asked: -3 }, { kpi_1_3_asked: "Enter 0 or more" }).asked).toBeNull();
    expect(computePercent(measureById("kpi_2_1")!, { kpi_2_1_num: 4, kpi_2_1_den: 5 }, {})).not.toHaveProperty("asked");
  });

  it("a blank 'asked' never makes the return incomplete", () => {
    const measures = measuresFor("2025-26");
    const values = Object.fromEntries(measures.filter((m) => m.kind === "count").map((m) => [m.id, m.optional ? null : 1]));
    expect(missingMeasures(measures, values)).toEqual([]);
    expect(missingMeasures(measures, { ...values, kpi_1_3_den: null }).map((m) => m.id)).toEqual(["kpi_1_3_den"]);
  });
});

describe("the response rate in words", () => {
  it("answered X of Y asked (Z%)", () => {
    expect(responseRateText(12, 40)).toBe("answered 12 of 40 asked (30%)");
    expect(responseRateText(2, 3)).toBe("answered 2 of 3 asked (66.7%)");
  });

  it("says so when how many were asked is not known, instead of inventing a figure", () => {
    expect(responseRateText(12, null)).toBe("answered 12; how many were asked is not recorded");
    expect(responseRateText(12, undefined)).not.toMatch(/%/);
    expect(responseRateText(null, 40)).toBe("");
  });
});
