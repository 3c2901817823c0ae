/**
 * The casework routes the end-to-end test does not walk, over real HTTP on the tests' fixed clock
 * (Tuesday 24 November 2026, term 2 of 2026-27) with the demo data: clinics (record, list, one,
 * update, and who may see them), a case opened from a clinic and one on a direct request, the SENIF
 * route (no practitioner before the specialist teacher), a status change to "not actively supported"
 * with its reason and back, and time to support for a district and term.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, OTHER_LEAD, OTHER_SENCO, SENCO, TEACHER, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
const TEACHER_NAME = DEMO_PEOPLE.find((p) => p.upn === TEACHER)?.displayName as string;

let app: RunningApp;
let api: Api;
let clinicId = "";

const clinic = (over: Json = {}): Json => ({
  districtSlug: "dover",
  kind: "in-school-review",
  phase: "school",
  date: "2026-11-17",
  status: "planned",
  teacherOid: oidOf(TEACHER),
  teacherName: TEACHER_NAME,
  settingId: "DOV-S1",
  entries: [],
  ...over,
});

const directCase = (over: Json = {}): Json => ({
  origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" },
  team: "district",
  settingId: "DOV-E1",
  primaryArea: "CI",
  allocatedTeacherOid: oidOf(TEACHER),
  openedAt: "2026-11-10",
  status: "open-active",
  supportPlan: { supportToBeProvided: "Weekly visits to the setting", reviewDate: "2027-01-20" },
  targets: [{ id: "t1", text: "Joins a small group activity for five minutes", agreedWith: ["school", "family"], setAt: "2026-11-10" }],
  child: { legalName: "Test Child", dateOfBirth: "2023-05-04" },
  ...over,
});

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
}, 180_000);
afterAll(async () => app?.stop());

describe("clinics", () => {
  it("records an in-school review; the same key answers the same clinic", async () => {
    const body = { idempotencyKey: key("clinic"), clinic: clinic() };
    const made = await api(TEACHER, "POST", "/api/casework/clinics", body);
    expect(made.status).toBe(201);
    expect(made.body.clinic).toMatchObject({ districtSlug: "dover", kind: "in-school-review", status: "planned", teacherOid: oidOf(TEACHER), settingId: "DOV-S1", entries: [] });
    clinicId = made.body.clinic.id;
    const again = await api(TEACHER, "POST", "/api/casework/clinics", body);
    expect(again.status).toBe(201);
    expect(again.body.clinic.id).toBe(clinicId);
  });

  it("refuses a clinic that is not the teacher's own, held in the future, or a review without its setting", async () => {
    const other = DEMO_PEOPLE.find((p) => p.role === "district_lead" && p.districtSlug === "dover")?.oid as string;
    const res = await api(TEACHER, "POST", "/api/casework/clinics", {
      idempotencyKey: key("clinic"),
      clinic: clinic({ teacherOid: other, status: "held", date: "2026-12-01" }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fieldErrors)).toEqual(expect.arrayContaining(["clinic.teacherOid", "clinic.status"]));
    const noSetting = await api(TEACHER, "POST", "/api/casework/clinics", { idempotencyKey: key("clinic"), clinic: clinic({ settingId: undefined }) });
    expect(noSetting.status).toBe(400);
    expect(noSetting.body.error.fieldErrors["clinic.settingId"]).toBeDefined();
  });

  it("lists the district's clinics for its lead and teachers, and shows one", async () => {
    for (const who of [LEAD, TEACHER]) {
      const list = await api(who, "GET", "/api/casework/clinics?from=2026-11-01&to=2026-11-30");
      expect(list.status).toBe(200);
      const items = list.body.items as Array<{ id: string; districtSlug: string; date: string }>;
      expect(items.map((c) => c.id)).toContain(clinicId);
      expect(items.every((c) => c.districtSlug === "dover" && c.date >= "2026-11-01" && c.date <= "2026-11-30")).toBe(true);
      // Latest first.
      expect(items.map((c) => c.date)).toEqual([...items.map((c) => c.date)].sort().reverse());
    }
    const one = await api(LEAD, "GET", `/api/casework/clinics/${clinicId}`);
    expect(one.status).toBe(200);
    expect(one.body.clinic).toMatchObject({ id: clinicId, settingId: "DOV-S1" });
  });

  it("hides a clinic from a SENCo (of another setting or district) and from another district's lead", async () => {
    for (const who of [SENCO, OTHER_SENCO, OTHER_LEAD]) {
      expect((await api(who, "GET", `/api/casework/clinics/${clinicId}`)).status, who).toBe(404);
      expect((await api(who, "PUT", `/api/casework/clinics/${clinicId}`, { eTag: "x", clinic: clinic() })).status, who).toBe(404);
    }
    expect((await api(SENCO, "GET", "/api/casework/clinics")).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", "/api/casework/clinics?district=dover")).status).toBe(404);
  });

  it("updates the clinic to held with its anonymised questions; a stale eTag gets 412 with the current clinic", async () => {
    const current = (await api(TEACHER, "GET", `/api/casework/clinics/${clinicId}`)).body.clinic;
    const entries = [
      { id: "e1", settingId: "DOV-S1", question: "Strategies for a pupil who will not write in class?", areaOfNeed: "CL", outcome: "advice-given" },
      { id: "e2", settingId: "DOV-S1", question: "A Year 8 pupil with frequent outbursts", areaOfNeed: "SEMH", outcome: "brought-to-lift" },
    ];
    const held = await api(TEACHER, "PUT", `/api/casework/clinics/${clinicId}`, { eTag: current.eTag, clinic: clinic({ status: "held", entries }) });
    expect(held.status).toBe(200);
    expect(held.body.clinic).toMatchObject({ status: "held", entries });
    expect(held.body.clinic.eTag).not.toBe(current.eTag);
    const stale = await api(TEACHER, "PUT", `/api/casework/clinics/${clinicId}`, { eTag: current.eTag, clinic: clinic({ status: "cancelled" }) });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current).toMatchObject({ id: clinicId, status: "held" });
    expect((await api(TEACHER, "GET", `/api/casework/clinics/${clinicId}`)).body.clinic.status).toBe("held");
    const moved = await api(LEAD, "PUT", `/api/casework/clinics/${clinicId}`, { eTag: held.body.clinic.eTag, clinic: clinic({ districtSlug: "thanet", status: "held", entries }) });
    expect(moved.status).toBe(400);
  });
});

describe("opening a case from a clinic and directly", () => {
  let clinicCaseId = "";

  it("opens a case from the district's clinic, with a new case reference, and the clinic can name it", async () => {
    const res = await api(TEACHER, "POST", "/api/casework/cases", {
      idempotencyKey: key("case"),
      case: directCase({ origin: { kind: "clinic", clinicId }, settingId: "DOV-S1", yearGroup: "Y8", primaryArea: "SEMH", child: { legalName: "Test Pupil", dateOfBirth: "2013-03-03" } }),
    });
    expect(res.status).toBe(201);
    expect(res.body.case).toMatchObject({ origin: { kind: "clinic", clinicId }, districtSlug: "dover", phase: "secondary", status: "open-active", allocatedTeacherOid: oidOf(TEACHER) });
    expect(res.body.case.childRef).toMatch(/^DOV-\d{4}-\d{4,6}$/);
    clinicCaseId = res.body.case.id;
    const current = (await api(TEACHER, "GET", `/api/casework/clinics/${clinicId}`)).body.clinic;
    const entries = [...current.entries, { id: "e3", settingId: "DOV-S1", caseId: clinicCaseId, areaOfNeed: "SEMH", outcome: "case-opened" }];
    const named = await api(TEACHER, "PUT", `/api/casework/clinics/${clinicId}`, { eTag: current.eTag, clinic: clinic({ status: "held", entries }) });
    expect(named.status).toBe(200);
    expect(named.body.clinic.entries).toHaveLength(3);
  });

  it("refuses a clinic origin from another district's clinic, and a clinic case without the child's details", async () => {
    const thanetClinic = (await app.features.casework.service.stores.clinics.all({ where: { districtSlug: "thanet" } }))[0]?.id as string;
    expect(thanetClinic).toBeDefined();
    const foreign = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase({ origin: { kind: "clinic", clinicId: thanetClinic } }) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fieldErrors["case.origin.clinicId"]).toBeDefined();
    const anonymous = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase({ origin: { kind: "clinic", clinicId }, child: undefined }) });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error.fieldErrors["case.child"]).toBeDefined();
  });

  it("opens a case on a local authority's direct request, hidden from another district's SENCo and lead", async () => {
    const res = await api(LEAD, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase({ settingId: "DOV-P2", yearGroup: "Y3", child: { legalName: "Test Pupil", dateOfBirth: "2018-10-10" } }) });
    expect(res.status).toBe(201);
    expect(res.body.case).toMatchObject({ origin: { kind: "direct", requestedBy: "local-authority" }, phase: "primary", settingId: "DOV-P2" });
    expect((await api(OTHER_SENCO, "GET", `/api/casework/cases/${res.body.case.id}`)).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", `/api/casework/cases/${clinicCaseId}`)).status).toBe(404);
  });
});

describe("early years: SENIF after the specialist teacher", () => {
  let caseId = "";
  let eTag = "";

  beforeAll(async () => {
    const opened = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase() });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    caseId = opened.body.case.id;
    eTag = opened.body.case.eTag;
    expect(opened.body.case.phase).toBe("early-years");
  });

  it("refuses a SENIF practitioner allocated before the specialist teacher was", async () => {
    const res = await api(TEACHER, "PUT", `/api/casework/cases/${caseId}/senif`, {
      eTag,
      senif: { status: "allocated", requestedAt: "2026-11-02", requestedVia: "specialist-teacher", practitionerName: "Sam Early", allocatedAt: "2026-11-06" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors["senif.allocatedAt"]?.[0]).toMatch(/after a specialist teacher/);
    expect((await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case.senif).toBeUndefined();
  });

  it("allows the request, then the allocation once the teacher is allocated; the case shows it", async () => {
    const requested = await api(TEACHER, "PUT", `/api/casework/cases/${caseId}/senif`, { eTag, senif: { status: "requested", requestedAt: "2026-11-11", requestedVia: "specialist-teacher" } });
    expect(requested.status).toBe(200);
    expect(requested.body.case.senif).toMatchObject({ status: "requested" });
    const allocated = await api(TEACHER, "PUT", `/api/casework/cases/${caseId}/senif`, {
      eTag: requested.body.case.eTag,
      senif: { status: "allocated", requestedAt: "2026-11-11", requestedVia: "specialist-teacher", practitionerName: "Sam Early", allocatedAt: "2026-11-16" },
    });
    expect(allocated.status).toBe(200);
    expect((await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case.senif).toMatchObject({ status: "allocated", practitionerName: "Sam Early", allocatedAt: "2026-11-16" });
  });

  it("refuses SENIF on a school-age case", async () => {
    const school = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase({ settingId: "DOV-P1", yearGroup: "Y2", child: { legalName: "Test Pupil", dateOfBirth: "2019-02-02" } }) });
    expect(school.status).toBe(201);
    const res = await api(TEACHER, "PUT", `/api/casework/cases/${school.body.case.id}/senif`, { eTag: school.body.case.eTag, senif: { status: "requested", requestedAt: "2026-11-11", requestedVia: "specialist-teacher" } });
    expect(res.status).toBe(400);
  });
});

describe("actively supported or not", () => {
  it("switches open-active to open-inactive with a reason, and back; each change is kept", async () => {
    const opened = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase() });
    expect(opened.status).toBe(201);
    const id = opened.body.case.id;
    const noReason = await api(TEACHER, "POST", `/api/casework/cases/${id}/status`, { eTag: opened.body.case.eTag, change: { status: "open-inactive", at: "2026-11-18" } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fieldErrors["change.inactiveReason"]).toBeDefined();
    const inactive = await api(TEACHER, "POST", `/api/casework/cases/${id}/status`, { eTag: opened.body.case.eTag, change: { status: "open-inactive", at: "2026-11-18", inactiveReason: "open-for-funding" } });
    expect(inactive.status).toBe(200);
    expect(inactive.body.case.status).toBe("open-inactive");
    const stale = await api(TEACHER, "POST", `/api/casework/cases/${id}/status`, { eTag: opened.body.case.eTag, change: { status: "open-active", at: "2026-11-20" } });
    expect(stale.status).toBe(412);
    const earlier = await api(TEACHER, "POST", `/api/casework/cases/${id}/status`, { eTag: inactive.body.case.eTag, change: { status: "open-active", at: "2026-11-17" } });
    expect(earlier.status).toBe(400);
    const active = await api(TEACHER, "POST", `/api/casework/cases/${id}/status`, { eTag: inactive.body.case.eTag, change: { status: "open-active", at: "2026-11-20" } });
    expect(active.status).toBe(200);
    expect(active.body.case.status).toBe("open-active");
    expect(active.body.case.statusChanges).toEqual([
      { status: "open-active", at: "2026-11-10" },
      { status: "open-inactive", at: "2026-11-18", inactiveReason: "open-for-funding" },
      { status: "open-active", at: "2026-11-20" },
    ]);
    // Only the allocated teacher or the lead works the case.
    expect((await api(SENCO, "POST", `/api/casework/cases/${id}/status`, { eTag: active.body.case.eTag, change: { status: "open-inactive", at: "2026-11-21", inactiveReason: "paused" } })).status).not.toBe(200);
  });
});

describe("time to support", () => {
  type Row = { districtSlug: string; term: number; stage: string; count: number; medianDays: number | null };
  const rowsOf = async (who: string, query: string): Promise<Row[]> => {
    const res = await api(who, "GET", `/api/casework/time-to-support?${query}`);
    if (res.status !== 200) throw new Error(`time to support: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.rows;
  };
  const firstVisits = (rows: Row[]) => rows.find((r) => r.districtSlug === "dover" && r.term === 2 && r.stage === "allocation-to-first-visit");

  it("gives the lead their district's three stages for the term, the median missing only when there is none", async () => {
    const rows = await rowsOf(LEAD, "year=2026-27&terms=2");
    expect(new Set(rows.map((r) => r.districtSlug))).toEqual(new Set(["dover"]));
    expect(new Set(rows.map((r) => r.term))).toEqual(new Set([2]));
    expect(rows.map((r) => r.stage).sort()).toEqual(["allocation-to-first-visit", "lift-to-allocation", "referral-to-lift"]);
    for (const r of rows) expect(r.medianDays === null).toBe(r.count === 0);
    expect(rows.some((r) => r.count > 0)).toBe(true);
  });

  it("counts a new case's first visit in the term it happened, with its wait in days", async () => {
    const before = firstVisits(await rowsOf(LEAD, "year=2026-27&terms=2"));
    const opened = await api(TEACHER, "POST", "/api/casework/cases", { idempotencyKey: key("case"), case: directCase({ openedAt: "2026-11-19" }) });
    expect(opened.status).toBe(201);
    const visit = await api(TEACHER, "POST", `/api/casework/cases/${opened.body.case.id}/visits`, {
      idempotencyKey: key("visit"),
      visit: {
        date: "2026-11-23",
        settingId: "DOV-E1",
        seen: ["child", "class-teacher"],
        adviceGiven: "Visual timetable at transitions",
        nextSteps: "Review in four weeks",
        graduatedApproachStage: "plan",
        standards: { framework: "ey-best-practice-guidance", section: "Communication and language" },
      },
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    const after = firstVisits(await rowsOf(LEAD, "year=2026-27&terms=2"));
    expect(after?.count).toBe((before?.count ?? 0) + 1);
    expect(after?.medianDays).not.toBeNull();
  });

  it("answers a commissioner for every district, and 404 for a lead asking after another district", async () => {
    const all = await rowsOf(COMMISSIONER, "year=2026-27&terms=2");
    const districts = (await app.context.reference.districts()).map((d) => d.slug);
    expect(new Set(all.map((r) => r.districtSlug))).toEqual(new Set(districts));
    expect((await api(LEAD, "GET", "/api/casework/time-to-support?year=2026-27&district=thanet")).status).toBe(404);
    expect((await api(SENCO, "GET", "/api/casework/time-to-support?year=2026-27")).status).toBe(404);
    expect((await api(LEAD, "GET", "/api/casework/time-to-support?year=2026&terms=9")).status).toBe(400);
  });
});
