import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addYears, DEFAULT_SCHEDULE, retentionDecision, retentionPlan, type RetentionCandidate } from "../../../src/domain/data-protection/retention";
import { erasedCase, erasedReferral, erasedReferralBody, hasIdentity } from "../../../src/domain/data-protection/erasure";
import { RECORD_KINDS } from "../../../src/schemas/data-protection/records";

const child = (over: Partial<RetentionCandidate> = {}): RetentionCandidate => ({ subject: "DOV-2526-0042", kind: "referral", districtSlug: "dover", dateOfBirth: "2017-06-15", hasOpenCase: false, ...over });

describe("addYears", () => {
  it("keeps the day, and puts 29 February on 28 February in a common year", () => {
    expect(addYears("2017-06-15", 25)).toBe("2042-06-15");
    expect(addYears("2016-02-29", 25)).toBe("2041-02-28");
    expect(addYears("2016-02-29", 24)).toBe("2040-02-29");
  });
  it("is never before the date and lands in the year asked for", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }), fc.integer({ min: 1, max: 100 }), (d, years) => {
        const from = d.toISOString().slice(0, 10);
        const to = addYears(from, years);
        expect(to > from).toBe(true);
        expect(Number(to.slice(0, 4))).toBe(Number(from.slice(0, 4)) + years);
      }),
    );
  });
});

describe("retentionDecision", () => {
  const rule = { kind: "referral" as const, anchor: "date-of-birth" as const, years: 25 };
  it("is due on the anniversary, not the day before", () => {
    expect(retentionDecision(rule, child(), "2042-06-14")).toMatchObject({ state: "kept", dueOn: "2042-06-15" });
    expect(retentionDecision(rule, child(), "2042-06-15")).toMatchObject({ state: "due", dueOn: "2042-06-15" });
  });
  it("holds a child with an open case, whatever the dates", () => {
    expect(retentionDecision(rule, child({ hasOpenCase: true }), "2099-01-01")).toEqual({ state: "held", why: "a case of this child is open" });
  });
  it("holds a record without the date its rule counts from", () => {
    expect(retentionDecision({ ...rule, anchor: "case-closed" }, child(), "2099-01-01")).toMatchObject({ state: "held" });
    expect(retentionDecision(rule, child({ dateOfBirth: undefined }), "2099-01-01")).toMatchObject({ state: "held" });
  });
  it("counts from the case's closure when the rule says so", () => {
    expect(retentionDecision({ ...rule, anchor: "case-closed", years: 6 }, child({ caseClosedAt: "2030-03-01" }), "2036-03-01")).toMatchObject({ state: "due", anchorDate: "2030-03-01" });
  });
});

describe("the default schedule and a plan", () => {
  it("has one rule for every kind of record", () => {
    expect(DEFAULT_SCHEDULE.map((r) => r.kind).sort()).toEqual(RECORD_KINDS.map((k) => k.value).sort());
  });
  it("lists what is due by case reference, sorted, and counts the rest", () => {
    const plan = retentionPlan(DEFAULT_SCHEDULE, [child({ subject: "DOV-2526-0002" }), child({ subject: "DOV-2526-0001", kind: "case" }), child({ subject: "DOV-2526-0003", dateOfBirth: "2030-01-01" }), child({ subject: "DOV-2526-0004", hasOpenCase: true })], "2050-01-01");
    expect(plan.due.map((d) => `${d.subject} ${d.kind}`)).toEqual(["DOV-2526-0001 case", "DOV-2526-0002 referral"]);
    expect(plan.held.map((h) => h.subject)).toEqual(["DOV-2526-0004"]);
    expect(plan.kept).toBe(1);
  });
});

describe("erasure", () => {
  const body = {
    setting: { settingId: "DOV-P1", phase: "primary", name: "White Cliffs" },
    child: { legalName: "Alfie Test", dateOfBirth: "2017-06-15", yearGroup: "Y4", upn: "A12345678901B" },
    needs: { primaryArea: "CL", needType: "SPLD", diagnosis: "Dyslexia (assessed)" },
    views: { parentCarer: "Alfie's mum says…" },
    agreement: { name: "Jo Test" },
  };
  it("keeps only the coded answers the counts read", () => {
    expect(hasIdentity(body)).toBe(true);
    const kept = erasedReferralBody(body);
    expect(kept).toEqual({ setting: { settingId: "DOV-P1", phase: "primary" }, child: { yearGroup: "Y4" }, needs: { primaryArea: "CL", needType: "SPLD" } });
    expect(hasIdentity(kept)).toBe(false);
    expect(JSON.stringify(kept)).not.toMatch(/Alfie|Jo Test|Dyslexia/);
  });
  it("keeps a referral's status, dates and outcome categories but not its notice, history or action text", () => {
    const r = erasedReferral(
      { settingId: "DOV-P1", districtSlug: "dover", variant: "school", status: "outcome-recorded" as never, caseReference: "DOV-2526-0042", meetingId: "7", createdByOid: "00000000-0000-4000-8000-000000000001", submittedAt: "2026-10-01T09:00:00Z", body, history: [{ at: "2026-10-01T09:00:00Z", action: "Moved (Alfie's mum cannot attend)", byName: "Lead" }], notice: "Alfie's case moved", outcome: { categories: ["Training"], summary: "Alfie …", actions: [{ id: "a1", description: "Call Alfie's mum", owner: "SENCo", dueDate: "2026-12-01", done: false }], approvedAt: "2026-10-20T10:00:00Z" } },
      "2090-01-01T00:00:00Z",
    );
    expect(r).toMatchObject({ status: "outcome-recorded", caseReference: "DOV-2526-0042", submittedAt: "2026-10-01T09:00:00Z", meetingId: "7", outcome: { categories: ["Training"], approvedAt: "2026-10-20T10:00:00Z" } });
    expect(r.notice).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/Alfie|Jo Test/);
  });
  it("keeps a case's counted facts and drops the child block and free text", () => {
    const c = erasedCase(
      {
        childRef: "DOV-2526-0042", origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2026-09-01", requesterName: "A Person" }, team: "district", districtSlug: "dover", settingId: "DOV-P1", phase: "primary", primaryArea: "CL",
        allocatedTeacherOid: "00000000-0000-4000-8000-000000000002", allocatedTeacherName: "Teacher", status: "closed",
        statusChanges: [{ status: "open-active", at: "2026-09-02" }, { status: "closed", at: "2027-03-01" }], openedAt: "2026-09-02",
        supportPlan: { supportToBeProvided: "Alfie needs…", reviewDate: "2026-12-01" }, targets: [{ id: "t1", text: "Alfie reads…", agreedWith: ["school"], setAt: "2026-09-02" }],
        child: { legalName: "Alfie Test", dateOfBirth: "2017-06-15" },
        closure: { reason: "other", reasonText: "Alfie moved to…", closedAt: "2027-03-01", finalReviewId: "5", closedByOid: "00000000-0000-4000-8000-000000000002", closedByName: "Teacher" },
        history: [{ at: "2026-09-02T09:00:00Z", action: "Opened for Alfie", byName: "Teacher" }],
      },
      "2090-01-01T00:00:00Z",
    );
    expect(c).toMatchObject({ status: "closed", openedAt: "2026-09-02", primaryArea: "CL", phase: "primary", targets: [{ id: "t1", setAt: "2026-09-02" }], closure: { closedAt: "2027-03-01", reason: "other" }, supportPlan: { reviewDate: "2026-12-01" } });
    expect(c.child).toBeUndefined();
    expect(JSON.stringify(c)).not.toMatch(/Alfie|A Person/);
  });
});
