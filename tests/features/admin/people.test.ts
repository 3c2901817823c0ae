import { describe, expect, it } from "vitest";
import { apiFor, type Api } from "../../support/api-client";
import { onTestApp } from "../../support/test-app";
import type { RunningApp } from "../../../src/server/app/start";
import { localObjectId } from "../../../src/server/features/admin";

const COMMISSIONER = "commissioner@lift.local";
const DOVER = "lead.dover@lift.local";

let app: RunningApp;
let api: Api;
onTestApp((a) => {
  app = a;
  api = apiFor(a.url);
});

/** A token for a sign-in name now, without the client's cache: each call is a new sign-in. */
async function signIn(upn: string): Promise<{ status: number; code?: string; token?: string }> {
  const res = await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(upn)}`);
  const body = (await res.json()) as { access_token?: string; error?: { code: string } };
  return { status: res.status, code: body.error?.code, token: body.access_token };
}

async function me(token: string): Promise<{ status: number; body: { role?: string; district?: { slug: string }; error?: { code: string } } }> {
  const res = await fetch(`${app.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as never };
}

describe("people", () => {
  it("finds a new local sign-in name in the directory with a stable object id", async () => {
    const res = await api(COMMISSIONER, "GET", "/api/admin/directory?q=new.teacher@lift.local");
    expect(res.body.items).toEqual([{ oid: localObjectId("new.teacher@lift.local"), displayName: "New Teacher", upn: "new.teacher@lift.local" }]);
    const demo = await api(DOVER, "GET", "/api/admin/directory?q=helen");
    expect(demo.body.items.map((u: { upn: string }) => u.upn)).toContain("lead.dover@lift.local");
    expect((await api("senco.dover@lift.local", "GET", "/api/admin/directory?q=helen")).status).toBe(403);
  });

  it("adds, changes and switches off a person; each takes effect at their next sign-in", async () => {
    const upn = "new.teacher@lift.local";
    const oid = localObjectId(upn);
    expect((await signIn(upn)).status).toBe(404);

    const added = await api(DOVER, "POST", "/api/admin/people", { oid, upn, displayName: "New Teacher", role: "specialist_teacher", districtSlug: "dover", chairOf: ["Dover primary LIFT"] });
    expect(added.status).toBe(201);
    const first = await signIn(upn);
    expect(first.status).toBe(200);
    expect((await me(first.token!)).body).toMatchObject({ role: "specialist_teacher", district: { slug: "dover" } });

    const changed = await api(COMMISSIONER, "PUT", `/api/admin/people/${oid}`, { upn, displayName: "New Teacher", role: "lift_member", districtSlug: "thanet", eTag: added.body.eTag });
    expect(changed.status).toBe(200);
    const second = await signIn(upn);
    expect((await me(second.token!)).body).toMatchObject({ role: "lift_member", district: { slug: "thanet" } });
    // Now in Thanet: Dover's lead no longer administers them.
    expect((await api(DOVER, "POST", `/api/admin/people/${oid}/deactivate`)).status).toBe(404);

    const off = await api(COMMISSIONER, "POST", `/api/admin/people/${oid}/deactivate`);
    expect(off.body.active).toBe(false);
    const refused = await signIn(upn);
    expect(refused).toMatchObject({ status: 403, code: "user_deactivated" });
    // A token issued before they were switched off is refused too.
    expect(await me(second.token!)).toMatchObject({ status: 403, body: { error: { code: "user_deactivated" } } });
    // They are out of the people list every feature reads (team pickers, reminders).
    expect((await app.context.people.list()).some((p) => p.oid === oid)).toBe(false);

    await api(COMMISSIONER, "POST", `/api/admin/people/${oid}/reactivate`);
    expect((await signIn(upn)).status).toBe(200);

    const audit = await app.graph.stores.auditLog.all({ where: { listTitle: "People" } });
    expect(audit.map((a) => a.value.action)).toEqual(expect.arrayContaining(["admin.person.add", "admin.person.change", "admin.person.deactivate", "admin.person.reactivate"]));
  });

  it("refuses a district that does not exist, a setting in another district and a lead's reach beyond their district", async () => {
    const oid = localObjectId("someone@lift.local");
    const bad = await api(COMMISSIONER, "POST", "/api/admin/people", { oid, upn: "someone@lift.local", displayName: "Someone", role: "senco", districtSlug: "dovre", settingId: "THA-P1" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors.districtSlug).toBeDefined();
    const wrongSetting = await api(COMMISSIONER, "POST", "/api/admin/people", { oid, upn: "someone@lift.local", displayName: "Someone", role: "senco", districtSlug: "dover", settingId: "THA-P1" });
    expect(wrongSetting.body.error.fieldErrors.settingId).toBeDefined();
    const otherDistrict = await api(DOVER, "POST", "/api/admin/people", { oid, upn: "someone@lift.local", displayName: "Someone", role: "lift_member", districtSlug: "thanet" });
    expect(otherDistrict.status).toBe(400);
    expect(otherDistrict.body.error.fieldErrors.districtSlug).toBeDefined();
    const promote = await api(DOVER, "POST", "/api/admin/people", { oid, upn: "someone@lift.local", displayName: "Someone", role: "commissioner" });
    expect(promote.body.error.fieldErrors.role).toBeDefined();
    expect((await api(DOVER, "GET", "/api/admin/people?district=thanet")).status).toBe(404);
    const mine = await api(DOVER, "GET", "/api/admin/people");
    expect(new Set(mine.body.items.map((p: { districtSlug: string }) => p.districtSlug))).toEqual(new Set(["dover"]));
    expect((await api("teacher.dover@lift.local", "GET", "/api/admin/people")).status).toBe(403);
  });

  it("keeps a county team member's team through a change", async () => {
    const all = await api(COMMISSIONER, "GET", "/api/admin/people");
    const sensory = all.body.items.find((p: { upn: string }) => p.upn === "teacher.sensory@lift.local");
    expect(sensory.countyTeam).toBe("sensory");
    const { oid, active: _a, eTag, ...fields } = sensory;
    const changed = await api(COMMISSIONER, "PUT", `/api/admin/people/${oid}`, { ...fields, displayName: "Renamed Sensory", eTag });
    expect(changed.body).toMatchObject({ displayName: "Renamed Sensory", countyTeam: "sensory" });
  });

  it("imports a CSV all or nothing, with errors by row", async () => {
    const header = "oid,upn,displayName,role,district,setting,area,chairOf";
    const a = localObjectId("exec.one@lift.local");
    const b = localObjectId("forum.east@lift.local");
    const c = localObjectId("head.dover@lift.local");
    const broken = [header, `${a},exec.one@lift.local,Exec One,LIFT Executive,,,,`, `${b},forum.east@lift.local,Forum East,area_lift_forum,,,,`, `not-a-guid,x@lift.local,X,wizard,nowhere,,,`].join("\n");
    const res = await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: broken });
    expect(res.status).toBe(400);
    const rows = new Set(res.body.error.detail.errors.map((e: { row: number }) => e.row));
    expect(rows).toEqual(new Set([3, 4]));
    expect(res.body.error.fieldErrors["rows.3.areaName"]).toBeDefined();
    expect(res.body.error.fieldErrors["rows.4.role"]).toBeDefined();
    expect((await app.graph.stores.people.all({ where: { oid: a } })).length).toBe(0);

    const good = [header, `${a},exec.one@lift.local,Exec One,LIFT Executive,,,,`, `${b},forum.east@lift.local,Forum East,area_lift_forum,,,East,`, `${c},head.dover@lift.local,Head Dover,SLA-holding headteacher,dover,,,Dover LIFT;Dover EY LIFT`].join("\n");
    expect((await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: good })).body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: good })).body).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect((await api(DOVER, "POST", "/api/admin/people/import", { csv: good })).status).toBe(400);
  });

  it("refuses columns named like an object's own properties as unknown columns", async () => {
    const res = await api(COMMISSIONER, "POST", "/api/admin/people/import", { csv: "oid,upn,displayName,role,constructor,__proto__\nx,y@lift.local,Y,specialist_teacher,a,b" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("Unknown columns: constructor, __proto__.");
  });

  it("shows the LIFT Executive and a district's SLA headteacher anonymised agendas, and another district's none", async () => {
    const meetings = await api("exec.one@lift.local", "GET", "/api/lift-meetings?district=dover");
    expect(meetings.status).toBe(200);
    const withCases = meetings.body.items.find((m: { caseCount?: number }) => (m.caseCount ?? 0) > 0) ?? meetings.body.items[0];
    for (const upn of ["exec.one@lift.local", "head.dover@lift.local"]) {
      const agenda = await api(upn, "GET", `/api/lift-meetings/${withCases.id}/agenda`);
      expect(agenda.status).toBe(200);
      for (const e of agenda.body.entries) expect(e.childName).toBeUndefined();
    }
    const thanet = (await api(COMMISSIONER, "GET", "/api/lift-meetings?district=thanet")).body.items[0];
    expect((await api("head.dover@lift.local", "GET", `/api/lift-meetings/${thanet.id}/agenda`)).status).toBe(404);
    expect((await api("forum.east@lift.local", "GET", `/api/lift-meetings/${withCases.id}/agenda`)).status).toBe(404);
  });

  it("gives the read-only SLA roles no writes anywhere", async () => {
    const as = ["exec.one@lift.local", "forum.east@lift.local", "head.dover@lift.local"];
    for (const upn of as) {
      expect((await api(upn, "GET", "/api/me")).status).toBe(200);
      expect((await api(upn, "POST", "/api/admin/people", { oid: localObjectId("x.y@lift.local"), upn: "x.y@lift.local", displayName: "X", role: "senco", districtSlug: "dover", settingId: "DOV-P1" })).status).toBe(403);
      expect((await api(upn, "PUT", "/api/admin/calendar/2027-28", { terms: [] })).status).toBe(400);
      expect((await api(upn, "PUT", "/api/admin/calendar/districts/dover/days/2027-09-02", { kind: "inset" })).status).toBe(403);
      expect((await api(upn, "PUT", "/api/kpi/returns/dover/2025-26/1", { figures: {} })).status).toBeGreaterThanOrEqual(400);
      // Cases and referrals are children's records: none is listed to them, named or not.
      for (const path of ["/api/casework/cases?district=dover", "/api/referrals?district=dover"]) {
        const res = await api(upn, "GET", path);
        if (res.status === 200) expect(res.body.items).toEqual([]);
        else expect([403, 404]).toContain(res.status);
      }
    }
  });
});
