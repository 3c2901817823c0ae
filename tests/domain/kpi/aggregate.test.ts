import { describe, expect, it } from "vitest";
import { aggregateKpis, diffSummaryRows, latestVersions, type DistrictRef, type ReturnVersion } from "../../../src/domain/kpi/aggregate";
import { measuresFor } from "../../../src/domain/kpi/catalogue";
import { DISTRICTS, ret, row, terms } from "./fixtures";

const Y = "2023-24";

/**
 * Hand-worked table (2023-24, terms 1–3; East = Canterbury + Thanet, South = Dover + Ashford).
 *
 * | district   | term | referrals_primary | kpi_2_1 num/den | settings supported / in district / out of district (primary) |
 * |------------|------|-------------------|-----------------|----------------------------------|
 * | Canterbury | T1   | 10                | 15/20 (75%)     | 30 / 40 / 5                      |
 * | Thanet     | T1   | 20                | 7/10 (70%)      | 36 / 45 / 0                      |
 * | Dover      | T1   | no return         |                 |                                  |
 * | Ashford    | T1   | 5                 | 3/4 (75%)       | 20 / 25 / 3                      |
 * | Canterbury | T2   | 12                | 30/40 (75%)     | 32 / 40 / 2                      |
 * | Thanet     | T2   | v1 18, v2 22      | v1 1/10, v2 8/10| 38 / 45 / 1 (v2)                 |
 * | Dover      | T2   | 8                 | 14/20 (70%)     | 25 / 30 / 10                     |
 * | Ashford    | T2   | 6                 | 0/0 (na)        | 21 / 25 / 0                      |
 * | Canterbury | T3   | 11                | 10/10           | blank                            |
 * | Thanet     | T3   | 25                | blank           | blank                            |
 * | Dover      | T3   | 13                | 6/10            | blank                            |
 * | Ashford    | T3   | 7                 | 9/12            | blank                            |
 */
const s = (supported: number, total: number, outside: number) => ({
  settings_supported_primary: supported,
  settings_in_district_primary: total,
  settings_supported_out_of_district: outside,
});
const RETURNS: ReturnVersion[] = [
  ret("canterbury", Y, 1, { referrals_primary: 10, kpi_2_1_num: 15, kpi_2_1_den: 20, ...s(30, 40, 5) }),
  ret("thanet", Y, 1, { referrals_primary: 20, kpi_2_1_num: 7, kpi_2_1_den: 10, ...s(36, 45, 0) }),
  ret("ashford", Y, 1, { referrals_primary: 5, kpi_2_1_num: 3, kpi_2_1_den: 4, ...s(20, 25, 3) }),
  ret("canterbury", Y, 2, { referrals_primary: 12, kpi_2_1_num: 30, kpi_2_1_den: 40, ...s(32, 40, 2) }),
  ret("thanet", Y, 2, { referrals_primary: 18, kpi_2_1_num: 1, kpi_2_1_den: 10 }, 1),
  ret("thanet", Y, 2, { referrals_primary: 22, kpi_2_1_num: 8, kpi_2_1_den: 10, ...s(38, 45, 1) }, 2),
  ret("dover", Y, 2, { referrals_primary: 8, kpi_2_1_num: 14, kpi_2_1_den: 20, ...s(25, 30, 10) }),
  ret("ashford", Y, 2, { referrals_primary: 6, kpi_2_1_num: 0, kpi_2_1_den: 0, ...s(21, 25, 0) }),
  ret("canterbury", Y, 3, { referrals_primary: 11, kpi_2_1_num: 10, kpi_2_1_den: 10 }),
  ret("thanet", Y, 3, { referrals_primary: 25, kpi_2_1_num: null, kpi_2_1_den: null }),
  ret("dover", Y, 3, { referrals_primary: 13, kpi_2_1_num: 6, kpi_2_1_den: 10 }),
  ret("ashford", Y, 3, { referrals_primary: 7, kpi_2_1_num: 9, kpi_2_1_den: 12 }),
];

const summary = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2, 3), returns: RETURNS });
const r = (level: string, id: string, period: string, measure: string) => row(summary.rows, level, id, Y, period, measure);

