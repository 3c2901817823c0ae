/**
 * The SLA's read-only roles read their own part of the KPI summary, whatever they ask for: an Area
 * LIFT Forum its area, an SLA-holding headteacher and a district's LIFT Executive their district, a
 * LIFT Executive member given no district the county; none of them the export, nor whether the bot
 * reaches each lead ([Oversight](../../../docs/reference/service.md#oversight-lift-executives-area-forums-sla-holding-heads)).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { localObjectId } from "../../../src/server/features/admin";
import { apiFor, type Api, type Json } from "../../support/api-client";
import { onTestApp } from "../../support/test-app";

let api: Api;
onTestApp((a) => {
  api = apiFor(a.url);
});

const YEAR = "2025-26";
const people = [
  ["exec.county@lift.local", "Exec County", "lift_executive", "", ""],
  ["exec.dover@lift.local", "Exec Dover", "lift_executive", "dover", ""],
  ["forum.east@lift.local", "Forum East", "area_lift_forum", "", "East"],
  ["head.dover@lift.local", "Head Dover", "sla_headteacher", "dover", ""],
] as const;

beforeAll(async () => {
  const lines = people.map(([upn, name, role, district, area]) => `${localObjectId(upn)},${upn},${name},${role},${district},,${area},`);
  const res = await api("commissioner@lift.local", "POST", "/api/admin/people/import", { csv: ["oid,upn,displayName,role,district,setting,area,chairOf", ...lines].join("\n") });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

const districtRows = (body: Json) => [...new Set((body.rows as Json[]).filter((r) => r.level === "district").map((r) => r.name as string))].sort();
const areaRows = (body: Json) => [...new Set((body.rows as Json[]).filter((r) => r.level === "area").map((r) => r.name as string))].sort();

describe("the KPI summary for the SLA's read-only roles", () => {
  it("gives an Area LIFT Forum its area's districts only, and 404 for a district or area outside it", async () => {
    const res = await api("forum.east@lift.local", "GET", `/api/kpi/summary?year=${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(districtRows(res.body)).toEqual(["Canterbury", "Swale", "Thanet"]);
    expect(areaRows(res.body)).toEqual(["East"]);
    expect(res.body.reachability).toEqual([]);
    expect((await api("forum.east@lift.local", "GET", `/api/kpi/summary?year=${YEAR}&district=dover`)).status).toBe(404);
    expect((await api("forum.east@lift.local", "GET", `/api/kpi/summary?year=${YEAR}&area=South`)).status).toBe(404);
    expect((await api("forum.east@lift.local", "GET", `/api/kpi/summary?year=${YEAR}&district=thanet`)).status).toBe(200);
  });

  it("gives an SLA-holding headteacher and a district's LIFT Executive their district only", async () => {
    for (const upn of ["head.dover@lift.local", "exec.dover@lift.local"]) {
      const res = await api(upn, "GET", `/api/kpi/summary?year=${YEAR}`);
      expect(res.status, upn).toBe(200);
      expect(districtRows(res.body), upn).toEqual(["Dover"]);
      for (const c of res.body.completeness as Json[]) expect([...c.missingDistricts, ...c.submittedDistricts].every((d: string) => d === "Dover" || d === "dover"), upn).toBe(true);
      expect((await api(upn, "GET", `/api/kpi/summary?year=${YEAR}&district=thanet`)).status, upn).toBe(404);
    }
  });

  it("gives a LIFT Executive member given no district the county, without the bot's reach", async () => {
    const res = await api("exec.county@lift.local", "GET", `/api/kpi/summary?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(districtRows(res.body)).toHaveLength(12);
    expect(res.body.reachability).toEqual([]);
    const commissioner = await api("commissioner@lift.local", "GET", `/api/kpi/summary?year=${YEAR}`);
    expect(commissioner.body.reachability).toHaveLength(12);
  });

  it("refuses them the export, the returns and the monitoring pack", async () => {
    for (const [upn] of people) {
      expect((await api(upn, "GET", `/api/kpi/summary/export?year=${YEAR}&format=csv`)).status, upn).toBe(403);
      expect((await api(upn, "GET", `/api/kpi/returns/dover/${YEAR}/1`)).status, upn).toBe(403);
      expect((await api(upn, "GET", `/api/kpi/monitoring-pack/dover?year=${YEAR}`)).status, upn).toBe(403);
    }
    expect((await api("senco.dover@lift.local", "GET", `/api/kpi/summary?year=${YEAR}`)).status).toBe(403);
  });

  it("shows the read-only roles anonymised agendas of their own part only", async () => {
    const dover = (await api("commissioner@lift.local", "GET", "/api/lift-meetings?district=dover")).body.items[0];
    const thanet = (await api("commissioner@lift.local", "GET", "/api/lift-meetings?district=thanet")).body.items[0];
    const can = async (upn: string, id: string) => (await api(upn, "GET", `/api/lift-meetings/${id}/agenda`)).status;
    expect(await can("forum.east@lift.local", thanet.id)).toBe(200);
    expect(await can("forum.east@lift.local", dover.id)).toBe(404);
    expect(await can("exec.dover@lift.local", dover.id)).toBe(200);
    expect(await can("exec.dover@lift.local", thanet.id)).toBe(404);
    expect(await can("exec.county@lift.local", thanet.id)).toBe(200);
    const agenda = (await api("forum.east@lift.local", "GET", `/api/lift-meetings/${thanet.id}/agenda`)).body;
    for (const e of agenda.entries) expect(e.childName).toBeUndefined();
    expect((await api("forum.east@lift.local", "GET", "/api/lift-meetings?district=thanet")).status).toBe(200);
    expect((await api("forum.east@lift.local", "GET", "/api/lift-meetings?district=dover")).status).toBe(404);
  });
});
