import { describe, expect, it } from "vitest";
import {
  REFERRAL_STATUSES,
  REFERRAL_STATUS_LABELS,
  canTransition,
  decideSubmit,
  isEditableByReferrer,
  isReferralStatus,
  transition,
} from "../../../src/domain/referrals/status";

describe("referral status", () => {
  it("has the six statuses of the issue, in order, with labels", () => {
    expect(REFERRAL_STATUSES).toEqual(["draft", "submitted", "scheduled", "discussed", "outcome_recorded", "closed"]);
    expect(REFERRAL_STATUS_LABELS.scheduled).toBe("Scheduled for a meeting");
    expect(isReferralStatus("closed")).toBe(true);
    expect(isReferralStatus("returned")).toBe(false);
  });

  it("allows the forward path and the ways back", () => {
    const path = ["draft", "submitted", "scheduled", "discussed", "outcome_recorded", "closed"] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    expect(canTransition("submitted", "draft")).toBe(true); // returned to the referrer
    expect(canTransition("scheduled", "submitted")).toBe(true); // meeting cancelled
    expect(canTransition("scheduled", "scheduled")).toBe(true); // moved to another meeting
    expect(canTransition("draft", "closed")).toBe(true); // withdrawn
  });

  it("refuses skips and anything after closed, with a message", () => {
    expect(canTransition("draft", "discussed")).toBe(false);
    expect(canTransition("discussed", "scheduled")).toBe(false);
    for (const s of REFERRAL_STATUSES) expect(canTransition("closed", s)).toBe(false);
    expect(transition("draft", "outcome_recorded")).toEqual({
      ok: false,
      code: "transition_not_allowed",
      message: "A referral that is draft cannot become outcome recorded (it can become: submitted, closed)",
    });
    expect(transition("closed", "draft")).toMatchObject({ ok: false, message: expect.stringContaining("(it is closed)") });
  });

  it("lets only the referrer edit drafts", () => {
    expect(REFERRAL_STATUSES.filter(isEditableByReferrer)).toEqual(["draft"]);
  });

  it("never submits twice", () => {
    expect(decideSubmit({ status: "draft" })).toEqual({ action: "submit" });
    expect(decideSubmit({ status: "submitted", caseReference: "DOV-2526-0042" })).toEqual({
      action: "already_submitted",
      caseReference: "DOV-2526-0042",
    });
    expect(decideSubmit({ status: "scheduled", caseReference: "DOV-2526-0042" }).action).toBe("already_submitted");
    // Returned to the referrer: submitted again, keeping its reference (the caller reuses it).
    expect(decideSubmit({ status: "draft", caseReference: "DOV-2526-0042" })).toEqual({ action: "submit" });
    expect(decideSubmit({ status: "closed" }).action).toBe("refuse");
  });
});
