/**
 * How a capability (referrals, LIFT meetings, KPI returns, reminders) plugs into the app: the lists
 * it needs provisioned, its API routes, its demo data and its background jobs. Start-up builds one
 * `FeatureContext` and hands it to every feature, so features never pick implementations themselves.
 */
import type { Router } from "express";
import type { BotMessenger } from "../../../bot/bot-port";
import type { ConversationStore } from "../../../bot/conversation-store";
import type { PeopleDirectory } from "../../auth/people-directory";
import type { AppConfig } from "../../config/config";
import type { GraphBootstrap } from "./bootstrap";
import type { ListDefinition } from "../../graph/list-definition";
import type { LiftSite } from "../../graph/site";
import type { LiftStores } from "./lists";
import { ListAuditTrail, type AuditTrail } from "./audit";
import type { Logger } from "../app/logger";
import type { ReferenceData } from "./reference-data";

export interface FeatureContext {
  config: AppConfig;
  log: Logger;
  /** The Graph site: open a store for a feature's own list with `openListStore(site, def)`. */
  site: LiftSite;
  stores: LiftStores;
  people: PeopleDirectory;
  reference: ReferenceData;
  audit: AuditTrail;
  bot: { messenger: BotMessenger; conversations: ConversationStore };
  /** The clock; tests and `--at` runs replace it. */
  now: () => Date;
}

export interface BackgroundJob {
  stop(): Promise<void>;
}

export interface Feature {
  name: string;
  /** Lists to provision with the core lists (creation order). */
  lists?: readonly ListDefinition[];
  /** Builds the feature's services once the lists exist; what it returns is passed to the hooks below. */
  init?(ctx: FeatureContext): Promise<void>;
  /** Routes mounted under /api, behind authentication (`currentUser(req)` is the caller). */
  api?(ctx: FeatureContext): Router;
  /** Demo activity for a fresh DATA_DIR when DEMO_DATA is on. Must be idempotent. Returns lines to print. */
  seedDemo?(ctx: FeatureContext): Promise<string[]>;
  /** Long-running work started after the server listens (e.g. the reminder scheduler). */
  background?(ctx: FeatureContext): BackgroundJob | undefined;
}

/** The context for features, built the same way by start-up and by the operational commands. */
export function featureContext(deps: {
  config: AppConfig;
  log: Logger;
  graph: GraphBootstrap;
  bot: FeatureContext["bot"];
  now: () => Date;
}): FeatureContext {
  const { config, log, graph, bot, now } = deps;
  return {
    config,
    log,
    site: graph.site,
    stores: graph.stores,
    people: graph.people,
    reference: graph.referenceData,
    audit: new ListAuditTrail(graph.stores.auditLog, log, now),
    bot,
    now,
  };
}
