/**
 * The countywide sensory and physical-disability teams over real HTTP with the demo data (the tests'
 * fixed clock): a county team's specialist teacher opens direct cases in any district within the
 * team's remit, sees their own caseload and the team's cases across districts (a colleague's
 * pseudonymised), and no district's own cases; a district teacher cannot open a case in another
 * district; district leads still see only their district, with a county case there pseudonymised.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import { LEAD, OTHER_LEAD, TEACHER, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

const SENSORY = "teacher.sensory@lift.local";
const PHYSICAL = "teacher.physical@lift.local";
const COLLEAGUE = { oid: "7d1f2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6", upn: "teacher2.sensory@lift.local", displayName: "Ola Sensory", role: "specialist_teacher" as const, districtSlug: "swale", countyTeam: "sensory" as const };
const oidOf = (upn: string) => (DEMO_PEOPLE.find((p) => p.upn === upn) ?? (upn === COLLEAGUE.upn ? COLLEAGUE : undefined))?.oid as string;

let app: RunningApp;
let api: Api;
const opened: Record<string, { id: string; childRef: string }> = {};

const countyCase = (settingId: string, over: Json = {}): Json => ({
  origin: { kind: "direct", requestedBy: "county-sensory-team", requestedAt: "2026-11-02" },
  team: "county-sensory",
  settingId,
  primaryArea: "SP",
  allocatedTeacherOid: oidOf(SENSORY),
  openedAt: "2026-11-05",
  status: "open-active",
  supportPlan: { supportToBeProvided: "Mobility and access advice", reviewDate: "2027-01-25" },
  targets: [],
  child: { legalName: "County Test Child", dateOfBirth: "2017-03-04" },
  ...over,
});

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
  // A second member of the sensory team, based in another district.
  await app.context.stores.people.create(COLLEAGUE, { idempotencyKey: `person:${COLLEAGUE.oid}` });
  (app.context.people as { invalidate?(): void }).invalidate?.();
}, 180_000);
afterAll(async () => app?.stop());

describe("a county team's specialist teacher", () => {
  it("opens direct cases for children in different districts", async () => {
    for (const [district, settingId] of [["dover", "DOV-P1"], ["thanet", "THA-P1"]] as const) {
      const res = await api(SENSORY, "POST", "/api/casework/cases", { idempotencyKey: key("county"), case: countyCase(settingId) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.case).toMatchObject({ team: "county-sensory", districtSlug: district, allocatedTeacherOid: oidOf(SENSORY) });
      opened[district] = { id: res.body.case.id, childRef: res.body.case.childRef };
    }
    const colleague = await api(COLLEAGUE.upn, "POST", "/api/casework/cases", { idempotencyKey: key("county"), case: countyCase("DOV-S1", { allocatedTeacherOid: COLLEAGUE.oid }) });
    expect(colleague.status, JSON.stringify(colleague.body)).toBe(201);
    opened.colleague = { id: colleague.body.case.id, childRef: colleague.body.case.childRef };
  });

  it("is refused a need outside the team's remit, another team's case, a district case, or a case for someone else", async () => {
    const remit = await api(SENSORY, "POST", "/api/casework/cases", { idempotencyKey: key("county"), case: countyCase("DOV-P1", { primaryArea: "CL" }) });
    expect(remit.status).toBe(400);
    expect(remit.body.error.fieldErrors["case.primaryArea"]).toBeDefined();
    const otherTeam = await api(SENSORY, "POST", "/api/casework/cases", {
      idempotencyKey: key("county"),
      case: countyCase("DOV-P1", { team: "county-physical-disability", origin: { kind: "direct", requestedBy: "county-physical-disability-team", requestedAt: "2026-11-02" } }),
    });
    expect(otherTeam.status).toBe(404);
    const district = await api(SENSORY, "POST", "/api/casework/cases", {
      idempotencyKey: key("county"),
      case: countyCase("DOV-P1", { team: "district", origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" } }),
    });
    expect(district.status).toBe(404);
    const forOther = await api(SENSORY, "POST", "/api/casework/cases", { idempotencyKey: key("county"), case: countyCase("DOV-P1", { allocatedTeacherOid: oidOf(TEACHER) }) });
    expect(forOther.status).toBe(403);
  });

  it("sees their own caseload and the team's cases across districts, a colleague's pseudonymised, and no district team's case", async () => {
    const list = await api(SENSORY, "GET", "/api/casework/cases");
    expect(list.status).toBe(200);
    const items = list.body.items as Array<{ id: string; team: string; districtSlug: string; view: string }>;
    expect(new Set(items.map((c) => c.team))).toEqual(new Set(["county-sensory"]));
    const byId = new Map(items.map((c) => [c.id, c]));
    expect(byId.get(opened.dover!.id)).toMatchObject({ view: "full", districtSlug: "dover" });
    expect(byId.get(opened.thanet!.id)).toMatchObject({ view: "full", districtSlug: "thanet" });
    expect(byId.get(opened.colleague!.id)).toMatchObject({ view: "pseudonymised" });
    const mine = (await api(SENSORY, "GET", "/api/casework/cases?teacher=me")).body.items as Array<{ id: string }>;
    expect(mine.map((c) => c.id).sort()).toEqual([opened.dover!.id, opened.thanet!.id].sort());
    const thanet = (await api(SENSORY, "GET", "/api/casework/cases?district=thanet")).body.items as Array<{ districtSlug: string }>;
    expect(thanet.length).toBeGreaterThan(0);
    expect(thanet.every((c) => c.districtSlug === "thanet")).toBe(true);
    const colleagues = await api(SENSORY, "GET", `/api/casework/cases/${opened.colleague!.id}`);
    expect(colleagues.body.view).toBe("pseudonymised");
    expect(JSON.stringify(colleagues.body)).not.toContain("County Test Child");
    // The other county team sees none of it.
    expect((await api(PHYSICAL, "GET", `/api/casework/cases/${opened.dover!.id}`)).status).toBe(404);
    expect(((await api(PHYSICAL, "GET", "/api/casework/cases")).body.items as Array<{ team: string }>).every((c) => c.team === "county-physical-disability")).toBe(true);
  });

  it("is not on a district's LIFT team list", async () => {
    const team = await api(LEAD.replace("dover", "maidstone"), "GET", "/api/people?district=maidstone&role=specialist_teacher");
    expect(team.status).toBe(200);
    expect((team.body.items as Array<{ oid: string }>).map((p) => p.oid)).not.toContain(oidOf(SENSORY));
  });
});

describe("district teachers and leads", () => {
  it("a district teacher cannot open a case in another district, nor a county team's case", async () => {
    const elsewhere = await api(TEACHER, "POST", "/api/casework/cases", {
      idempotencyKey: key("district"),
      case: countyCase("THA-P1", { team: "district", origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" }, allocatedTeacherOid: oidOf(TEACHER) }),
    });
    expect(elsewhere.status).toBe(404);
    const county = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("district"), case: countyCase("DOV-P1", { allocatedTeacherOid: oidOf(TEACHER) }) });
    expect(county.status).toBe(404);
    const home = await api(TEACHER, "POST", "/api/casework/cases", {
      idempotencyKey: key("district"),
      case: countyCase("DOV-P1", { team: "district", primaryArea: "CL", origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" }, allocatedTeacherOid: oidOf(TEACHER) }),
    });
    expect(home.status).toBe(201);
  });

  it("a lead sees only their district: a county case there pseudonymised, one elsewhere not at all", async () => {
    const dover = (await api(LEAD, "GET", "/api/casework/cases")).body.items as Array<{ id: string; districtSlug: string; view: string }>;
    expect(dover.every((c) => c.districtSlug === "dover")).toBe(true);
    expect(dover.find((c) => c.id === opened.dover!.id)).toMatchObject({ view: "pseudonymised" });
    expect(dover.some((c) => c.id === opened.thanet!.id)).toBe(false);
    expect((await api(LEAD, "GET", `/api/casework/cases/${opened.thanet!.id}`)).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", `/api/casework/cases/${opened.thanet!.id}`)).body.view).toBe("pseudonymised");
    // Leads cannot work a county team's case.
    const c = await api(LEAD, "POST", `/api/casework/cases/${opened.dover!.id}/status`, { eTag: "x", change: { status: "open-inactive", at: "2026-11-20", inactiveReason: "open-for-funding" } });
    expect(c.status).toBe(403);
  });
});