describe("aggregation: counts", () => {
  it.each([
    ["T1", 30, 5, 35],
    ["T2", 34, 14, 48],
    ["T3", 36, 20, 56],
    ["year", 100, 39, 139],
  ])("referrals_primary %s: East %i, South %i, county %i", (period, east, south, county) => {
    expect(r("area", "East", period, "referrals_primary").value).toBe(east);
    expect(r("area", "South", period, "referrals_primary").value).toBe(south);
    expect(r("county", "county", period, "referrals_primary").value).toBe(county);
  });

  it("a district missing from T1 is missing, not 0", () => {
    expect(r("district", "dover", "T1", "referrals_primary")).toMatchObject({
      name: "Dover",
      value: null,
      districtsReporting: 0,
      districtsExpected: 1,
      missing: ["dover"],
    });
    expect(r("area", "South", "T1", "referrals_primary")).toMatchObject({ value: 5, districtsReporting: 1, districtsExpected: 2, missing: ["dover"] });
    expect(r("county", "county", "T1", "referrals_primary")).toMatchObject({ name: "Kent", value: 35, districtsReporting: 3, districtsExpected: 4, missing: ["dover"] });
    expect(summary.completeness).toEqual([
      { academicYear: Y, term: 1, missingDistricts: ["dover"], submittedDistricts: ["canterbury", "thanet", "ashford"], notExpectedDistricts: [] },
      { academicYear: Y, term: 2, missingDistricts: [], submittedDistricts: ["canterbury", "thanet", "dover", "ashford"], notExpectedDistricts: [] },
      { academicYear: Y, term: 3, missingDistricts: [], submittedDistricts: ["canterbury", "thanet", "dover", "ashford"], notExpectedDistricts: [] },
    ]);
  });

  it("year rows sum the terms reported and flag districts that missed a term", () => {
    expect(r("district", "canterbury", "year", "referrals_primary").value).toBe(33);
    expect(r("district", "thanet", "year", "referrals_primary").value).toBe(67);
    expect(r("district", "dover", "year", "referrals_primary")).toMatchObject({ value: 21, partial: ["dover"], missing: [] });
    expect(r("county", "county", "year", "referrals_primary")).toMatchObject({ value: 139, districtsReporting: 4, missing: [], partial: ["dover"] });
    expect(r("area", "East", "year", "referrals_primary").partial).toEqual([]);
  });

  it("a measure nobody reported is missing at every level (T3 settings)", () => {
    expect(r("county", "county", "T3", "settings_supported_primary")).toMatchObject({
      value: null,
      districtsReporting: 0,
      missing: ["canterbury", "thanet", "dover", "ashford"],
    });
    expect(r("county", "county", "T3", "settings_supported_pct_primary")).toMatchObject({ value: null, numerator: null, denominator: null, percent: null, rag: "na" });
  });
});

describe("aggregation: amended returns", () => {
  it("the latest submitted version counts (Thanet T2 v2 replaces v1)", () => {
    expect(r("district", "thanet", "T2", "referrals_primary").value).toBe(22);
    expect(r("district", "thanet", "T2", "kpi_2_1")).toMatchObject({ numerator: 8, denominator: 10, percent: 80, rag: "green" });
    expect(r("area", "East", "T2", "kpi_2_1")).toMatchObject({ numerator: 38, denominator: 50, percent: 76, rag: "green" });
  });

  it("a higher version wins even if an older version's submission is stamped later; equal versions go by time", () => {
    const a = { ...ret("dover", Y, 1, { referrals_primary: 1 }, 2), submittedAt: "2024-01-01T10:00:00Z" };
    const b = { ...ret("dover", Y, 1, { referrals_primary: 2 }, 1), submittedAt: "2024-02-01T10:00:00Z" };
    const c = { ...ret("dover", Y, 1, { referrals_primary: 3 }, 2), submittedAt: "2024-01-02T10:00:00Z" };
    expect(latestVersions([a, b]).map((x) => x.values.referrals_primary)).toEqual([1]);
    expect(latestVersions([c, a, b]).map((x) => x.values.referrals_primary)).toEqual([3]);
  });
});

