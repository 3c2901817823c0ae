/**
 * End to end: import a whole academic year of returns (12 districts × 6 terms) from CSV, export the
 * summary as CSV and check the county totals against the figures imported; the KpiSummary list
 * (what Excel and Power BI read) holds the same county figures after its refresh, and an amended
 * return rewrites only the items holding changed rows.
 */
import { describe, expect, it } from "vitest";
import { onTestApp, startTestApp } from "../../support/test-app";
import { measuresFor } from "../../../src/domain/kpi/catalogue";
import { CSV_COLUMNS } from "../../../src/domain/kpi/csv";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { demoFigures } from "../../../src/server/features/kpi/demo-figures";
import { parseCsv } from "../../../src/server/features/kpi/files";
import { client, csv } from "./helpers";

const COMMISSIONER = "commissioner@lift.local";
const YEAR = "2024-25";

let app: Awaited<ReturnType<typeof startTestApp>>;
let api: ReturnType<typeof client>;

onTestApp((running) => {
  app = running;
  api = client(running);
});

const counts = measuresFor(YEAR).filter((m) => m.kind === "count").map((m) => m.id);
const figures = DISTRICTS.flatMap((d) => [1, 2, 3, 4, 5, 6].map((term) => ({ district: d.slug, term, values: demoFigures(d.slug, YEAR, term) })));

describe("import a year, export the summary", () => {
  it("county totals in the exported CSV are the sums of the imported returns", async () => {
    const file = csv([["district", "academic_year", "term", ...counts], ...figures.map((f) => [f.district, YEAR, f.term, ...counts.map((id) => f.values[id] ?? null)])]);
    const imported = await api.upload(COMMISSIONER, "/api/kpi/import?format=csv", file, "text/csv");
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ imported: 72, unchanged: 0 });

    const exported = await api.download(COMMISSIONER, `/api/kpi/summary/export?year=${YEAR}&format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/text\/csv/);
    const [header, ...rows] = parseCsv(exported.data.toString("utf8"));
    expect(header).toEqual([...CSV_COLUMNS]);
    const at = (level: string, period: string, measure: string) => {
      const r = rows.find((x) => x[0] === level && x[3] === period && x[4] === measure);
      if (!r) throw new Error(`no ${level} ${period} ${measure} row`);
      return Object.fromEntries(header!.map((h, i) => [h, r[i]]));
    };
    const sum = (id: string, term?: number) => figures.filter((f) => term === undefined || f.term === term).reduce((a, f) => a + (f.values[id] ?? 0), 0);

    // Activity sums over districts and terms.
    expect(Number(at("county", "year", "referrals_primary").value)).toBe(sum("referrals_primary"));
    expect(Number(at("county", "T3", "referrals_ey").value)).toBe(sum("referrals_ey", 3));
    expect(at("county", "year", "referrals_primary").districts_reporting).toBe("12");
    // A percent is Σ numerator / Σ denominator, never an average of percentages.
    const num = sum("kpi_2_1_num");
    const den = sum("kpi_2_1_den");
    const pct = at("county", "year", "kpi_2_1");
    expect(Number(pct.numerator)).toBe(num);
    expect(Number(pct.denominator)).toBe(den);
    expect(Number(pct.percent)).toBeCloseTo((num * 100) / den, 2);
    expect(pct.rag).toBe(num * 100 >= 75 * den ? "green" : num * 100 >= 70 * den ? "amber" : "red");
    // Positions roll up as the latest term: caseload at the end of term 6.
    expect(Number(at("county", "year", "caseload_school").value)).toBe(sum("caseload_school", 6));

    // The same county figures in the XLSX export.
    const xlsx = await api.download(COMMISSIONER, `/api/kpi/summary/export?year=${YEAR}&format=xlsx`);
    expect(xlsx.type).toMatch(/spreadsheetml/);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const sheetRows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const countyYear = sheetRows.find((r) => r[1] === "county" && r[4] === "year" && r[5] === "referrals_primary");
    expect(countyYear?.[6]).toBe(sum("referrals_primary"));
  });

  it("the KpiSummary list holds the same county figures, and an amendment rewrites only the affected items", async () => {
    const { aggregator, nudge, idle } = app.features.kpi;
    await nudge();
    await idle();
    const stored = aggregator.storedRows(YEAR) ?? [];
    const countyYear = stored.find((r) => r.level === "county" && r.period === "year" && r.measure === "referrals_primary");
    expect(countyYear?.value).toBe(figures.reduce((a, f) => a + (f.values.referrals_primary ?? 0), 0));
    // Read back from the list itself, not the cache.
    const summaryStore = (await import("../../../src/graph/site")).openListStore;
    const { KpiSummaryList } = await import("../../../src/server/features/kpi/lists");
    const list = await summaryStore(app.context.site, KpiSummaryList);
    const items = await list.all({ where: { academicYear: YEAR } });
    expect(items).toHaveLength(17 * 7); // county + 4 areas + 12 districts, × T1–T6 and year
    const county = items.find((i) => i.value.setKey === `county|county|${YEAR}|year`);
    expect(county?.value.measures.find((m) => m.measure === "referrals_primary")?.value).toBe(countyYear?.value);

    // Amend Dover's term 2: only Dover, South and county × (T2, year) change.
    const dover = figures.find((f) => f.district === "dover" && f.term === 2)!;
    const res = await api.call(COMMISSIONER, "PUT", `/api/kpi/returns/dover/${YEAR}/2`, { values: { ...dover.values, referrals_primary: (dover.values.referrals_primary ?? 0) + 1 } });
    expect(res.status).toBe(200);
    expect((await api.call(COMMISSIONER, "POST", `/api/kpi/returns/dover/${YEAR}/2/submit`, {})).status).toBe(200);
    await idle();
    const report = await aggregator.refresh();
    // The submit already nudged a refresh; whichever ran, six items at most were rewritten in all.
    const after = await list.all({ where: { academicYear: YEAR } });
    const changed = after.filter((i) => i.eTag !== items.find((b) => b.id === i.id)?.eTag).map((i) => i.value.setKey).sort();
    expect(changed).toEqual([`area|South|${YEAR}|T2`, `area|South|${YEAR}|year`, `county|county|${YEAR}|T2`, `county|county|${YEAR}|year`, `district|dover|${YEAR}|T2`, `district|dover|${YEAR}|year`].sort());
    expect(report.created + report.deleted).toBe(0);
  });
});
