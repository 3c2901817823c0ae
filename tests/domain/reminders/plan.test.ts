import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import {
  monitoringSchedule,
  overdueDigest,
  parseReminderKey,
  planReminders,
  reminderKey,
  returnSchedule,
  snoozeStep,
  type PlanInput,
  type ReturnRecord,
  type SentRecord,
} from "../../../src/domain/reminders/plan";
import type { MonitoringMeeting, Term } from "../../../src/domain/time/calendar";
import { calendar, COMMISSIONER, DOVER_LEAD, term, THANET_LEAD, withTerms } from "../time/fixtures";

const cal = calendar();
const T1 = "return:dover:2025-26-T1";
/** Term 1 2025-26 is due at 17:00 on Fri 7 Nov 2025 (10th school day of term 2). */
const T1_DUE = "2025-11-07T17:00:00Z";

/** Only the dover lead, and only 2025-26 term 1: the other terms' returns are submitted. */
function onlyT1(overrides: Partial<PlanInput> = {}): PlanInput {
  const submittedElsewhere: ReturnRecord[] = [1, 2, 3, 4, 5, 6].flatMap((n) =>
    (["2025-26", "2026-27"] as const)
      .filter((y) => !(y === "2025-26" && n === 1))
      .map((academicYear) => ({ districtSlug: "dover", academicYear, term: n as Term["term"], status: "submitted" as const })),
  );
  return {
    calendar: cal,
    people: [DOVER_LEAD],
    returns: [...submittedElsewhere, ...(overrides.returns ?? [])],
    sent: [],
    now: "2025-09-01T00:00:00Z",
    ...overrides,
    ...(overrides.returns ? { returns: [...submittedElsewhere, ...overrides.returns] } : {}),
  };
}

const sent = (...keys: string[]): SentRecord[] => keys.map((key) => ({ key, sentAt: "2000-01-01T00:00:00Z" }));

describe("return reminder schedule", () => {
  it("term 1 2025-26: 7 days before, school day before, due day, first school day after, then every 5 school days", () => {
    expect(returnSchedule(T1_DUE, cal, "2026-01-06T00:00:00Z")).toEqual([
      { step: "7-days-before", scheduledAt: "2025-10-31T09:00:00Z" },
      { step: "school-day-before", scheduledAt: "2025-11-06T09:00:00Z" },
      { step: "due-day", scheduledAt: "2025-11-07T09:00:00Z" },
      { step: "first-school-day-after", scheduledAt: "2025-11-10T09:00:00Z" },
      { step: "overdue-1", scheduledAt: "2025-11-17T09:00:00Z" },
      { step: "overdue-2", scheduledAt: "2025-11-24T09:00:00Z" },
      { step: "overdue-3", scheduledAt: "2025-12-01T09:00:00Z" },
      { step: "overdue-4", scheduledAt: "2025-12-08T09:00:00Z" },
      { step: "overdue-5", scheduledAt: "2025-12-15T09:00:00Z" },
      // 16–19 Dec, then the Christmas holiday (25/26 Dec, 1 Jan bank holidays) — the 5th school day is 5 Jan.
      { step: "overdue-6", scheduledAt: "2026-01-05T09:00:00Z" },
      // the first step after `now`, for the scheduler's next wake-up
      { step: "overdue-7", scheduledAt: "2026-01-12T09:00:00Z" },
    ]);
  });

  it.each<[string, string, Array<[string, string]>]>([
    [
      "due Tue 28 Oct 2025 (override): 7 days before is in BST, the rest in GMT",
      "2025-10-28T17:00:00Z",
      [
        ["7-days-before", "2025-10-21T08:00:00Z"], // 09:00 BST, in half term (calendar days)
        ["school-day-before", "2025-10-27T09:00:00Z"], // Mon after half term and after the clock change
        ["due-day", "2025-10-28T09:00:00Z"],
        ["first-school-day-after", "2025-10-29T09:00:00Z"],
      ],
    ],
    [
      "due Mon 30 Mar 2026 (override): GMT before the change, BST after; overdue skips Easter",
      "2026-03-30T16:00:00Z",
      [
        ["7-days-before", "2026-03-23T09:00:00Z"], // 09:00 GMT
        ["school-day-before", "2026-03-27T09:00:00Z"], // Fri 27 Mar, GMT
        ["due-day", "2026-03-30T08:00:00Z"], // 09:00 BST
        ["first-school-day-after", "2026-03-31T08:00:00Z"],
        // 1 and 2 Apr, Easter holidays (Good Friday, Easter Monday), then 20, 21, 22 Apr
        ["overdue-1", "2026-04-22T08:00:00Z"],
      ],
    ],
    [
      "due Mon 2 Nov 2026, after half term: the school day before (Fri 23 Oct) is earlier than 7 days before, so dropped",
      "2026-11-02T17:00:00Z",
      [
        ["7-days-before", "2026-10-26T09:00:00Z"],
        ["due-day", "2026-11-02T09:00:00Z"],
        ["first-school-day-after", "2026-11-03T09:00:00Z"],
      ],
    ],
    [
      "due at 08:00 (override): the due-day reminder goes at the deadline, not after it",
      "2026-01-16T08:00:00Z",
      [
        ["7-days-before", "2026-01-09T09:00:00Z"],
        ["school-day-before", "2026-01-15T09:00:00Z"],
        ["due-day", "2026-01-16T08:00:00Z"],
        ["first-school-day-after", "2026-01-19T09:00:00Z"],
      ],
    ],
  ])("%s", (_name, dueAt, expected) => {
    const schedule = returnSchedule(dueAt, cal, "2026-04-22T07:00:00Z").slice(0, expected.length);
    expect(schedule.map((s) => [s.step, s.scheduledAt])).toEqual(expected);
  });

  it("every regular step is at 09:00 UK time, whatever the season (property)", () => {
    const terms = [...cal.terms];
    fc.assert(
      fc.property(fc.constantFrom(...terms.slice(0, 11)), (t) => {
        const schedule = returnSchedule(planDueAt(t), cal, "2027-12-31T00:00:00Z");
        expect(schedule.length).toBeGreaterThan(4);
        for (const s of schedule) {
          const local = DateTime.fromISO(s.scheduledAt, { zone: "Europe/London" });
          expect([local.hour, local.minute]).toEqual([9, 0]);
        }
      }),
      { numRuns: 30 },
    );
  });
});

