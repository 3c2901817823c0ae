/**
 * The KPI returns API against the whole app (startTestApp, demo data on): access (another district
 * is 404, the summary is commissioners only), validation with fieldErrors by measure id, versions
 * kept on submit and amend, return with a comment, 412 on a stale eTag, and imports (errors by row
 * and column with nothing imported, the same file twice changes nothing).
 */
import { describe, expect, it } from "vitest";
import { onTestApp, startTestApp } from "../../support/test-app";
import { measuresFor } from "../../../src/domain/kpi/catalogue";
import { demoFigures } from "../../../src/server/features/kpi/demo-figures";
import { client, csv } from "./helpers";

const LEAD = "lead.dover@lift.local";
const THANET = "lead.thanet@lift.local";
const COMMISSIONER = "commissioner@lift.local";
const TEACHER = "teacher.dover@lift.local";

let app: Awaited<ReturnType<typeof startTestApp>>;
let api: ReturnType<typeof client>;

onTestApp((running) => {
  app = running;
  api = client(running);
});

async function versionsInList(district: string, year: string, term: number) {
  const { service } = app.features.kpi;
  const items = await service.returns.all({ where: { districtSlug: district, academicYear: year } });
  return items.filter((i) => i.value.term === term).map((i) => ({ version: i.value.version, status: i.value.status }));
}

describe("access", () => {
  it("a district lead cannot read another district's return (404), nor write it", async () => {
    expect((await api.call(LEAD, "GET", "/api/kpi/returns/thanet/2025-26/1")).status).toBe(404);
    expect((await api.call(LEAD, "PUT", "/api/kpi/returns/thanet/2025-26/1", { values: {} })).status).toBe(404);
    expect((await api.call(LEAD, "POST", "/api/kpi/returns/thanet/2025-26/1/submit", {})).status).toBe(404);
    const own = await api.call(LEAD, "GET", "/api/kpi/returns/dover/2025-26/1");
    expect(own.status).toBe(200);
    expect(own.body.return.status).toBe("submitted");
  });

  it("a district lead cannot open the countywide summary or its export (403)", async () => {
    expect((await api.call(LEAD, "GET", "/api/kpi/summary?year=2025-26")).status).toBe(403);
    expect((await api.call(LEAD, "GET", "/api/kpi/summary/export?year=2025-26&format=csv")).status).toBe(403);
    const ok = await api.call(COMMISSIONER, "GET", "/api/kpi/summary?year=2025-26");
    expect(ok.status).toBe(200);
    expect(ok.body.rows.length).toBeGreaterThan(0);
  });

  it("a lead lists only their own district; other roles are refused", async () => {
    const own = await api.call(LEAD, "GET", "/api/kpi/returns?year=2025-26");
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((i: { districtSlug: string }) => i.districtSlug))).toEqual(new Set(["dover"]));
    expect(own.body.items).toHaveLength(6);
    const all = await api.call(COMMISSIONER, "GET", "/api/kpi/returns?year=2025-26");
    expect(all.body.items).toHaveLength(72);
    // Demo data: Sevenoaks has no return for term 4.
    expect(all.body.items.find((i: { districtSlug: string; term: number }) => i.districtSlug === "sevenoaks" && i.term === 4).status).toBe("not_started");
    expect((await api.call(TEACHER, "GET", "/api/kpi/returns?year=2025-26")).status).toBe(403);
    expect((await api.call(TEACHER, "GET", "/api/kpi/returns/dover/2025-26/1")).status).toBe(403);
  });

  it("the monitoring pack is for the district's own lead or a commissioner", async () => {
    expect((await api.call(LEAD, "GET", "/api/kpi/monitoring-pack/dover?year=2025-26&terms=1,2")).status).toBe(200);
    expect((await api.call(LEAD, "GET", "/api/kpi/monitoring-pack/thanet?year=2025-26&terms=1,2")).status).toBe(404);
    const pack = await api.call(COMMISSIONER, "GET", "/api/kpi/monitoring-pack/dover?year=2025-26&terms=1,2");
    expect(pack.body.returns.map((r: { term: number }) => r.term)).toEqual([1, 2]);
  });
});

