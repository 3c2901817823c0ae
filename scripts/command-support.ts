/**
 * What every operational command shares (provision, reminders, import:kpi, export:summary, the
 * data-protection commands): the shape of a command and its argument parsing (`--help`, and a
 * one-line message with exit code 2 for a bad or missing argument); reaching the Graph site — in
 * local mode the emulator already listening on GRAPH_EMULATOR_PORT (an `npm start` next to the
 * command), trusted through DATA_DIR/emulator-cert.pem, else one started on DATA_DIR for the run —
 * and turning failures into a clear message and a non-zero exit.
 *
 * The commands are run through scripts/cli.ts: from source (`npm run <command>`) or built
 * (`node dist/cli.js <command>`, the deployable's own copy).
 */
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError, type AppConfig } from "../src/config/config";
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
  // Loaded in local mode only, as the app's start-up does: the emulator and its native SQLite module
  // stay out of a tenant-mode run of the built commands (a chunk of its own in dist/).
  const { CERT_FILE, GraphEmulator } = await import("../src/emulator");
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

/** A bad or missing argument: said in one line, exit code 2 (the usual code for a usage error). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An operational command, as scripts/cli.ts runs it. */
export interface Command {
  /** How a failure is introduced: "Provisioning failed: …". */
  what: string;
  /** The arguments after the command's name, e.g. "[--at <ISO date-time>]". */
  usage: string;
  /** What it does and its options, printed by `--help` after the usage line. */
  help: string;
  /** Runs with the arguments after the command's name; resolves with the exit code. */
  run(argv: string[]): Promise<number>;
}

/**
 * The command's options parsed strictly (node:util parseArgs): an unknown option, a missing value or
 * more positional arguments than `maxPositionals` is a UsageError.
 */
export function parseOptions<const O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(parseErrorMessage(err as Error & { code?: string }));
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  return parsed;
}

/** parseArgs' messages run to several sentences; one short line says the same. */
function parseErrorMessage(err: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(err.message)?.[1];
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? err.message}`;
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
    return /does not take an argument/.test(err.message) ? `${option} takes no value` : `${option} needs a value`;
  }
  return err.message.split("\n")[0] ?? String(err);
}

/**
 * Runs a command and exits: 0 or the code it returns; 2 with one line for a bad or missing argument
 * (pointing at `help`); 1 with a clear message when it could not do its work.
 */
export function runCommand(name: string, command: Command, argv: string[], help: string): void {
  command.run(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError) {
        console.error(`${name}: ${err.message} (${help} for usage)`);
        process.exit(2);
      }
      if (err instanceof ConfigError) console.error(err.message);
      else if (AppError.isAppError(err)) {
        console.error(`${command.what} failed (${err.code}): ${err.message}`);
        const errors = (err.detail as { errors?: Array<{ row: number; column: string; message: string }> } | undefined)?.errors;
        for (const e of errors ?? []) console.error(`  row ${e.row}${e.column ? `, column ${e.column}` : ""}: ${e.message}`);
        for (const [field, messages] of Object.entries(err.fieldErrors ?? {})) console.error(`  ${field}: ${messages.join(" ")}`);
      } else console.error(`${command.what} failed: ${(err as Error)?.stack ?? String(err)}`);
      process.exit(1);
    },
  );
}
