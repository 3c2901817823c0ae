import { describe, expect, it } from "vitest";
import {
  CASE_TRANSITIONS,
  canChangeStatus,
  changeStatus,
  closeCase,
  isActiveOn,
  isOpenOn,
  statusOn,
  wasOpenDuring,
} from "../../../src/domain/casework/status";
import { closedCase, makeCase, makeReview } from "./fixtures";

describe("status transitions", () => {
  it("open-active ⇄ open-inactive → closed, and closed is final", () => {
    expect(canChangeStatus("open-active", "open-inactive")).toBe(true);
    expect(canChangeStatus("open-inactive", "open-active")).toBe(true);
    expect(canChangeStatus("open-active", "closed")).toBe(true);
    expect(canChangeStatus("open-inactive", "closed")).toBe(true);
    expect(CASE_TRANSITIONS.closed).toEqual([]);
    expect(canChangeStatus("closed", "open-active")).toBe(false);
    expect(canChangeStatus("open-active", "open-active")).toBe(false);
  });

  it("going inactive records the reason", () => {
    const r = changeStatus(makeCase(), { status: "open-inactive", at: "2025-10-01", inactiveReason: "open-for-funding" }, "2025-10-02");
    expect(r).toEqual({ ok: true, value: { status: "open-inactive", at: "2025-10-01", inactiveReason: "open-for-funding" } });
  });

  it("refuses a change to a closed case, a change to the same status, and bad dates", () => {
    const closed = closedCase("2025-10-10", "moved-away");
    const r1 = changeStatus(closed, { status: "open-active", at: "2025-10-11" }, "2025-10-12");
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.messages.status).toEqual(["This case is closed: open a new case if the child needs support again"]);
    const r2 = changeStatus(makeCase(), { status: "open-active", at: "2025-10-01" }, "2025-10-02");
    expect(r2.ok).toBe(false);
    const r3 = changeStatus(makeCase(), { status: "open-inactive", at: "2025-09-01", inactiveReason: "paused" }, "2025-10-02");
    expect(!r3.ok && r3.messages.at).toEqual(["The date cannot be before the case opened"]);
    const r4 = changeStatus(makeCase(), { status: "open-inactive", at: "2025-10-05", inactiveReason: "paused" }, "2025-10-02");
    expect(!r4.ok && r4.messages.at).toEqual(["The date cannot be in the future"]);
    const inactive = makeCase({ status: "open-inactive", statusChanges: [{ status: "open-active", at: "2025-09-10" }, { status: "open-inactive", at: "2025-10-01", inactiveReason: "paused" }] });
    const r5 = changeStatus(inactive, { status: "open-active", at: "2025-09-20" }, "2025-10-02");
    expect(!r5.ok && r5.messages.at).toEqual(["The date cannot be before the case's last change of status"]);
  });
});

describe("closing a case", () => {
  const c = makeCase();
  const final = makeReview({ id: "f", final: true, nextReviewDate: undefined, date: "2025-12-01" });

  it("needs a reason and the final review of this case", () => {
    expect(closeCase(c, { reason: "targets-achieved", closedAt: "2025-12-02", finalReviewId: "f" }, [final], "2025-12-03")).toEqual({
      ok: true,
      value: { status: "closed", at: "2025-12-02" },
    });
    const none = closeCase(c, { reason: "targets-achieved", closedAt: "2025-12-02", finalReviewId: "f" }, [], "2025-12-03");
    expect(!none.ok && none.messages.finalReviewId).toEqual(["Record the final review of this case before closing it"]);
    const other = closeCase(c, { reason: "targets-achieved", closedAt: "2025-12-02", finalReviewId: "f" }, [{ ...final, caseId: "2" }], "2025-12-03");
    expect(other.ok).toBe(false);
    const notFinal = closeCase(c, { reason: "targets-achieved", closedAt: "2025-12-02", finalReviewId: "f" }, [{ ...final, final: false }], "2025-12-03");
    expect(!notFinal.ok && notFinal.messages.finalReviewId).toEqual(["The review a closure rests on must be marked as the final review"]);
    const after = closeCase(c, { reason: "targets-achieved", closedAt: "2025-11-30", finalReviewId: "f" }, [final], "2025-12-03");
    expect(!after.ok && after.messages.finalReviewId).toEqual(["The final review must be on or before the closing date"]);
    const otherReason = closeCase(c, { reason: "other", closedAt: "2025-12-02", finalReviewId: "f" }, [final], "2025-12-03");
    expect(!otherReason.ok && otherReason.messages.reasonText).toEqual(["Describe why the case is closing"]);
  });

  it("a closed case cannot be closed again", () => {
    const closed = closedCase("2025-12-02", "ehcp");
    const r = closeCase(closed, { reason: "ehcp", closedAt: "2025-12-02", finalReviewId: "f" }, [final], "2025-12-03");
    expect(!r.ok && r.messages.status).toEqual(["This case is already closed"]);
  });
});

describe("status on a date", () => {
  const c = closedCase("2025-11-15", "targets-achieved", {
    statusChanges: [
      { status: "open-active", at: "2025-09-10" },
      { status: "open-inactive", at: "2025-10-01", inactiveReason: "paused" },
      { status: "open-active", at: "2025-10-20" },
    ],
  });

  it("follows the dated changes, and is undefined before the case opened", () => {
    expect(statusOn(c, "2025-09-09")).toBeUndefined();
    expect(statusOn(c, "2025-09-10")).toBe("open-active");
    expect(statusOn(c, "2025-10-05")).toBe("open-inactive");
    expect(statusOn(c, "2025-10-20")).toBe("open-active");
    expect(statusOn(c, "2025-11-15")).toBe("closed");
  });

  it("open at the end of a day; open during a range includes the closing day", () => {
    expect(isOpenOn(c, "2025-11-14")).toBe(true);
    expect(isOpenOn(c, "2025-11-15")).toBe(false);
    expect(wasOpenDuring(c, "2025-11-15", "2025-12-19")).toBe(true);
    expect(wasOpenDuring(c, "2025-11-16", "2025-12-19")).toBe(false);
    expect(wasOpenDuring(c, "2025-09-01", "2025-09-09")).toBe(false);
  });

  it("actively supported needs an active status and a target in force; closed or inactive never is", () => {
    expect(isActiveOn(c, "2025-09-15")).toBe(true);
    expect(isActiveOn(c, "2025-10-05")).toBe(false);
    expect(isActiveOn(c, "2025-11-20")).toBe(false);
    const noTargets = makeCase({ targets: [] });
    expect(isActiveOn(noTargets, "2025-09-15")).toBe(false);
    const ended = makeCase({ targets: [{ id: "t1", text: "x", agreedWith: ["school"], setAt: "2025-09-10", endedAt: "2025-10-01" }] });
    expect(isActiveOn(ended, "2025-09-30")).toBe(true);
    expect(isActiveOn(ended, "2025-10-01")).toBe(false);
  });
});
