/**
 * GET /api/people: a district's LIFT team for the tab's selects (chair, allocated specialist teacher),
 * to its own members and commissioners only, with object id, name and role and nothing else.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import { apiFor, type Api } from "../support/api-client";

let api: Api;

onTestApp((running) => {
  api = apiFor(running.url);
});

describe("GET /api/people", () => {
  it("lists the Dover specialist teachers to a Dover member: oid, name and role only", async () => {
    const res = await api("lead.dover@lift.local", "GET", "/api/people?district=dover&role=specialist_teacher");
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ oid: "b11bc9f2-df69-50f8-aac7-fed91b6aeb27", displayName: "Sam Patel", role: "specialist_teacher" }]);
  });

  it("without a role lists the whole LIFT team, never SENCos", async () => {
    const res = await api("teacher.dover@lift.local", "GET", "/api/people?district=dover");
    expect(res.status).toBe(200);
    const roles = (res.body.items as { role: string }[]).map((p) => p.role).sort();
    expect(roles).toEqual(["district_lead", "specialist_teacher"]);
    expect(JSON.stringify(res.body)).not.toContain("Jo Bennett");
    expect(JSON.stringify(res.body)).not.toContain("@lift.local");
  });

  it("several roles at once", async () => {
    const res = await api("commissioner@lift.local", "GET", "/api/people?district=dover&role=specialist_teacher,district_lead");
    expect(res.status).toBe(200);
    expect((res.body.items as { displayName: string }[]).map((p) => p.displayName)).toEqual(["Helen Marsh", "Sam Patel"]);
  });

  it("is 404 to another district's members and to SENCos, even of that district", async () => {
    for (const upn of ["lead.thanet@lift.local", "senco.dover@lift.local"]) {
      const res = await api(upn, "GET", "/api/people?district=dover&role=specialist_teacher");
      expect(res.status, upn).toBe(404);
      expect(JSON.stringify(res.body), upn).not.toContain("Sam Patel");
    }
  });

  it("refuses a missing district or a role outside the LIFT team with field errors", async () => {
    const noDistrict = await api("lead.dover@lift.local", "GET", "/api/people");
    expect(noDistrict.status).toBe(400);
    expect(Object.keys(noDistrict.body.error.fieldErrors)).toEqual(["district"]);
    const senco = await api("lead.dover@lift.local", "GET", "/api/people?district=dover&role=senco");
    expect(senco.status).toBe(400);
    expect(Object.keys(senco.body.error.fieldErrors)).toEqual(["role"]);
  });
});
