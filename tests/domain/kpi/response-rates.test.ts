/**
 * Questionnaire-based KPIs: "too few answers to rate" below the minimum of answers, the count of
 * questionnaires sent (`kpi_x_y_asked`) next to the numerator and denominator, and how both roll up.
 */
import { describe, expect, it } from "vitest";
import { measureById, measuresFor, QUESTIONNAIRE_SOURCES } from "../../../src/domain/kpi/catalogue";
import { ragFor, responseRateOf, tooFewAnswers } from "../../../src/domain/kpi/rag";
import { aggregateKpis } from "../../../src/domain/kpi/aggregate";
import { summaryToCsv } from "../../../src/domain/kpi/csv";
import { validateReturnValues } from "../../../src/domain/kpi/return-validation";
import { MIN_ANSWERS_TO_RATE } from "../../../src/domain/questionnaires/kpi-questions";
import { DISTRICTS, ret, row, terms } from "./fixtures";

const Y = "2023-24";
const QUESTIONNAIRE_KPIS = ["kpi_1_3", "kpi_2_2", "kpi_2_3", "kpi_3_1", "kpi_3_2", "kpi_4_2"];

describe("the catalogue's questionnaire KPIs", () => {
  it("each has an optional 'asked' count collected in the same years as the KPI, and a minimum of answers", () => {
    for (const id of QUESTIONNAIRE_KPIS) {
      const kpi = measureById(id)!;
      const asked = measureById(`${id}_asked`);
      expect(QUESTIONNAIRE_SOURCES).toContain(kpi.source);
      expect(kpi.askedId).toBe(`${id}_asked`);
      expect(kpi.minAnswers).toBe(MIN_ANSWERS_TO_RATE);
      expect(asked, id).toMatchObject({ kind: "count", kpi: kpi.kpi, source: kpi.source, group: "kpi", optional: true });
      expect(asked!.appliesFrom).toBe(kpi.appliesFrom);
      expect(asked!.appliesTo).toBe(kpi.appliesTo);
    }
    // KPI 2.2 ended after 2022-23, and its "asked" with it.
    expect(measuresFor("2023-24").map((m) => m.id)).not.toContain("kpi_2_2_asked");
    expect(measuresFor("2022-23").map((m) => m.id)).toContain("kpi_2_2_asked");
  });

  it("pupil targets (KPI 2.1) are not a questionnaire: no 'asked' and no minimum", () => {
    expect(measureById("kpi_2_1")!.askedId).toBeUndefined();
    expect(measureById("kpi_2_1")!.minAnswers).toBeUndefined();
    expect(measureById("kpi_2_1_asked")).toBeUndefined();
    expect(ragFor(measureById("kpi_2_1")!, 4, 4)).toBe("green");
  });

  it("an old return without 'asked' stays valid, and a typed 'asked' is checked like any count", () => {
    expect(validateReturnValues({ kpi_1_3_num: 8, kpi_1_3_den: 10 }, Y, { mode: "submit" }).ok).toBe(true);
    expect(validateReturnValues({ kpi_1_3_num: 8, kpi_1_3_den: 10, kpi_1_3_asked: 30 }, Y, { mode: "submit" }).ok).toBe(true);
    expect(validateReturnValues({ kpi_1_3_asked: -1 }, Y).errors.kpi_1_3_asked).toBeDefined();
    expect(validateReturnValues({ kpi_1_3_asked: 2.5 }, Y).errors.kpi_1_3_asked).toBeDefined();
  });
});

describe("too few answers to rate", () => {
  const kpi13 = measureById("kpi_1_3")!;

  it("4 answers are too few to rate, 5 are rated, whatever the percentage", () => {
    expect(MIN_ANSWERS_TO_RATE).toBe(5);
    expect(ragFor(kpi13, 4, 4)).toBe("too_few");
    expect(ragFor(kpi13, 0, 4)).toBe("too_few");
    expect(ragFor(kpi13, 5, 5)).toBe("green");
    expect(ragFor(kpi13, 0, 5)).toBe("red");
    expect(ragFor(kpi13, 1, 1)).toBe("too_few");
  });

  it("no answers at all is 'too few'; a missing figure or an unrated KPI is still no rating", () => {
    expect(ragFor(kpi13, 0, 0)).toBe("too_few");
    expect(ragFor(kpi13, null, 3)).toBe("na");
    expect(ragFor(kpi13, 2, undefined)).toBe("na");
    // KPI 3.2 is reported without a rating, however many answered.
    expect(ragFor(measureById("kpi_3_2")!, 2, 3)).toBe("na");
  });

  it("the minimum is data on the measure", () => {
    expect(tooFewAnswers({ minAnswers: 10 }, 9, 9)).toBe(true);
    expect(tooFewAnswers({ minAnswers: 10 }, 9, 10)).toBe(false);
    expect(tooFewAnswers({}, 0, 1)).toBe(false);
    expect(ragFor({ ...kpi13, minAnswers: 10 }, 8, 9)).toBe("too_few");
  });

  it("response rate: answers out of those asked, unknown when none were asked or it was not said", () => {
    expect(responseRateOf(12, 40)).toBe(30);
    expect(responseRateOf(12, null)).toBeNull();
    expect(responseRateOf(0, 0)).toBeNull();
  });
});

