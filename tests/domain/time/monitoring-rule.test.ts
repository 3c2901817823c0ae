import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkCalendar, defaultMonitoringMeetings, latestReturnDue, monitoringMeetingProblems, MONITORING_DAYS_AFTER_DUE, returnDueAt, type MonitoringMeeting } from "../../../src/domain/time/calendar";
import { addDays } from "../../../src/domain/time/calendar";
import { ukDateOf } from "../../../src/domain/time/uk-clock";
import { checkSeedCalendar } from "../../../src/server/core/reference-data-loader";
import { TERMS } from "../../../src/domain/reference/terms";
import { calendar, term, withTerms } from "./fixtures";

const cal = calendar();
const september = (at: string): MonitoringMeeting => ({ districtSlug: "dover", academicYear: "2025-26", covers: [5, 6], at });

describe("a monitoring meeting falls after the returns it looks back on are due", () => {
  it("term 6's return of 2025-26 is due on 14 September 2026, so the old second-Tuesday default (8 September) breaks the rule", () => {
    expect(returnDueAt(term("2025-26", 6), cal)).toBe("2026-09-14T16:00:00Z");
    const old = defaultMonitoringMeetings({ academicYear: "2025-26", districtSlugs: ["dover"] }).find((m) => m.covers[0] === 5)!;
    expect(old.at).toBe("2026-09-08T09:00:00Z");
    const problems = monitoringMeetingProblems(calendar({ monitoringMeetings: [old] }));
    expect(problems).toEqual([
      {
        where: "monitoring dover 2025-26 terms 5–6",
        message: "meets on 8 September 2026 10:00, before term 6's return is due (14 September 2026 17:00): a monitoring meeting must fall after the returns it looks back on are due.",
      },
    ]);
    // checkCalendar, which a commissioner's edited calendar goes through, reports the same.
    expect(checkCalendar(calendar({ monitoringMeetings: [old] })).map((p) => p.message)).toEqual([problems[0]!.message]);
  });

  it("a meeting the minute after the due time is allowed; one at the due time is not", () => {
    expect(monitoringMeetingProblems(calendar({ monitoringMeetings: [september("2026-09-14T16:01:00Z")] }))).toEqual([]);
    expect(monitoringMeetingProblems(calendar({ monitoringMeetings: [september("2026-09-14T16:00:00Z")] }))).toHaveLength(1);
  });

  it("follows a commissioner's later due date", () => {
    const moved = withTerms({ ...term("2025-26", 6), returnDueAt: "2026-09-25" });
    const problems = monitoringMeetingProblems({ ...moved, monitoringMeetings: [september("2026-09-22T09:00:00Z")] });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("before term 6's return is due (25 September 2026 17:00)")]);
  });

  it("does not judge a meeting whose returns have no due date yet (the next year's terms are not in the calendar)", () => {
    const m: MonitoringMeeting = { districtSlug: "dover", academicYear: "2026-27", covers: [5, 6], at: "2027-09-01T09:00:00Z" };
    expect(latestReturnDue(cal, "2026-27", [5, 6])).toBeUndefined();
    expect(monitoringMeetingProblems(calendar({ monitoringMeetings: [m] }))).toEqual([]);
  });
});

describe("default proposals with the calendar in hand", () => {
  it("move the September meeting on by weeks to a week after term 6's return is due; February and May stay", () => {
    const meetings = defaultMonitoringMeetings({ academicYear: "2025-26", districtSlugs: ["dover"], bankHolidays: cal.bankHolidays, calendar: cal });
    expect(meetings.map((m) => m.at)).toEqual(["2026-02-10T10:00:00Z", "2026-05-12T09:00:00Z", "2026-09-22T09:00:00Z"]);
    expect(monitoringMeetingProblems({ ...cal, monitoringMeetings: meetings })).toEqual([]);
  });

  it("always satisfy the rule, whatever due date a commissioner sets for the covered terms", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4, 5, 6), fc.integer({ min: 0, max: 120 }), (n, offset) => {
        const t = term("2025-26", n);
        const moved = withTerms({ ...t, returnDueAt: addDays(t.end, offset) });
        const meetings = defaultMonitoringMeetings({ academicYear: "2025-26", districtSlugs: ["dover"], bankHolidays: moved.bankHolidays, calendar: moved });
        for (const m of meetings) {
          const due = latestReturnDue(moved, m.academicYear, m.covers)!;
          expect(ukDateOf(m.at) >= addDays(ukDateOf(due), MONITORING_DAYS_AFTER_DUE)).toBe(true);
        }
        expect(monitoringMeetingProblems({ ...moved, monitoringMeetings: meetings })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the reference data loader's seed calendar", () => {
  it("keeps the rule with the shipped terms", () => {
    expect(() => checkSeedCalendar()).not.toThrow();
  });

  it("stops with the dates named when the seed breaks the calendar's rules", () => {
    const overlapping = TERMS.map((t) => (t.academicYear === "2025-26" && t.term === 2 ? { ...t, start: "2025-10-10" } : t));
    expect(() => checkSeedCalendar(overlapping)).toThrow(/2025-26 term 2: overlaps 2025-26 term 1/);
  });
});
