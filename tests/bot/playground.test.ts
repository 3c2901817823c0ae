/**
 * The bot driven through Microsoft 365 Agents Playground 0.2.28 itself (the `npm run playground`
 * wiring from scripts/playground.ts and the repo's .m365agentsplayground.yml), headless: its
 * internal HTTP routes act as the user and its WebSocket stream shows what the bot sent
 * ([teams-platform.md §6.1](../../docs/reference/teams-platform.md#61-microsoft-365-agents-playground)). The Playground's mock connector is the serviceUrl the bot replies to,
 * so this also checks the stored conversation reference works for a proactive send.
 *
 * If the Playground cannot start, the suite fails: it never skips.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/ports";
import WebSocket from "ws";
import type { AdaptiveCard, ConversationRef } from "../../bot/bot-port";
import type { RunningApp } from "../../src/server/app/start";
import { REPO_ROOT, startPlayground } from "../../scripts/playground";
import { startTestApp } from "../support/test-app";

/** From .m365agentsplayground.yml. */
const PERSONAL_CHAT_ID = "personal-chat-lead-dover";
const LEAD = { id: "user-id-lead-dover", aadObjectId: "a34e9dd4-6a9d-5cb2-a373-2a9ec36ac300", name: "Helen Marsh", upn: "lead.dover@lift.local" };
const BOT_ID = "bbc09a31-58c0-56b9-a1a3-9bf13d1e3eb2";
const TENANT_ID = "71bfab59-7ffc-5e58-ae5c-6ee57e3f7bfd";

interface StreamedMessage {
  action: string;
  actionConversationId?: string;
  message: {
    messageId?: string | number;
    text?: string;
    attachments?: Array<{ contentType?: string; content?: unknown }>;
    [key: string]: unknown;
  };
}

let app: RunningApp;
let playground: ChildProcess | undefined;
let baseUrl = "";
let socket: WebSocket | undefined;
let logDir = "";
let output = "";
const streamed: StreamedMessage[] = [];
const waiters: Array<() => void> = [];

beforeAll(async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  expect(pkg.devDependencies["@microsoft/m365agentsplayground"]).toBe("0.2.28");
  app = await startTestApp();
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-playground-"));
  const started = startPlayground(
    { appEndpoint: `${app.url}/api/messages`, port: await freePort(), logFile: path.join(logDir, "playground.log") },
    { onOutput: (chunk) => (output += chunk) },
  );
  playground = started.child;
  const port = await withDiagnostics(started.listening);
  baseUrl = `http://localhost:${port}`;
  await withDiagnostics(waitForConfig());
  socket = await withDiagnostics(openStream(`ws://localhost:${port}/_ws_conversation/v1/conversations/stream`));
}, 180_000);

afterAll(async () => {
  socket?.terminate();
  await stopProcessGroup(playground);
  await app?.stop();
  if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
});

