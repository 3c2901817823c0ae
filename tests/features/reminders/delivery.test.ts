/**
 * Reminder delivery over real HTTP: installs posted to /api/messages, reminder passes on a fixed clock
 * delivering to a local Bot Framework connector (the activities' serviceUrl), and card actions
 * answered as `adaptiveCard/action` invokes. Term 1 2025-26 is due at 5pm on Friday 7 November 2025.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ExtensionRequestsList, ReminderOutboxList, ReminderSnoozesList } from "../../../src/server/features/reminders/lists";
import { openListStore } from "../../../src/graph/site";
import type { RunningApp } from "../../../src/server/app/start";
import { startLocalConnector, type LocalConnector } from "../../support/local-connector";
import { startTestApp } from "../../support/test-app";
import { baseActivity, cardOf, cardText, messageActivity, postActivity } from "../../bot/activities";
import { asPerson, chatIdOf, COMMISSIONER, deliveries, install, leadOf, reminderKeyOf, setReturnState, waitFor } from "./helpers";

let app: RunningApp;
let connector: LocalConnector;
let clock = new Date("2025-11-07T09:00:00Z");
const DOVER = leadOf("dover");
const THANET = leadOf("thanet");
const DUE_DAY = "return:dover:2025-26-T1:due-day";

const service = () => app.features.reminders.service;
const token = async (upn: string) =>
  ((await (await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(upn)}`)).json()) as { access_token: string }).access_token;

function invoke(p: typeof DOVER, verb: string, data: Record<string, unknown>) {
  return postActivity(
    app.url,
    baseActivity(connector.url, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" }, ...asPerson(p) }),
  );
}

beforeAll(async () => {
  // No demo activity: the demo's 2025-26 returns are all in, and these tests put returns in each state themselves.
  app = await startTestApp({ DEMO_DATA: "off" }, { now: () => clock });
  connector = await startLocalConnector();
});

afterAll(async () => {
  await connector?.stop();
  await app?.stop();
});

beforeEach(() => {
  connector.activities.length = 0;
  connector.updates.length = 0;
});

describe("install", () => {
  it("stores the reference in the ConversationReferences list, linked to the person, and says what the bot will do", async () => {
    await install(app.url, connector, DOVER);
    await install(app.url, connector, COMMISSIONER);
    const rows = await app.graph.stores.conversationReferences.all();
    const dover = rows.find((r) => r.value.conversationId === chatIdOf(DOVER));
    expect(dover?.value).toMatchObject({ userOid: DOVER.oid, userUpn: DOVER.upn, conversationType: "personal", serviceUrl: connector.url });
    expect(cardText(cardOf(connector.activities[0]!.activity))).toMatch(/remind district leads when the termly KPI return/);
    // Installing again (Teams sends two events) does not make a second row.
    await install(app.url, connector, DOVER);
    expect((await app.graph.stores.conversationReferences.all()).filter((r) => r.value.userOid === DOVER.oid)).toHaveLength(1);
  });

  it("lists leads who have not installed the app as not reachable, for commissioners only", async () => {
    const res = await fetch(`${app.url}/api/reminders/reachability`, { headers: { authorization: `Bearer ${await token(COMMISSIONER.upn)}` } });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ districtSlug: string; leadName: string; upn: string; reachable: boolean }> };
    expect(items).toHaveLength(12);
    expect(items.find((i) => i.districtSlug === "dover")).toEqual({ districtSlug: "dover", leadName: DOVER.displayName, upn: DOVER.upn, reachable: true });
    expect(items.find((i) => i.districtSlug === "thanet")).toMatchObject({ reachable: false });
    const asLead = await fetch(`${app.url}/api/reminders/reachability`, { headers: { authorization: `Bearer ${await token(DOVER.upn)}` } });
    expect(asLead.status).toBe(403);
  });
});

describe("a pass at a planned moment", () => {
  it("sends the due-day card to the lead's conversation, and nothing the second time", async () => {
    const report = await service().runPass();
    expect(report.sent).toEqual([{ key: DUE_DAY, recipientOid: DOVER.oid, late: false }]);
    // Leads without the app are written down as skipped, not lost silently.
    expect(report.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ key: "return:thanet:2025-26-T1:due-day", reason: expect.stringMatching(/not reachable/) })]));

    expect(connector.activities).toHaveLength(1);
    const sent = connector.activities[0]!;
    expect(sent.conversationId).toBe(chatIdOf(DOVER));
    const card = cardOf(sent.activity)!;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const text = cardText(card);
    expect(text).toContain("Dover: KPI return for term 1 2025-26 is due Friday 7 November 2025");
    expect(text).toContain("Term 1, academic year 2025-26");
    expect(text).toContain("Not started");
    const actions = card.actions as Array<Record<string, unknown>>;
    expect(actions.map((a) => a.title)).toEqual(["Open KPI return", "Already submitted", "Remind me tomorrow", "Need more time"]);
    expect(actions[0]!.url).toBe(`${app.config.publicUrl}/tabs/kpi-return?district=dover&year=2025-26&term=1`);
    expect(actions.slice(1, 3).every((a) => a.type === "Action.Execute")).toBe(true);
    const inputs = JSON.stringify(actions[3]);
    expect(inputs).toContain("Input.Text");
    expect(inputs).toContain("Input.Date");

    const outbox = await openListStore(app.context.site, ReminderOutboxList);
    const row = await outbox.findByKey(`${DUE_DAY}|${DOVER.oid}`);
    expect(row?.value).toMatchObject({ status: "sent", activityId: sent.id, attempts: 1 });

    const again = await service().runPass();
    expect(again.sent).toEqual([]);
    expect(connector.activities).toHaveLength(0 + 1);
  });
});

describe("card actions", () => {
  const data = { key: DUE_DAY, districtSlug: "dover", academicYear: "2025-26", term: 1 };

  it("'Already submitted' says so when the return is not submitted, and thanks when it is", async () => {
    await setReturnState(app, "dover", "2025-26", 1, "draft", ["referrals_ey"]);
    const notYet = await invoke(DOVER, "reminder.submitted", data);
    expect(notYet.status).toBe(200);
    const notYetCard = (notYet.body as { value: unknown }).value;
    expect(cardText(notYetCard)).toMatch(/no submitted return for term 1 2025-26 yet/);
    expect(cardText(notYetCard)).toMatch(/Draft, still missing/);

    // The sent card is replaced for everyone too.
    const outbox = await openListStore(app.context.site, ReminderOutboxList);
    const activityId = (await outbox.findByKey(`${DUE_DAY}|${DOVER.oid}`))!.value.activityId;
    expect(connector.updates.at(-1)).toMatchObject({ conversationId: chatIdOf(DOVER), activityId });

    await setReturnState(app, "dover", "2025-26", 1, "submitted");
    const done = await invoke(DOVER, "reminder.submitted", data);
    const doneCard = (done.body as { value: { actions: Array<{ title: string }> } }).value;
    expect(cardText(doneCard)).toMatch(/Thanks: LIFT Hub has your submitted return/);
    expect(doneCard.actions.map((a) => a.title)).toEqual(["Open KPI return"]);
    await setReturnState(app, "dover", "2025-26", 1, "draft");
  });

  it("'Remind me tomorrow' records a snooze until 9am on the next weekday and says when", async () => {
    const res = await invoke(DOVER, "reminder.snooze", data);
    expect(res.status).toBe(200);
    expect(cardText((res.body as { value: unknown }).value)).toContain("OK, I'll remind you again at 9am on Monday 10 November 2025.");
    const snoozes = await (await openListStore(app.context.site, ReminderSnoozesList)).all();
    expect(snoozes.map((s) => s.value)).toEqual([expect.objectContaining({ kind: "return", districtSlug: "dover", period: "2025-26-T1", until: "2025-11-10T09:00:00Z", requestedByOid: DOVER.oid })]);
    expect(connector.updates).toHaveLength(1);
  });

  it("'Need more time' refuses a missing reason, then records the request and tells each reachable commissioner", async () => {
    const bad = await invoke(DOVER, "reminder.moreTime", { ...data, reason: "  ", requestedDate: "2025-11-01" });
    expect(bad.status).toBe(200);
    expect(cardText((bad.body as { value: unknown }).value)).toContain("To ask for more time, give a reason and choose a date after today.");

    const res = await invoke(DOVER, "reminder.moreTime", { ...data, reason: "Data manager on leave until the 14th", requestedDate: "2025-11-21" });
    expect(cardText((res.body as { value: unknown }).value)).toContain("Your request for more time, to Friday 21 November 2025, has gone to the commissioners.");
    const requests = await (await openListStore(app.context.site, ExtensionRequestsList)).all();
    expect(requests.map((r) => r.value)).toEqual([
      expect.objectContaining({ districtSlug: "dover", period: "2025-26-T1", requestedDate: "2025-11-21", requestedByOid: DOVER.oid, status: "requested" }),
    ]);
    await waitFor(() => connector.activities.some((a) => a.conversationId === chatIdOf(COMMISSIONER)), "the commissioner's card");
    await service().idle();
    const toCommissioner = connector.activities.filter((a) => a.conversationId === chatIdOf(COMMISSIONER));
    expect(toCommissioner).toHaveLength(1);
    const text = cardText(cardOf(toCommissioner[0]!.activity));
    expect(text).toContain("Dover asks for more time for the term 1 2025-26 KPI return");
    expect(text).toContain("Data manager on leave until the 14th");
    expect(text).toContain("Friday 21 November 2025");
  });

  it("refuses a lead answering another district's reminder", async () => {
    await install(app.url, connector, THANET);
    const res = await invoke(THANET, "reminder.snooze", data);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: "application/vnd.microsoft.error" });
  });
});

describe("status and deadlines", () => {
  it("answers status with the district's returns and deadlines with the next due dates", async () => {
    await postActivity(app.url, messageActivity(connector.url, "status", asPerson(DOVER)));
    await postActivity(app.url, messageActivity(connector.url, "deadlines", asPerson(DOVER)));
    const [status, deadlines] = connector.activities.map((a) => cardText(cardOf(a.activity)));
    expect(status).toContain("Dover: KPI returns");
    expect(status).toMatch(/Term 1 2025-26\nDraft, ready to submit\. Due 5pm on Friday 7 November 2025/);
    expect(deadlines).toContain("Term 2 2025-26 return\n5pm on Friday 16 January 2026");
    expect(deadlines).toContain("Monitoring meeting (terms 1–2)\n10am on Tuesday 10 February 2026");
  });
});

describe("overdue digest and throttling", () => {
  it("sends the snoozed reminder once, and commissioners one digest a day, waiting out a 429 with Retry-After", async () => {
    clock = new Date("2025-11-10T09:00:00Z");
    // More 429s than the SDK's own retries absorb, so the runner's Retry-After handling is what delivers.
    connector.failNext(6, 429, 1);
    const report = await service().runPass();
    expect(connector.requests.filter((r) => r.status === 429)).toHaveLength(6);
    expect(report.failed).toEqual([]);
    const counts = deliveries(connector.activities);
    expect(counts.get(`${chatIdOf(DOVER)} return:dover:2025-26-T1:snooze-20251110T0900Z`)).toBe(1);
    const digests = connector.activities.filter((a) => a.conversationId === chatIdOf(COMMISSIONER));
    expect(digests).toHaveLength(1);
    const digest = cardText(cardOf(digests[0]!.activity));
    expect(digest).toContain("Overdue KPI returns on Monday 10 November 2025");
    expect(digest).toContain("12 districts' returns are overdue.");
    expect(digest).toMatch(/Dover\nTerm 1 2025-26, due Friday 7 November 2025: Draft, 1 school day overdue/);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    clock = new Date("2025-11-10T15:00:00Z");
    connector.activities.length = 0;
    await service().runPass();
    expect(connector.activities.filter((a) => reminderKeyOf(a.activity) || a.conversationId === chatIdOf(COMMISSIONER))).toHaveLength(0);
  });
});