describe("aggregation: percents are Σ numerator / Σ denominator", () => {
  it("T1: district, area and county", () => {
    expect(r("district", "canterbury", "T1", "kpi_2_1")).toMatchObject({ value: 75, numerator: 15, denominator: 20, percent: 75, rag: "green" });
    expect(r("district", "thanet", "T1", "kpi_2_1")).toMatchObject({ percent: 70, rag: "amber" });
    expect(r("area", "East", "T1", "kpi_2_1")).toMatchObject({ numerator: 22, denominator: 30, rag: "amber" });
    expect(r("area", "East", "T1", "kpi_2_1").percent).toBeCloseTo(73.333, 3);
    expect(r("area", "South", "T1", "kpi_2_1")).toMatchObject({ numerator: 3, denominator: 4, percent: 75, rag: "green", districtsReporting: 1, missing: ["dover"] });
    expect(r("county", "county", "T1", "kpi_2_1")).toMatchObject({ numerator: 25, denominator: 34, rag: "amber", districtsReporting: 3 });
  });

  it("T2: the county is 52/70 = 74.29% (amber), not the average of district percentages (75% green)", () => {
    const county = r("county", "county", "T2", "kpi_2_1");
    expect(county).toMatchObject({ numerator: 52, denominator: 70, rag: "amber", districtsReporting: 4 });
    expect(county.percent).toBeCloseTo(74.2857, 4);
    expect(r("area", "South", "T2", "kpi_2_1")).toMatchObject({ numerator: 14, denominator: 20, percent: 70, rag: "amber", districtsReporting: 2 });
  });

  it("a denominator of 0 reports 0 out of 0 with no percentage and na", () => {
    expect(r("district", "ashford", "T2", "kpi_2_1")).toMatchObject({ value: null, numerator: 0, denominator: 0, percent: null, rag: "na", districtsReporting: 1, missing: [] });
  });

  it("T3: a return with the field left blank is missing for that measure", () => {
    expect(r("area", "East", "T3", "kpi_2_1")).toMatchObject({ numerator: 10, denominator: 10, percent: 100, rag: "green", districtsReporting: 1, missing: ["thanet"] });
    expect(r("area", "South", "T3", "kpi_2_1")).toMatchObject({ numerator: 15, denominator: 22, rag: "red" });
    expect(r("county", "county", "T3", "kpi_2_1")).toMatchObject({ numerator: 25, denominator: 32, percent: 78.125, rag: "green" });
  });

  it("year: 102/136 = 75% exactly is green; South 32/46 is red", () => {
    expect(r("county", "county", "year", "kpi_2_1")).toMatchObject({ numerator: 102, denominator: 136, percent: 75, rag: "green", partial: ["thanet", "dover"] });
    expect(r("area", "East", "year", "kpi_2_1")).toMatchObject({ numerator: 70, denominator: 90, rag: "green" });
    expect(r("area", "South", "year", "kpi_2_1")).toMatchObject({ numerator: 32, denominator: 46, rag: "red" });
    expect(r("district", "thanet", "year", "kpi_2_1")).toMatchObject({ numerator: 15, denominator: 20, percent: 75, partial: ["thanet"] });
  });

  it("RAG boundaries through aggregation: 3000/5000 + 3999/5000 = 69.99% is red; one more makes 70% amber", () => {
    const two = (a: number, b: number) =>
      aggregateKpis({
        districts: DISTRICTS.slice(0, 2),
        terms: terms(Y, 1),
        returns: [ret("canterbury", Y, 1, { kpi_2_1_num: a, kpi_2_1_den: 5000 }), ret("thanet", Y, 1, { kpi_2_1_num: b, kpi_2_1_den: 5000 })],
      }).rows.find((x) => x.key === `county|county|${Y}|T1|kpi_2_1`)!;
    expect(two(3000, 3999)).toMatchObject({ rag: "red" });
    expect(two(3000, 3999).percent).toBeCloseTo(69.99, 10);
    expect(two(3000, 4000)).toMatchObject({ percent: 70, rag: "amber" });
    expect(two(3500, 3999)).toMatchObject({ rag: "amber" }); // 74.99%
    expect(two(3500, 4000)).toMatchObject({ percent: 75, rag: "green" });
  });
});

