/**
 * The bot over real HTTP: activities are POSTed to /api/messages as Teams would, and replies are
 * captured by a local Bot Framework connector given as the activity's serviceUrl.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/server/app/start";
import { startLocalConnector, type LocalConnector } from "../support/local-connector";
import { startTestApp } from "../support/test-app";
import { DEADLINES_TEXT, NOT_UNDERSTOOD, STATUS_TEXT } from "../../bot/lift-bot";
import {
  BOT_ID,
  LEAD,
  PERSONAL_CHAT_ID,
  TENANT_ID,
  baseActivity,
  cardActionActivity,
  cardOf,
  cardText,
  installActivity,
  installationUpdateActivity,
  messageActivity,
  postActivity,
} from "./activities";

let app: RunningApp;
let connector: LocalConnector;

beforeAll(async () => {
  app = await startTestApp();
  connector = await startLocalConnector({
    members: [{ id: LEAD.id, aadObjectId: LEAD.aadObjectId, name: LEAD.name, userPrincipalName: LEAD.upn, email: LEAD.upn }],
  });
});

afterAll(async () => {
  await connector?.stop();
  await app?.stop();
});

beforeEach(async () => {
  connector.activities.length = 0;
  connector.updates.length = 0;
  for (const ref of await app.bot.conversations.list()) await app.bot.conversations.remove(ref.conversationId);
});

describe("messages", () => {
  it("answers 'help' with an Adaptive Card 1.5 sent to the connector as a reply", async () => {
    const activity = messageActivity(connector.url, "help");
    const res = await postActivity(app.url, activity);
    expect(res.status).toBe(200);

    expect(connector.activities).toHaveLength(1);
    const [reply] = connector.activities;
    expect(reply!.conversationId).toBe(PERSONAL_CHAT_ID);
    expect(reply!.replyToId).toBe(activity.id);
    expect(reply!.activity).toMatchObject({
      type: "message",
      from: { id: BOT_ID },
      recipient: { id: LEAD.id },
      conversation: { id: PERSONAL_CHAT_ID },
      replyToId: activity.id,
    });
    const card = cardOf(reply!.activity);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const text = cardText(card);
    for (const command of ["help", "status", "deadlines"]) expect(text).toContain(command);
    expect(text).toContain("KPI return");
    expect(text).toContain("Local Activity Report");
    expect(card!.actions).toEqual(expect.arrayContaining([expect.objectContaining({ type: "Action.Execute", verb: "deadlines" })]));
    // Auth is off locally (no BOT_ID), so the reply carries no token.
    expect(reply!.authorization).toBeUndefined();
  });

  it("ignores the @mention of the bot and letter case", async () => {
    const activity = messageActivity(connector.url, "<at>LIFT Hub</at> HELP", {
      entities: [{ type: "mention", text: "<at>LIFT Hub</at>", mentioned: { id: BOT_ID, name: "LIFT Hub" } }],
    });
    expect((await postActivity(app.url, activity)).status).toBe(200);
    expect(cardOf(connector.activities[0]!.activity)).toMatchObject({ type: "AdaptiveCard" });
  });

  it("answers status and deadlines from the reporting calendar and the returns (no longer 'not yet')", async () => {
    await postActivity(app.url, messageActivity(connector.url, "status"));
    await postActivity(app.url, messageActivity(connector.url, "deadlines"));
    expect(connector.activities.map((a) => a.activity.text)).not.toContain(STATUS_TEXT);
    expect(connector.activities.map((a) => a.activity.text)).not.toContain(DEADLINES_TEXT);
    // The wording depends on today's date; tests/features/reminders/delivery.test.ts checks it on a fixed clock.
    expect(cardText(cardOf(connector.activities[0]!.activity))).toContain("Dover: KPI returns");
    expect(cardText(cardOf(connector.activities[1]!.activity))).toContain("Deadlines");
  });

  it("answers anything else with a friendly 'didn't understand' listing the commands, without echoing it", async () => {
    const res = await postActivity(app.url, messageActivity(connector.url, "Can you check Jamie Smith's referral?"));
    expect(res.status).toBe(200);
    const text = String(connector.activities[0]!.activity.text);
    expect(text).toBe(NOT_UNDERSTOOD);
    expect(text).toMatch(/help.*status.*deadlines/);
    expect(text).not.toContain("Jamie");
  });

  it("stores the conversation on a first message if the install event was missed", async () => {
    await postActivity(app.url, messageActivity(connector.url, "hello"));
    const ref = await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId });
    expect(ref).toMatchObject({ conversationId: PERSONAL_CHAT_ID, serviceUrl: connector.url });
  });
});

describe("install", () => {
  it("greets once on install and stores the conversation reference keyed by object id, with the UPN", async () => {
    // Teams sends both events for one personal install; only one greeting must result.
    expect((await postActivity(app.url, installationUpdateActivity(connector.url, "add"))).status).toBe(200);
    expect((await postActivity(app.url, installActivity(connector.url))).status).toBe(200);

    expect(connector.activities).toHaveLength(1);
    const card = cardOf(connector.activities[0]!.activity);
    const text = cardText(card);
    expect(text).toContain(`Hello ${LEAD.name}`);
    expect(text).toMatch(/KPI return/);
    expect(text).toMatch(/Local Activity Report/);
    expect(text).toMatch(/monitoring meetings/);
    expect(text).toMatch(/help.*status.*deadlines/s);
    expect(connector.activities[0]!.activity.summary).toBe("Hello from LIFT Hub");

    const ref = await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId });
    expect(ref).toEqual({
      channelId: "msteams",
      serviceUrl: connector.url,
      conversationId: PERSONAL_CHAT_ID,
      conversationType: "personal",
      tenantId: TENANT_ID,
      bot: { id: BOT_ID, name: "LIFT Hub" },
      user: { id: LEAD.id, aadObjectId: LEAD.aadObjectId, name: LEAD.name, upn: LEAD.upn },
    });
    // UPN is the fallback key.
    expect(await app.bot.conversations.findByUser({ upn: "Lead.Dover@lift.local" })).toMatchObject({ conversationId: PERSONAL_CHAT_ID });
  });

  it("still installs when the member lookup fails (the UPN is then unknown)", async () => {
    connector.members.delete(LEAD.id);
    try {
      expect((await postActivity(app.url, installActivity(connector.url))).status).toBe(200);
      expect(connector.activities).toHaveLength(1);
      const ref = await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId });
      expect(ref?.user.upn).toBeUndefined();
    } finally {
      connector.members.set(LEAD.id, { id: LEAD.id, aadObjectId: LEAD.aadObjectId, name: LEAD.name, userPrincipalName: LEAD.upn });
    }
  });

  it("forgets the conversation when the app is removed", async () => {
    await postActivity(app.url, installActivity(connector.url));
    expect(await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId })).toBeDefined();
    expect((await postActivity(app.url, installationUpdateActivity(connector.url, "remove"))).status).toBe(200);
    expect(await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId })).toBeUndefined();
  });
});

describe("card actions (adaptiveCard/action invoke)", () => {
  it("answers a known verb with an Adaptive Card invoke response", async () => {
    const res = await postActivity(app.url, cardActionActivity(connector.url, "deadlines"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: { type: "AdaptiveCard", version: "1.5" } });
    expect(cardText((res.body as { value: unknown }).value)).toMatch(/^Deadlines/);
    // The invoke is answered in the HTTP response, not with a separate message.
    expect(connector.activities).toHaveLength(0);
  });

  it("refuses an unknown verb with an application/vnd.microsoft.error response", async () => {
    const res = await postActivity(app.url, cardActionActivity(connector.url, "launchRockets"));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      type: "application/vnd.microsoft.error",
      value: { code: "BadRequest", message: expect.stringContaining("help") },
    });
  });

  it("refuses an invoke without a value (the SDK's own check)", async () => {
    const activity = baseActivity(connector.url, { type: "invoke", name: "adaptiveCard/action" });
    const res = await postActivity(app.url, activity);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
  });
});

describe("bad requests", () => {
  it.each([
    ["not JSON", "{ this is not json"],
    ["a JSON array", "[]"],
    ["an object without a type", JSON.stringify({ text: "help" })],
    ["a message without serviceUrl or conversation", JSON.stringify({ type: "message", text: "help" })],
    ["an account that is not an object", JSON.stringify({ ...messageActivity("http://127.0.0.1:1/", "help"), from: "me" })],
  ])("answers 400, not 500, for %s", async (_label, body) => {
    const res = await postActivity(app.url, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request" } });
  });

  it("does not route a GET to the bot", async () => {
    const res = await fetch(`${app.url}/api/messages`);
    expect(res.status).not.toBe(200);
    expect(res.status).toBeLessThan(500);
  });
});

describe("proactive messages (BotMessenger)", () => {
  it("sends a card to a stored conversation, then updates it for everyone", async () => {
    await postActivity(app.url, installActivity(connector.url));
    connector.activities.length = 0;
    const ref = await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId });
    expect(ref).toBeDefined();

    const card = { type: "AdaptiveCard" as const, version: "1.5", body: [{ type: "TextBlock", text: "KPI return due Friday" }] };
    const { activityId } = await app.bot.messenger.sendCard(ref!, card, { summary: "KPI return due" });
    expect(activityId).toBe(connector.activities[0]!.id);
    expect(connector.activities[0]).toMatchObject({ conversationId: PERSONAL_CHAT_ID, activity: { summary: "KPI return due" } });
    expect(connector.activities[0]!.replyToId).toBeUndefined();
    expect(cardOf(connector.activities[0]!.activity)).toEqual(card);

    const updated = { ...card, body: [{ type: "TextBlock", text: "Submitted" }] };
    await app.bot.messenger.updateCard(ref!, activityId, updated);
    expect(connector.updates).toHaveLength(1);
    expect(connector.updates[0]).toMatchObject({ conversationId: PERSONAL_CHAT_ID, activityId });
    expect(cardOf(connector.updates[0]!.activity)).toEqual(updated);

    const text = await app.bot.messenger.sendText(ref!, "Thanks");
    expect(connector.activities[1]).toMatchObject({ id: text.activityId, activity: { text: "Thanks" } });
  });
});

describe("proactive messages when Teams refuses or throttles", () => {
  const storedRef = async () => {
    await postActivity(app.url, installActivity(connector.url));
    connector.activities.length = 0;
    return (await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId }))!;
  };

  it("delivers after a 429 once the Retry-After has passed (the SDK's HTTP pipeline retries)", async () => {
    const ref = await storedRef();
    connector.failNext(1, 429, 1);
    const started = Date.now();
    const { activityId } = await app.bot.messenger.sendText(ref, "Reminder");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(connector.activities).toHaveLength(1);
    expect(activityId).toBe(connector.activities[0]!.id);
  });

  it("rejects with too_many_requests and the Retry-After when throttling persists", async () => {
    const ref = await storedRef();
    connector.failNext(10, 429, 0);
    await expect(app.bot.messenger.sendText(ref, "Reminder")).rejects.toMatchObject({
      name: "AppError",
      code: "too_many_requests",
      detail: { status: 429, retryAfterSeconds: 0, retryable: true },
    });
    expect(connector.activities).toHaveLength(0);
    connector.failNext(0);
  });

  it("rejects with forbidden, not retryable, when Teams refuses (e.g. the user blocked the bot)", async () => {
    const ref = await storedRef();
    connector.failNext(1, 403);
    await expect(app.bot.messenger.sendCard(ref, { type: "AdaptiveCard", version: "1.5", body: [] })).rejects.toMatchObject({
      code: "forbidden",
      detail: { status: 403, retryable: false },
    });
  });
});

describe("authentication", () => {
  it("refuses an activity without a Bot Framework token when BOT_ID is configured", async () => {
    const secured = await startTestApp({
      BOT_ID: "9d7a1c2e-4b5f-4e8a-9c3d-2f1e0a6b7c8d",
      BOT_PASSWORD: "not-a-real-secret",
      BOT_TENANT_ID: TENANT_ID,
    });
    try {
      const res = await postActivity(secured.url, messageActivity(connector.url, "help"));
      expect(res.status).toBe(401);
      const bogus = await postActivity(secured.url, messageActivity(connector.url, "help"), { authorization: "Bearer not-a-jwt" });
      expect(bogus.status).toBe(401);
      // In our error format, not the SDK's plain text.
      expect(bogus.body).toMatchObject({ error: { code: "unauthenticated" } });
      expect(connector.activities).toHaveLength(0);
    } finally {
      await secured.stop();
    }
    // It starts a second app with the demo data: allow for a loaded machine.
  }, 120_000);
});