describe("bot through Agents Playground", () => {
  let ref: ConversationRef | undefined;
  let helpMessageId = "";

  it("greets the lead on install and stores the conversation reference under her object id", async () => {
    const seen = streamed.length;
    const res = await fetch(`${baseUrl}/_debug/conversation/${PERSONAL_CHAT_ID}/installation`, { method: "POST" });
    expect(res.ok, `install answered ${res.status}: ${await res.text()}`).toBe(true);

    const welcome = await nextBotMessage(seen, (m) => cardText(cardIn(m)).includes("I'm LIFT Hub"));
    expect(welcome.actionConversationId).toBe(PERSONAL_CHAT_ID);
    const card = cardIn(welcome);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(cardText(card)).toContain(`Hello ${LEAD.name}`);

    ref = await app.bot.conversations.findByUser({ aadObjectId: LEAD.aadObjectId });
    expect(ref).toMatchObject({
      channelId: "msteams",
      conversationId: PERSONAL_CHAT_ID,
      conversationType: "personal",
      tenantId: TENANT_ID,
      bot: { id: BOT_ID },
      user: { id: LEAD.id, aadObjectId: LEAD.aadObjectId, upn: LEAD.upn },
    });
    // Replies and proactive sends go to the Playground's mock connector.
    expect(new URL(ref!.serviceUrl).host).toBe(new URL(baseUrl).host);
  });

  it("answers 'help' with the help card", async () => {
    const seen = streamed.length;
    const res = await fetch(`${baseUrl}/_conversation/v1/conversations/${PERSONAL_CHAT_ID}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: { id: LEAD.id }, text: "help", textFormat: "plain" }),
    });
    expect(res.ok, `message answered ${res.status}: ${await res.text()}`).toBe(true);

    const help = await nextBotMessage(seen, (m) => cardText(cardIn(m)).includes("What I can do"));
    const card = cardIn(help);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const verbs = (card?.actions ?? []).map((a) => a.verb);
    expect(verbs).toContain("deadlines");
    helpMessageId = String(help.message.messageId ?? "");
    expect(helpMessageId).not.toBe("");
  });

  it("answers a click on the help card's Deadlines button with a card", async () => {
    expect(helpMessageId, "needs the help card from the previous test").not.toBe("");
    const res = await fetch(`${baseUrl}/_conversation/v1/invoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "deadlines", data: {} } },
        from: { id: LEAD.id },
        conversation: { id: PERSONAL_CHAT_ID },
        replyToId: helpMessageId,
      }),
    });
    const text = await res.text();
    expect(res.ok, `invoke answered ${res.status}: ${text}`).toBe(true);
    // The Playground hands back the bot's invoke response body: {type, value} (HTTP status = statusCode).
    expect(res.status).toBe(200);
    const response = JSON.parse(text) as { type?: string; value?: AdaptiveCard };
    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(response.value).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(cardText(response.value)).toContain("Deadlines");
  });

  it("delivers a proactive message through the stored reference", async () => {
    expect(ref, "needs the reference stored at install").toBeDefined();
    const seen = streamed.length;
    const text = "Reminder: the termly KPI return for Dover is due on Friday.";
    const sent = await app.bot.messenger.sendText(ref!, text);
    expect(sent.activityId).not.toBe("");

    const message = await nextBotMessage(seen, (m) => m.message.text === text);
    expect(message.actionConversationId).toBe(PERSONAL_CHAT_ID);
  });
});

// ---------------------------------------------------------------------------------------------


/** Polls the Playground's config route until it answers (it listens before it is ready). */
async function waitForConfig(): Promise<void> {
  let last = "no answer yet";
  for (let attempt = 0; attempt < 100; attempt++) {
    if (playground?.exitCode !== null || playground?.signalCode !== null) {
      throw new Error(`Agents Playground exited (code ${playground?.exitCode}, signal ${playground?.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/_internal/v1/config`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`Agents Playground never answered GET /_internal/v1/config (${last})`);
}

async function openStream(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  ws.on("message", (data) => {
    const parsed = JSON.parse(String(data)) as unknown;
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (isRecord(item) && typeof item.action === "string" && isRecord(item.message)) streamed.push(item as unknown as StreamedMessage);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}

/** The first bot message after index `from` on the stream that matches; fails with what did arrive. */
async function nextBotMessage(from: number, matches: (m: StreamedMessage) => boolean): Promise<StreamedMessage> {
  const deadline = AbortSignal.timeout(15_000);
  for (;;) {
    const found = streamed.slice(from).find((m) => m.action === "createMessage" && matches(m));
    if (found) return found;
    if (deadline.aborted) {
      const summary = streamed.slice(from).map((m) => ({ action: m.action, text: m.message.text, card: cardText(cardIn(m)).slice(0, 80) }));
      throw new Error(`expected bot message not streamed; got ${JSON.stringify(summary)}\n${diagnostics()}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 250);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function cardIn(m: StreamedMessage): AdaptiveCard | undefined {
  const attachment = m.message.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  const content = attachment?.content;
  if (typeof content === "string") return JSON.parse(content) as AdaptiveCard;
  return content as AdaptiveCard | undefined;
}

/** All visible text of a card (TextBlocks, facts, button titles), joined. */
function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      for (const key of ["text", "title", "value"]) if (typeof node[key] === "string") parts.push(node[key]);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return parts.join("\n");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the Playground printed and logged, for failure messages. */
function diagnostics(): string {
  const logFile = path.join(logDir, "playground.log");
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n") : "(no log file)";
  return `--- playground output ---\n${output.slice(-4_000)}\n--- playground log (tail) ---\n${log}`;
}

async function withDiagnostics<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${diagnostics()}`, { cause: error });
  }
}

/** SIGTERM to the Playground's process group, then SIGKILL if anything is left. */
async function stopProcessGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  signalGroup(pid, "SIGTERM");
  const timeout = sleep(5_000).then(() => "timeout" as const);
  if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(pid, "SIGKILL");
  // Children of the leader may outlive it; make sure the whole group is gone.
  signalGroup(pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