describe("return status for the reminders", () => {
  it("answers each district's latest state: drafts, submissions, and nothing for a missing return", async () => {
    const source = app.features.kpi.returnStatus;
    expect(await source.returnFor("thanet", "2026-27", 1)).toMatchObject({ status: "draft" });
    expect(await source.returnFor("dover", "2025-26", 3)).toMatchObject({ status: "submitted" });
    expect(await source.returnFor("ashford", "2025-26", 6)).toMatchObject({ status: "returned" });
    expect(await source.returnFor("sevenoaks", "2025-26", 4)).toBeUndefined();
    expect((await source.returns(["2026-27"])).every((r) => r.academicYear === "2026-27")).toBe(true);
  });
});

describe("validation", () => {
  it("numerator over denominator, negative, fractional counts and typed percentages → 400 with fieldErrors by measure id", async () => {
    const res = await api.call(LEAD, "PUT", "/api/kpi/returns/dover/2026-27/3", {
      values: { kpi_2_1_num: 12, kpi_2_1_den: 10, referrals_primary: -1, referrals_secondary: 2.5, kpi_1_3: 80, clinics_school: "many" },
      narrative: "",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const errors = res.body.error.fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["clinics_school", "kpi_1_3", "kpi_2_1_num", "referrals_primary", "referrals_secondary"]);
    expect(errors.kpi_2_1_num[0]).toMatch(/cannot be more than/);
    expect(errors.referrals_primary[0]).toMatch(/negative/);
    expect(errors.referrals_secondary[0]).toMatch(/whole number/);
    expect(errors.kpi_1_3[0]).toMatch(/worked out/);
    // Nothing was saved.
    expect(await versionsInList("dover", "2026-27", 3)).toEqual([]);
  });

  it("schools outside the district are their own measure, never counted against the district's total", async () => {
    const res = await api.call(LEAD, "PUT", "/api/kpi/returns/dover/2026-27/4", {
      values: { settings_in_district_primary: 40, settings_supported_primary: 45, settings_supported_out_of_district: 30 },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fieldErrors)).toEqual(["settings_supported_primary"]);
    expect(res.body.error.fieldErrors.settings_supported_primary[0]).toMatch(/outside the district/);
    const ok = await api.call(LEAD, "PUT", "/api/kpi/returns/dover/2026-27/4", {
      values: { settings_in_district_primary: 40, settings_supported_primary: 30, settings_supported_out_of_district: 30 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.return.computed.settings_supported_pct_primary.percent).toBe(75);
  });
});

describe("draft, submit, amend, return", () => {
  const path = "/api/kpi/returns/dover/2026-27/2";

  it("keeps every version, and a commissioner can return a submission with a comment", async () => {
    const values = { referrals_primary: 20, kpi_2_1_num: 15, kpi_2_1_den: 20 };
    const draft = await api.call(LEAD, "PUT", path, { values, narrative: "First draft" });
    expect(draft.status).toBe(200);
    expect(draft.body.return).toMatchObject({ status: "draft", version: 1, narrative: "First draft" });
    expect(draft.body.return.computed.kpi_2_1).toMatchObject({ numerator: 15, denominator: 20, percent: 75, rag: "green" });
    expect(draft.body.return.missing).toContain("referrals_ey");

    const submitted = await api.call(LEAD, "POST", `${path}/submit`, { eTag: draft.body.return.eTag });
    expect(submitted.status).toBe(200);
    expect(submitted.body.return).toMatchObject({ status: "submitted", version: 1 });

    // Amend after submission: PUT + submit again → version 2, version 1 kept.
    const amended = await api.call(LEAD, "PUT", path, { eTag: submitted.body.return.eTag, values: { ...values, referrals_primary: 22 }, narrative: "Amended" });
    expect(amended.body.return).toMatchObject({ status: "draft", version: 2 });
    const resubmitted = await api.call(LEAD, "POST", `${path}/submit`, {});
    expect(resubmitted.body.return).toMatchObject({ status: "submitted", version: 2 });
    expect(resubmitted.body.return.values.referrals_primary).toBe(22);
    expect(await versionsInList("dover", "2026-27", 2)).toEqual([
      { version: 1, status: "submitted" },
      { version: 2, status: "submitted" },
    ]);
    expect(resubmitted.body.return.history.filter((h: { status: string }) => h.status === "submitted").map((h: { version: number }) => h.version)).toEqual([1, 2]);

    // Only a commissioner returns a submission.
    expect((await api.call(LEAD, "POST", `${path}/return`, { comment: "Looks wrong" })).status).toBe(403);
    expect((await api.call(COMMISSIONER, "POST", `${path}/return`, { comment: "" })).status).toBe(400);
    const returned = await api.call(COMMISSIONER, "POST", `${path}/return`, { comment: "Please check the primary referrals." });
    expect(returned.status).toBe(200);
    expect(returned.body.return).toMatchObject({ status: "returned", version: 2, returnedComment: "Please check the primary referrals." });
    const seen = await api.call(LEAD, "GET", `/api/kpi/returns/dover/2026-27/2`);
    expect(seen.body.return.returnedComment).toBe("Please check the primary referrals.");
    expect(seen.body.return.history.at(-1)).toMatchObject({ status: "returned", comment: "Please check the primary referrals." });
    // Returning again is a conflict: it is no longer a submission waiting.
    expect((await api.call(COMMISSIONER, "POST", `${path}/return`, { comment: "again" })).status).toBe(409);
  });

  it("a stale eTag is 412 with the current return", async () => {
    const p = "/api/kpi/returns/dover/2026-27/5";
    const first = await api.call(LEAD, "PUT", p, { values: { referrals_ey: 3 } });
    await api.call(LEAD, "PUT", p, { eTag: first.body.return.eTag, values: { referrals_ey: 4 } });
    const stale = await api.call(LEAD, "PUT", p, { eTag: first.body.return.eTag, values: { referrals_ey: 5 } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current.values.referrals_ey).toBe(4);
  });

  it("another district's lead cannot submit Dover's return, and a commissioner may write it", async () => {
    expect((await api.call(THANET, "PUT", "/api/kpi/returns/dover/2026-27/6", { values: { referrals_ey: 1 } })).status).toBe(404);
    expect((await api.call(COMMISSIONER, "PUT", "/api/kpi/returns/dover/2026-27/6", { values: { referrals_ey: 1 } })).status).toBe(200);
  });
});

describe("import", () => {
  const year = "2024-25";
  const counts = measuresFor(year).filter((m) => m.kind === "count").map((m) => m.id);
  const header = ["district", "academic_year", "term", ...counts];
  const row = (district: string, term: number) => {
    const v = demoFigures(district, year, term);
    return [district, year, term, ...counts.map((id) => v[id] ?? null)];
  };

  it("reports errors by row and column and imports nothing", async () => {
    const before = (await app.features.kpi.service.returns.all({ where: { academicYear: year } })).length;
    const bad = [header, row("dover", 1), row("atlantis", 2), row("dover", 3), row("dover", 4)];
    const n = header.indexOf("kpi_2_1_num");
    (bad[3] as unknown[])[n] = 999999; // above its denominator
    (bad[4] as unknown[])[2] = 7; // no term 7
    (bad[1] as unknown[])[header.indexOf("referrals_ey")] = "1.5";
    const res = await api.upload(COMMISSIONER, "/api/kpi/import?format=csv", csv(bad), "text/csv");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    const errors = res.body.error.detail.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errors).toEqual(expect.arrayContaining(["2:referrals_ey", "3:district", "4:kpi_2_1_num", "5:term"]));
    expect(errors).toHaveLength(4);
    const after = (await app.features.kpi.service.returns.all({ where: { academicYear: year } })).length;
    expect(after).toBe(before);
  });

  it("a lead may import only their own district's rows", async () => {
    const res = await api.upload(LEAD, "/api/kpi/import?format=csv", csv([header, row("dover", 1), row("thanet", 1)]), "text/csv");
    expect(res.status).toBe(400);
    expect(res.body.error.detail.errors).toEqual([expect.objectContaining({ row: 3, column: "district" })]);
  });

  it("importing the same file twice changes nothing", async () => {
    const file = csv([header, row("dover", 1), row("dover", 2), row("thanet", 1)]);
    const first = await api.upload(COMMISSIONER, "/api/kpi/import?format=csv", file, "text/csv");
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 3, unchanged: 0 });
    const items = await app.features.kpi.service.returns.all({ where: { academicYear: year } });
    const second = await api.upload(COMMISSIONER, "/api/kpi/import?format=csv", file, "text/csv");
    expect(second.body).toEqual({ imported: 0, unchanged: 3 });
    const again = await app.features.kpi.service.returns.all({ where: { academicYear: year } });
    expect(again.map((i) => `${i.id}:${i.eTag}`).sort()).toEqual(items.map((i) => `${i.id}:${i.eTag}`).sort());
  });

  it("imports the XLSX template filled in", async () => {
    const template = await api.download(LEAD, "/api/kpi/template?format=xlsx");
    expect(template.status).toBe(200);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.data as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const columns = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(columns.slice(0, 3)).toEqual(["district", "academic_year", "term"]);
    expect(columns).not.toContain("kpi_2_1"); // percentages are never typed
    const v = demoFigures("dover", year, 5);
    sheet.addRow(columns.map((c) => (c === "district" ? "Dover" : c === "academic_year" ? year : c === "term" ? 5 : (v[c] ?? null))));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await api.upload(LEAD, "/api/kpi/import?format=xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 1, unchanged: 0 });
    const ret = await api.call(LEAD, "GET", `/api/kpi/returns/dover/${year}/5`);
    expect(ret.body.return.values.referrals_primary).toBe(v.referrals_primary);
    expect(ret.body.return.status).toBe("submitted");
  });

  it("the CSV template has the columns district, academic_year, term, then measure ids", async () => {
    const t = await api.download(COMMISSIONER, "/api/kpi/template?format=csv");
    const head = t.data.toString("utf8").trim().split(",");
    expect(head.slice(0, 4)).toEqual(["district", "academic_year", "term", "kpi_1_1"]);
  });
});

describe("audit fails closed", () => {
  // A change that cannot be audited is not made ([data-protection.md](../../../docs/reference/data-protection.md)).
  it("refuses a save and a return with 503 audit_unavailable and leaves the list as it was", async () => {
    const { service } = app.features.kpi;
    const before = await service.returns.all({ where: { districtSlug: "dover" } });
    const store = app.context.stores.auditLog;
    const original = store.create.bind(store);
    store.create = (async () => {
      throw new Error("AuditLog unavailable");
    }) as typeof store.create;
    try {
      const saved = await api.call(LEAD, "PUT", "/api/kpi/returns/dover/2026-27/5", { values: { referrals_ey: 3 } });
      expect(saved.status).toBe(503);
      expect(saved.body.error.code).toBe("audit_unavailable");
      const sentBack = await api.call(COMMISSIONER, "POST", "/api/kpi/returns/dover/2025-26/1/return", { comment: "Please check term 1" });
      expect(sentBack.status).toBe(503);
    } finally {
      store.create = original;
    }
    const after = await service.returns.all({ where: { districtSlug: "dover" } });
    expect(after.map((i) => `${i.id}:${i.eTag}`).sort()).toEqual(before.map((i) => `${i.id}:${i.eTag}`).sort());
  });
});
