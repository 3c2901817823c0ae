/**
 * A failing handler: the user gets an apology, the log gets what failed but never the message
 * text (it may name a child), and the HTTP answer is still 200 so Teams does not resend.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { BotHandlers, BotLog } from "../../bot/bot-port";
import { createBotEndpoint } from "../../bot/botbuilder-adapter";
import { startLocalConnector, type LocalConnector } from "../support/local-connector";
import { cardActionActivity, messageActivity, postActivity } from "./activities";

const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
const log: BotLog = {
  info: (obj, msg) => lines.push({ level: "info", obj, msg }),
  warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
  error: (obj, msg) => lines.push({ level: "error", obj, msg }),
};

const failing: BotHandlers = {
  onInstall: async () => undefined,
  onMessage: async (text) => {
    throw new Error(`could not process "${text}"`);
  },
  onCardAction: async (_verb, data) => {
    throw new Error(`could not process ${JSON.stringify(data)}`);
  },
};

let server: http.Server;
let url: string;
let connector: LocalConnector;

beforeAll(async () => {
  connector = await startLocalConnector();
  const { endpoint } = createBotEndpoint({ appType: "SingleTenant" }, failing, { log });
  const app = express();
  app.post("/api/messages", express.json(), endpoint);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await connector?.stop();
});

it("apologises and logs the failure without the message text", async () => {
  const res = await postActivity(url, messageActivity(connector.url, "Please refer Jamie Smith"));
  expect(res.status).toBe(200);
  expect(String(connector.activities[0]?.activity.text)).toMatch(/something went wrong/i);
  expect(lines.some((l) => l.level === "error" && l.msg === "bot turn failed")).toBe(true);
  expect(JSON.stringify(lines)).not.toContain("Jamie");
});

it("answers a failing card action with a 500 error invoke response, logging no card data", async () => {
  const res = await postActivity(url, cardActionActivity(connector.url, "submit", { childName: "Jamie Smith" }));
  expect(res.status).toBe(500);
  expect(res.body).toMatchObject({ statusCode: 500, type: "application/vnd.microsoft.error", value: { code: "InternalError" } });
  expect(JSON.stringify(lines)).not.toContain("Jamie");
});
