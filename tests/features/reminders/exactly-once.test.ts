/**
 * Every reminder delivered exactly once: the same pass run again, two runners at once, a runner killed
 * after claiming and one killed after sending but before marking sent, and a restart after two weeks
 * down (one late reminder, not a burst). Term 2 2025-26 is due at 5pm on Friday 16 January 2026.
 * A runner "killed" here is stuck on a promise the test holds; resuming it afterwards also checks
 * that a runner waking up after its lease has expired cannot cause a duplicate.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReminderOutboxList } from "../../../src/server/features/reminders/lists";
import { openListStore } from "../../../src/graph/site";
import type { RunningApp } from "../../../src/server/app/start";
import { startLocalConnector, type LocalConnector } from "../../support/local-connector";
import { startTestApp } from "../../support/test-app";
import { chatIdOf, deferred, deliveries, install, leadOf, reminderKeyOf, waitFor } from "./helpers";

let app: RunningApp;
let connector: LocalConnector;
let clock = new Date("2026-01-09T09:00:00Z");
const DISTRICTS = ["dover", "thanet", "swale", "ashford"];
const LEADS = DISTRICTS.map(leadOf);
const DOVER = LEADS[0]!;
const service = () => app.features.reminders.service;
const outbox = () => openListStore(app.context.site, ReminderOutboxList);
const at = (iso: string) => (clock = new Date(iso));
const plus = (ms: number) => (clock = new Date(clock.getTime() + ms));

function expectEachOnce(key: (slug: string) => string) {
  const counts = deliveries(connector.activities);
  for (const lead of LEADS) expect(counts.get(`${chatIdOf(lead)} ${key(lead.districtSlug!)}`), `${lead.districtSlug}`).toBe(1);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}

beforeAll(async () => {
  // No demo activity: the demo has every 2025-26 return in, which would stop these reminders.
  app = await startTestApp({ DEMO_DATA: "off" }, { now: () => clock });
  connector = await startLocalConnector();
  for (const lead of LEADS) await install(app.url, connector, lead);
});

afterAll(async () => {
  await connector?.stop();
  await app?.stop();
});

beforeEach(() => {
  connector.activities.length = 0;
});

describe("exactly once", () => {
  it("two runners at once, then the same pass again: one card per lead", async () => {
    at("2026-01-09T09:00:00Z");
    const [a, b] = [service().runner({ owner: "a" }), service().runner({ owner: "b" })];
    const reports = await Promise.all([a.pass(), b.pass()]);
    expectEachOnce((slug) => `return:${slug}:2025-26-T2:7-days-before`);
    expect(reports[0]!.sent.length + reports[1]!.sent.length).toBe(LEADS.length);

    const again = await Promise.all([a.pass(), service().runPass()]);
    expect(again.flatMap((r) => r.sent)).toEqual([]);
    expect(connector.activities).toHaveLength(LEADS.length);
  });

  it("a runner killed between claim and send: the next runner delivers once its lease expires", async () => {
    at("2026-01-15T09:00:00Z");
    const stuck = deferred();
    const dying = service().runner({ owner: "dying", hooks: { afterClaim: (row) => (row.value.recipientOid === DOVER.oid ? stuck.promise : Promise.resolve()) } });
    const dyingPass = dying.pass();
    const key = "return:dover:2025-26-T2:school-day-before";
    await waitFor(async () => (await (await outbox()).findByKey(`${key}|${DOVER.oid}`))?.value.status === "claimed", "Dover's row to be claimed");
    await waitFor(() => connector.activities.length === LEADS.length - 1, "the other leads' cards");
    // …and until it has dealt with every other row (leads without the app are skipped), so only Dover's is held.
    await waitFor(
      async () => (await (await outbox()).all()).filter((r) => r.value.period === "2025-26-T2" && r.value.step === "school-day-before" && ["pending", "claimed", "sending"].includes(r.value.status)).length === 1,
      "the stuck runner's other rows",
    );

    // Within the lease another runner leaves the row alone…
    const early = await service().runner({ owner: "other" }).pass();
    expect(early.busy).toEqual([{ key, recipientOid: DOVER.oid }]);
    // …after it, the row is claimed again and delivered.
    plus(3 * 60_000);
    const late = await service().runner({ owner: "other" }).pass();
    expect(late.sent).toEqual([{ key, recipientOid: DOVER.oid, late: false }]);

    // The stuck runner wakes up: its lease is gone, so it must not send.
    stuck.resolve();
    const resumed = await dyingPass;
    expect(resumed.sent.map((s) => s.recipientOid)).not.toContain(DOVER.oid);
    expectEachOnce((slug) => `return:${slug}:2025-26-T2:school-day-before`);
    expect((await (await outbox()).findByKey(`${key}|${DOVER.oid}`))!.value).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a runner killed between send and marking sent: the message is not sent again", async () => {
    at("2026-01-16T09:00:00Z");
    const stuck = deferred();
    const dying = service().runner({ owner: "dying-2", hooks: { afterSend: (row) => (row.value.recipientOid === DOVER.oid ? stuck.promise : Promise.resolve()) } });
    const dyingPass = dying.pass();
    await waitFor(() => connector.activities.length === LEADS.length, "every card");
    await waitFor(
      async () => (await (await outbox()).all()).filter((r) => r.value.step === "due-day" && r.value.period === "2025-26-T2" && ["pending", "claimed", "sending"].includes(r.value.status)).length === 1,
      "the stuck runner's other rows",
    );
    const key = "return:dover:2025-26-T2:due-day";
    const sentId = connector.activities.find((a) => reminderKeyOf(a.activity) === key)!.id;

    plus(3 * 60_000);
    const next = await service().runner({ owner: "other-2" }).pass();
    expect(next.sent).toEqual([]);
    expect(next.failed).toEqual([{ key, recipientOid: DOVER.oid, reason: "unconfirmed", willRetry: false }]);
    expect(connector.activities).toHaveLength(LEADS.length);

    // When the first runner comes back it knows it sent, and records it with the message id.
    stuck.resolve();
    await dyingPass;
    expectEachOnce((slug) => `return:${slug}:2025-26-T2:due-day`);
    expect((await (await outbox()).findByKey(`${key}|${DOVER.oid}`))!.value).toMatchObject({ status: "sent", activityId: sentId });
  });

  it("after two weeks down, a restart sends one late reminder per lead, not the missed ones", async () => {
    at("2026-02-02T10:30:00Z"); // first-school-day-after (19 Jan) and overdue-1 (26 Jan) were missed
    const restarted = service().runner({ owner: "after-restart" });
    const report = await restarted.pass();
    expectEachOnce((slug) => `return:${slug}:2025-26-T2:overdue-2`);
    expect(report.sent.every((s) => s.late)).toBe(true);
    const superseded = report.skipped.filter((s) => s.key.startsWith("return:dover:2025-26-T2:")).map((s) => [s.key, s.reason]);
    expect(superseded).toEqual([
      ["return:dover:2025-26-T2:first-school-day-after", "superseded"],
      ["return:dover:2025-26-T2:overdue-1", "superseded"],
    ]);
    expect((await restarted.pass()).sent).toEqual([]);
  });
});