describe("aggregation: out-of-district schools", () => {
  it("are never added to the district's own count or its % of the district total", () => {
    expect(r("district", "canterbury", "T1", "settings_supported_primary").value).toBe(30);
    expect(r("district", "canterbury", "T1", "settings_supported_out_of_district").value).toBe(5);
    expect(r("district", "canterbury", "T1", "settings_supported_pct_primary")).toMatchObject({ numerator: 30, denominator: 40, percent: 75, rag: "na" });
    expect(r("area", "East", "T1", "settings_supported_primary").value).toBe(66);
    expect(r("area", "East", "T1", "settings_supported_out_of_district").value).toBe(5);
    expect(r("area", "East", "T1", "settings_supported_pct_primary")).toMatchObject({ numerator: 66, denominator: 85 });
    expect(r("district", "dover", "T2", "settings_supported_pct_primary")).toMatchObject({ numerator: 25, denominator: 30 });
    expect(r("county", "county", "T2", "settings_supported_primary").value).toBe(116);
    expect(r("county", "county", "T2", "settings_supported_out_of_district").value).toBe(13);
    expect(r("county", "county", "T2", "settings_supported_pct_primary")).toMatchObject({ numerator: 116, denominator: 140 });
    for (const x of summary.rows.filter((y) => y.measure.startsWith("settings_supported_pct"))) {
      if (x.percent !== null) expect(x.percent, x.key).toBeLessThanOrEqual(100);
    }
  });

  it("different settings in a year: the highest term, against the latest district total", () => {
    expect(r("district", "canterbury", "year", "settings_supported_primary")).toMatchObject({ value: 32, partial: ["canterbury"] });
    expect(r("county", "county", "year", "settings_supported_primary").value).toBe(116);
    expect(r("county", "county", "year", "settings_in_district_primary").value).toBe(140);
    expect(r("county", "county", "year", "settings_supported_out_of_district").value).toBe(19);
  });
});

describe("aggregation: rows, applicability and ignored input", () => {
  it("one row per level × period × measure collected that year", () => {
    expect(summary.rows.length).toBe((1 + 2 + 4) * 4 * measuresFor(Y).length);
    expect(summary.rows.some((x) => x.measure === "kpi_2_2")).toBe(false);
    expect(new Set(summary.rows.map((x) => x.key)).size).toBe(summary.rows.length);
  });

  it("2.2 is summarised in 2022-23 and values for it in 2023-24 are ignored", () => {
    const out = aggregateKpis({
      districts: DISTRICTS,
      terms: [...terms("2022-23", 6), ...terms(Y, 1)],
      returns: [ret("dover", "2022-23", 6, { kpi_2_2_num: 8, kpi_2_2_den: 10 }), ret("dover", Y, 1, { kpi_2_2_num: 9, kpi_2_2_den: 10, kpi_2_1: 50, foo: 3 })],
    });
    expect(row(out.rows, "county", "county", "2022-23", "T6", "kpi_2_2")).toMatchObject({ percent: 80, rag: "green" });
    expect(out.rows.filter((x) => x.academicYear === Y && x.measure.startsWith("kpi_2_2"))).toEqual([]);
    expect(out.ignored).toEqual([
      { districtSlug: "dover", academicYear: Y, term: 1, measure: "kpi_2_2_num", reason: "not_applicable" },
      { districtSlug: "dover", academicYear: Y, term: 1, measure: "kpi_2_2_den", reason: "not_applicable" },
      { districtSlug: "dover", academicYear: Y, term: 1, measure: "kpi_2_1", reason: "percent_typed" },
      { districtSlug: "dover", academicYear: Y, term: 1, measure: "foo", reason: "unknown_measure" },
    ]);
  });

  it("returns from a district not in scope are ignored and reported", () => {
    const out = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1), returns: [ret("swale", Y, 1, { referrals_primary: 99 })] });
    expect(out.ignored).toEqual([{ districtSlug: "swale", academicYear: Y, term: 1, reason: "unknown_district" }]);
    expect(row(out.rows, "county", "county", Y, "T1", "referrals_primary").value).toBeNull();
  });

  it("FTE sums are kept to 2 decimal places", () => {
    const out = aggregateKpis({
      districts: DISTRICTS,
      terms: terms(Y, 1),
      returns: [ret("canterbury", Y, 1, { fte_ci: 0.1 }), ret("thanet", Y, 1, { fte_ci: 0.2 }), ret("dover", Y, 1, { fte_ci: 1.4 })],
    });
    expect(row(out.rows, "county", "county", Y, "T1", "fte_ci").value).toBe(1.7);
    expect(row(out.rows, "area", "East", Y, "T1", "fte_ci").value).toBe(0.3);
  });
});

