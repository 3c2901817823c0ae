/**
 * Start-up: builds every dependency from the configuration (the one place implementations are
 * picked), provisions the lists, then listens. `startApp` is used by `npm start` and, with
 * `inMemory`, by tests (an in-memory emulator on a free port, nothing on disk).
 */
import http from "node:http";
import type { Express } from "express";
import type { AddressInfo } from "node:net";
import type { BotMessenger } from "../../../bot/bot-port";
import { createBotAdapter } from "../../../bot/botbuilder-adapter";
import type { ConversationStore } from "../../../bot/conversation-store";
import { createLiftBot } from "../../../bot/lift-bot";
import { createIdentity, type Identity } from "../../auth/identity";
import type { AppConfig } from "../../config/config";
import type { GraphEmulator } from "../../emulator";
import { bootstrapGraph, type GraphBootstrap } from "../core/bootstrap";
import type { EmulatorEndpoint } from "../../graph/client";
import { formatLoadReport } from "../core/reference-data-loader";
import { formatProvisionReport } from "../../graph/provision";
import { InvalidRowLog } from "../../graph/row-reports";
import { createApp } from "./express-app";
import { featureContext, type FeatureContext } from "../core/feature-context";
import { composeFeatures, FEATURE_LIBRARIES, FEATURE_LISTS, featureRoutes, seedDemo, startJobs, type Features } from "./compose";
import { createLogger, type Logger } from "../core/logger";
import { ListConversationStore } from "../core/list-conversation-store";

export interface StartOptions {
  /** Keep nothing on disk: in-memory emulator on a free port, in-memory signing key (tests). */
  inMemory?: boolean;
  log?: Logger;
  tabsDistDir?: string;
  /** Replace the clock (tests, `--at` runs). */
  now?: () => Date;
  /** Lines describing what start-up did (provisioning, demo data) go here; default: discarded. */
  report?: (line: string) => void;
}

export interface RunningApp {
  url: string;
  config: AppConfig;
  /** The bot's proactive sender and stored conversations (reminders, tests). */
  bot: { messenger: BotMessenger; conversations: ConversationStore };
  /** The Graph side: site, stores, provisioning report (tests and commands use it). */
  graph: GraphBootstrap;
  /** Where the embedded emulator listens, in local mode. */
  emulator?: EmulatorEndpoint;
  /** The embedded emulator itself, in local mode (the API fuzz reads its change counters). */
  localGraph?: Pick<GraphEmulator, "changeCounters">;
  /** What every feature was built with (site, core stores, people, reference data, bot, clock). */
  context: FeatureContext;
  /** The running features, each with its services (tests and commands reach them here). */
  features: Features;
  /** Who signs tokens and checks them (tests mint tokens with the local provider). */
  identity: Identity;
  /** The express app (tests walk the routes it mounts). */
  express: Express;
  stop(): Promise<void>;
}

export const APP_VERSION = "0.1.0";

/** How long a stop waits for requests in flight (a write half-way through) before cutting them. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops accepting connections, lets requests in flight finish (idle keep-alive connections are
 * closed at once), and cuts whatever is still running after `graceMs`.
 */
