import { describe, expect, it } from "vitest";
import {
  CaseCloseInput,
  CaseItem,
  CaseOpenInput,
  CaseStatusInput,
  CaseUpdateInput,
  ClinicInput,
  ClinicItem,
  ReviewInput,
  ReviewItem,
  VisitInput,
  VisitItem,
} from "../../../src/schemas/casework/records";
import { makeCase, makeClinic, makeReview, makeVisit, TEACHER } from "./fixtures";

/** Messages keyed by dotted path, as the forms show them. */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of result.error?.issues ?? []) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

const openInput = {
  childRef: "DOV-2526-0001",
  origin: { kind: "lift-outcome", referralId: "r1", meetingId: "m1", categories: ["specialist_teacher_allocated"] },
  team: "district",
  settingId: "DOV-P1",
  primaryArea: "CI",
  allocatedTeacherOid: TEACHER,
  openedAt: "2025-09-10",
  supportPlan: { reviewDate: "2025-11-20" },
  targets: [],
  status: "open-active",
};

describe("casework records", () => {
  it("the fixtures are valid list items", () => {
    const { id: _c, ...c } = makeCase();
    const { id: _r, ...r } = makeReview();
    const { id: _v, ...v } = makeVisit();
    const { id: _k, ...k } = makeClinic();
    expect(CaseItem.safeParse(c).success).toBe(true);
    expect(ReviewItem.safeParse(r).success).toBe(true);
    expect(VisitItem.safeParse(v).success).toBe(true);
    expect(ClinicItem.safeParse(k).success).toBe(true);
  });

  it("refuses unknown keys and a malformed child handle", () => {
    const { id: _c, ...c } = makeCase();
    expect(CaseItem.safeParse({ ...c, childName: "x" }).success).toBe(false);
    expect(messages(CaseItem.safeParse({ ...c, childRef: "Dover 1" }))).toHaveProperty("childRef");
  });
});