describe("anomalies", () => {
  it("the hand-worked table has no numerator-over-denominator or over-100 anomalies", () => {
    expect(summary.anomalies.filter((a) => a.kind !== "jump")).toEqual([]);
  });

  it("a numerator over its denominator (e.g. an imported return) is flagged, and the percent over 100 above it", () => {
    const out = aggregateKpis({
      districts: DISTRICTS,
      terms: terms(Y, 1),
      returns: [ret("dover", Y, 1, { kpi_2_1_num: 12, kpi_2_1_den: 10 }), ret("ashford", Y, 1, { kpi_2_1_num: 1, kpi_2_1_den: 2 })],
    });
    const k = out.anomalies.filter((a) => a.measure === "kpi_2_1");
    expect(k.map((a) => [a.level, a.scope, a.period, a.kind])).toEqual([
      ["county", "county", "T1", "percent_over_100"],
      ["area", "South", "T1", "percent_over_100"],
      ["district", "dover", "T1", "numerator_over_denominator"],
      ["county", "county", "year", "percent_over_100"],
      ["area", "South", "year", "percent_over_100"],
      ["district", "dover", "year", "percent_over_100"],
    ]);
    expect(k[2]).toMatchObject({
      districtSlug: "dover",
      detail: "Pupils reviewed who achieved or made significant progress (12) is more than Pupils reviewed (10).",
    });
    expect(k[0]!.detail).toBe("Pupils achieving or making significant progress towards targets (%) is 108.33% (13 out of 12).");
  });

  it("a jump of more than half against the district's previous term", () => {
    const out = aggregateKpis({
      districts: DISTRICTS,
      terms: [...terms("2022-23", 6), ...terms(Y, 1, 2, 3, 4, 5)],
      returns: [
        ret("dover", "2022-23", 6, { referrals_primary: 4, clinics_school: 0 }),
        ret("dover", Y, 1, { referrals_primary: 7, clinics_school: 5 }), // +75% across the year boundary; from 0 is not rated
        ret("dover", Y, 2, { referrals_primary: 10 }), // +42.9%
        ret("dover", Y, 3, { referrals_primary: 15 }), // exactly +50%: not a jump
        ret("dover", Y, 4, { referrals_primary: 23 }), // +53%
        ret("dover", Y, 5, { referrals_primary: 11 }), // −52%
        ret("ashford", Y, 2, { referrals_primary: 100 }), // T1 missing: nothing to compare
        ret("ashford", Y, 3, { referrals_primary: 1 }),
        ret("ashford", Y, 3, { referrals_primary: 101 }, 2), // amended: compared as 101 vs 100
      ],
    });
    const jumps = out.anomalies.filter((a) => a.kind === "jump");
    expect(jumps.map((a) => [a.districtSlug, a.academicYear, a.period, a.measure])).toEqual([
      ["dover", Y, "T1", "referrals_primary"],
      ["dover", Y, "T4", "referrals_primary"],
      ["dover", Y, "T5", "referrals_primary"],
    ]);
    expect(jumps[0]!.detail).toBe("LIFT referrals received (primary) rose from 4 in 2022-23 term 6 to 7 (+75%).");
    expect(jumps[2]!.detail).toBe("LIFT referrals received (primary) fell from 23 in 2023-24 term 4 to 11 (-52.17%).");
  });
});

describe("diffSummaryRows", () => {
  it("an amended return only rewrites the rows it changes", () => {
    const amended = [...RETURNS, ret("canterbury", Y, 3, { referrals_primary: 14, kpi_2_1_num: 10, kpi_2_1_den: 10 }, 2)];
    const next = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2, 3), returns: amended }).rows;
    const diff = diffSummaryRows(summary.rows, next);
    expect(diff.delete).toEqual([]);
    expect(diff.upsert.map((x) => x.key).sort()).toEqual(
      [
        `county|county|${Y}|T3|referrals_primary`,
        `area|East|${Y}|T3|referrals_primary`,
        `district|canterbury|${Y}|T3|referrals_primary`,
        `county|county|${Y}|year|referrals_primary`,
        `area|East|${Y}|year|referrals_primary`,
        `district|canterbury|${Y}|year|referrals_primary`,
      ].sort(),
    );
    expect(diff.upsert.find((x) => x.key === `county|county|${Y}|year|referrals_primary`)?.value).toBe(142);
  });

  it("nothing to write when nothing changed; rows for terms leaving scope are deleted", () => {
    expect(diffSummaryRows(summary.rows, aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2, 3), returns: [...RETURNS].reverse() }).rows)).toEqual({
      upsert: [],
      delete: [],
    });
    const twoTerms = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2), returns: RETURNS }).rows;
    const diff = diffSummaryRows(summary.rows, twoTerms);
    expect(diff.delete.length).toBe(7 * measuresFor(Y).length);
    expect(diff.delete.every((k) => k.includes("|T3|"))).toBe(true);
    expect(diff.upsert.every((x) => x.period === "year")).toBe(true);
  });
});

