/**
 * What the KPI commands (import:kpi, export:summary) share: load the configuration, reach the Graph
 * site and provision the lists (command-support.ts), and build the KPI services as the app does,
 * without starting the web server or the bot.
 */
import type { BotMessenger } from "../bot/bot-port";
import { loadConfig } from "../src/config/config";
import { AppError } from "../src/errors";
import type { Person } from "../src/schemas/reference/person";
import type { FeatureContext } from "../src/server/core/feature-context";
import { composeFeatures } from "../src/server/app/compose";
import type { KpiServices } from "../src/server/features/kpi";
import { withFeatureContext } from "./command-support";

/** The commands act as this commissioner in the audit trail (never a real person's identity). */
export const COMMAND_USER: Person = {
  oid: "00000000-0000-4000-8000-00000000c0de",
  upn: "kpi-command@lift.local",
  displayName: "KPI command line",
  role: "commissioner",
} as Person;

/** The bot is not running in a command: nothing may try to send. */
const NO_BOT: BotMessenger = {
  sendCard: () => Promise.reject(new AppError("internal", "The KPI commands do not send Teams messages")),
  sendText: () => Promise.reject(new AppError("internal", "The KPI commands do not send Teams messages")),
  updateCard: () => Promise.reject(new AppError("internal", "The KPI commands do not send Teams messages")),
};

export async function withKpiServices<T>(run: (services: KpiServices, ctx: FeatureContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  // Built as the app builds it; the commands send nothing.
  return withFeatureContext(config, { messenger: () => NO_BOT }, async (ctx) => run((await composeFeatures(ctx)).kpi, ctx));
}
