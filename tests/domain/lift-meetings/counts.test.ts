import { describe, expect, it } from "vitest";
import {
  isHeld,
  isResolvedAtLift,
  meetingCounts,
  referralPhase,
  settingsAttendingByPhase,
  termReceiving,
  ukDateOf,
  type MeetingCountsInput,
} from "../../../src/domain/lift-meetings/counts";

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

  it("counts as resolved at LIFT only approved outcomes of strategies and/or signposting, nothing further", () => {
    expect(counts.resolvedAtLift).toBe(1);
    expect(isResolvedAtLift(["strategies_resolved"])).toBe(true);
    expect(isResolvedAtLift(["strategies_resolved", "signposted"])).toBe(true);
    expect(isResolvedAtLift(["signposted"])).toBe(true);
    expect(isResolvedAtLift(["strategies_resolved", "training"])).toBe(false);
    expect(isResolvedAtLift([])).toBe(false);
  });

  it("counts signposting to another agency (Early Help, health advice) as resolved, as KPI 1.1 defines it", () => {
    expect(isResolvedAtLift(["early_help"])).toBe(true);
    expect(isResolvedAtLift(["health_advice"])).toBe(true);
    expect(isResolvedAtLift(["strategies_resolved", "early_help", "health_advice", "signposted"])).toBe(true);
    expect(isResolvedAtLift(["early_help", "specialist_teacher_allocated"])).toBe(false);
    const signposted = meetingCounts({
      ...base,
      outcomes: [
        ...base.outcomes.filter((o) => o.referralId !== "r2" && o.referralId !== "r8"),
        { referralId: "r2", meetingId: "m1", status: "approved", categories: ["early_help"] },
        { referralId: "r8", meetingId: "m1", status: "approved", categories: ["strategies_resolved", "health_advice"] },
      ],
    });
    expect(signposted.resolvedAtLift).toBe(3);
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

describe("the prefill's rules", () => {
  const terms = [
    { term: 1, start: "2026-09-02", end: "2026-10-23" },
    { term: 2, start: "2026-11-02", end: "2026-12-18" },
    { term: 3, start: "2027-01-05", end: "2027-02-12" },
  ];

  it("receives a referral sent in a school holiday in the term that follows", () => {
    expect(termReceiving("2026-10-28", terms)?.term).toBe(2); // half term
    expect(termReceiving("2026-12-24", terms)?.term).toBe(3); // Christmas
    expect(termReceiving("2026-08-20", terms)?.term).toBe(1); // summer, before the calendar's first term
    expect(termReceiving("2026-11-02", terms)?.term).toBe(2);
    expect(termReceiving("2026-10-23", terms)?.term).toBe(1);
    expect(termReceiving("2027-03-01", terms)).toBeUndefined();
  });

  it("counts a meeting as held only when its status says so", () => {
    expect(isHeld({ status: "held" })).toBe(true);
    for (const status of ["scheduled", "moved", "cancelled"]) expect(isHeld({ status })).toBe(false);
  });

  it("splits an all-through school's referrals by the child's year group", () => {
    expect(referralPhase("all-through", "Y6")).toBe("primary");
    expect(referralPhase("all-through", "YR")).toBe("primary");
    expect(referralPhase("all-through", "Y7")).toBe("secondary");
    expect(referralPhase("all-through", "Y12")).toBe("secondary");
    expect(referralPhase("all-through", undefined)).toBeUndefined();
    expect(referralPhase("secondary", "Y3")).toBe("secondary");
    expect(referralPhase("early-years", undefined)).toBe("ey");
    expect(referralPhase(undefined, "Y3")).toBeUndefined();
  });

  it("takes settings attending from the attendance records, by the setting's phase", () => {
    const phases = new Map([
      ["P1", "primary"],
      ["P2", "primary"],
      ["S1", "secondary"],
      ["E1", "early-years"],
      ["A1", "all-through"],
    ]);
    const counts = settingsAttendingByPhase({
      held: [
        { id: "m1", kind: "school" },
        { id: "m2", kind: "school", schoolPhases: ["secondary"] },
        { id: "m3", kind: "early-years" },
        { id: "m4", kind: "school" },
      ],
      attendance: [
        // P2 attended without a case; S1 had a case on m1 but did not attend (its record says who came).
        { meetingId: "m1", settingIds: ["P1", "P2", "A1"] },
        { meetingId: "m2", settingIds: ["A1", "S1"] },
        { meetingId: "m3", settingIds: ["E1"] },
        { meetingId: "m9", settingIds: ["P9"] }, // not a held meeting
      ],
      discussed: [
        { meetingId: "m1", settingId: "P1", phase: "primary" },
        { meetingId: "m1", settingId: "S1", phase: "secondary" },
        { meetingId: "m1", settingId: "A1", phase: "secondary" },
        // m4 has no attendance record: its cases' settings stand for it.
        { meetingId: "m4", settingId: "P1", phase: "primary" },
        { meetingId: "m4", settingId: "P3", phase: "primary" },
      ],
      settingPhase: (id) => phases.get(id),
    });
    // primary: P1, P2, P3; secondary: A1 (a Year 7+ case on m1, the secondary meeting m2), S1; ey: E1.
    expect(counts).toEqual({ primary: 3, secondary: 2, ey: 1 });
  });
});
