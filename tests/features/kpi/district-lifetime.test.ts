/**
 * A district's lifetime through the API: after Dover is split (Deal from the first day of term 3 of
 * 2026-27) and Swale retired from the first day of term 2, the summary, the returns list and the
 * return form expect each only in the terms it was open for (src/domain/structure/lifetime.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { onTestApp } from "../../support/test-app";
import type { RunningApp } from "../../../src/server/app/start";
import { openListStore } from "../../../src/graph/site";
import { KpiSummaryList } from "../../../src/server/features/kpi/lists";
import { client, type Json } from "./helpers";

const COMMISSIONER = "commissioner@lift.local";
const SWALE = "lead.swale@lift.local";
const Y = "2026-27";

let app: RunningApp;
let api: ReturnType<typeof client>;
onTestApp((a) => {
  app = a;
  api = client(a);
}, {}, { now: () => new Date("2026-11-03T09:00:00Z") });

/** The KpiSummary list items of 2025-26 as stored (what Excel and Power BI read), by set key. */
async function storedItems() {
  const list = await openListStore(app.context.site, KpiSummaryList);
  return new Map((await list.all({ where: { academicYear: "2025-26" } })).map((i) => [i.value.setKey, i.value]));
}
let storedBefore: Awaited<ReturnType<typeof storedItems>>;

beforeAll(async () => {
  await app.features.kpi.nudge();
  await app.features.kpi.idle();
  storedBefore = await storedItems();
  const school = (await app.graph.stores.settings.all({ where: { districtSlug: "dover" } })).map((i) => i.value).find((s) => s.phase !== "early-years")!;
  const split = await api.call(COMMISSIONER, "POST", "/api/admin/structure/districts/dover/split", {
    on: "2027-01-04",
    district: { code: "DEA", slug: "deal", name: "Deal", area: "South" },
    settingIds: [school.id],
    liftGroupIds: [],
  });
  expect(split.status, JSON.stringify(split.body)).toBe(201);
  const retire = await api.call(COMMISSIONER, "POST", "/api/admin/structure/districts/swale/retire", { on: "2026-11-02" });
  expect(retire.status, JSON.stringify(retire.body)).toBe(200);
});

const termOf = (completeness: Json[], term: number) => completeness.find((c: Json) => c.term === term)!;
const row = (rows: Json[], level: string, id: string, period: string) => rows.find((r: Json) => r.key === `${level}|${id}|${Y}|${period}|referrals_primary`)!;

