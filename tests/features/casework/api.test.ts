/**
 * Casework over real HTTP on the tests' fixed clock (Tuesday 24 November 2026, term 2 of 2026-27)
 * with the demo data: a teacher opens a case from an approved LIFT outcome, sets targets, records a
 * visit and a review, closes it with "targets achieved", and Dover's KPI return for the term shows
 * the changed figures as prefilled with their source. Also: access per role (404 for what a caller
 * may not see), bad input, stale eTags, idempotent creates and audit entries without names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { RunningApp } from "../../../src/server/app/start";
import { COMMISSIONER, LEAD, OTHER_LEAD, OTHER_SENCO, SENCO, TEACHER, TODAY, addMeeting, createAndSubmit, key, startReferralApp, type Api, type Json } from "../referrals/helpers";

const CHILD = "Octavia Pemberton-Ravel";
const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
const plan = {
  supportToBeProvided: "Fortnightly visits",
  entranceCriteria: "Below targets after two cycles",
  exitCriteria: "Targets met at review",
  potentialDuration: "One term",
  focusAndPurpose: "Reading fluency",
  progressMeasures: "Running records each half term",
  reviewDate: "2027-02-01",
};

let app: RunningApp;
let api: Api;
let logged: () => string;
let referralId = "";
let caseId = "";
let caseRef = "";

const returnPrefill = async (): Promise<Record<string, { value: number; source: string }>> => {
  const res = await api(LEAD, "GET", "/api/kpi/returns/dover/2026-27/2");
  if (res.status !== 200) throw new Error(`return: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.return.prefill;
};
let before: Record<string, { value: number; source: string }> = {};

beforeAll(async () => {
  ({ app, api, logged } = await startReferralApp());
  // A Dover meeting in December takes the referral; it is then moved to a day already past and held.
  const meetingId = await addMeeting(app, { startsAt: "2026-12-10T13:30:00Z", chairOid: oidOf(LEAD) });
  const submitted = await createAndSubmit(api, meetingId, CHILD);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  referralId = submitted.body.referral.id;
  caseRef = submitted.body.referral.caseReference;
  await app.features.referrals.service.stores.meetings.update(meetingId, { startsAt: "2026-11-12T13:30:00Z", endsAt: "2026-11-12T15:30:00Z", status: "held" });
  const url = `/api/lift-meetings/${meetingId}/outcomes/${referralId}`;
  const saved = await api(LEAD, "PUT", url, { outcome: { categories: ["specialist_teacher_allocated"], allocatedTeacherOid: oidOf(TEACHER), supportPlan: plan, actions: [] } });
  if (saved.status !== 201) throw new Error(`outcome: ${saved.status} ${JSON.stringify(saved.body)}`);
  const approved = await api(LEAD, "POST", `${url}/approve`, { eTag: saved.body.outcome.eTag });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  before = await returnPrefill();
}, 180_000);
afterAll(async () => app?.stop());

describe("a teacher's case from an approved outcome to closure", () => {
  it("opens the case with the outcome's plan and teacher; the same idempotency key answers the same case", async () => {
    const body = { idempotencyKey: key("open"), referralId, openedAt: "2026-11-16" };
    const opened = await api(TEACHER, "POST", "/api/casework/cases/from-outcome", body);
    expect(opened.status).toBe(201);
    const c = opened.body.case;
    expect(c).toMatchObject({ childRef: caseRef, districtSlug: "dover", settingId: "DOV-P1", phase: "primary", primaryArea: "CL", allocatedTeacherOid: oidOf(TEACHER), status: "open-active", supportPlan: plan, nextReviewDue: "2027-02-01" });
    expect(c.origin).toMatchObject({ kind: "lift-outcome", referralId });
    caseId = c.id;
    const again = await api(TEACHER, "POST", "/api/casework/cases/from-outcome", body);
    expect(again.status).toBe(201);
    expect(again.body.case.id).toBe(caseId);
    // A second case from the same outcome under another key is refused.
    expect((await api(TEACHER, "POST", "/api/casework/cases/from-outcome", { ...body, idempotencyKey: key("open") })).status).toBe(409);
  });

  it("sets targets with the eTag, and refuses a stale one with the current case", async () => {
    const opened = (await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body;
    expect(opened.view).toBe("full");
    const targets = [
      { id: "t1", text: "Reads a short passage with fewer than five errors", agreedWith: ["school", "child"], setAt: "2026-11-16" },
      { id: "t2", text: "Uses the phonics mat unprompted", agreedWith: ["school", "family"], setAt: "2026-11-16" },
    ];
    const set = await api(TEACHER, "PUT", `/api/casework/cases/${caseId}`, { eTag: opened.case.eTag, changes: { targets } });
    expect(set.status).toBe(200);
    expect(set.body.case.targets).toHaveLength(2);
    const stale = await api(LEAD, "PUT", `/api/casework/cases/${caseId}`, { eTag: opened.case.eTag, changes: { targets: targets.slice(0, 1) } });
    expect(stale.status).toBe(412);
    expect(stale.body.error.detail.current.targets).toHaveLength(2);
    expect(stale.body.error.detail.current.eTag).toBe(set.body.case.eTag);
  });

  it("records a visit (and refuses one with the wrong standards framework, by field)", async () => {
    const visit = {
      date: "2026-11-20",
      settingId: "DOV-P1",
      seen: ["child", "senco"],
      adviceGiven: "Modelled paired reading",
      nextSteps: "Daily paired reading",
      graduatedApproachStage: "do",
      standards: { framework: "mainstream-core-standards", section: "Cognition and learning" },
    };
    const bad = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/visits`, { idempotencyKey: key("visit"), visit: { ...visit, standards: { framework: "ey-best-practice-guidance", section: "x" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors["visit.standards.framework"]).toEqual(["A school visit refers to the Mainstream Core Standards"]);
    const k = key("visit");
    const made = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/visits`, { idempotencyKey: k, visit });
    expect(made.status).toBe(201);
    const again = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/visits`, { idempotencyKey: k, visit });
    expect(again.body.visit.id).toBe(made.body.visit.id);
    expect((await api(SENCO, "GET", `/api/casework/cases/${caseId}`)).body.visits).toHaveLength(1);
  });

  it("refuses a visit and a status change the audit list cannot record (503), making neither", async () => {
    const store = app.context.stores.auditLog;
    const original = store.create.bind(store);
    const current = (await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case;
    store.create = (async () => {
      throw new Error("AuditLog unavailable");
    }) as typeof store.create;
    try {
      const visit = { date: "2026-11-23", settingId: "DOV-P1", seen: ["child"], adviceGiven: "Word games", nextSteps: "Practise daily", graduatedApproachStage: "do", standards: { framework: "mainstream-core-standards", section: "Cognition and learning" } };
      const refused = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/visits`, { idempotencyKey: key("visit-audit"), visit });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe("audit_unavailable");
      const status = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/status`, { eTag: current.eTag, change: { status: "open-inactive", inactiveReason: "paused", at: "2026-11-23" } });
      expect(status.status).toBe(503);
    } finally {
      store.create = original;
    }
    const after = (await api(SENCO, "GET", `/api/casework/cases/${caseId}`)).body;
    expect(after.visits).toHaveLength(1);
    expect(after.case.eTag).toBe(current.eTag);
  });

  it("records the final review and closes the case with targets achieved; Dover's return shows it prefilled", async () => {
    const review = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/reviews`, {
      idempotencyKey: key("review"),
      review: { date: TODAY, results: [{ targetId: "t1", result: "achieved" }, { targetId: "t2", result: "achieved" }], targetsAmended: false, final: true },
    });
    expect(review.status).toBe(201);
    expect(review.body.case.nextReviewDue).toBeUndefined();
    const current = (await api(TEACHER, "GET", `/api/casework/cases/${caseId}`)).body.case;
    const closed = await api(TEACHER, "POST", `/api/casework/cases/${caseId}/close`, {
      eTag: current.eTag,
      closure: { reason: "targets-achieved", closedAt: TODAY, finalReviewId: review.body.review.id },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.case.status).toBe("closed");
    expect(closed.body.case.targets.every((t: Json) => t.endedAt === TODAY)).toBe(true);

    const after = await returnPrefill();
    for (const id of ["closed_achieved_num", "closed_achieved_den", "kpi_2_1_num", "kpi_2_1_den", "targets_amended_den"]) {
      expect(after[id], id).toBeDefined();
      expect(after[id]!.value, id).toBe((before[id]?.value ?? 0) + 1);
    }
    expect(after.closed_achieved_num!.source).toMatch(/closed because the targets were achieved/);
    const figures = await api(LEAD, "GET", "/api/casework/figures/dover/2026-27/2");
    expect(figures.status).toBe(200);
    expect(figures.body.figures.closed_achieved_num).toEqual(after.closed_achieved_num);
  });
});

describe("access", () => {
  it("answers 404 for a case of another district or setting, and to commissioners", async () => {
    for (const upn of [OTHER_LEAD, OTHER_SENCO, COMMISSIONER]) {
      expect((await api(upn, "GET", `/api/casework/cases/${caseId}`)).status, upn).toBe(404);
    }
    expect((await api(TEACHER, "GET", "/api/casework/cases/999999")).status).toBe(404);
    expect((await api(TEACHER, "GET", "/api/casework/cases/not-an-id")).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", "/api/casework/cases?district=dover")).status).toBe(404);
    expect((await api(OTHER_LEAD, "GET", "/api/casework/figures/dover/2026-27/2")).status).toBe(404);
    expect((await api(SENCO, "GET", "/api/casework/figures/dover/2026-27/2")).status).toBe(404);
    expect((await api(COMMISSIONER, "GET", "/api/casework/figures/dover/2026-27/2")).status).toBe(200);
  });

  it("lists a SENCo's setting's cases only, read only", async () => {
    const list = await api(SENCO, "GET", "/api/casework/cases");
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((c: Json) => c.settingId === "DOV-P1" && c.view === "full")).toBe(true);
    const one = (await api(SENCO, "GET", `/api/casework/cases/${caseId}`)).body;
    expect(one.access).toEqual({ work: false, manage: false });
    const change = await api(SENCO, "POST", `/api/casework/cases/${caseId}/status`, { eTag: one.case.eTag, change: { status: "open-inactive", at: TODAY, inactiveReason: "paused" } });
    expect(change.status).toBe(403);
  });

  it("lists the teacher's own caseload with teacher=me, and the district's for the lead", async () => {
    const mine = (await api(TEACHER, "GET", "/api/casework/cases?teacher=me")).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: Json) => c.allocatedTeacherOid === oidOf(TEACHER))).toBe(true);
    const district = (await api(LEAD, "GET", "/api/casework/cases")).body.items;
    expect(district.every((c: Json) => c.districtSlug === "dover")).toBe(true);
    expect(district.length).toBeGreaterThanOrEqual(mine.length);
    const overdue = (await api(LEAD, "GET", "/api/casework/cases?reviews=overdue")).body.items;
    expect(overdue.every((c: Json) => c.reviewOverdue && c.nextReviewDue < TODAY)).toBe(true);
  });
});

describe("bad input", () => {
  it("answers 400 with field errors for a bad body and a bad query value", async () => {
    const res = await api(LEAD, "POST", "/api/casework/cases", { case: { origin: { kind: "direct" } } });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors.idempotencyKey).toBeDefined();
    expect(Object.keys(res.body.error.fieldErrors).some((k) => k.startsWith("case."))).toBe(true);
    const q = await api(LEAD, "GET", "/api/casework/cases?status=finished");
    expect(q.status).toBe(400);
    expect(q.body.error.fieldErrors.status).toBeDefined();
  });

  it("opens a direct-request case with a new case reference, once per idempotency key", async () => {
    const body = {
      idempotencyKey: key("direct"),
      case: {
        origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-11-02" },
        team: "district",
        settingId: "DOV-P1",
        primaryArea: "SEMH",
        allocatedTeacherOid: oidOf(TEACHER),
        openedAt: "2026-11-03",
        supportPlan: { reviewDate: "2027-01-20" },
        targets: [],
        status: "open-active",
        child: { legalName: "Direct Request Child", dateOfBirth: "2018-01-01" },
      },
    };
    const made = await api(LEAD, "POST", "/api/casework/cases", body);
    expect(made.status).toBe(201);
    expect(made.body.case.childRef).toMatch(/^DOV-2627-\d{4}$/);
    expect(made.body.case.childRef).not.toBe(caseRef);
    const again = await api(LEAD, "POST", "/api/casework/cases", body);
    expect(again.body.case).toMatchObject({ id: made.body.case.id, childRef: made.body.case.childRef });
    // The teacher's colleague view has no child's details.
    const seen = await api(TEACHER, "GET", `/api/casework/cases/${made.body.case.id}`);
    expect(seen.body.view).toBe("full");
  });
});

describe("audit", () => {
  it("records casework reads and writes without a child's name, and the log never names the child", async () => {
    const entries = (await app.context.stores.auditLog.all({ pageSize: 5000 })).map((e) => e.value).filter((e) => e.action.startsWith("casework."));
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ["casework.case_opened", "casework.case_read", "casework.case_updated", "casework.visit_recorded", "casework.review_recorded", "casework.case_closed", "casework.case_listed"]) {
      expect(actions.has(a), a).toBe(true);
    }
    const text = JSON.stringify(entries);
    expect(text).not.toContain("Octavia");
    expect(text).not.toContain("Direct Request Child");
    expect(text).not.toContain("paired reading");
    expect(logged()).not.toContain("Octavia");
  });
});
