import { describe, expect, it } from "vitest";
import {
  checkReview,
  isReviewOverdue,
  meetsSignificantProgress,
  overdueReviews,
  reviewDueDate,
  reviewsDueBetween,
  reviewsDueWithin,
  supportPlanAfterReview,
} from "../../../src/domain/casework/reviews";
import { closedCase, makeCase, makeReview } from "./fixtures";

describe("when a review is due", () => {
  const c = makeCase({ supportPlan: { reviewDate: "2025-11-20" } });

  it("by the plan's review date before any review", () => {
    expect(reviewDueDate(c, [])).toBe("2025-11-20");
    expect(reviewDueDate(makeCase({ supportPlan: {} }), [])).toBeUndefined();
  });

  it("recording a review moves the plan's review date to the next review date", () => {
    const review = makeReview({ date: "2025-11-18", nextReviewDate: "2026-01-20" });
    const moved = { ...c, supportPlan: supportPlanAfterReview(c.supportPlan, review) };
    expect(moved.supportPlan.reviewDate).toBe("2026-01-20");
    expect(reviewDueDate(moved, [review])).toBe("2026-01-20");
    expect(supportPlanAfterReview(c.supportPlan, { final: true, nextReviewDate: undefined })).toBe(c.supportPlan);
  });

  it("a review on or after the plan's date with the plan not moved on: its next review date", () => {
    const reviews = [
      makeReview({ id: "a", date: "2025-11-20", nextReviewDate: "2026-01-20" }),
      makeReview({ id: "b", date: "2025-10-01", nextReviewDate: "2025-11-18" }),
      makeReview({ id: "x", caseId: "other", date: "2025-12-01", nextReviewDate: "2025-12-10" }),
    ];
    expect(reviewDueDate(c, reviews)).toBe("2026-01-20");
  });

  it("the plan's date when it was moved past the latest review (rescheduled)", () => {
    const rescheduled = makeCase({ supportPlan: { reviewDate: "2026-03-01" } });
    expect(reviewDueDate(rescheduled, [makeReview({ date: "2025-11-18", nextReviewDate: "2026-01-20" })])).toBe("2026-03-01");
  });

  it("nothing after a final review, nothing on a closed case", () => {
    expect(reviewDueDate(c, [makeReview({ final: true, nextReviewDate: undefined })])).toBeUndefined();
    expect(reviewDueDate(closedCase("2025-11-01", "moved-away"), [])).toBeUndefined();
  });

  it("overdue from the day after the due date (UK dates)", () => {
    expect(isReviewOverdue(c, [], "2025-11-20")).toBe(false);
    expect(isReviewOverdue(c, [], "2025-11-21")).toBe(true);
  });
});

describe("reviews due in a window, and overdue", () => {
  const cases = [
    makeCase({ id: "1", childRef: "DOV-2526-0001", supportPlan: { reviewDate: "2025-11-20" } }),
    makeCase({ id: "2", childRef: "DOV-2526-0002", supportPlan: { reviewDate: "2025-11-10" } }),
    makeCase({ id: "3", childRef: "DOV-2526-0003", supportPlan: { reviewDate: "2025-12-30" } }),
    makeCase({ id: "4", childRef: "DOV-2526-0004", supportPlan: { reviewDate: "2025-10-01" } }),
  ];

  it("lists those due in the window, soonest first, with a key for exactly-once reminders", () => {
    const due = reviewsDueBetween(cases, [], { from: "2025-11-05", to: "2025-11-30", today: "2025-11-15" });
    expect(due.map((d) => d.caseId)).toEqual(["2", "1"]);
    expect(due[0]).toMatchObject({ dueDate: "2025-11-10", overdue: true, daysOverdue: 5, key: "2|2025-11-10", teacherOid: cases[1]!.allocatedTeacherOid });
    expect(due[1]).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it("within n days counts today", () => {
    expect(reviewsDueWithin(cases, [], "2025-11-14", 7).map((d) => d.caseId)).toEqual(["1"]);
    expect(reviewsDueWithin(cases, [], "2025-11-14", 6).map((d) => d.caseId)).toEqual([]);
  });

  it("overdue, most overdue first", () => {
    expect(overdueReviews(cases, [], "2025-11-15").map((d) => [d.caseId, d.daysOverdue])).toEqual([
      ["4", 45],
      ["2", 5],
    ]);
  });
});

describe("what a review records", () => {
  const c = makeCase({
    openedAt: "2025-09-10",
    targets: [
      { id: "t1", text: "a", agreedWith: ["school"], setAt: "2025-09-10" },
      { id: "t2", text: "b", agreedWith: ["family"], setAt: "2025-09-10", endedAt: "2025-10-01" },
      { id: "t3", text: "c", agreedWith: ["child"], setAt: "2025-10-01" },
    ],
  });
  const input = { date: "2025-11-20", results: [{ targetId: "t1", result: "achieved" as const }], targetsAmended: false, final: false, nextReviewDate: "2026-01-10" };

  it("a result for every target in force, and only those", () => {
    const r = checkReview(c, input, "2025-11-21");
    expect(!r.ok && r.messages.results).toEqual(["Record a result for target 3"]);
    const ended = checkReview(c, { ...input, results: [...input.results, { targetId: "t3", result: "progress-50" }, { targetId: "t2", result: "achieved" }] }, "2025-11-21");
    expect(!ended.ok && ended.messages["results.2.targetId"]).toEqual(["This target was not in force on the review date"]);
    expect(checkReview(c, { ...input, results: [...input.results, { targetId: "t3", result: "progress-50" }] }, "2025-11-21").ok).toBe(true);
  });

  it("dated between the opening and today, on an open case", () => {
    const future = checkReview(c, input, "2025-11-19");
    expect(!future.ok && future.messages.date).toContain("The review date cannot be in the future");
    const early = checkReview(c, { ...input, date: "2025-09-01" }, "2025-11-21");
    expect(!early.ok && early.messages.date).toContain("The review date cannot be before the case opened");
    const closed = checkReview({ ...c, status: "closed" }, input, "2025-11-21");
    expect(!closed.ok && closed.messages.date).toContain("This case is closed: its reviews can no longer change");
  });
});

describe("KPI 2.1's reading of a review", () => {
  it("counts when every target was achieved or reached at least 50%", () => {
    expect(meetsSignificantProgress({ results: [{ targetId: "a", result: "achieved" }, { targetId: "b", result: "progress-50" }] })).toBe(true);
    expect(meetsSignificantProgress({ results: [{ targetId: "a", result: "achieved" }, { targetId: "b", result: "progress-under-50" }] })).toBe(false);
    expect(meetsSignificantProgress({ results: [] })).toBe(false);
  });
});
