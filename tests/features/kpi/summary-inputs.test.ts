/**
 * The fingerprints that decide which KpiSummary items a refresh recomputes and rewrites: one per item
 * the aggregation produces, and an amended return changes exactly its six items' fingerprints.
 */
import { describe, expect, it } from "vitest";
import { aggregateKpis } from "../../../src/domain/kpi/aggregate";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import type { Item } from "../../../src/graph/list-store";
import { setKeyOf, toReturnVersion } from "../../../src/server/features/kpi/aggregation";
import { demoFigures } from "../../../src/server/features/kpi/demo-figures";
import { returnVersionKey, type KpiReturnItem } from "../../../src/server/features/kpi/lists";
import { summaryInputs } from "../../../src/server/features/kpi/summary-inputs";

const YEAR = "2025-26";
const districts = DISTRICTS.map((d) => ({ slug: d.slug, name: d.name, area: d.area }));

function item(id: number, slug: string, term: number, version: number, eTag = `"e${id},1"`): Item<KpiReturnItem> {
  const at = `2026-0${term}-10T09:00:00Z`;
  return {
    id: String(id),
    eTag,
    createdAt: at,
    modifiedAt: at,
    value: {
      returnKey: returnVersionKey(slug, YEAR, term, version),
      districtSlug: slug,
      academicYear: YEAR,
      term,
      version,
      status: "submitted",
      values: demoFigures(slug, YEAR, term),
      narrative: "",
      source: "import",
      savedAt: at,
      savedByName: "test",
      submittedAt: at,
      submittedByName: "test",
    },
  };
}

const all = districts.flatMap((d, i) => [1, 2, 3, 4, 5, 6].map((term) => item(i * 10 + term, d.slug, term, 1)));
const area = (slug: string) => districts.find((d) => d.slug === slug)!.area;

function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe("summaryInputs", () => {
  it("has one fingerprint for each item the aggregation of the year produces", () => {
    const rows = aggregateKpis({ districts, terms: [1, 2, 3, 4, 5, 6].map((term) => ({ academicYear: YEAR, term: term as 1 })), returns: all.map((i) => toReturnVersion(i.value)) }).rows;
    const produced = [...new Set(rows.map(setKeyOf))].sort();
    expect([...summaryInputs(YEAR, all, districts).keys()].sort()).toEqual(produced);
  });

  it("changes exactly the district, area and county items of the term and the year when a counted return is rewritten", () => {
    const before = summaryInputs(YEAR, all, districts);
    const dover = all.find((i) => i.value.districtSlug === "dover" && i.value.term === 2)!;
    const after = summaryInputs(YEAR, all.map((i) => (i === dover ? { ...i, eTag: `"changed,2"` } : i)), districts);
    expect(changedKeys(before, after)).toEqual(
      [`area|${area("dover")}|${YEAR}|T2`, `area|${area("dover")}|${YEAR}|year`, `county|county|${YEAR}|T2`, `county|county|${YEAR}|year`, `district|dover|${YEAR}|T2`, `district|dover|${YEAR}|year`].sort(),
    );
  });

  it("follows the latest version only: an older version changing moves nothing, a newer one replaces it", () => {
    const v2 = item(9001, "thanet", 3, 2);
    const base = [...all, v2];
    const before = summaryInputs(YEAR, base, districts);
    const v1 = base.find((i) => i.value.districtSlug === "thanet" && i.value.term === 3 && i.value.version === 1)!;
    expect(changedKeys(before, summaryInputs(YEAR, base.map((i) => (i === v1 ? { ...i, eTag: `"other,5"` } : i)), districts))).toEqual([]);
    expect(changedKeys(before, summaryInputs(YEAR, base.filter((i) => i !== v2), districts))).toHaveLength(6);
  });

  it("changes every fingerprint when a scope's districts change, and none for another year's returns", () => {
    const before = summaryInputs(YEAR, all, districts);
    const renamed = districts.map((d) => (d.slug === "dover" ? { ...d, name: "Dover and Deal" } : d));
    expect(changedKeys(before, summaryInputs(YEAR, all, renamed))).toEqual([...before.keys()].filter((k) => k.startsWith("district|dover|")).sort());
    const nextYear = { ...item(9100, "dover", 1, 1), value: { ...item(9100, "dover", 1, 1).value, academicYear: "2026-27" } };
    expect(changedKeys(before, summaryInputs(YEAR, [...all, nextYear], districts))).toEqual([]);
  });
});

describe("summaryInputs and a district's lifetime", () => {
  it("a retirement changes the fingerprints of exactly the items whose expected districts change", () => {
    const counted = [item(1, "swale", 1, 1), item(2, "swale", 2, 1)];
    const terms = [
      { academicYear: YEAR, term: 1 as const, start: "2025-09-03", end: "2025-10-24" },
      { academicYear: YEAR, term: 2 as const, start: "2025-11-03", end: "2025-12-19" },
    ];
    const before = summaryInputs(YEAR, counted, districts, "Kent", terms);
    // Retired from term 2's first day: term 1 still expects Swale, term 2 no longer (terms 3–6 are not
    // in this calendar, so they are dated as the whole year, which Swale was open for part of).
    const retired = districts.map((d) => (d.slug === "swale" ? { ...d, retiredOn: "2025-11-03" } : d));
    const after = summaryInputs(YEAR, counted, retired, "Kent", terms);
    const changed = [...before.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
    expect(changed).toEqual(["area|East|2025-26|T2", "area|East|2025-26|year", "county|county|2025-26|T2", "county|county|2025-26|year", "district|swale|2025-26|T2", "district|swale|2025-26|year"].sort());
  });
});