function planDueAt(t: Term): string {
  const out = overdueDigest({ calendar: cal, returns: [], districts: ["x"], now: "2099-01-01T00:00:00Z" });
  const found = out.find((o) => o.academicYear === t.academicYear && o.term === t.term);
  if (!found) throw new Error("no due date");
  return found.dueAt;
}

describe("planReminders: returns", () => {
  it.each<[string, string, string[], string | undefined]>([
    ["before anything is due", "2025-10-31T08:59:00Z", [], undefined],
    ["7 days before, on time", "2025-10-31T09:00:00Z", [], `${T1}:7-days-before`],
    ["school day before", "2025-11-06T09:10:00Z", [`${T1}:7-days-before`], `${T1}:school-day-before`],
    ["due day", "2025-11-07T09:00:00Z", [`${T1}:7-days-before`, `${T1}:school-day-before`], `${T1}:due-day`],
    ["due day, already sent", "2025-11-07T12:00:00Z", [`${T1}:7-days-before`, `${T1}:school-day-before`, `${T1}:due-day`], undefined],
    ["first school day after (weekend skipped)", "2025-11-10T09:00:00Z", [`${T1}:due-day`], `${T1}:first-school-day-after`],
    ["overdue-2", "2025-11-24T09:30:00Z", [`${T1}:overdue-1`], `${T1}:overdue-2`],
  ])("%s → %s", (_name, now, sentKeys, expectedKey) => {
    const plan = planReminders(onlyT1({ now, sent: sent(...sentKeys) }));
    expect(plan.due.map((d) => d.key)).toEqual(expectedKey ? [expectedKey] : []);
  });

  it("describes the reminder: recipients, due date, status, missing parts", () => {
    const plan = planReminders(
      onlyT1({
        now: "2025-11-07T09:00:00Z",
        people: [DOVER_LEAD, THANET_LEAD, COMMISSIONER, { ...DOVER_LEAD }],
        returns: [{ districtSlug: "dover", academicYear: "2025-26", term: 1, status: "draft", missing: ["LAR"] }],
        districts: ["dover"],
      }),
    );
    expect(plan.due).toEqual([
      {
        kind: "return",
        key: `${T1}:due-day`,
        districtSlug: "dover",
        academicYear: "2025-26",
        term: 1,
        period: "2025-26-T1",
        step: "due-day",
        scheduledAt: "2025-11-07T09:00:00Z",
        recipients: [{ oid: DOVER_LEAD.oid, upn: DOVER_LEAD.upn }],
        late: false,
        dueAt: T1_DUE,
        status: "draft",
        missing: ["LAR"],
      },
    ]);
  });

  it("a submitted return yields nothing, even when steps were missed", () => {
    const plan = planReminders(
      onlyT1({
        now: "2025-11-24T09:30:00Z",
        returns: [{ districtSlug: "dover", academicYear: "2025-26", term: 1, status: "submitted" }],
      }),
    );
    expect(plan.due).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.held).toEqual([]);
  });

  it("a return sent back for changes ('returned') keeps being chased", () => {
    const plan = planReminders(
      onlyT1({
        now: "2025-11-17T09:00:00Z",
        sent: sent(`${T1}:first-school-day-after`),
        returns: [{ districtSlug: "dover", academicYear: "2025-26", term: 1, status: "returned" }],
      }),
    );
    expect(plan.due.map((d) => [d.key, d.kind === "return" && d.status])).toEqual([[`${T1}:overdue-1`, "returned"]]);
  });

  it("overdue reminders every 5 school days stop once the return is submitted", () => {
    // Run the plan each morning at 09:15 from 7 Nov, sending what is due; the return is submitted on 3 Dec.
    const log: SentRecord[] = [];
    const sentOn: Array<[string, string]> = [];
    for (let day = DateTime.fromISO("2025-11-07"); day <= DateTime.fromISO("2025-12-19"); day = day.plus({ days: 1 })) {
      const now = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: 9, minute: 15 }, { zone: "Europe/London" })
        .toUTC()
        .toISO() as string;
      const submitted = day >= DateTime.fromISO("2025-12-03");
      const plan = planReminders(
        onlyT1({
          now,
          sent: log,
          returns: [{ districtSlug: "dover", academicYear: "2025-26", term: 1, status: submitted ? "submitted" : "draft" }],
        }),
      );
      for (const d of plan.due) {
        log.push({ key: d.key, sentAt: now });
        sentOn.push([d.step, day.toISODate() as string]);
      }
    }
    expect(sentOn).toEqual([
      ["due-day", "2025-11-07"],
      ["first-school-day-after", "2025-11-10"],
      ["overdue-1", "2025-11-17"],
      ["overdue-2", "2025-11-24"],
      ["overdue-3", "2025-12-01"],
    ]);
  });

  it("app down for two weeks: one late reminder (the latest step), the missed ones superseded", () => {
    const before = sent(`${T1}:7-days-before`, `${T1}:school-day-before`);
    const now = "2025-11-21T10:00:00Z"; // down from Thu 6 Nov to Fri 21 Nov
    const plan = planReminders(onlyT1({ now, sent: before }));
    expect(plan.due.map((d) => [d.key, d.scheduledAt, d.late])).toEqual([[`${T1}:overdue-1`, "2025-11-17T09:00:00Z", true]]);
    expect(plan.skipped).toEqual([
      { key: `${T1}:due-day`, scheduledAt: "2025-11-07T09:00:00Z", reason: "superseded", supersededBy: `${T1}:overdue-1` },
      { key: `${T1}:first-school-day-after`, scheduledAt: "2025-11-10T09:00:00Z", reason: "superseded", supersededBy: `${T1}:overdue-1` },
    ]);
    expect(plan.nextAt).toBe("2025-11-24T09:00:00Z");

    // Once the late one is written down, the next run sends nothing; once the skipped keys are too, it reports nothing.
    const after = [...before, ...sent(`${T1}:overdue-1`)];
    const again = planReminders(onlyT1({ now: "2025-11-21T10:15:00Z", sent: after }));
    expect(again.due).toEqual([]);
    expect(again.skipped.map((s) => s.key)).toEqual([`${T1}:due-day`, `${T1}:first-school-day-after`]);
    const quiet = planReminders(onlyT1({ now: "2025-11-21T10:15:00Z", sent: [...after, ...sent(...again.skipped.map((s) => s.key))] }));
    expect([quiet.due, quiet.skipped]).toEqual([[], []]);
  });

  it.each([
    ["10 minutes after its time", "2025-11-07T09:10:00Z", false],
    ["exactly an hour after", "2025-11-07T10:00:00Z", false],
    ["61 minutes after", "2025-11-07T10:01:00Z", true],
  ])("late flag: %s → %s", (_name, now, late) => {
    const plan = planReminders(onlyT1({ now, sent: sent(`${T1}:school-day-before`) }));
    expect(plan.due.map((d) => [d.step, d.late])).toEqual([["due-day", late]]);
  });

  it("holds a due reminder for a district with no lead, and sends it late once a lead appears", () => {
    const input = onlyT1({ now: "2025-11-07T09:00:00Z", people: [COMMISSIONER], districts: ["dover"] });
    const held = planReminders(input);
    expect(held.due).toEqual([]);
    expect(held.held).toEqual([{ key: `${T1}:due-day`, scheduledAt: "2025-11-07T09:00:00Z", reason: "no-recipients" }]);
    const later = planReminders({ ...input, people: [DOVER_LEAD], now: "2025-11-07T14:00:00Z" });
    expect(later.due.map((d) => [d.key, d.late])).toEqual([[`${T1}:due-day`, true]]);
  });

  it("snooze ('remind me tomorrow'): holds the series, then one reminder at the snooze time", () => {
    const until = "2025-11-11T09:00:00Z";
    const snoozes = [{ kind: "return" as const, districtSlug: "dover", period: "2025-26-T1", until }];
    const log = sent(`${T1}:7-days-before`, `${T1}:school-day-before`, `${T1}:due-day`);
    const snoozeKey = `${T1}:snooze-20251111T0900Z`;

    const during = planReminders(onlyT1({ now: "2025-11-10T09:05:00Z", sent: log, snoozes }));
    expect(during.due).toEqual([]);
    expect(during.held).toEqual([{ key: `${T1}:first-school-day-after`, scheduledAt: "2025-11-10T09:00:00Z", reason: "snoozed", until }]);

    const after = planReminders(onlyT1({ now: "2025-11-11T09:05:00Z", sent: log, snoozes }));
    expect(after.due.map((d) => [d.key, d.step, d.late])).toEqual([[snoozeKey, "snooze-20251111T0900Z", false]]);
    expect(after.skipped.map((s) => [s.key, s.reason])).toEqual([[`${T1}:first-school-day-after`, "superseded"]]);

    // A snooze on an already-sent reminder still brings one back.
    const resend = planReminders(
      onlyT1({ now: "2025-11-08T09:00:00Z", sent: log, snoozes: [{ ...snoozes[0]!, until: "2025-11-08T09:00:00Z" }] }),
    );
    expect(resend.due.map((d) => d.key)).toEqual([`${T1}:snooze-20251108T0900Z`]);
  });

  it("ignores terms due before go-live (notBefore)", () => {
    const input: PlanInput = {
      calendar: cal,
      people: [DOVER_LEAD],
      returns: [],
      sent: [],
      now: "2026-01-12T09:30:00Z",
      notBefore: "2026-01-01T00:00:00Z",
    };
    const plan = planReminders(input);
    // Term 1 (due 7 Nov) is ignored; term 2 (due 16 Jan 2026) has reached "7 days before" (Fri 9 Jan)…
    // …but Mon 12 Jan is not a step, so the 9 Jan one is due, late.
    expect(plan.due.map((d) => [d.key, d.late])).toEqual([["return:dover:2025-26-T2:7-days-before", true]]);
    const all = planReminders({ ...input, notBefore: undefined });
    expect(all.due.map((d) => d.key)).toEqual([
      "return:dover:2025-26-T2:7-days-before",
      "return:dover:2025-26-T1:overdue-7",
    ]);
  });

  it("reports the term whose due date cannot be worked out yet", () => {
    const plan = planReminders({ calendar: cal, people: [DOVER_LEAD], returns: [], sent: [], now: "2025-09-01T00:00:00Z" });
    expect(plan.problems).toEqual([
      {
        kind: "return",
        period: "2026-27-T6",
        message: "No due date set and the following term is not in the calendar yet, so no reminders can be planned.",
      },
    ]);
    expect(plan.nextAt).toBe("2025-10-31T09:00:00Z");
  });

  it("a commissioner's changed due date moves every reminder", () => {
    const moved = withTerms({ ...term("2025-26", 1), returnDueAt: "2025-11-14" });
    const plan = planReminders({ ...onlyT1(), calendar: moved, now: "2025-11-07T09:00:00Z" });
    expect(plan.due.map((d) => [d.key, d.kind === "return" && d.dueAt])).toEqual([[`${T1}:7-days-before`, "2025-11-14T17:00:00Z"]]);
  });
});