describe("aggregateKpis with scopes", () => {
  it("computes only the scopes asked for, with the same rows as the whole computation", () => {
    const scopes = new Set([`county|county`, `district|${DISTRICTS[0]!.slug}`]);
    const part = aggregateKpis({ districts: DISTRICTS, terms: terms(Y, 1, 2, 3), returns: RETURNS, scopes });
    expect(new Set(part.rows.map((x) => `${x.level}|${x.key.split("|")[1]}`))).toEqual(scopes);
    const whole = new Map(summary.rows.map((x) => [x.key, x]));
    expect(part.rows.length).toBeGreaterThan(0);
    for (const x of part.rows) expect(x).toEqual(whole.get(x.key));
    expect(part.anomalies.every((a) => scopes.has(`${a.level}|${a.scope}`))).toBe(true);
  });
});

describe("aggregateKpis: a district's lifetime", () => {
  // Deal split from Dover on 23 February 2026 (the first day of term 4); Thanet retired from term 4's first day.
  const Y2 = "2025-26";
  const dated = [
    { academicYear: Y2, term: 3 as const, start: "2026-01-05", end: "2026-02-13" },
    { academicYear: Y2, term: 4 as const, start: "2026-02-23", end: "2026-03-27" },
  ];
  const districts: DistrictRef[] = [
    ...DISTRICTS.map((d) => (d.slug === "thanet" ? { ...d, retiredOn: "2026-02-23" } : d)),
    { slug: "deal", name: "Deal", area: "South", startsOn: "2026-02-23" },
  ];
  const values = { referrals_primary: 2 };
  const returns = [
    ...["canterbury", "thanet", "dover", "ashford"].map((slug) => ret(slug, Y2, 3, values)),
    ...["canterbury", "dover", "ashford", "deal"].map((slug) => ret(slug, Y2, 4, values)),
    ret("thanet", Y2, 4, values), // made before the retirement was recorded: not counted for a term it was not open
  ];
  const s = aggregateKpis({ districts, terms: terms(Y2, 3, 4), termDates: dated, returns });
  const at = (level: string, id: string, period: string) => row(s.rows, level, id, Y2, period, "referrals_primary");

  it("does not expect a district in a term before it started, nor one retired by the term's first day", () => {
    expect(s.completeness).toEqual([
      { academicYear: Y2, term: 3, missingDistricts: [], submittedDistricts: ["canterbury", "thanet", "dover", "ashford"], notExpectedDistricts: ["deal"] },
      { academicYear: Y2, term: 4, missingDistricts: [], submittedDistricts: ["canterbury", "dover", "ashford", "deal"], notExpectedDistricts: ["thanet"] },
    ]);
    expect(at("district", "deal", "T3")).toMatchObject({ value: null, districtsExpected: 0, districtsReporting: 0, missing: [] });
    expect(at("district", "thanet", "T4")).toMatchObject({ value: null, districtsExpected: 0, districtsReporting: 0, missing: [] });
    expect(at("county", "county", "T3")).toMatchObject({ value: 8, districtsExpected: 4, districtsReporting: 4, missing: [] });
    expect(at("county", "county", "T4")).toMatchObject({ value: 8, districtsExpected: 4, districtsReporting: 4, missing: [] });
    expect(at("area", "East", "T4")).toMatchObject({ value: 2, districtsExpected: 1, missing: [] });
    expect(s.ignored).toContainEqual({ districtSlug: "thanet", academicYear: Y2, term: 4, reason: "not_open" });
  });

  it("expects a district in the year if it was open in any of its terms, and never calls a term it was not open partial", () => {
    expect(at("district", "deal", "year")).toMatchObject({ value: 2, districtsExpected: 1, missing: [], partial: [] });
    expect(at("district", "thanet", "year")).toMatchObject({ value: 2, districtsExpected: 1, missing: [], partial: [] });
    expect(at("county", "county", "year")).toMatchObject({ value: 16, districtsExpected: 5, districtsReporting: 5, missing: [], partial: [] });
  });

  it("still counts a district missing in a term it was open for", () => {
    const without = aggregateKpis({ districts, terms: terms(Y2, 4), termDates: dated, returns: returns.filter((r) => !(r.districtSlug === "deal" && r.term === 4)) });
    expect(without.completeness[0]!.missingDistricts).toEqual(["deal"]);
    expect(row(without.rows, "district", "deal", Y2, "T4", "referrals_primary")).toMatchObject({ districtsExpected: 1, missing: ["deal"] });
  });
});
