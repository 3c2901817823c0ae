import { describe, expect, it } from "vitest";
import type { Term } from "../../../src/domain/time/calendar";
import { referralListsPrefill, type PrefillMeeting, type PrefillReferral } from "../../../src/server/features/kpi/prefill";

const terms: Term[] = [
  { academicYear: "2026-27", term: 1, start: "2026-09-02", end: "2026-10-23" },
  { academicYear: "2026-27", term: 2, start: "2026-11-02", end: "2026-12-18" },
];
const term2 = terms[1] as Term;

const referral = (over: Partial<PrefillReferral> & { phase: string; yearGroup?: string }): PrefillReferral => {
  const { phase, yearGroup, ...rest } = over;
  return {
    settingId: "DOV-P1",
    status: "submitted",
    body: { setting: { phase }, child: yearGroup ? { yearGroup } : {}, needs: { primaryArea: "CL" } },
    ...rest,
  };
};

const meetings: PrefillMeeting[] = [
  { id: "m1", kind: "school", startsAt: "2026-11-05T14:00:00Z", status: "held" },
  // Past but never recorded as held: not a meeting held.
  { id: "m2", kind: "school", startsAt: "2026-11-12T14:00:00Z", status: "scheduled" },
  { id: "m3", kind: "early-years", startsAt: "2026-11-19T14:00:00Z", status: "held" },
];

const referrals: PrefillReferral[] = [
  // Sent in the October half term: received in term 2.
  referral({ phase: "primary", submittedAt: "2026-10-28T09:00:00Z" }),
  referral({ phase: "primary", submittedAt: "2026-11-03T09:00:00Z", meetingId: "m1", status: "outcome_recorded", outcome: { categories: ["Early Help recommended"] } }),
  // All-through, Year 9: secondary.
  referral({ phase: "all-through", yearGroup: "Y9", settingId: "DOV-A1", submittedAt: "2026-11-04T09:00:00Z", meetingId: "m1", status: "outcome_recorded", outcome: { categories: ["Health advice recommended", "Advice and strategies to try (resolved at LIFT)"] } }),
  // On the meeting that was never held.
  referral({ phase: "primary", settingId: "DOV-P2", submittedAt: "2026-11-05T09:00:00Z", meetingId: "m2", status: "outcome_recorded", outcome: { categories: ["Advice and strategies to try (resolved at LIFT)"] } }),
  referral({ phase: "early-years", settingId: "DOV-E1", submittedAt: "2026-11-06T09:00:00Z", meetingId: "m3", status: "outcome_recorded", outcome: { categories: ["Specialist teacher allocated"] } }),
  // Term 1 proper: not in term 2.
  referral({ phase: "primary", submittedAt: "2026-10-01T09:00:00Z" }),
];

const source = referralListsPrefill({
  referrals: async () => referrals,
  meetings: async () => meetings,
  attendance: async () => [
    { meetingId: "m1", settingIds: ["DOV-P1", "DOV-A1", "DOV-P3"] },
    { meetingId: "m2", settingIds: ["DOV-P2"] },
  ],
  terms: async () => terms,
  settingPhases: async () => new Map([["DOV-P1", "primary"], ["DOV-P2", "primary"], ["DOV-P3", "primary"], ["DOV-A1", "all-through"], ["DOV-E1", "early-years"]]),
});

describe("the KPI return's prefill from the referrals' lists", async () => {
  const prefill = await source.prefill("dover", "Dover", term2, new Date("2026-12-01T12:00:00Z"));
  const value = (id: string) => prefill[id]?.value;

  it("counts a referral sent in the holiday before the term as received in it", () => {
    // Half-term P, 3 Nov P, 5 Nov P; not 1 Oct (term 1).
    expect(value("referrals_primary")).toBe(3);
    expect(prefill.referrals_primary?.source).toMatch(/holiday/);
  });

  it("splits an all-through school's referral by the child's year group", () => {
    expect(value("referrals_secondary")).toBe(1);
    expect(value("cases_discussed_secondary")).toBe(1);
    expect(value("referrals_ey")).toBe(1);
  });

  it("counts only meetings whose status is held, and only their cases", () => {
    expect(value("lift_meetings_school")).toBe(1);
    expect(value("lift_meetings_ey")).toBe(1);
    expect(value("cases_discussed_primary")).toBe(1);
  });

  it("counts signposting to Early Help or health as resolved at LIFT", () => {
    expect(value("kpi_1_1")).toBe(2);
  });

  it("takes settings attending from the attendance records", () => {
    // m1's record: P1, P3 (primary) and A1 (its Year 9 case: secondary); m2 was not held; m3 has no record: its case's setting.
    expect(value("lift_settings_attending_primary")).toBe(2);
    expect(value("lift_settings_attending_secondary")).toBe(1);
    expect(value("lift_settings_attending_ey")).toBe(1);
    expect(prefill.lift_settings_attending_primary?.source).toMatch(/attendance/);
  });
});
