/**
 * Review reminders on the reminders' outbox: the teacher is reminded once of a review due within 14
 * days, and the lead of overdue ones, however many passes and runners run; the card names the case
 * by its reference only and links to the Casework tab. They are written down at 09:00 UK time on a
 * school day only, and never for a review due before the go-live cutoff (CASEWORK_REMINDERS_FROM).
 * The pass runs on a clock the test moves, as `npm run reminders -- --at` does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, ConversationRef } from "../../../bot/bot-port";
import { DEMO_PEOPLE } from "../../../src/domain/reference/people";
import type { ReportingCalendar } from "../../../src/domain/time/calendar";
import type { RunningApp } from "../../../src/server/app/start";
import { reviewEntries, reviewReminderSlot } from "../../../src/server/features/reminders/review-reminders";
import { LEAD, NOW, TEACHER, key, startReferralApp, type Api } from "../referrals/helpers";

const CUTOFF = "2026-09-01";
const oidOf = (upn: string) => DEMO_PEOPLE.find((p) => p.upn === upn)?.oid as string;
let app: RunningApp;
let api: Api;
let clock = NOW;
const sent: Array<{ to: string; card: AdaptiveCard }> = [];
let caseId = "";
let childRef = "";

const openDirect = async (label: string, openedAt: string, reviewDate: string): Promise<{ id: string; childRef: string }> => {
  const made = await api(LEAD, "POST", "/api/casework/cases", {
    idempotencyKey: key(label),
    case: {
      origin: { kind: "direct", requestedBy: "local-authority", requestedAt: openedAt },
      team: "district",
      settingId: "DOV-P1",
      primaryArea: "CI",
      allocatedTeacherOid: oidOf(TEACHER),
      openedAt,
      supportPlan: { reviewDate },
      targets: [],
      status: "open-active",
      child: { legalName: "Reminder Test Child", dateOfBirth: "2018-01-01" },
    },
  });
  if (made.status !== 201) throw new Error(`open: ${made.status} ${JSON.stringify(made.body)}`);
  return { id: made.body.case.id, childRef: made.body.case.childRef };
};

beforeAll(async () => {
  ({ app, api } = await startReferralApp({ CASEWORK_REMINDERS_FROM: CUTOFF }, () => clock));
  for (const upn of [TEACHER, LEAD]) {
    await app.context.bot.conversations.save({
      channelId: "msteams",
      serviceUrl: "https://smba.example.invalid/",
      conversationId: `chat-${upn}`,
      conversationType: "personal",
      bot: { id: "28:lift-hub" },
      user: { id: `29:${upn}`, aadObjectId: oidOf(upn), upn },
    });
  }
  app.context.bot.messenger.sendCard = async (ref: ConversationRef, card: AdaptiveCard) => (sent.push({ to: ref.user.upn ?? "", card }), { activityId: `act-${sent.length}` });
  ({ id: caseId, childRef } = await openDirect("due", "2026-11-03", "2026-11-30"));
}, 180_000);
afterAll(async () => app?.stop());

const text = (card: AdaptiveCard) => JSON.stringify(card);
const rowsOf = async (id: string) => (await app.features.reminders.service.deps.outbox.all()).filter((r) => r.value.kind === "review" && r.value.period.startsWith(`${id}-`));

describe("review reminders", () => {
  it("reminds the teacher once of a review due, across passes and a second runner", async () => {
    await app.features.reminders.service.runPass();
    await app.features.reminders.service.runPass();
    await app.features.reminders.service.runner().pass();
    const mine = sent.filter((s) => s.to === TEACHER && text(s.card).includes(childRef));
    expect(mine).toHaveLength(1);
    const card = text(mine[0]!.card);
    expect(card).toContain("Review due");
    expect(card).toContain(`/tabs/casework?case=${caseId}`);
    expect(card).not.toContain("Reminder Test Child");
    const rows = (await app.features.reminders.service.deps.outbox.all()).filter((r) => r.value.key === `review:dover:${caseId}-2026-11-30:due`);
    expect(rows.map((r) => r.value.status)).toEqual(["sent"]);
    // Written down for the day's 09:00 UK slot, not the moment of the pass (10:00).
    expect(rows[0]!.value.scheduledAt).toBe("2026-11-24T09:00:00Z");
  });

  it("reminds the lead of overdue reviews due on or after the cutoff, each once, and never of older ones", async () => {
    const old = await openDirect("old", "2026-06-01", "2026-07-01");
    await app.features.reminders.service.runPass();
    const overdue = sent.filter((s) => s.to === LEAD && text(s.card).includes("Review overdue"));
    const due = await app.features.casework.service.reviewsDue(app.context.now());
    const dover = due.overdue.filter((d) => d.districtSlug === "dover" && d.team === "district");
    expect(dover.map((d) => d.caseId)).toContain(old.id);
    const expected = dover.filter((d) => d.dueDate >= CUTOFF);
    expect(expected.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(expected.length);
    for (const d of expected) expect(overdue.filter((s) => text(s.card).includes(`case ${d.childRef}`))).toHaveLength(1);
    expect(overdue.some((s) => text(s.card).includes(`case ${old.childRef}`))).toBe(false);
    expect(await rowsOf(old.id)).toEqual([]);
  });

  it("waits for 09:00 UK time on a school day: nothing at the weekend or before nine, once at nine", async () => {
    const later = await openDirect("later", "2026-11-10", "2026-12-10");
    const toTeacher = () => sent.filter((s) => s.to === TEACHER && text(s.card).includes(`case ${later.childRef}`));
    // Tuesday: 10 December is more than 14 days away.
    await app.features.reminders.service.runPass();
    expect(await rowsOf(later.id)).toEqual([]);
    // Saturday 28 November: within 14 days, but not a school day.
    clock = new Date("2026-11-28T10:00:00Z");
    await app.features.reminders.service.runPass();
    expect(await rowsOf(later.id)).toEqual([]);
    // Monday 30 November (GMT, so UK time is UTC): a minute before nine, then at nine.
    clock = new Date("2026-11-30T08:59:00Z");
    await app.features.reminders.service.runPass();
    expect(await rowsOf(later.id)).toEqual([]);
    clock = new Date("2026-11-30T09:00:00Z");
    await app.features.reminders.service.runPass();
    await app.features.reminders.service.runPass();
    expect(toTeacher()).toHaveLength(1);
    const rows = await rowsOf(later.id);
    expect(rows.map((r) => [r.value.step, r.value.status, r.value.scheduledAt])).toEqual([["due", "sent", "2026-11-30T09:00:00Z"]]);
    clock = NOW;
  });
});

describe("the review reminders' slot and cutoff (pure)", () => {
  const calendar: ReportingCalendar = {
    terms: [{ academicYear: "2026-27", term: 6, start: "2027-06-07", end: "2027-07-21" }, { academicYear: "2026-27", term: 5, start: "2027-04-19", end: "2027-05-28" }],
    bankHolidays: ["2027-05-03"],
    monitoringMeetings: [],
  };

  it("is 09:00 UK time (BST in summer) on a school day, and nothing on a bank holiday, in a holiday or before nine", () => {
    expect(reviewReminderSlot("2027-05-04T08:00:00Z", calendar)).toBe("2027-05-04T08:00:00Z");
    expect(reviewReminderSlot("2027-05-04T14:30:00Z", calendar)).toBe("2027-05-04T08:00:00Z");
    expect(reviewReminderSlot("2027-05-04T07:59:00Z", calendar)).toBeUndefined();
    expect(reviewReminderSlot("2027-05-03T10:00:00Z", calendar)).toBeUndefined(); // bank holiday Monday
    expect(reviewReminderSlot("2027-06-01T10:00:00Z", calendar)).toBeUndefined(); // half term
    expect(reviewReminderSlot("2027-05-08T10:00:00Z", calendar)).toBeUndefined(); // Saturday
  });

  it("leaves out reviews due before the cutoff, and sends a county team's overdue review to that team's leads", () => {
    const lead = (oid: string, districtSlug: string, countyTeam?: "sensory") => ({ oid, upn: `${oid}@x.local`, displayName: oid, role: "district_lead" as const, districtSlug, ...(countyTeam ? { countyTeam } : {}) });
    const people = [lead("00000000-0000-4000-8000-000000000001", "dover"), lead("00000000-0000-4000-8000-000000000002", "thanet", "sensory")];
    const review = (caseId: string, dueDate: string, team: string) => ({ caseId, childRef: `DOV-2627-00${caseId}`, districtSlug: "dover", team, teacherOid: "00000000-0000-4000-8000-000000000009", dueDate, overdue: true });
    const rows = reviewEntries({ dueSoon: [], overdue: [review("11", "2027-04-30", "district"), review("12", "2027-05-10", "district"), review("13", "2027-05-10", "county-sensory")] }, people, "2027-05-20T08:00:00Z", "2027-05-01");
    expect(rows.map((r) => [r.value.period, r.value.recipientOid])).toEqual([
      ["12-2027-05-10", "00000000-0000-4000-8000-000000000001"],
      ["13-2027-05-10", "00000000-0000-4000-8000-000000000002"],
    ]);
    expect(rows.every((r) => r.value.scheduledAt === "2027-05-20T08:00:00Z")).toBe(true);
  });
});
