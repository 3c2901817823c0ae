import { describe, expect, it } from "vitest";
import { apiFor, type Api } from "../../support/api-client";
import { onTestApp } from "../../support/test-app";
import type { RunningApp } from "../../../src/server/app/start";
import { TERMS_2027_28, govUkFile } from "./fixtures";

const COMMISSIONER = "commissioner@lift.local";
const DOVER = "lead.dover@lift.local";

// In term 5 of 2026-27: the calendar holds term 6 but not 2027-28 term 1, so it is running short.
const now = new Date("2027-05-04T09:00:00Z");
let app: RunningApp;
let api: Api;
onTestApp((a) => {
  app = a;
  api = apiFor(a.url);
}, {}, { now: () => now });

describe("the calendar", () => {
  it("warns in /healthz (still 200) and on the coverage route until next year's terms are added", async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { warnings?: string[] };
    expect(body.warnings?.some((w) => w.includes("2027-28 term 1"))).toBe(true);
    const coverage = await api(DOVER, "GET", "/api/admin/coverage");
    expect(coverage.body).toMatchObject({ ok: false, missing: [{ academicYear: "2027-28", term: 1 }] });
  });

  it("refuses terms out of order, overlapping or outside the academic year, field by field", async () => {
    const terms: Array<{ term: number; start: string; end: string }> = TERMS_2027_28.map((t) => ({ ...t }));
    terms[2] = { term: 3, start: "2027-12-10", end: "2028-02-11" };
    terms[5] = { term: 6, start: "2028-06-05", end: "2028-09-03" };
    const res = await api(COMMISSIONER, "PUT", "/api/admin/calendar/2027-28", { terms });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fieldErrors)).toEqual(expect.arrayContaining(["terms.2.start", "terms.5.end"]));
    const overlap = await api(COMMISSIONER, "PUT", "/api/admin/calendar/2027-28", { terms: [{ term: 1, start: "2027-07-15", end: "2027-10-22" }, ...TERMS_2027_28.slice(1)] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.fieldErrors["terms.0.start"]).toBeDefined();
  });

  it("previews what moves, then saves: due dates appear, the cache is refreshed and the warning goes", async () => {
    const preview = await api(COMMISSIONER, "POST", "/api/admin/calendar/2027-28/preview", { terms: TERMS_2027_28 });
    expect(preview.status).toBe(200);
    // Term 6 of 2026-27 could not have a due date before 2027-28 term 1 existed; now it has one.
    const t6 = preview.body.changes.find((c: { academicYear: string; term: number }) => c.academicYear === "2026-27" && c.term === 6);
    expect(t6.returnDue.before).toBeUndefined();
    expect(t6.returnDue.after).toBeDefined();
    expect(t6.moved).toBe(true);
    expect(preview.body.coverage.ok).toBe(true);
    // Not saved yet.
    expect((await api(COMMISSIONER, "GET", "/api/admin/calendar/2027-28")).body.terms).toHaveLength(0);

    const saved = await api(COMMISSIONER, "PUT", "/api/admin/calendar/2027-28", { terms: TERMS_2027_28 });
    expect(saved.status).toBe(200);
    expect(saved.body.terms.map((t: { start: string }) => t.start)).toEqual(TERMS_2027_28.map((t) => t.start));
    expect(saved.body.terms[0].schoolDays).toBeGreaterThan(30);
    expect(saved.body.terms[0].returnDue).toBeDefined();
    expect(saved.body.coverage.ok).toBe(true);
    // The app's own calendar (cached reference data) sees the year at once.
    const calendar = await app.context.reference.calendar();
    expect(calendar.terms.filter((t) => t.academicYear === "2027-28")).toHaveLength(6);
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { warnings?: string[] };
    expect(health.warnings ?? []).not.toContainEqual(expect.stringContaining("2027-28 term 1"));
  });

  it("imports bank holidays from the GOV.UK file (England and Wales only, each date once) and counts school days without them", async () => {
    const before = (await api(COMMISSIONER, "GET", "/api/admin/calendar/2027-28")).body.terms[5].schoolDays;
    const file = govUkFile([
      { title: "Early May bank holiday", date: "2028-05-01" },
      { title: "Spring bank holiday", date: "2028-05-29" },
      { title: "Christmas Day", date: "2027-12-27" },
      { title: "Extra day", date: "2028-06-06" },
    ]);
    const res = await api(COMMISSIONER, "POST", "/api/admin/calendar/bank-holidays", file);
    expect(res.status).toBe(200);
    expect(res.body.added).toEqual(["2028-05-01", "2028-05-29", "2028-06-06"]);
    expect(res.body.unchanged).toBe(1);
    const again = await api(COMMISSIONER, "POST", "/api/admin/calendar/bank-holidays", file);
    expect(again.body.added).toEqual([]);
    const year = (await api(COMMISSIONER, "GET", "/api/admin/calendar/2027-28")).body;
    expect(year.bankHolidays.map((h: { date: string }) => h.date)).not.toContain("2027-11-30");
    expect(year.terms[5].schoolDays).toBe(before - 1);
    expect((await api(DOVER, "POST", "/api/admin/calendar/bank-holidays", file)).status).toBe(403);
  });

  it("lets a lead set their own district's days and monitoring meetings, never another district's", async () => {
    const own = await api(DOVER, "PUT", "/api/admin/calendar/districts/dover/days/2027-09-02", { kind: "inset", note: "Training day" });
    expect(own.status).toBe(200);
    expect((await api(DOVER, "PUT", "/api/admin/calendar/districts/thanet/days/2027-09-02", { kind: "inset" })).status).toBe(403);
    expect((await api(DOVER, "PUT", "/api/admin/calendar/districts/thanet/monitoring/2027-28/1-2", { at: "2028-02-08T10:00:00Z" })).status).toBe(403);
    expect((await api(DOVER, "PUT", "/api/admin/calendar/2027-28", { terms: TERMS_2027_28 })).status).toBe(403);
    expect((await api("senco.dover@lift.local", "PUT", "/api/admin/calendar/districts/dover/days/2027-09-03", { kind: "inset" })).status).toBe(403);

    const meeting = await api(DOVER, "PUT", "/api/admin/calendar/districts/dover/monitoring/2027-28/1-2", { at: "2028-02-15T10:00:00Z", packUrl: "https://example.org/dover-pack" });
    expect(meeting.status).toBe(200);
    const calendar = await app.context.reference.calendar();
    const dover = calendar.monitoringMeetings.find((m) => m.districtSlug === "dover" && m.academicYear === "2027-28" && m.covers[0] === 1);
    expect(dover).toMatchObject({ at: "2028-02-15T10:00:00Z", packUrl: "https://example.org/dover-pack" });

    // The lead sees their own district's part only.
    const seen = (await api(DOVER, "GET", "/api/admin/calendar/2027-28")).body;
    expect(new Set(seen.monitoringMeetings.map((m: { districtSlug: string }) => m.districtSlug))).toEqual(new Set(["dover"]));
    expect(seen.districtDays).toEqual([{ districtSlug: "dover", date: "2027-09-02", kind: "inset", note: "Training day" }]);
    expect(seen.canEditTerms).toBe(false);

    expect((await api(DOVER, "DELETE", "/api/admin/calendar/districts/dover/days/2027-09-02")).status).toBe(204);
    expect((await api(DOVER, "DELETE", "/api/admin/calendar/districts/dover/days/2027-09-02")).status).toBe(404);
  });

  it("audits every change", async () => {
    const audit = await app.graph.stores.auditLog.all({ where: { listTitle: "Terms" } });
    expect(audit.map((a) => a.value.action)).toContain("admin.calendar.add_year");
    const days = await app.graph.stores.auditLog.all({ where: { listTitle: "DistrictDays" } });
    expect(days.map((a) => a.value.action)).toEqual(expect.arrayContaining(["admin.calendar.district_day", "admin.calendar.remove_district_day"]));
  });
});
