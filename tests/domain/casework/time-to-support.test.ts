import { describe, expect, it } from "vitest";
import { median, timeToSupport, type TimeToSupportInput } from "../../../src/domain/casework/time-to-support";
import { TERMS_2025_26 } from "../time/fixtures";
import { makeCase } from "./fixtures";

const fromLift = (id: string, referralId: string, meetingId: string, openedAt: string, districtSlug = "dover") =>
  makeCase({ id, districtSlug, openedAt, origin: { kind: "lift-outcome", referralId, meetingId, categories: ["specialist_teacher_allocated"] } });

const input: TimeToSupportInput = {
  terms: TERMS_2025_26,
  meetings: [
    { id: "m1", startsAt: "2025-11-05T09:30:00Z", status: "held" },
    { id: "m2", startsAt: "2025-11-19T09:30:00Z", status: "held" },
    { id: "m3", startsAt: "2025-11-26T09:30:00Z", status: "cancelled" },
  ],
  referrals: [
    // Submitted 23:30Z on 24 Oct 2025 = 00:30 BST on 25 Oct (UK date 25 Oct): 11 days to m1.
    { id: "r1", districtSlug: "dover", submittedAt: "2025-10-24T23:30:00Z", meetingId: "m1" },
    { id: "r2", districtSlug: "dover", submittedAt: "2025-11-01T10:00:00Z", meetingId: "m1" }, // 4 days
    { id: "r3", districtSlug: "dover", submittedAt: "2025-11-02T10:00:00Z", meetingId: "m2" }, // 17 days
    { id: "r4", districtSlug: "dover", submittedAt: "2025-11-02T10:00:00Z", meetingId: "m3" }, // cancelled meeting: no wait
    { id: "r5", districtSlug: "dover", submittedAt: "2025-11-02T10:00:00Z" }, // not yet placed
    { id: "r6", districtSlug: "thanet", submittedAt: "2025-11-03T10:00:00Z", meetingId: "m2" }, // Thanet: 16 days
  ],
  cases: [
    fromLift("a", "r1", "m1", "2025-11-05"), // 0 days to allocation
    fromLift("b", "r2", "m1", "2025-11-12"), // 7 days
    fromLift("c", "r3", "m2", "2026-01-06"), // 48 days, allocated in term 3
    makeCase({ id: "d", openedAt: "2025-12-01", origin: { kind: "direct", requestedBy: "local-authority", requestedAt: "2025-11-20" } }),
    { ...fromLift("e", "r1", "m1", "2025-11-05"), team: "county-sensory" as const }, // a county team's: not the district's
  ],
  visits: [
    { caseId: "a", date: "2025-11-10" }, // 5 days
    { caseId: "a", date: "2025-11-20" },
    { caseId: "b", date: "2025-11-26" }, // 14 days
    { caseId: "d", date: "2025-12-22" }, // in the Christmas holiday: outside every term
    { caseId: "e", date: "2025-11-06" },
  ],
};

describe("time to support", () => {
  it("median and count per district, term and stage, counted by hand", () => {
    const { rows, outsideTerms } = timeToSupport(input);
    const row = (d: string, t: number, stage: string) => rows.find((r) => r.districtSlug === d && r.term === t && r.stage === stage);
    expect(row("dover", 2, "referral-to-lift")).toMatchObject({ count: 3, medianDays: 11 }); // 4, 11, 17
    expect(row("dover", 2, "lift-to-allocation")).toMatchObject({ count: 2, medianDays: 3.5 }); // 0, 7
    expect(row("dover", 2, "allocation-to-first-visit")).toMatchObject({ count: 2, medianDays: 9.5 }); // 5, 14
    expect(row("dover", 3, "lift-to-allocation")).toMatchObject({ count: 1, medianDays: 48 });
    expect(row("dover", 3, "referral-to-lift")).toMatchObject({ count: 0, medianDays: null }); // none: missing, not zero
    expect(row("thanet", 2, "referral-to-lift")).toMatchObject({ count: 1, medianDays: 16 });
    expect(outsideTerms).toEqual({ "referral-to-lift": 0, "lift-to-allocation": 0, "allocation-to-first-visit": 1 });
    expect(rows.map((r) => `${r.districtSlug}|${r.term}`).filter((v, i, a) => a.indexOf(v) === i)).toEqual(["dover|2", "dover|3", "thanet|2"]);
  });

  it("counts a county team's waits for the team", () => {
    const { rows } = timeToSupport({ ...input, team: "county-sensory" });
    expect(rows.find((r) => r.districtSlug === "dover" && r.term === 2 && r.stage === "allocation-to-first-visit")).toMatchObject({ count: 1, medianDays: 1 });
  });

  it("the median of an even count is the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