describe("planReminders: monitoring meetings", () => {
  const meeting: MonitoringMeeting = {
    districtSlug: "dover",
    academicYear: "2025-26",
    covers: [1, 2],
    at: "2026-02-10T10:00:00Z", // Tue 10 Feb 2026, 10:00 GMT
    packUrl: "https://example.test/sites/lift/packs/dover-2025-26-T1-2",
  };
  const september: MonitoringMeeting = { ...meeting, covers: [5, 6], at: "2026-09-08T09:00:00Z", packUrl: undefined };
  const M = "monitoring:dover:2025-26-T1-2";
  const base = (now: string, extra: Partial<PlanInput> = {}): PlanInput => ({
    calendar: calendar({ monitoringMeetings: [meeting, september] }),
    people: [DOVER_LEAD],
    returns: [],
    districts: [],
    sent: [],
    now,
    ...extra,
  });

  it("schedules 7 days (calendar) and 1 school day before, at 09:00 UK", () => {
    expect(monitoringSchedule(meeting.at, cal)).toEqual([
      { step: "7-days-before", scheduledAt: "2026-02-03T09:00:00Z" },
      { step: "school-day-before", scheduledAt: "2026-02-09T09:00:00Z" },
    ]);
    // September, in BST; the school day before is Mon 7 Sep.
    expect(monitoringSchedule(september.at, cal)).toEqual([
      { step: "7-days-before", scheduledAt: "2026-09-01T08:00:00Z" },
      { step: "school-day-before", scheduledAt: "2026-09-07T08:00:00Z" },
    ]);
    // A meeting on the first day of term: the school day before is in July, so only "7 days before".
    expect(monitoringSchedule("2026-09-01T09:00:00Z", cal)).toEqual([{ step: "7-days-before", scheduledAt: "2026-08-25T08:00:00Z" }]);
  });

  it("sends the reminder with the district's pack link", () => {
    const plan = planReminders(base("2026-02-09T09:00:00Z", { sent: sent(`${M}:7-days-before`) }));
    expect(plan.due).toEqual([
      {
        kind: "monitoring",
        key: `${M}:school-day-before`,
        districtSlug: "dover",
        academicYear: "2025-26",
        covers: [1, 2],
        period: "2025-26-T1-2",
        step: "school-day-before",
        scheduledAt: "2026-02-09T09:00:00Z",
        recipients: [{ oid: DOVER_LEAD.oid, upn: DOVER_LEAD.upn }],
        late: false,
        meetingAt: "2026-02-10T10:00:00Z",
        packUrl: meeting.packUrl,
      },
    ]);
    expect(plan.problems).toContainEqual(
      {
        kind: "monitoring",
        period: "2025-26-T5-6",
        districtSlug: "dover",
        message: "No monitoring pack link set; reminders will go out without one.",
      },
    );
  });

  it("after the meeting, missed reminders are skipped, not sent", () => {
    const plan = planReminders(base("2026-02-10T11:00:00Z"));
    expect(plan.due).toEqual([]);
    expect(plan.skipped.map((s) => [s.key, s.reason])).toEqual([
      [`${M}:7-days-before`, "meeting-passed"],
      [`${M}:school-day-before`, "meeting-passed"],
    ]);
  });

  it("app down over both steps but before the meeting: only the school-day-before one, late", () => {
    const plan = planReminders(base("2026-02-09T15:00:00Z"));
    expect(plan.due.map((d) => [d.key, d.late])).toEqual([[`${M}:school-day-before`, true]]);
    expect(plan.skipped.map((s) => [s.key, s.reason])).toEqual([[`${M}:7-days-before`, "superseded"]]);
  });
});