export function drain(server: http.Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((err) => {
      clearTimeout(force);
      if (err) reject(err);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? createLogger(config.logLevel);
  const report = options.report ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  for (const warning of config.warnings) {
    log.warn(warning);
    report(`WARNING: ${warning}`);
  }
  const identity = createIdentity(config, { persistKey: !options.inMemory });

  let emulator: GraphEmulator | undefined;
  let endpoint: EmulatorEndpoint | undefined;
  if (config.graph.mode === "emulator") {
    const site = new URL(config.graph.siteUrl);
    // Loaded in local mode only: the emulator, its native SQLite module and certificate code are not
    // part of a production start (the bundle keeps it in a chunk of its own).
    const { GraphEmulator } = await import("../../emulator");
    emulator = new GraphEmulator({
      port: options.inMemory ? 0 : config.graph.port,
      inMemory: options.inMemory,
      dataDir: config.dataDir,
      rootHostname: site.hostname,
      sites: [{ hostname: site.hostname, path: site.pathname.replace(/\/+$/, "") || "/", displayName: "LIFT Hub" }],
      faults: config.graph.faults,
    });
    endpoint = await emulator.start();
    report(`Graph emulator: ${endpoint.url}/v1.0 (HTTPS, data in ${options.inMemory ? "memory" : config.dataDir})`);
  }

  const stopAll: Array<() => Promise<void>> = [];
  try {
    // Rows skipped because they do not match their schema: logged once by id, listed by /healthz.
    const rows = new InvalidRowLog((row) => log.warn({ list: row.list, itemId: row.itemId, fields: row.fields }, "list item skipped: it does not match its schema"));
    const graph = await bootstrapGraph(config, { emulator: endpoint, extraLists: FEATURE_LISTS, libraries: FEATURE_LIBRARIES, rows });
    for (const line of formatProvisionReport(graph.provisioned)) report(line);
    for (const line of formatLoadReport(graph.loaded)) report(line);

    // Conversation references live in the ConversationReferences list, so reminders survive restarts.
    const conversations: ConversationStore = new ListConversationStore(graph.stores.conversationReferences, graph.people);
    const bot = createBotAdapter(config.bot, { log });
    const context: FeatureContext = featureContext({ config, log, graph, bot: { messenger: bot.messenger, conversations }, now });
    const features = await composeFeatures(context);
    // The bot answers status/deadlines and the reminder cards' buttons through the reminders feature.
    const botEndpoint = bot.endpointFor(createLiftBot({ conversations, log, reminders: features.reminders.service.bot, questionnaires: features.questionnaires }));
    if (config.demoData) for (const line of await seedDemo(features, context)) report(line);

    const app = createApp({
      log,
      publicUrl: config.publicUrl,
      identity,
      identityMode: config.identity.mode,
      clientId: config.identity.clientId,
      people: graph.people,
      reference: graph.referenceData,
      tabsDistDir: options.tabsDistDir,
      version: APP_VERSION,
      botEndpoint,
      apiRoutes: featureRoutes(features),
      publicPages: [features.questionnaires.linkPage],
      healthChecks: async () => ({ graph: (await graphReachable(graph)) ? "ok" : "the SharePoint site cannot be reached" }),
      // A calendar running out is a warning (still 200): months ahead, while there is time to add terms.
      healthWarnings: async () => [...rows.warnings(), ...(await features.admin.calendar.coverage().then((c) => (c.message ? [c.message] : []), () => []))],
      rateLimit: config.rateLimit,
    });

    const server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    stopAll.push(() => drain(server, SHUTDOWN_GRACE_MS));
    stopAll.unshift(...startJobs(features).map((job) => () => job.stop()));
    const { port } = server.address() as AddressInfo;
    if (emulator) stopAll.push(() => (emulator as GraphEmulator).stop());

    return {
      url: `http://localhost:${port}`,
      config,
      bot: { messenger: bot.messenger, conversations },
      graph,
      emulator: endpoint,
      ...(emulator ? { localGraph: emulator } : {}),
      context,
      features,
      identity,
      express: app,
      stop: async () => {
        for (const stop of stopAll) await stop();
      },
    };
  } catch (error) {
    for (const stop of stopAll) await stop();
    await emulator?.stop();
    throw error;
  }
}

/** How long /healthz waits for SharePoint before saying it cannot be reached. */
const HEALTH_TIMEOUT_MS = 3_000;

/** A live read of the site (one try, no retries, a short timeout): never a cached answer. */
async function graphReachable(graph: GraphBootstrap): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  const read = graph.site.api.once("GET", `/sites/${graph.site.siteId}?$select=id`).then(
    () => true,
    () => false, // the health answer itself reports the failure
  );
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
