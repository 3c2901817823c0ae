import { describe, expect, it } from "vitest";
import { isResolvedAtLift, meetingCounts, ukDateOf, type MeetingCountsInput } from "../../../src/domain/lift-meetings/counts";

const base: MeetingCountsInput = {
  districtSlug: "dover",
  from: "2026-11-01",
  to: "2026-11-30",
  meetings: [
    { id: "m1", districtSlug: "dover", startsAt: "2026-11-05T13:30:00Z", status: "held" },
    { id: "m2", districtSlug: "dover", startsAt: "2026-11-12T13:30:00Z", status: "held" },
    { id: "m3", districtSlug: "dover", startsAt: "2026-11-26T13:30:00Z", status: "scheduled" },
    { id: "m4", districtSlug: "dover", startsAt: "2026-10-15T13:30:00Z", status: "held" },
    { id: "m5", districtSlug: "thanet", startsAt: "2026-11-05T13:30:00Z", status: "held" },
    { id: "m6", districtSlug: "dover", startsAt: "2026-11-19T13:30:00Z", status: "cancelled" },
  ],
  referrals: [
    { id: "r1", meetingId: "m1", settingId: "DOV-P1", status: "outcome_recorded", primaryArea: "CL", hasOutcome: true },
    { id: "r2", meetingId: "m1", settingId: "DOV-P2", status: "outcome_recorded", primaryArea: "SEMH", hasOutcome: true },
    { id: "r3", meetingId: "m2", settingId: "DOV-S1", status: "discussed", primaryArea: "CI" },
    { id: "r4", meetingId: "m2", settingId: "DOV-S1", status: "closed", primaryArea: "SP", hasOutcome: true },
    { id: "r5", meetingId: "m2", settingId: "DOV-P1", status: "closed" },
    { id: "r6", meetingId: "m3", settingId: "DOV-P1", status: "scheduled" },
    { id: "r7", meetingId: "m4", settingId: "DOV-P2", status: "outcome_recorded", hasOutcome: true },
    { id: "r8", meetingId: "m1", settingId: "DOV-E1", status: "outcome_recorded", hasOutcome: true },
  ],
  outcomes: [
    { referralId: "r1", meetingId: "m1", status: "approved", categories: ["strategies_resolved"] },
    { referralId: "r2", meetingId: "m1", status: "approved", categories: ["strategies_resolved", "training"] },
    { referralId: "r3", meetingId: "m2", status: "draft", categories: ["strategies_resolved"] },
    { referralId: "r4", meetingId: "m2", status: "approved", categories: ["specialist_teacher_allocated", "outreach"] },
    { referralId: "r7", meetingId: "m4", status: "approved", categories: ["specialist_teacher_allocated"] },
    { referralId: "r8", meetingId: "m1", status: "approved", categories: ["outreach"] },
  ],
  attendance: [
    { meetingId: "m1", settingIds: ["DOV-P1", "DOV-P2", "DOV-P3"] },
    { meetingId: "m4", settingIds: ["DOV-X9"] },
  ],
};

describe("meetingCounts", () => {
  const counts = meetingCounts(base);

  it("counts the district's held meetings in the range only", () => {
    expect(counts.meetingsHeld).toBe(2);
  });

  it("counts cases discussed at those meetings; a closed case without an outcome was withdrawn", () => {
    // r1, r2, r8 (m1), r3, r4 (m2); not r5 (closed, no outcome), r6 (not held), r7 (before the range).
    expect(counts.casesDiscussed).toBe(5);
  });

  it("counts as resolved at LIFT only approved outcomes whose categories are exactly strategies_resolved", () => {
    expect(counts.resolvedAtLift).toBe(1);
    expect(isResolvedAtLift(["strategies_resolved"])).toBe(true);
    expect(isResolvedAtLift(["strategies_resolved", "signposted"])).toBe(true);
    expect(isResolvedAtLift(["signposted"])).toBe(true);
    expect(isResolvedAtLift(["strategies_resolved", "training"])).toBe(false);
    expect(isResolvedAtLift([])).toBe(false);
  });

  it("counts distinct settings from attendance, falling back to discussed cases' settings where none was recorded", () => {
    // m1 attendance: P1, P2, P3; m2 has none: its discussed cases' settings S1 → 4.
    expect(counts.settingsAttending).toBe(4);
  });

  it("counts each approved allocation once, by the referral's primary area of need", () => {
    expect(counts.allocationsByArea).toEqual({ SP: 1, unknown: 1 });
  });

  it("uses the UK date of a meeting's start (BST) for the range", () => {
    expect(ukDateOf("2026-05-31T23:30:00Z")).toBe("2026-06-01");
    const june = meetingCounts({ ...base, from: "2026-06-01", to: "2026-06-30", meetings: [{ id: "m1", districtSlug: "dover", startsAt: "2026-05-31T23:30:00Z", status: "held" }] });
    expect(june.meetingsHeld).toBe(1);
  });

  it("answers zeros, not gaps, for a range with nothing in it", () => {
    expect(meetingCounts({ ...base, from: "2027-01-01", to: "2027-01-31" })).toEqual({
      districtSlug: "dover", from: "2027-01-01", to: "2027-01-31", meetingsHeld: 0, casesDiscussed: 0, resolvedAtLift: 0, settingsAttending: 0, allocationsByArea: {},
    });
  });
});