describe("inputs derived from the records", () => {
  it("a case from a LIFT outcome opens without the child's details (the referral holds them)", () => {
    expect(CaseOpenInput.safeParse(openInput).success).toBe(true);
    const withChild = { ...openInput, child: { legalName: "A Child", dateOfBirth: "2018-05-01" } };
    expect(messages(CaseOpenInput.safeParse(withChild)).child).toEqual(["The referral already holds the child's details: do not enter them again"]);
  });

  it("a direct request or clinic case must hold the child's details", () => {
    const direct = { ...openInput, origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2025-09-01" } };
    expect(messages(CaseOpenInput.safeParse(direct)).child).toEqual(["Enter the child's details: without a referral the case holds them"]);
    expect(CaseOpenInput.safeParse({ ...direct, child: { legalName: "A Child", dateOfBirth: "2018-05-01" } }).success).toBe(true);
  });

  it("a county team's case comes from that team's direct request", () => {
    const fromLift = { ...openInput, team: "county-sensory" };
    expect(messages(CaseOpenInput.safeParse(fromLift)).team).toHaveLength(1);
    const direct = {
      ...openInput,
      team: "county-sensory",
      origin: { kind: "direct", requestedBy: "county-sensory-team", requestedAt: "2025-09-01" },
      child: { legalName: "A Child", dateOfBirth: "2018-05-01" },
    };
    expect(CaseOpenInput.safeParse(direct).success).toBe(true);
    expect(messages(CaseOpenInput.safeParse({ ...direct, team: "county-physical-disability" })).team).toHaveLength(1);
  });

  it("opening inactive needs a reason; the secondary area differs from the primary", () => {
    const m = messages(CaseOpenInput.safeParse({ ...openInput, status: "open-inactive", secondaryArea: "CI" }));
    expect(m.inactiveReason).toEqual(["Choose why the case is not actively supported"]);
    expect(m.secondaryArea).toEqual(["The secondary area of need must differ from the primary area"]);
  });

  it("the form may not choose server-set fields", () => {
    expect(CaseOpenInput.safeParse({ ...openInput, districtSlug: "dover" }).success).toBe(false);
    expect(CaseOpenInput.safeParse({ ...openInput, allocatedTeacherName: "Someone" }).success).toBe(false);
    expect(VisitInput.safeParse({ ...makeVisit(), id: undefined }).success).toBe(false);
  });

  it("updates are partial", () => {
    expect(CaseUpdateInput.safeParse({ supportPlan: { reviewDate: "2026-01-10" } }).success).toBe(true);
    expect(CaseUpdateInput.safeParse({ status: "closed" }).success).toBe(false);
  });

  it("a status change cannot close a case, and going inactive needs a reason", () => {
    expect(CaseStatusInput.safeParse({ status: "closed", at: "2025-10-01" }).success).toBe(false);
    expect(messages(CaseStatusInput.safeParse({ status: "open-inactive", at: "2025-10-01" })).inactiveReason).toHaveLength(1);
    expect(
      messages(CaseStatusInput.safeParse({ status: "open-inactive", at: "2025-10-01", inactiveReason: "other" })).inactiveReasonText,
    ).toEqual(["Describe why the case is not actively supported"]);
  });

  it("closing needs a reason from the list, text for other, and the final review", () => {
    expect(CaseCloseInput.safeParse({ reason: "targets-achieved", closedAt: "2025-12-01", finalReviewId: "9" }).success).toBe(true);
    expect(messages(CaseCloseInput.safeParse({ reason: "other", closedAt: "2025-12-01", finalReviewId: "9" })).reasonText).toHaveLength(1);
    const m = messages(CaseCloseInput.safeParse({ reason: "bored", closedAt: "2025-12-01" }));
    expect(m.reason).toEqual(["Choose why the case is closing"]);
    expect(m).toHaveProperty("finalReviewId");
  });

  it("a review needs a next review date unless final, and one result per target", () => {
    const base = { date: "2025-11-20", results: [{ targetId: "t1", result: "achieved" }], targetsAmended: false, final: false };
    expect(messages(ReviewInput.safeParse(base)).nextReviewDate).toEqual(["Enter the next review date (or mark this the final review)"]);
    expect(ReviewInput.safeParse({ ...base, final: true }).success).toBe(true);
    expect(messages(ReviewInput.safeParse({ ...base, final: true, nextReviewDate: "2026-01-01" })).nextReviewDate).toHaveLength(1);
    expect(messages(ReviewInput.safeParse({ ...base, nextReviewDate: "2025-11-01" })).nextReviewDate).toEqual([
      "The next review date must be after this review",
    ]);
    const twice = { ...base, final: true, results: [...base.results, { targetId: "t1", result: "progress-50" }] };
    expect(messages(ReviewInput.safeParse(twice))["results.1.targetId"]).toEqual(["Each target has one result"]);
    expect(messages(ReviewInput.safeParse({ ...base, final: true, results: [{ targetId: "t1", result: "half" }] }))["results.0.result"]).toEqual([
      "Choose the result for this target",
    ]);
  });

  it("a visit says who was seen, the advice and next steps, and the stage and standards referred to", () => {
    const m = messages(VisitInput.safeParse({ date: "2025-09-20", settingId: "DOV-P1", seen: [], adviceGiven: " ", nextSteps: "", graduatedApproachStage: "x", standards: { framework: "mainstream-core-standards", section: "" } }));
    expect(m.seen).toEqual(["Say who was seen"]);
    expect(m.adviceGiven).toEqual(["Enter the advice given"]);
    expect(m.nextSteps).toEqual(["Enter the next steps"]);
    expect(m.graduatedApproachStage).toEqual(["Choose the stage of the graduated approach"]);
    expect(m["standards.section"]).toEqual(["Enter the section"]);
  });

  it("a clinic entry is an anonymised question or a case; a case opened names it", () => {
    const { id: _id, updatedAt: _u, updatedByName: _n, ...clinic } = makeClinic();
    expect(ClinicInput.safeParse(clinic).success).toBe(true);
    const bad = { ...clinic, entries: [{ id: "e1", outcome: "advice-given" }, { id: "e1", question: "q", outcome: "case-opened" }] };
    const m = messages(ClinicInput.safeParse(bad));
    expect(m["entries.0.question"]).toHaveLength(1);
    expect(m["entries.1.caseId"]).toEqual(["Choose the case the clinic opened"]);
    expect(m["entries.1.id"]).toEqual(["Two entries have the same id"]);
    expect(messages(ClinicInput.safeParse({ ...clinic, kind: "in-school-review" })).settingId).toHaveLength(1);
  });
});
