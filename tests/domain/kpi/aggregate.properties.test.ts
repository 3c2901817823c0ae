import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregateKpis, type ReturnVersion } from "../../../src/domain/kpi/aggregate";
import { DISTRICTS as ALL_DISTRICTS } from "../../../src/domain/reference/districts";
import type { TermNumber } from "../../../src/domain/time/calendar";

const Y = "2024-25";
/** East and West: six districts in two areas keeps each run quick. */
const DISTRICTS = ALL_DISTRICTS.filter((d) => d.area === "East" || d.area === "West").map(({ slug, name, area }) => ({ slug, name, area }));
const TERMS = ([1, 2, 3] as TermNumber[]).map((term) => ({ academicYear: Y, term }));

/** Per district and term: no return, or a return with a referrals count and a kpi_2_1 pair (num ≤ den). */
const cell = fc.option(
  fc.record({
    referrals: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    pair: fc.option(fc.integer({ min: 0, max: 200 }).chain((den) => fc.tuple(fc.integer({ min: 0, max: den }), fc.constant(den))), { nil: null }),
    versions: fc.integer({ min: 1, max: 3 }),
  }),
  { nil: null },
);
const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: DISTRICTS.length, maxLength: DISTRICTS.length });

function returnsOf(t: (typeof cell extends fc.Arbitrary<infer C> ? C : never)[][]): ReturnVersion[] {
  const out: ReturnVersion[] = [];
  t.forEach((terms, i) =>
    terms.forEach((c, j) => {
      if (!c) return;
      // Earlier versions carry junk that must be replaced by the last one.
      for (let v = 1; v <= c.versions; v += 1) {
        const last = v === c.versions;
        out.push({
          districtSlug: DISTRICTS[i]!.slug,
          academicYear: Y,
          term: (j + 1) as TermNumber,
          version: v,
          submittedAt: `2025-0${j + 1}-1${v}T12:00:00Z`,
          values: last
            ? { referrals_primary: c.referrals, kpi_2_1_num: c.pair?.[0] ?? null, kpi_2_1_den: c.pair?.[1] ?? null }
            : { referrals_primary: 9999, kpi_2_1_num: 1, kpi_2_1_den: 1 },
        });
      }
    }),
  );
  return out;
}

const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe("aggregation properties", () => {
  it("the county percent lies between the lowest and highest district percents", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { rows } = aggregateKpis({ districts: DISTRICTS, terms: TERMS, returns: returnsOf(t) });
        for (const period of ["T1", "T2", "T3", "year"]) {
          const county = rows.find((r) => r.key === `county|county|${Y}|${period}|kpi_2_1`)!;
          const districtPcts = rows
            .filter((r) => r.level === "district" && r.period === period && r.measure === "kpi_2_1" && r.percent !== null)
            .map((r) => r.percent!);
          if (county.percent === null) {
            expect(districtPcts).toEqual([]);
            continue;
          }
          expect(county.percent).toBeGreaterThanOrEqual(Math.min(...districtPcts) - 1e-9);
          expect(county.percent).toBeLessThanOrEqual(Math.max(...districtPcts) + 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("no percent over 100 and no anomaly of that kind when every numerator ≤ denominator", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { rows, anomalies } = aggregateKpis({ districts: DISTRICTS, terms: TERMS, returns: returnsOf(t) });
        for (const r of rows) if (r.percent !== null) expect(r.percent, r.key).toBeLessThanOrEqual(100);
        expect(anomalies.filter((a) => a.kind !== "jump")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("counts at county level are the sum of the districts that reported, and missing is never 0", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { rows } = aggregateKpis({ districts: DISTRICTS, terms: TERMS, returns: returnsOf(t) });
        for (const period of ["T1", "T2", "T3", "year"]) {
          const districts = rows.filter((r) => r.level === "district" && r.period === period && r.measure === "referrals_primary");
          const reported = districts.filter((r) => r.value !== null);
          const county = rows.find((r) => r.key === `county|county|${Y}|${period}|referrals_primary`)!;
          expect(county.districtsReporting).toBe(reported.length);
          expect(county.value).toBe(reported.length === 0 ? null : reported.reduce((s, r) => s + r.value!, 0));
          expect(county.missing).toEqual(districts.filter((r) => r.value === null).map((r) => r.missing[0]));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("is invariant to the order of returns and districts", () => {
    fc.assert(
      fc.property(
        table.chain((t) => {
          const returns = returnsOf(t);
          return fc.tuple(fc.constant(returns), fc.shuffledSubarray(returns, { minLength: returns.length }), fc.shuffledSubarray(DISTRICTS, { minLength: DISTRICTS.length }));
        }),
        ([returns, shuffled, districts]) => {
          const a = aggregateKpis({ districts: DISTRICTS, terms: TERMS, returns });
          const b = aggregateKpis({ districts, terms: [...TERMS].reverse(), returns: shuffled });
          // Compared as one string: a deep toEqual of thousands of rows is slow.
          const norm = (rows: typeof a.rows) => JSON.stringify(byKey(rows).map((r) => ({ ...r, missing: [...r.missing].sort(), partial: [...r.partial].sort() })));
          expect(norm(b.rows) === norm(a.rows)).toBe(true);
          const sortAnomalies = (x: typeof a.anomalies) => x.map((y) => JSON.stringify(y)).sort();
          expect(sortAnomalies(b.anomalies)).toEqual(sortAnomalies(a.anomalies));
          expect(b.completeness.map((c) => c.missingDistricts.sort())).toEqual(a.completeness.map((c) => c.missingDistricts.sort()));
        },
      ),
      { numRuns: 25 },
    );
  });
});
