/**
 * Start-up: builds every dependency from the configuration (the one place implementations are
 * picked), then listens. `startApp` is used by `npm start` and, with an in-memory store, by tests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createIdentity } from "../auth/identity";
import { InMemoryPeopleDirectory } from "../auth/people-directory";
import type { BotMessenger } from "../../bot/bot-port";
import { createBotEndpoint } from "../../bot/botbuilder-adapter";
import { InMemoryConversationStore, type ConversationStore } from "../../bot/conversation-store";
import { createLiftBot } from "../../bot/lift-bot";
import type { AppConfig } from "../config/config";
import { DEMO_PEOPLE } from "../domain/reference/people";
import { createApp } from "./app";
import { createLogger, type Logger } from "./logger";
import { builtInReferenceData } from "./reference-data";

export interface StartOptions {
  /** Keep nothing on disk (tests). */
  inMemory?: boolean;
  log?: Logger;
  tabsDistDir?: string;
}

export interface RunningApp {
  url: string;
  config: AppConfig;
  /** The bot's proactive sender and stored conversations (reminders, tests). */
  bot: { messenger: BotMessenger; conversations: ConversationStore };
  stop(): Promise<void>;
}

export const APP_VERSION = "0.1.0";

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel);
  const identity = createIdentity(config, { persistKey: !options.inMemory });
  const people = new InMemoryPeopleDirectory(DEMO_PEOPLE);
  // Conversation references live in memory until the SharePoint-list store exists.
  const conversations = new InMemoryConversationStore();
  const bot = createBotEndpoint(config.bot, createLiftBot({ conversations, log }), { log });

  const app = createApp({
    log,
    publicUrl: config.publicUrl,
    identity,
    identityMode: config.identity.mode,
    clientId: config.identity.clientId,
    people,
    reference: builtInReferenceData,
    tabsDistDir: options.tabsDistDir,
    version: APP_VERSION,
    botEndpoint: bot.endpoint,
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  return {
    url,
    config,
    bot: { messenger: bot.messenger, conversations },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
