/**
 * What the KPI commands (import:kpi, export:summary) share: load the configuration, reach the Graph
 * site (command-support.ts), provision the lists, and build the KPI services as the app does,
 * without starting the web server or the bot.
 */
import type { BotMessenger } from "../bot/bot-port";
import { InMemoryConversationStore } from "../bot/conversation-store";
import { loadConfig } from "../src/config/config";
import { AppError } from "../src/errors";
import { bootstrapGraph } from "../src/server/core/bootstrap";
import type { Person } from "../src/schemas/reference/person";
import { featureContext, type FeatureContext } from "../src/server/core/feature-context";
import { FEATURES } from "../src/server/app/features";
import { createKpiServices } from "../src/server/features/kpi";
import { createLogger } from "../src/server/app/logger";
import { withGraphEndpoint } from "./command-support";

export { runCommand } from "./command-support";

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

export async function withKpiServices<T>(run: (services: Awaited<ReturnType<typeof createKpiServices>>, ctx: FeatureContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  return withGraphEndpoint(config, async (endpoint) => {
    const graph = await bootstrapGraph(config, { emulator: endpoint, extraLists: FEATURES.flatMap((f) => f.lists ?? []) });
    const ctx = featureContext({ config, log, graph, bot: { messenger: NO_BOT, conversations: new InMemoryConversationStore() }, now: () => new Date() });
    return run(await createKpiServices(ctx), ctx);
  });
}
