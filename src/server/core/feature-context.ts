/**
 * What every feature is built with: configuration, log, the Graph site, the core lists and services
 * (people, reference data, audit, operations, the bot's sender) and the clock. Start-up and the operational
 * commands build one with `featureContext` and pass it to each `create…Feature` with that feature's
 * own typed dependencies (src/server/app/compose.ts), so features never pick implementations.
 */
import type { BotMessenger } from "../../../bot/bot-port";
import type { ConversationStore } from "../../../bot/conversation-store";
import type { PeopleDirectory } from "../../auth/people-directory";
import type { AppConfig } from "../../config/config";
import type { GraphBootstrap } from "./bootstrap";
import type { LiftSite } from "../../graph/site";
import type { LiftStores } from "./lists";
import { ListAuditTrail, type AuditTrail } from "./audit";
import type { Logger } from "./logger";
import { Operations } from "./operations/operations";
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
  /** Multi-item writes, written down first and finished by a retry or the job (operations/README.md). */
  operations: Operations;
  bot: { messenger: BotMessenger; conversations: ConversationStore };
  /** The clock; tests and `--at` runs replace it. */
  now: () => Date;
}

export interface BackgroundJob {
  stop(): Promise<void>;
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
  const audit = new ListAuditTrail(graph.stores.auditLog, log, now);
  return {
    config,
    log,
    site: graph.site,
    stores: graph.stores,
    people: graph.people,
    reference: graph.referenceData,
    audit,
    operations: new Operations(graph.stores.operations, audit, log, now),
    bot,
    now,
  };
}
