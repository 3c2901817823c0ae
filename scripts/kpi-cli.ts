/**
 * What the KPI commands (import:kpi, export:summary) share: load the configuration, reach the Graph
 * site (local mode: the emulator already listening on GRAPH_EMULATOR_PORT, trusted through
 * DATA_DIR/emulator-cert.pem, else one started on DATA_DIR for the run), provision the lists, and
 * build the KPI services as the app does, without starting the web server or the bot.
 */
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import type { BotMessenger } from "../bot/bot-port";
import { InMemoryConversationStore } from "../bot/conversation-store";
import { loadConfig, ConfigError } from "../src/config/config";
import { CERT_FILE, GraphEmulator } from "../src/emulator";
import { AppError } from "../src/errors";
import { bootstrapGraph } from "../src/graph/bootstrap";
import type { EmulatorEndpoint } from "../src/graph/client";
import type { Person } from "../src/schemas/person";
import { ListAuditTrail } from "../src/server/audit";
import type { FeatureContext } from "../src/server/feature";
import { FEATURES } from "../src/server/features";
import { createKpiServices } from "../src/server/features/kpi";
import { createLogger } from "../src/server/logger";

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

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
  let emulator: GraphEmulator | undefined;
  let endpoint: EmulatorEndpoint | undefined;
  if (config.graph.mode === "emulator") {
    const port = config.graph.port;
    if (await listening(port)) {
      const certPath = join(config.dataDir, CERT_FILE);
      const ca = await readFile(certPath, "utf8").catch((err: unknown) => {
        throw new AppError("config_invalid", `An emulator listens on port ${port} but its certificate ${certPath} cannot be read (${(err as Error).message}); is it using another DATA_DIR?`);
      });
      endpoint = { url: `https://localhost:${port}`, ca };
      console.log(`Using the Graph emulator already running on port ${port}.`);
    } else {
      emulator = new GraphEmulator({ port, dataDir: config.dataDir });
      endpoint = await emulator.start();
      console.log(`Started the Graph emulator on ${endpoint.url} (data in ${config.dataDir}) for this run.`);
    }
  }
  try {
    const graph = await bootstrapGraph(config, { emulator: endpoint, extraLists: FEATURES.flatMap((f) => f.lists ?? []) });
    const ctx: FeatureContext = {
      config,
      log,
      site: graph.site,
      stores: graph.stores,
      people: graph.people,
      reference: graph.referenceData,
      audit: new ListAuditTrail(graph.stores.auditLog, log),
      bot: { messenger: NO_BOT, conversations: new InMemoryConversationStore() },
      now: () => new Date(),
    };
    return await run(await createKpiServices(ctx), ctx);
  } finally {
    await emulator?.stop();
  }
}

/** Exit codes and messages for the commands' entry points. */
export function runCommand(what: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError) console.error(err.message);
      else if (AppError.isAppError(err)) {
        console.error(`${what} failed (${err.code}): ${err.message}`);
        const errors = (err.detail as { errors?: Array<{ row: number; column: string; message: string }> } | undefined)?.errors;
        for (const e of errors ?? []) console.error(`  row ${e.row}${e.column ? `, column ${e.column}` : ""}: ${e.message}`);
        for (const [field, messages] of Object.entries(err.fieldErrors ?? {})) console.error(`  ${field}: ${messages.join(" ")}`);
      } else console.error(`${what} failed: ${(err as Error)?.stack ?? String(err)}`);
      process.exit(1);
    },
  );
}
