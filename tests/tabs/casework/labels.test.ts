import { describe, expect, it } from "vitest";
import { caseListQuery, closureLabel, initialFilter, labelIn, outcomesWithoutCase, reviewText, statusLabel } from "../../../tabs/casework/labels";
import type { ReferralSummary } from "../../../src/schemas/referrals/api";

const referral = (over: Partial<ReferralSummary>): ReferralSummary => ({
  id: "1",
  caseReference: "DOV-2627-0001",
  status: "outcome_recorded",
  settingId: "DOV-P1",
  settingName: "Dover Primary",
  districtSlug: "dover",
  variant: "school",
  createdAt: "2026-10-01T10:00:00Z",
  updatedAt: "2026-10-01T10:00:00Z",
  outcome: { categories: ["Specialist teacher allocated"], actions: [], allocatedTeacherName: "Sam Patel", approvedAt: "2026-11-13T10:00:00Z" },
  ...over,
});

describe("casework labels", () => {
  it("labels codes from the schemas' lists, and shows an unknown code as it is", () => {
    expect(statusLabel("open-inactive")).toBe("Open: not actively supported");
    expect(closureLabel("targets-achieved")).toBe("Targets achieved");
    expect(labelIn([{ value: "a", label: "A" }], "b")).toBe("b");
    expect(labelIn([{ value: "a", label: "A" }], undefined)).toBe("");
  });

  it("starts a teacher on their own open caseload and others on every open case they can see", () => {
    expect(caseListQuery(initialFilter("specialist_teacher"))).toEqual({ teacher: "me", status: "open" });
    expect(caseListQuery(initialFilter("district_lead"))).toEqual({ status: "open" });
    expect(caseListQuery({ who: "all", status: "", reviews: "overdue" })).toEqual({ reviews: "overdue" });
  });

  it("says whether a review is overdue, due or not due", () => {
    expect(reviewText({ status: "open-active", nextReviewDue: "2027-02-01", reviewOverdue: false })).toBe("Due 1 Feb 2027");
    expect(reviewText({ status: "open-active", nextReviewDue: "2026-11-01", reviewOverdue: true })).toBe("Overdue since 1 Nov 2026");
    expect(reviewText({ status: "open-inactive", reviewOverdue: false })).toBe("None due");
    expect(reviewText({ status: "closed", nextReviewDue: "2027-02-01", reviewOverdue: false })).toBe("Closed");
  });
});

describe("approved outcomes allocated to me without a case", () => {
  it("keeps my approved outcomes whose case reference has no case from an outcome", () => {
    const referrals = [
      referral({ id: "1" }),
      referral({ id: "2", caseReference: "DOV-2627-0002" }),
      referral({ id: "3", caseReference: "DOV-2627-0003", outcome: { categories: [], actions: [], allocatedTeacherName: "Someone Else", approvedAt: "2026-11-13T10:00:00Z" } }),
      referral({ id: "4", caseReference: "DOV-2627-0004", outcome: { categories: [], actions: [], allocatedTeacherName: "Sam Patel" } }),
      referral({ id: "5", caseReference: "DOV-2627-0005", status: "closed" }),
      referral({ id: "6", caseReference: "DOV-2627-0006" }),
    ];
    const cases = [
      { childRef: "DOV-2627-0002", originKind: "lift-outcome" as const },
      { childRef: "DOV-2627-0006", originKind: "direct" as const },
    ];
    expect(outcomesWithoutCase(referrals, cases, "Sam Patel").map((r) => r.id)).toEqual(["1", "6"]);
  });
});
