/**
 * The settings register through the API on the demo data: the demo register's totals and the KPI
 * return's "% of settings" prefill against a count by hand of the demo files; imports (created,
 * then unchanged; a dry run writes nothing; errors by row and column with nothing imported);
 * commissioners only.
 */
import { describe, expect, it } from "vitest";
import { auditListDown } from "../../support/audit-down";
import { DISTRICTS } from "../../../src/domain/reference/districts";
import { SETTINGS } from "../../../src/domain/reference/settings";
import { TERMS } from "../../../src/domain/reference/terms";
import { ukToday } from "../../../src/domain/time/uk-clock";
import { demoEarlyYearsCsv, demoGiasCsv } from "../../../src/server/features/settings-register/demo";
import type { RunningApp } from "../../../src/server/app/start";
import { onTestApp } from "../../support/test-app";
import { client, csv, type Json } from "../kpi/helpers";

let app: RunningApp;
onTestApp(
  (running) => {
    app = running;
  },
  { DEMO_REGISTER: "on" },
);

const COMMISSIONER = "commissioner@lift.local";
const LEAD = "lead.dover@lift.local";

/** The demo files as rows of cells (the demo names hold no commas or quotes). */
function rowsOf(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split("\r\n").map((l) => l.split(","));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""])));
}

/** Counted by hand from the demo GIAS file: Kent, open, mainstream (not special, college or independent), by phase. */
function handCount(district: string): { primary: number; secondary: number; ey: number } {
  const gias = rowsOf(demoGiasCsv(DISTRICTS, SETTINGS)).filter((r) => r["LA (name)"] === "Kent" && r["DistrictAdministrative (name)"] === district && r["EstablishmentStatus (name)"] === "Open");
  const mainstream = gias.filter((r) => !/special|Further education|independent/i.test(r["TypeOfEstablishment (name)"]!));
  const phase = (p: string) => mainstream.filter((r) => r["PhaseOfEducation (name)"] === p).length;
  const providers = rowsOf(demoEarlyYearsCsv(DISTRICTS, SETTINGS)).filter((r) => r.district === district && /^(Active|Open)$/.test(r.status!)).length;
  return { primary: phase("Primary") + phase("All-through"), secondary: phase("Secondary") + phase("All-through"), ey: phase("Nursery") + providers };
}

describe("the demo register", () => {
  it("holds about 600 schools and 700 early years providers countywide", async () => {
    const { call } = client(app);
    const res = await call(COMMISSIONER, "GET", "/api/settings-register");
    expect(res.status).toBe(200);
    const districts = (res.body as { districts: { open: Record<string, number>; closed: number }[] }).districts;
    const sum = (phases: string[]) => districts.reduce((n, d) => n + phases.reduce((m, p) => m + (d.open[p] ?? 0), 0), 0);
    expect(districts).toHaveLength(12);
    expect(sum(["primary", "secondary", "all-through", "special", "post-16"])).toBeGreaterThan(550);
    expect(sum(["primary", "secondary", "all-through", "special", "post-16"])).toBeLessThan(700);
    expect(sum(["early-years"])).toBeGreaterThan(600);
    expect(districts.every((d) => d.closed > 0)).toBe(true);
  });

  it("gives each district's totals as counted by hand from the demo files", async () => {
    const { call } = client(app);
    const res = await call(COMMISSIONER, "GET", "/api/settings-register");
    for (const d of DISTRICTS) {
      const row = (res.body as { districts: { districtSlug: string; totals: unknown }[] }).districts.find((x) => x.districtSlug === d.slug);
      expect(row?.totals, d.name).toEqual(handCount(d.name));
    }
  });

  it("fills the return's settings in the district from it, and the settings supported never above them, each with its source", async () => {
    const today = ukToday(new Date());
    const term = [...TERMS].reverse().find((t) => t.start <= today)!;
    const { call } = client(app);
    const res = await call(LEAD, "GET", `/api/kpi/returns/dover/${term.academicYear}/${term.term}`);
    expect(res.status).toBe(200);
    const prefill = (res.body as { return: { prefill: Record<string, { value: number; source: string }> } }).return.prefill;
    const hand = handCount("Dover");
    for (const p of ["primary", "secondary", "ey"] as const) {
      expect(prefill[`settings_in_district_${p}`]?.value).toBe(hand[p]);
      expect(prefill[`settings_in_district_${p}`]?.source).toMatch(/settings register/);
      const supported = prefill[`settings_supported_${p}`];
      expect(supported?.value).toBeGreaterThanOrEqual(0);
      expect(supported!.value).toBeLessThanOrEqual(hand[p]);
      expect(supported?.source).toMatch(/LIFT referral discussed, a case opened, a visit, a clinic or staff training attended/);
    }
    // The demo referrals and cases are at the demo schools: some of Dover's are supported this term.
    expect(prefill.settings_supported_primary!.value + prefill.settings_supported_ey!.value + prefill.settings_supported_secondary!.value).toBeGreaterThan(0);
    expect(prefill.settings_supported_out_of_district?.source).toMatch(/kept apart/);
  });
});

