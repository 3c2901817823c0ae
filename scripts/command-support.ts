/**
 * What every operational command shares (provision, reminders, import:kpi, export:summary): reach
 * the Graph site — in local mode the emulator already listening on GRAPH_EMULATOR_PORT (an `npm
 * start` next to the command), trusted through DATA_DIR/emulator-cert.pem, else one started on
 * DATA_DIR for the run — and turn failures into a clear message and a non-zero exit.
 */
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { ConfigError, type AppConfig } from "../src/config/config";
import { CERT_FILE, GraphEmulator } from "../src/emulator";
import { AppError } from "../src/errors";
import type { EmulatorEndpoint } from "../src/graph/client";
import type { BotMessenger } from "../bot/bot-port";
import { FEATURE_LIBRARIES, FEATURE_LISTS } from "../src/server/app/compose";
import { ListConversationStore } from "../src/server/core/list-conversation-store";
import { createLogger, type Logger } from "../src/server/core/logger";
import { bootstrapGraph } from "../src/server/core/bootstrap";
import { featureContext, type FeatureContext } from "../src/server/core/feature-context";

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

/** Runs `run` with the emulator endpoint to use (undefined in tenant mode), stopping an emulator it started. */
export async function withGraphEndpoint<T>(
  config: AppConfig,
  run: (endpoint: EmulatorEndpoint | undefined) => Promise<T>,
  say: (line: string) => void = console.log,
): Promise<T> {
  if (config.graph.mode !== "emulator") return run(undefined);
  const port = config.graph.port;
  if (await listening(port)) {
    const certPath = join(config.dataDir, CERT_FILE);
    const ca = await readFile(certPath, "utf8").catch((err: unknown) => {
      throw new AppError("config_invalid", `An emulator listens on port ${port} but its certificate ${certPath} cannot be read (${(err as Error).message}); is it using another DATA_DIR?`);
    });
    say(`Using the Graph emulator already running on port ${port}.`);
    return run({ url: `https://localhost:${port}`, ca });
  }
  const emulator = new GraphEmulator({ port, dataDir: config.dataDir });
  const endpoint = await emulator.start();
  say(`Started the Graph emulator on ${endpoint.url} (data in ${config.dataDir}) for this run.`);
  try {
    return await run(endpoint);
  } finally {
    await emulator.stop();
  }
}

/**
 * Runs `run` with what features are built with (lists provisioned, reference data loaded), as
 * start-up builds it but without the web server, so a command builds only the features it needs.
 * `messenger` makes the bot's sender from the command's log (a command that must not send passes
 * one that refuses).
 */
export async function withFeatureContext<T>(
  config: AppConfig,
  options: { messenger: (log: Logger) => BotMessenger; now?: () => Date },
  run: (ctx: FeatureContext) => Promise<T>,
  say?: (line: string) => void,
): Promise<T> {
  const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  return withGraphEndpoint(
    config,
    async (endpoint) => {
      const graph = await bootstrapGraph(config, { emulator: endpoint, extraLists: FEATURE_LISTS, libraries: FEATURE_LIBRARIES });
      const bot = { messenger: options.messenger(log), conversations: new ListConversationStore(graph.stores.conversationReferences, graph.people) };
      return run(featureContext({ config, log, graph, bot, now: options.now ?? (() => new Date()) }));
    },
    say,
  );
}

/** Exit codes and messages for a command's entry point. */
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
