import { describe, expect, it } from "vitest";
import { type LiftMeeting, type MeetingsContext, checkPlacement, nextAvailableMeeting, placeReferral, referralDeadline } from "../../../src/domain/referrals/meeting-rules";
import { ukToday } from "../../../src/domain/time/uk-clock";

const iso = (d: Date) => d.toISOString();
const school = (id: string, startsAt: string, extra: Partial<LiftMeeting> = {}): LiftMeeting => ({
  id,
  districtCode: "DOV",
  kind: "school",
  startsAt,
  ...extra,
});
const ey = (id: string, startsAt: string, extra: Partial<LiftMeeting> = {}): LiftMeeting => ({ ...school(id, startsAt, extra), kind: "early-years" });

describe("referral deadline", () => {
  it("is the end of the Wednesday before the meeting (UK time)", () => {
    // Thursday 20 Nov 2025 (GMT) → Wednesday 19 Nov 23:59:59.999 GMT.
    expect(iso(referralDeadline(school("m", "2025-11-20T09:30:00Z")))).toBe("2025-11-19T23:59:59.999Z");
    // Monday 24 Nov → Wednesday 19 Nov.
    expect(iso(referralDeadline(school("m", "2025-11-24T09:30:00Z")))).toBe("2025-11-19T23:59:59.999Z");
    // A Wednesday meeting → the Wednesday a week before.
    expect(iso(referralDeadline(school("m", "2025-11-19T09:30:00Z")))).toBe("2025-11-12T23:59:59.999Z");
  });

  it("is a week earlier for early years", () => {
    expect(iso(referralDeadline(ey("m", "2025-11-27T13:00:00Z")))).toBe("2025-11-19T23:59:59.999Z");
    expect(iso(referralDeadline(ey("m", "2025-11-26T13:00:00Z")))).toBe("2025-11-12T23:59:59.999Z");
  });

  it("counts calendar days across a half-term and the end of British Summer Time", () => {
    // Monday 27 Oct 2025, first day after half-term (20–24 Oct), the day after clocks go back (26 Oct).
    // Deadline: Wednesday 22 Oct (in half-term) 23:59:59.999 BST = 22:59:59.999Z.
    expect(iso(referralDeadline(school("m", "2025-10-27T09:30:00Z")))).toBe("2025-10-22T22:59:59.999Z");
    // Early years: Wednesday 15 Oct, BST.
    expect(iso(referralDeadline(ey("m", "2025-10-27T09:30:00Z")))).toBe("2025-10-15T22:59:59.999Z");
  });

  it("follows the start of British Summer Time (29 March 2026)", () => {
    // Thursday 2 Apr 2026 (BST) → Wednesday 1 Apr 23:59:59.999 BST.
    expect(iso(referralDeadline(school("m", "2026-04-02T09:30:00+01:00")))).toBe("2026-04-01T22:59:59.999Z");
    // Tuesday 31 Mar 2026 (BST) → Wednesday 25 Mar, still GMT.
    expect(iso(referralDeadline(school("m", "2026-03-31T09:30:00+01:00")))).toBe("2026-03-25T23:59:59.999Z");
    expect(iso(referralDeadline(ey("m", "2026-03-31T09:30:00+01:00")))).toBe("2026-03-18T23:59:59.999Z");
  });

  it("uses the meeting's UK date, not its UTC date", () => {
    // 23:30Z on Wed 1 Apr 2026 is 00:30 on Thursday 2 Apr in the UK.
    expect(iso(referralDeadline(school("m", "2026-04-01T23:30:00Z")))).toBe("2026-04-01T22:59:59.999Z");
  });

  it("uses the district's override when set", () => {
    expect(iso(referralDeadline(school("m", "2025-11-20T09:30:00Z", { deadlineOverride: "2025-11-17T12:00:00Z" })))).toBe(
      "2025-11-17T12:00:00.000Z",
    );
  });

  it("refuses a malformed meeting time", () => {
    expect(() => referralDeadline(school("m", "next Thursday"))).toThrow(RangeError);
  });

  it("gives today's UK date for validation", () => {
    expect(ukToday(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(ukToday(new Date("2025-12-31T23:30:00Z"))).toBe("2025-12-31");
  });
});

describe("placing a referral on a meeting", () => {
  const meeting = school("dov-1120", "2025-11-20T09:30:00Z");
  const ctx = { setting: { districtCode: "DOV", phase: "primary" as const }, now: new Date("2025-11-18T10:00:00Z"), sencoReferralsOnMeeting: 0 };

  it("accepts a referral in time, within the SENCo's limit", () => {
    expect(checkPlacement(meeting, ctx)).toEqual({ ok: true, meeting, deadline: new Date("2025-11-19T23:59:59.999Z") });
    expect(checkPlacement(meeting, { ...ctx, sencoReferralsOnMeeting: 2 }).ok).toBe(true);
    expect(checkPlacement(meeting, { ...ctx, now: new Date("2025-11-19T23:59:59.999Z") }).ok).toBe(true);
  });

  it("refuses after the deadline", () => {
    const r = checkPlacement(meeting, { ...ctx, now: new Date("2025-11-20T00:00:00Z") });
    expect(r).toMatchObject({
      ok: false,
      code: "deadline_passed",
      message: "The deadline for the LIFT meeting on Thursday 20 November 2025 was Wednesday 19 November 2025 at 23:59",
    });
  });

  it("refuses a fourth referral from the same SENCo, or the district's own limit", () => {
    expect(checkPlacement(meeting, { ...ctx, sencoReferralsOnMeeting: 3 })).toMatchObject({ ok: false, code: "senco_limit_reached" });
    expect(checkPlacement(meeting, { ...ctx, sencoReferralsOnMeeting: 3, maxPerSenco: 4 }).ok).toBe(true);
    const r = checkPlacement(meeting, { ...ctx, sencoReferralsOnMeeting: 1, maxPerSenco: 1 });
    expect(r.ok ? "" : r.message).toMatch(/You already have 1 referral on .* the limit is 1 per SENCo per meeting/);
  });

  it("refuses cancelled and past meetings", () => {
    expect(checkPlacement({ ...meeting, status: "cancelled" }, ctx)).toMatchObject({ ok: false, code: "meeting_cancelled" });
    expect(checkPlacement(meeting, { ...ctx, now: new Date("2025-11-20T09:30:00Z") })).toMatchObject({ ok: false, code: "meeting_past" });
    expect(checkPlacement({ ...meeting, status: "held" }, ctx)).toMatchObject({ ok: false, code: "meeting_past" });
  });

  it("refuses another district's meeting", () => {
    expect(checkPlacement({ ...meeting, districtCode: "THA" }, ctx)).toMatchObject({ ok: false, code: "wrong_district" });
  });

  it("matches the setting's phase to the meeting", () => {
    const eyMeeting = ey("ey", "2025-11-27T13:00:00Z");
    expect(checkPlacement(eyMeeting, ctx)).toMatchObject({
      ok: false,
      code: "wrong_phase",
      message: "This is an early years LIFT meeting; referrals from a school go to school LIFT meetings",
    });
    const eyCtx = { ...ctx, setting: { districtCode: "DOV", phase: "early-years" as const }, now: new Date("2025-11-18T10:00:00Z") };
    expect(checkPlacement(meeting, eyCtx)).toMatchObject({ ok: false, code: "wrong_phase" });
    expect(checkPlacement(eyMeeting, eyCtx).ok).toBe(true);
    // All-through schools fit school meetings.
    expect(checkPlacement(meeting, { ...ctx, setting: { districtCode: "DOV", phase: "all-through" } }).ok).toBe(true);
  });

  it("respects districts that split primary and secondary LIFT", () => {
    const secondaryOnly = { ...meeting, schoolPhases: ["secondary"] as const };
    expect(checkPlacement(secondaryOnly, ctx)).toMatchObject({ ok: false, code: "wrong_phase" });
    expect(checkPlacement(secondaryOnly, { ...ctx, setting: { districtCode: "DOV", phase: "secondary" } }).ok).toBe(true);
    const allThrough = { ...ctx, setting: { districtCode: "DOV", phase: "all-through" as const } };
    expect(checkPlacement(secondaryOnly, { ...allThrough, yearGroup: "Y8" }).ok).toBe(true);
    expect(checkPlacement(secondaryOnly, { ...allThrough, yearGroup: "Y3" })).toMatchObject({ ok: false, code: "wrong_phase" });
    expect(checkPlacement(secondaryOnly, allThrough).ok).toBe(true);
  });
});

describe("offering the next meeting", () => {
  const meetings: LiftMeeting[] = [
    school("dec-04", "2025-12-04T09:30:00Z"),
    school("nov-20", "2025-11-20T09:30:00Z"),
    school("nov-27", "2025-11-27T09:30:00Z"),
    school("nov-13", "2025-11-13T09:30:00Z"),
    ey("ey-nov-27", "2025-11-27T13:00:00Z"),
    school("tha-nov-25", "2025-11-25T09:30:00Z", { districtCode: "THA" }),
  ];
  const ctx: MeetingsContext = {
    setting: { districtCode: "DOV", phase: "primary" },
    now: new Date("2025-11-20T08:00:00Z"), // past the deadline for 20 Nov, before the meeting
    sencoReferralsByMeeting: { "nov-27": 3 },
  };

  it("finds the earliest meeting that would accept the referral", () => {
    expect(nextAvailableMeeting(meetings, ctx)?.meeting.id).toBe("dec-04");
    expect(nextAvailableMeeting(meetings, { ...ctx, sencoReferralsByMeeting: {} })?.meeting.id).toBe("nov-27");
    expect(nextAvailableMeeting(meetings, { ...ctx, now: new Date("2026-01-01T00:00:00Z") })).toBeUndefined();
  });

  it("refuses a late choice with a message offering the next meeting", () => {
    const r = placeReferral(meetings, "nov-20", ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("deadline_passed");
    expect(r.next?.meeting.id).toBe("dec-04");
    expect(r.message).toBe(
      "The deadline for the LIFT meeting on Thursday 20 November 2025 was Wednesday 19 November 2025 at 23:59. " +
        "The next meeting that can take it is on Thursday 4 December 2025 (deadline Wednesday 3 December 2025 at 23:59).",
    );
  });

  it("refuses a full choice and offers the next", () => {
    const r = placeReferral(meetings, "nov-27", ctx);
    expect(r).toMatchObject({ ok: false, code: "senco_limit_reached", next: { meeting: { id: "dec-04" } } });
  });

  it("says when no meeting can take it, and when the meeting is unknown", () => {
    const late = { ...ctx, now: new Date("2025-12-10T00:00:00Z") };
    const r = placeReferral(meetings, "dec-04", late);
    expect(r).toMatchObject({ ok: false, code: "meeting_past" });
    expect(r.ok ? "" : r.message).toMatch(/No later meeting can take it yet: ask your district STLS lead\.$/);
    expect(placeReferral(meetings, "nope", ctx)).toMatchObject({ ok: false, code: "meeting_not_found", next: { meeting: { id: "dec-04" } } });
  });

  it("places a referral on an acceptable choice", () => {
    expect(placeReferral(meetings, "dec-04", ctx)).toMatchObject({ ok: true, meeting: { id: "dec-04" } });
  });
});