describe("aggregation of questionnaire KPIs", () => {
  // Two districts in East with 3 and 4 answers (too few each), 7 together; South reports 2 and 20.
  const returns = [
    ret("canterbury", Y, 1, { kpi_1_3_num: 3, kpi_1_3_den: 3, kpi_1_3_asked: 10 }),
    ret("thanet", Y, 1, { kpi_1_3_num: 3, kpi_1_3_den: 4, kpi_1_3_asked: 12 }),
    ret("dover", Y, 1, { kpi_1_3_num: 1, kpi_1_3_den: 2 }),
    ret("ashford", Y, 1, { kpi_1_3_num: 16, kpi_1_3_den: 20, kpi_1_3_asked: 50 }),
    ret("canterbury", Y, 2, { kpi_1_3_num: 5, kpi_1_3_den: 5, kpi_1_3_asked: 9 }),
    ret("thanet", Y, 2, { kpi_1_3_num: 5, kpi_1_3_den: 6, kpi_1_3_asked: 6 }),
  ];
  const { rows } = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2), returns });
  const r = (level: string, id: string, period: string, measure = "kpi_1_3") => row(rows, level, id, Y, period, measure);

  it("a district under the minimum is 'too few'; its area is rated on the area's answers together", () => {
    expect(r("district", "canterbury", "T1").rag).toBe("too_few");
    expect(r("district", "thanet", "T1").rag).toBe("too_few");
    // East: 6 of 7 = 85.7%, rated on the 7 answers.
    expect(r("area", "East", "T1")).toMatchObject({ numerator: 6, denominator: 7, rag: "green", asked: 22 });
    // County: 23 of 29 = 79.3%.
    expect(r("county", "county", "T1")).toMatchObject({ numerator: 23, denominator: 29, rag: "green" });
  });

  it("asked adds up over the districts in the figure; unknown if any of them did not say", () => {
    expect(r("district", "ashford", "T1").asked).toBe(50);
    expect(r("district", "dover", "T1").asked).toBeNull();
    expect(r("area", "South", "T1").asked).toBeNull();
    expect(r("county", "county", "T1").asked).toBeNull();
    // The asked count is also its own summed measure, like the numerator and denominator.
    expect(r("county", "county", "T1", "kpi_1_3_asked")).toMatchObject({ value: 72, districtsReporting: 3, rag: "na" });
    expect(r("county", "county", "T1", "kpi_2_1").asked).toBeNull();
  });

  it("a district's year is rated and its response rate given on the year's answers", () => {
    // Canterbury: 3 + 5 = 8 answers (rated), asked 10 + 9.
    expect(r("district", "canterbury", "year")).toMatchObject({ numerator: 8, denominator: 8, rag: "green", asked: 19 });
    // Dover: 2 answers in the year, too few.
    expect(r("district", "dover", "year").rag).toBe("too_few");
  });

  it("a year mixing a term without 'asked' and one with it has no asked figure (never an inflated rate)", () => {
    const mixed = aggregateKpis({
      districts: DISTRICTS,
      terms: terms(Y, 1, 2),
      returns: [ret("dover", Y, 1, { kpi_1_3_num: 4, kpi_1_3_den: 6 }), ret("dover", Y, 2, { kpi_1_3_num: 4, kpi_1_3_den: 6, kpi_1_3_asked: 8 })],
    }).rows;
    expect(row(mixed, "district", "dover", Y, "T2", "kpi_1_3").asked).toBe(8);
    expect(row(mixed, "district", "dover", Y, "year", "kpi_1_3")).toMatchObject({ denominator: 12, asked: null });
  });

  it("the CSV's rag column says too_few", () => {
    const lines = summaryToCsv(rows).split("\r\n");
    expect(lines).toContain("district,Canterbury,2023-24,T1,kpi_1_3,100,3,3,100,too_few,1");
    expect(lines).toContain("area,East,2023-24,T1,kpi_1_3,85.71,6,7,85.71,green,2");
  });
});
