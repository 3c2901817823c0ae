/**
 * The early years SENIF route over real HTTP with the demo data (the tests' fixed clock): an early
 * years LIFT outcome asks for a SENIF practitioner; the case opened from it starts with that request,
 * dated the day of the LIFT; a practitioner (name, role, date) can be allocated only from the day the
 * specialist teacher was, and the case shows the allocation. A school-age outcome cannot ask.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import { LEAD, TEACHER, addMeeting, key, startReferralApp, type Api } from "../referrals/helpers";

const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
const plan = {
  supportToBeProvided: "Modelling in the setting",
  entranceCriteria: "Not joining group times",
  exitCriteria: "Joins group times with support",
  potentialDuration: "Two terms",
  focusAndPurpose: "Communication",
  progressMeasures: "Observation",
  reviewDate: "2027-02-15",
};

let app: RunningApp;
let api: Api;
let meetingId = "";
let eyId = "";
let schoolId = "";

/** A copy of a demo Dover referral of that variant, placed on the test's own held meeting under a new reference. */
async function placed(variant: "early-years" | "school", n: number): Promise<string> {
  const store = app.features.referrals.service.stores.referrals;
  const demo = (await store.all({ where: { districtSlug: "dover" }, pageSize: 5000 })).find((r) => r.value.variant === variant && r.value.status !== "draft" && r.value.caseReference);
  if (!demo) throw new Error(`no demo ${variant} referral`);
  const { outcome: _outcome, ...value } = demo.value;
  const made = await store.create({ ...value, meetingId, status: "scheduled", caseReference: `DOV-2627-9${variant === "early-years" ? 1 : 2}${n}0` }, { idempotencyKey: key("referral") });
  return made.id;
}

beforeAll(async () => {
  ({ app, api } = await startReferralApp());
  meetingId = await addMeeting(app, { startsAt: "2026-11-12T13:30:00Z", kind: "early-years", status: "held", chairOid: oidOf(LEAD) });
  eyId = await placed("early-years", 1);
  schoolId = await placed("school", 2);
}, 180_000);
afterAll(async () => app?.stop());

describe("SENIF from an early years LIFT outcome", () => {
  it("a school-age outcome cannot request a SENIF practitioner; nor one without a specialist teacher", async () => {
    const school = await api(LEAD, "PUT", `/api/lift-meetings/${meetingId}/outcomes/${schoolId}`, { outcome: { categories: ["specialist_teacher_allocated"], allocatedTeacherOid: oidOf(TEACHER), supportPlan: plan, senifRequested: true, actions: [] } });
    expect(school.status).toBe(400);
    expect(school.body.error.fieldErrors["outcome.senifRequested"]).toEqual(["SENIF support is for early years children only"]);
    const url = `/api/lift-meetings/${meetingId}/outcomes/${eyId}`;
    const draft = await api(LEAD, "PUT", url, { outcome: { categories: ["strategies_resolved"], senifRequested: true, actions: [] } });
    expect(draft.status).toBe(201);
    const approve = await api(LEAD, "POST", `${url}/approve`, { eTag: draft.body.outcome.eTag });
    expect(approve.status).toBe(400);
    expect(Object.keys(approve.body.error.fieldErrors)).toContain("senifRequested");
  });

  it("the case opened from the approved outcome starts with the request, dated the day of the LIFT", async () => {
    const url = `/api/lift-meetings/${meetingId}/outcomes/${eyId}`;
    const current = (await api(LEAD, "GET", url)).body.outcome;
    const saved = await api(LEAD, "PUT", url, { eTag: current.eTag, outcome: { categories: ["specialist_teacher_allocated"], allocatedTeacherOid: oidOf(TEACHER), supportPlan: plan, senifRequested: true, actions: [] } });
    expect(saved.status).toBe(200);
    expect(saved.body.outcome.outcome.senifRequested).toBe(true);
    const approved = await api(LEAD, "POST", `${url}/approve`, { eTag: saved.body.outcome.eTag });
    expect(approved.status).toBe(200);
    const opened = await api(TEACHER, "POST", "/api/casework/cases/from-outcome", { idempotencyKey: key("open"), referralId: eyId, openedAt: "2026-11-16" });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body.case.phase).toBe("early-years");
    expect(opened.body.case.senif).toEqual({ status: "requested", requestedAt: "2026-11-12", requestedVia: "lift-outcome" });

    // Allocation: not before the specialist teacher (the case opened on 16 November).
    const id = opened.body.case.id;
    const early = await api(TEACHER, "PUT", `/api/casework/cases/${id}/senif`, {
      eTag: opened.body.case.eTag,
      senif: { status: "allocated", requestedAt: "2026-11-12", requestedVia: "lift-outcome", practitionerName: "Pat Jones", practitionerRole: "SENIF practitioner", allocatedAt: "2026-11-13" },
    });
    expect(early.status).toBe(400);
    expect(early.body.error.fieldErrors["senif.allocatedAt"]).toEqual(["A SENIF practitioner can be allocated only after a specialist teacher has been allocated"]);
    const ok = await api(TEACHER, "PUT", `/api/casework/cases/${id}/senif`, {
      eTag: opened.body.case.eTag,
      senif: { status: "allocated", requestedAt: "2026-11-12", requestedVia: "lift-outcome", practitionerName: "Pat Jones", practitionerRole: "SENIF practitioner", allocatedAt: "2026-11-18" },
    });
    expect(ok.status).toBe(200);
    const shown = await api(TEACHER, "GET", `/api/casework/cases/${id}`);
    expect(shown.body.case.senif).toMatchObject({ status: "allocated", practitionerName: "Pat Jones", practitionerRole: "SENIF practitioner", allocatedAt: "2026-11-18", requestedVia: "lift-outcome" });
  });
});
