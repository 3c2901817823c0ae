/**
 * The LIFT work of a period, record by record (shared by the KPI prefill and the locality report):
 * held meetings, referrals received (a holiday's in the next term), discussed, approved, resolved.
 */
import { describe, expect, it } from "vitest";
import { liftWork } from "../../../src/domain/lift-meetings/lift-work";

const T1 = { start: "2026-09-03", end: "2026-10-23" };
const T2 = { start: "2026-11-02", end: "2026-12-18" };
const meetings = [
  { id: "m1", startsAt: "2026-10-01T13:00:00Z", status: "held" },
  { id: "m2", startsAt: "2026-10-08T13:00:00Z", status: "scheduled" },
  { id: "m3", startsAt: "2026-11-05T13:00:00Z", status: "held" },
];
const referrals = [
  { settingId: "A", status: "outcome_recorded", submittedAt: "2026-09-10T09:00:00Z", meetingId: "m1", outcome: { categories: ["Advice and strategies to try (resolved at LIFT)"] } },
  { settingId: "A", status: "outcome_recorded", submittedAt: "2026-09-11T09:00:00Z", meetingId: "m1", outcome: { categories: ["Specialist teacher allocated"] } },
  { settingId: "B", status: "scheduled", submittedAt: "2026-09-12T09:00:00Z", meetingId: "m2" },
  { settingId: "B", status: "draft", submittedAt: "2026-09-12T09:00:00Z" },
  // Sent in the half-term holiday: received in term 2.
  { settingId: "C", status: "submitted", submittedAt: "2026-10-28T09:00:00Z" },
  { settingId: "C", status: "discussed", submittedAt: "2026-10-20T09:00:00Z", meetingId: "m3" },
];

describe("liftWork", () => {
  it("selects term 1's records", () => {
    const w = liftWork({ referrals, meetings, period: [T1], calendar: [T1, T2] });
    expect(w.held.map((m) => m.id)).toEqual(["m1"]);
    expect(w.received.map((r) => r.settingId)).toEqual(["A", "A", "B", "C"]);
    expect(w.discussed).toHaveLength(2);
    expect(w.approved).toHaveLength(2);
    expect(w.resolved).toEqual([referrals[0]]);
  });

  it("takes a holiday's referral in the next term, and both terms for the year so far", () => {
    expect(liftWork({ referrals, meetings, period: [T2], calendar: [T1, T2] }).received.map((r) => r.submittedAt)).toEqual(["2026-10-28T09:00:00Z"]);
    const both = liftWork({ referrals, meetings, period: [T1, T2], calendar: [T1, T2] });
    expect(both.received).toHaveLength(5);
    expect(both.held.map((m) => m.id)).toEqual(["m1", "m3"]);
    expect(both.discussed.map((r) => r.settingId)).toEqual(["A", "A", "C"]);
  });
});