describe("the KPI summary expects a district only in the terms it was open for", () => {
  it("shows neither the new district before its start nor the retired one after it as missing", async () => {
    const res = await api.call(COMMISSIONER, "GET", `/api/kpi/summary?year=${Y}`);
    expect(res.status).toBe(200);
    const { completeness, rows } = res.body;
    const [t1, t2, t3] = [1, 2, 3].map((t) => termOf(completeness, t));
    // Deal is not a district in terms 1–2; Swale is not one from term 2.
    expect(t1.notExpectedDistricts).toEqual(["deal"]);
    expect(t2.notExpectedDistricts.sort()).toEqual(["deal", "swale"]);
    expect(t3.notExpectedDistricts).toEqual(["swale"]);
    for (const t of [t1, t2]) expect([...t.missingDistricts, ...t.submittedDistricts]).not.toContain("deal");
    for (const t of [t2, t3]) expect([...t.missingDistricts, ...t.submittedDistricts]).not.toContain("swale");
    // Where each was open, a missing return is still missing.
    expect([...t1.missingDistricts, ...t1.submittedDistricts]).toContain("swale");
    expect([...t3.missingDistricts, ...t3.submittedDistricts]).toContain("deal");
    // Per row: not expected is neither missing nor reporting; the county expects one fewer in term 2.
    expect(row(rows, "district", "deal", "T1")).toMatchObject({ districtsExpected: 0, districtsReporting: 0, missing: [] });
    expect(row(rows, "district", "swale", "T2")).toMatchObject({ districtsExpected: 0, districtsReporting: 0, missing: [] });
    expect(row(rows, "district", "deal", "T3")).toMatchObject({ districtsExpected: 1 });
    const county = (period: string) => row(rows, "county", "county", period);
    expect(county("T2").districtsExpected).toBe(county("T1").districtsExpected - 1);
    expect(county("T3").districtsExpected).toBe(county("T1").districtsExpected);
    expect(county("T2").missing).not.toContain("swale");
    expect(county("T1").missing).not.toContain("deal");
  });

  it("keeps the old district's earlier years whole and the new one out of them", async () => {
    const res = await api.call(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26");
    for (const c of res.body.completeness) {
      expect(c.notExpectedDistricts).toEqual(["deal"]);
      expect(c.missingDistricts).not.toContain("deal");
    }
  });
});

describe("the returns list and the return form", () => {
  it("offers no return for a term the district was not open in", async () => {
    const list = (await api.call(COMMISSIONER, "GET", `/api/kpi/returns?year=${Y}`)).body.items as Json[];
    const terms = (slug: string) => list.filter((r) => r.districtSlug === slug).map((r) => r.term);
    expect(terms("deal")).toEqual([3, 4, 5, 6]);
    expect(terms("swale")).toEqual([1]);
  });

  it("refuses a return for such a term with a message on the term, and takes one for a term it was open in", async () => {
    const before = await api.call(COMMISSIONER, "PUT", `/api/kpi/returns/deal/${Y}/2`, { values: {} });
    expect(before.status).toBe(400);
    expect(before.body.error.fieldErrors.term[0]).toMatch(/Deal starts on Monday 4 January 2027/);
    const after = await api.call(SWALE, "POST", `/api/kpi/returns/swale/${Y}/3/submit`, {});
    expect(after.status).toBe(400);
    expect(after.body.error.fieldErrors.term[0]).toMatch(/Swale is retired from Monday 2 November 2026/);
    expect((await api.call(COMMISSIONER, "PUT", `/api/kpi/returns/deal/${Y}/3`, { values: {} })).status).toBe(200);
    expect((await api.call(SWALE, "PUT", `/api/kpi/returns/swale/${Y}/1`, { values: {} })).status).toBe(200);
  });

  it("keeps a retired district's returns readable", async () => {
    const res = await api.call(SWALE, "GET", "/api/kpi/returns/swale/2025-26/1");
    expect(res.status).toBe(200);
    expect(res.body.return.districtSlug).toBe("swale");
  });
});

describe("the monitoring pack and the export", () => {
  it("gives the new district's pack only the terms it was open in", async () => {
    const pack = await api.call(COMMISSIONER, "GET", `/api/kpi/monitoring-pack/deal?year=${Y}`);
    expect(pack.status).toBe(200);
    expect(pack.body.terms).toEqual([3, 4, 5, 6]);
    expect(pack.body.returns.map((r: Json) => r.term)).toEqual([3, 4, 5, 6]);
  });

  it("leaves out a district's rows for terms it was not a district in, and keeps its others", async () => {
    const file = await api.download(COMMISSIONER, `/api/kpi/summary/export?year=${Y}&format=csv`);
    expect(file.status).toBe(200);
    const lines = file.data.toString("utf8").split("\r\n");
    const periodsOf = (name: string) => [...new Set(lines.filter((l) => l.startsWith(`district,${name},`)).map((l) => l.split(",")[3]))].sort();
    expect(periodsOf("Deal")).toEqual(["T3", "T4", "T5", "T6", "year"]);
    expect(periodsOf("Swale")).toEqual(["T1", "year"]);
  });
});

describe("the stored summary list", () => {
  it("is brought up to date after a split, though no return changed, rewriting only what the split changed", async () => {
    await app.features.kpi.nudge();
    await app.features.kpi.idle();
    const after = await storedItems();
    // Deal has items now, each expecting no district in 2025-26; Dover's, South's and the county's figures stand.
    expect(storedBefore.has("district|deal|2025-26|T1")).toBe(false);
    expect(after.get("district|deal|2025-26|T1")).toMatchObject({ districtsExpected: 0 });
    expect(after.get("district|deal|2025-26|year")).toMatchObject({ districtsExpected: 0 });
    for (const key of ["county|county|2025-26|T1", "area|South|2025-26|year", "district|dover|2025-26|T3"]) {
      expect(after.get(key)?.measures).toEqual(storedBefore.get(key)?.measures);
      expect(after.get(key)?.districtsExpected).toBe(storedBefore.get(key)?.districtsExpected);
    }
    // Swale is retired only from 2026-27: its 2025-26 items are as they were.
    expect(after.get("district|swale|2025-26|T6")).toEqual(storedBefore.get("district|swale|2025-26|T6"));
  });
});