describe("keys", () => {
  it("are stable and round-trip", () => {
    const key = reminderKey({ kind: "return", districtSlug: "tonbridge-and-malling", period: "2025-26-T1", step: "overdue-2" });
    expect(key).toBe("return:tonbridge-and-malling:2025-26-T1:overdue-2");
    expect(parseReminderKey(key)).toEqual({ kind: "return", districtSlug: "tonbridge-and-malling", period: "2025-26-T1", step: "overdue-2" });
    expect(parseReminderKey("other:dover:x:y")).toBeUndefined();
    expect(parseReminderKey("return:dover:x")).toBeUndefined();
    expect(() => reminderKey({ kind: "return", districtSlug: "a:b", period: "p", step: "s" })).toThrow(/no ':'/);
    expect(snoozeStep("2025-11-11T09:00:00+00:00")).toBe("snooze-20251111T0900Z");
  });
});

describe("plan properties", () => {
  const nowArb = fc
    .integer({ min: 0, max: 700 * 24 * 4 })
    .map((quarterHours) => DateTime.fromISO("2025-09-01T00:00:00Z").plus({ minutes: quarterHours * 15 }).toUTC().toISO() as string);
  const input = (now: string, log: SentRecord[]): PlanInput => ({
    calendar: calendar({
      monitoringMeetings: [
        { districtSlug: "dover", academicYear: "2025-26", covers: [1, 2], at: "2026-02-10T10:00:00Z", packUrl: "https://x.test/p" },
      ],
    }),
    people: [DOVER_LEAD, THANET_LEAD],
    returns: [{ districtSlug: "thanet", academicYear: "2025-26", term: 2, status: "submitted" }],
    sent: log,
    now,
  });

  it("at most one due reminder per series, none in the future, unique keys; replanning after recording is quiet", () => {
    fc.assert(
      fc.property(nowArb, (now) => {
        const plan = planReminders(input(now, []));
        const series = plan.due.map((d) => `${d.kind}:${d.districtSlug}:${d.period}`);
        expect(new Set(series).size).toBe(series.length);
        // Compare instants, not strings: `now` has milliseconds ("…08:00:00.000Z"), the plan's times do not.
        expect(plan.due.filter((d) => Date.parse(d.scheduledAt) > Date.parse(now))).toEqual([]);
        const keys = [...plan.due, ...plan.skipped].map((x) => x.key);
        expect(new Set(keys).size).toBe(keys.length);
        const recorded = sent(...keys);
        const again = planReminders(input(now, recorded));
        expect([again.due, again.skipped]).toEqual([[], []]);
        if (plan.nextAt) expect(Date.parse(plan.nextAt)).toBeGreaterThan(Date.parse(now));
      }),
      { numRuns: 60 },
    );
  });

  it("catching up after any outage never sends more than one reminder per series (property)", () => {
    fc.assert(
      fc.property(nowArb, fc.integer({ min: 1, max: 60 * 24 * 4 }), (start, gapQuarterHours) => {
        const first = planReminders(input(start, []));
        const log = sent(...[...first.due, ...first.skipped].map((x) => x.key));
        const later = DateTime.fromISO(start).plus({ minutes: gapQuarterHours * 15 }).toUTC().toISO() as string;
        const second = planReminders(input(later, log));
        const series = second.due.map((d) => `${d.kind}:${d.districtSlug}:${d.period}`);
        expect(new Set(series).size).toBe(series.length);
        expect(second.due.every((d) => !log.some((l) => l.key === d.key))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("planReminders and a district's lifetime", () => {
  it("chases a district made by a split only from the term it starts in, and a retired one only for terms it was open in", () => {
    const t2 = cal.terms.find((t) => t.academicYear === "2025-26" && t.term === 2)!;
    const plan = planReminders({
      calendar: cal,
      people: [{ ...DOVER_LEAD, oid: "deal-lead", upn: "lead.deal@lift.local", districtSlug: "deal" }, THANET_LEAD],
      returns: [],
      sent: [],
      now: "2026-01-20T12:00:00Z",
      districts: [{ slug: "deal", startsOn: t2.start }, { slug: "thanet", retiredOn: t2.start }],
    });
    const periods = (slug: string) => [...new Set([...plan.due, ...plan.skipped].filter((r) => r.key.startsWith(`return:${slug}:`)).map((r) => r.key.split(":")[2]))].sort();
    expect(periods("deal")).toEqual(["2025-26-T2"]);
    expect(periods("thanet")).toEqual(["2025-26-T1"]);
  });
});

describe("overdueDigest", () => {
  it("lists districts past the due time and not submitted; a district with no return is overdue, not zero", () => {
    const digest = overdueDigest({
      calendar: cal,
      districts: ["dover", "thanet", "swale"],
      returns: [
        { districtSlug: "dover", academicYear: "2025-26", term: 1, status: "submitted" },
        { districtSlug: "thanet", academicYear: "2025-26", term: 1, status: "draft", missing: ["LAR"] },
      ],
      now: "2025-11-12T12:00:00Z",
    });
    expect(digest).toEqual([
      { districtSlug: "swale", academicYear: "2025-26", term: 1, period: "2025-26-T1", dueAt: T1_DUE, status: "not_started", missing: [], schoolDaysOverdue: 3 },
      { districtSlug: "thanet", academicYear: "2025-26", term: 1, period: "2025-26-T1", dueAt: T1_DUE, status: "draft", missing: ["LAR"], schoolDaysOverdue: 3 },
    ]);
  });

  it.each([
    ["16:59 on the due date", "2025-11-07T16:59:00Z", []],
    ["17:01 on the due date", "2025-11-07T17:01:00Z", [0]],
    ["the Monday after", "2025-11-10T08:00:00Z", [1]],
    // 15 school days left in November, 15 in December, and Mon 5 Jan
    ["after the Christmas holiday", "2026-01-05T12:00:00Z", [31]],
  ])("%s", (_name, now, expected) => {
    const digest = overdueDigest({ calendar: cal, districts: ["dover"], returns: [], now });
    expect(digest.filter((d) => d.period === "2025-26-T1").map((d) => d.schoolDaysOverdue)).toEqual(expected);
  });

  it("ignores returns due before go-live", () => {
    const digest = overdueDigest({ calendar: cal, districts: ["dover"], returns: [], now: "2026-01-20T12:00:00Z", notBefore: "2026-01-01T00:00:00Z" });
    expect(digest.map((d) => d.period)).toEqual(["2025-26-T2"]);
  });

  it("never lists a district for a term before it started or from the term it was retired by", () => {
    const t2 = cal.terms.find((t) => t.academicYear === "2025-26" && t.term === 2)!;
    const digest = overdueDigest({
      calendar: cal,
      districts: ["dover", { slug: "deal", startsOn: t2.start }, { slug: "thanet", retiredOn: t2.start }],
      returns: [],
      now: "2026-01-20T12:00:00Z",
    });
    expect(digest.map((d) => `${d.districtSlug} ${d.period}`).sort()).toEqual(["deal 2025-26-T2", "dover 2025-26-T1", "dover 2025-26-T2", "thanet 2025-26-T1"]);
  });
});

describe("a district's own INSET or closure days", () => {
  // Dover's schools close on Monday 3 November 2025 (an INSET day); Thanet's do not.
  const withInset = { ...cal, districtDays: [{ districtSlug: "dover", date: "2025-11-03" }] };

  it("move that district's due date and reminder days, and no other district's", () => {
    const input = { ...onlyT1({ people: [DOVER_LEAD, THANET_LEAD] }), calendar: withInset, now: "2025-11-08T12:00:00Z" };
    const plan = planReminders(input);
    const dover = plan.due.filter((d) => d.kind === "return" && d.districtSlug === "dover" && d.period === "2025-26-T1");
    const thanet = plan.due.filter((d) => d.kind === "return" && d.districtSlug === "thanet" && d.period === "2025-26-T1");
    // Thanet keeps the county's 10th school day (Fri 7 Nov); Dover's 10th school day is Mon 10 Nov.
    expect(thanet.map((d) => (d.kind === "return" ? d.dueAt : ""))).toContain(T1_DUE);
    expect(dover.length).toBeGreaterThan(0);
    expect(dover.every((d) => d.kind === "return" && d.dueAt === "2025-11-10T17:00:00Z")).toBe(true);
    // On Sat 8 Nov Dover's return is not yet due: its latest reminder is the school day before (Fri 7 Nov), not "due day".
    expect(dover.at(-1)).toMatchObject({ step: "school-day-before", scheduledAt: "2025-11-07T09:00:00Z" });
  });

  it("are left out of the school days overdue for that district only", () => {
    const digest = overdueDigest({ calendar: withInset, returns: [], districts: ["dover", "thanet"], now: "2025-11-14T12:00:00Z" });
    const t1 = digest.filter((o) => o.period === "2025-26-T1");
    expect(t1.find((o) => o.districtSlug === "thanet")).toMatchObject({ dueAt: T1_DUE, schoolDaysOverdue: 5 });
    expect(t1.find((o) => o.districtSlug === "dover")).toMatchObject({ dueAt: "2025-11-10T17:00:00Z", schoolDaysOverdue: 4 });
  });
});