describe("importing", () => {
  const HEADER = ["URN", "LA (name)", "EstablishmentName", "TypeOfEstablishment (name)", "EstablishmentStatus (name)", "PhaseOfEducation (name)", "DistrictAdministrative (name)", "Postcode", "OpenDate", "CloseDate"];
  const file = (rows: string[][]) => csv([HEADER, ...rows]);
  const good = file([
    ["990001", "Kent", "Quarry Lane Primary School", "Community school", "Open", "Primary", "Dover", "CT15 5AA", "01-09-2000", ""],
    ["990002", "Kent", "Old Mill Infant School", "Community school", "Closed", "Primary", "Thanet", "", "", "31-08-2024"],
    ["990003", "Medway", "Across The River Primary", "Community school", "Open", "Primary", "Medway", "", "", ""],
  ]);

  it("a dry run reports and writes nothing; the import creates; the same file again changes nothing", async () => {
    const { upload, call } = client(app);
    const dry = await upload(COMMISSIONER, "/api/settings-register/import?source=gias&dryRun=true", good, "text/csv");
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 3, created: 2, updated: 0, unchanged: 0, skipped: [{ reason: "outside Kent (LA Medway)", rows: 1 }] });
    const before = await call(COMMISSIONER, "GET", "/api/settings-register?district=dover");
    expect((before.body as { settings: { urn: string }[] }).settings.some((s) => s.urn === "990001")).toBe(false);

    const first = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", good, "text/csv");
    expect(first.body).toMatchObject({ dryRun: false, created: 2, updated: 0, unchanged: 0 });
    const again = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", good, "text/csv");
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const after = await call(COMMISSIONER, "GET", "/api/settings-register?district=dover");
    expect((after.body as { settings: Json[] }).settings.find((s) => (s as { urn: string }).urn === "990001")).toMatchObject({ id: "DOV-U990001", status: "open", registerPhase: "primary", postcode: "CT15 5AA", openedOn: "2000-09-01" });

    // The school changes name: updated in place, same id.
    const renamed = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", good.replace("Quarry Lane Primary School", "Quarry Lane Academy"), "text/csv");
    expect(renamed.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it("imports nothing when the audit trail cannot record the import (503 audit_unavailable)", async () => {
    const { upload } = client(app);
    const restore = auditListDown(app);
    const before = (await app.context.stores.settings.all()).length;
    try {
      const refused = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", good.replace(/99000/g, "99100"), "text/csv");
      expect(refused.status).toBe(503);
      expect((refused.body as { error: { code: string } }).error.code).toBe("audit_unavailable");
    } finally {
      restore();
    }
    expect(await app.context.stores.settings.all()).toHaveLength(before);
  });

  it("refuses a file with errors, naming each by row and column, and imports nothing of it", async () => {
    const { upload, call } = client(app);
    const bad = file([
      ["990101", "Kent", "Fine Primary School", "Community school", "Open", "Primary", "Dover", "", "", ""],
      ["99010", "Kent", "", "Community school", "Shut", "Primary", "Atlantis", "", "32-01-2020", ""],
    ]);
    const res = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", bad, "text/csv");
    expect(res.status).toBe(400);
    const errors = (res.body as { error: { detail: { errors: { row: number; column: string }[] } } }).error.detail.errors;
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(["3:URN", "3:EstablishmentName", "3:EstablishmentStatus (name)", "3:DistrictAdministrative (name)", "3:OpenDate"]);
    const after = await call(COMMISSIONER, "GET", "/api/settings-register?district=dover");
    expect((after.body as { settings: { urn: string }[] }).settings.some((s) => s.urn === "990101")).toBe(false);
  });

  it("refuses a file without the GIAS columns, naming them", async () => {
    const { upload } = client(app);
    const res = await upload(COMMISSIONER, "/api/settings-register/import?source=gias", csv([["URN", "Name"], ["990201", "X"]]), "text/csv");
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toMatch(/lacks the columns EstablishmentName, LA \(name\)/);
  });

  it("refuses a file whose header names an object's own properties (__proto__, constructor) as lacking columns, not with a 500", async () => {
    const { upload } = client(app);
    for (const source of ["early-years", "gias"]) {
      const res = await upload(COMMISSIONER, `/api/settings-register/import?source=${source}&dryRun=false`, Buffer.from('\r\n__proto__,constructor,"a,b"\r\n1,2,3\r\n'), "application/octet-stream");
      expect(res.status, source).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/lacks the columns/);
    }
  });

  it("imports the early years provider list, and reads a Windows-1252 file", async () => {
    const { upload, call } = client(app);
    const text = csv([["Provider URN", "Provider name", "Provider type", "Postcode", "District", "Status"], ["EY990301", "Caf\u00e9 Corner Pre-School", "Pre-school", "CT1 1AA", "Canterbury", "Active"]]);
    const latin1 = Buffer.from(text, "latin1");
    const res = await upload(COMMISSIONER, "/api/settings-register/import?source=early-years", latin1, "text/csv");
    expect(res.body).toMatchObject({ created: 1 });
    const view = await call(COMMISSIONER, "GET", "/api/settings-register?district=canterbury");
    expect((view.body as { settings: Json[] }).settings.find((s) => (s as { urn: string }).urn === "EY990301")).toMatchObject({ id: "CAN-Y990301", name: "Café Corner Pre-School", phase: "early-years" });
  });

  it("is kept by commissioners; a district lead reads their own district's part, and no one else any", async () => {
    const { upload, call } = client(app);
    const own = await call(LEAD, "GET", "/api/settings-register");
    expect(own.status).toBe(200);
    const body = own.body as { districts: Array<{ districtSlug: string }>; settings: Array<{ districtSlug: string }> };
    expect(body.districts.map((d) => d.districtSlug)).toEqual(["dover"]);
    expect(body.settings.length).toBeGreaterThan(0);
    expect(body.settings.every((s) => s.districtSlug === "dover")).toBe(true);
    expect((await call(LEAD, "GET", "/api/settings-register?district=thanet")).status).toBe(404);
    expect((await call("senco.dover@lift.local", "GET", "/api/settings-register?district=dover")).status).toBe(403);
    expect((await call("teacher.dover@lift.local", "GET", "/api/settings-register?district=dover")).status).toBe(403);
    expect((await upload(LEAD, "/api/settings-register/import?source=gias", good, "text/csv")).status).toBe(403);
    expect((await call(COMMISSIONER, "GET", "/api/settings-register?district=atlantis")).status).toBe(404);
  });
});
