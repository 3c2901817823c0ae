import { describe, expect, it } from "vitest";
import { checkPlannedMeetings, type ExistingMeeting } from "../../../src/domain/lift-meetings/planning";

const now = new Date("2026-11-24T10:00:00Z");
const school = (startsAt: string, endsAt: string, phases?: ("primary" | "secondary")[]) => ({ kind: "school" as const, startsAt, endsAt, ...(phases ? { phases } : {}) });
const existing: ExistingMeeting[] = [
  { id: "1", title: "Dover school LIFT — Thursday 3 December 2026", kind: "school", startsAt: "2026-12-03T13:30:00Z", endsAt: "2026-12-03T16:00:00Z", status: "scheduled" },
  { id: "2", kind: "school", startsAt: "2026-12-10T13:30:00Z", endsAt: "2026-12-10T16:00:00Z", status: "cancelled" },
  { id: "3", kind: "school", startsAt: "2026-12-17T13:30:00Z", endsAt: "2026-12-17T16:00:00Z", status: "scheduled", phases: ["primary"] },
];

describe("checkPlannedMeetings", () => {
  it("accepts meetings in the future that overlap nothing of the same kind", () => {
    const r = checkPlannedMeetings([school("2027-01-14T13:30:00Z", "2027-01-14T16:00:00Z"), { kind: "early-years", startsAt: "2026-12-03T14:00:00Z", endsAt: "2026-12-03T15:00:00Z" }], existing, { now });
    expect(r.fieldErrors).toEqual({});
  });

  it("keys errors by meetings.<i>.<field>", () => {
    const r = checkPlannedMeetings(
      [school("2027-01-14T13:30:00Z", "2027-01-14T13:30:00Z"), school("2026-11-20T13:30:00Z", "2026-11-20T15:00:00Z"), school("2026-12-03T15:59:00Z", "2026-12-03T17:00:00Z")],
      existing,
      { now },
    );
    expect(r.fieldErrors["meetings.0.endsAt"]).toEqual(["The meeting must end after it starts"]);
    expect(r.fieldErrors["meetings.1.startsAt"]).toEqual(["The meeting cannot start in the past"]);
    expect(r.fieldErrors["meetings.2.startsAt"]?.[0]).toContain("Thursday 3 December 2026");
  });

  it("lets meetings touch end to start, ignores cancelled ones and the meeting being moved", () => {
    const r = checkPlannedMeetings([school("2026-12-03T16:00:00Z", "2026-12-03T17:00:00Z"), school("2026-12-10T13:30:00Z", "2026-12-10T16:00:00Z")], existing, { now });
    expect(r.fieldErrors).toEqual({});
    const moved = checkPlannedMeetings([school("2026-12-03T14:00:00Z", "2026-12-03T16:30:00Z")], existing, { now, prefix: "", ignoreId: "1" });
    expect(moved.fieldErrors).toEqual({});
    const other = checkPlannedMeetings([school("2026-12-03T14:00:00Z", "2026-12-03T16:30:00Z")], existing, { now, prefix: "" });
    expect(Object.keys(other.fieldErrors)).toEqual(["startsAt"]);
  });

  it("lets school meetings for different phases run side by side, not the same phase", () => {
    expect(checkPlannedMeetings([school("2026-12-17T13:30:00Z", "2026-12-17T16:00:00Z", ["secondary"])], existing, { now }).fieldErrors).toEqual({});
    expect(Object.keys(checkPlannedMeetings([school("2026-12-17T13:30:00Z", "2026-12-17T16:00:00Z")], existing, { now }).fieldErrors)).toEqual(["meetings.0.startsAt"]);
  });

  it("finds overlaps within the plan itself", () => {
    const r = checkPlannedMeetings([school("2027-01-14T13:30:00Z", "2027-01-14T16:00:00Z"), school("2027-01-14T15:00:00Z", "2027-01-14T17:00:00Z")], [], { now });
    expect(r.fieldErrors).toEqual({ "meetings.1.startsAt": ["Overlaps meeting 1 of this plan"] });
  });

  it("warns, without refusing, about a date outside the terms (UK dates)", () => {
    const terms = [{ start: "2026-11-02", end: "2026-12-18" }];
    const r = checkPlannedMeetings([school("2026-12-21T13:30:00Z", "2026-12-21T15:00:00Z"), school("2026-12-18T23:30:00Z", "2026-12-18T23:45:00Z")], [], { now, terms });
    expect(r.fieldErrors).toEqual({});
    expect(Object.keys(r.warnings)).toEqual(["meetings.0.startsAt"]);
  });
});
