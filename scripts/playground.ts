/**
 * `npm run playground`: Microsoft 365 Agents Playground (pinned 0.2.28) against the running app's
 * bot endpoint, as the Dover district lead (mock Teams context in `.m365agentsplayground.yml`).
 * Offline, telemetry off, no browser opened; prints the UI URL. Start the app first (`npm start`).
 * Flags, environment and config file: [teams-platform.md §6.1](../docs/reference/teams-platform.md#61-microsoft-365-agents-playground).
 *
 * Exports the command builder so tests/bot/playground.test.ts drives the Playground the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PLAYGROUND_BIN = path.join(REPO_ROOT, "node_modules", ".bin", "agentsplayground");
export const PLAYGROUND_CONFIG = path.join(REPO_ROOT, ".m365agentsplayground.yml");
/** The Playground's own default UI port; it falls back to a random free port when this one is taken. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

export interface PlaygroundOptions {
  /** The bot endpoint, e.g. http://localhost:3978/api/messages. */
  appEndpoint: string;
  port: number;
  /** The Playground writes a log file (default `./devTools/…` in its cwd); keep it out of the repo. */
  logFile: string;
  configFile?: string;
}

/** Command, arguments and environment that start the Playground headless for the msteams channel. */
export function playgroundCommand(options: PlaygroundOptions): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return {
    command: PLAYGROUND_BIN,
    args: ["-e", options.appEndpoint, "-c", "msteams", "-p", String(options.port), "--disable-telemetry"],
    env: {
      ...process.env,
      TEAMSAPPTESTER_PORT: String(options.port),
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile ?? PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      // Our bot runs with authentication off locally; make sure the Playground sends no tokens either.
      AUTH_CLIENT_ID: "",
      AUTH_CLIENT_SECRET: "",
      AUTH_TENANT_ID: "",
    },
  };
}

/**
 * Starts the Playground in its own process group (so the caller can stop it and anything it
 * spawned with one signal) and resolves with the port it actually listens on, read from its
 * "Listening on <port>" line. Rejects if it exits first.
 */
export function startPlayground(
  options: PlaygroundOptions,
  io: { onOutput?: (chunk: string) => void; detached?: boolean } = {},
): { child: ChildProcess; listening: Promise<number> } {
  if (!fs.existsSync(PLAYGROUND_BIN)) {
    throw new Error(`Agents Playground is not installed (${PLAYGROUND_BIN} is missing); run npm ci first.`);
  }
  const { command, args, env } = playgroundCommand(options);
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: io.detached ?? true,
  });
  const listening = new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      io.onOutput?.(chunk);
      stdout += chunk;
      const match = /Listening on (\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => io.onOutput?.(chunk));
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`Agents Playground exited (code ${code}, signal ${signal}) before listening.`)));
  });
  return { child, listening };
}

async function appIsHealthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(3_000) });
    return res.ok;
  } catch {
    // Not listening (ECONNREFUSED) or too slow: the caller says what to do.
    return false;
  }
}

async function main(): Promise<number> {
  const appPort = process.env.PORT ?? "3978";
  const baseUrl = `http://localhost:${appPort}`;
  if (!(await appIsHealthy(baseUrl))) {
    console.error(`playground: LIFT Hub is not answering ${baseUrl}/healthz — start the app with npm start first (same PORT), then run npm run playground again.`);
    return 1;
  }
  const port = Number(process.env.TEAMSAPPTESTER_PORT ?? DEFAULT_PLAYGROUND_PORT);
  const dataDir = path.resolve(REPO_ROOT, process.env.DATA_DIR ?? ".data");
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "m365agentsplayground.log");
  const appEndpoint = `${baseUrl}/api/messages`;

  // Same process group as us: Ctrl+C in the terminal reaches the Playground too, and we forward
  // signals sent to this process alone (e.g. `kill <pid>`).
  const { child, listening } = startPlayground({ appEndpoint, port, logFile }, { detached: false });
  child.stderr?.pipe(process.stderr);

  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => forward(signal));

  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1) : 1)));
  });

  try {
    const actualPort = await listening;
    console.log("playground: Microsoft 365 Agents Playground 0.2.28 (msteams channel, telemetry off)");
    console.log(`  bot endpoint: ${appEndpoint}`);
    console.log(`  signed in as: Helen Marsh (lead.dover@lift.local), mock context ${path.relative(REPO_ROOT, PLAYGROUND_CONFIG)}`);
    console.log(`  log file:     ${logFile}`);
    console.log(`  open:         http://localhost:${actualPort}`);
    console.log("  Ctrl+C to stop.");
  } catch (error) {
    console.error(`playground: Agents Playground did not start: ${error instanceof Error ? error.message : String(error)} See ${logFile}.`);
    forward("SIGTERM");
    return 1;
  }
  const code = await exited;
  if (code !== 0 && code < 128) console.error(`playground: Agents Playground exited with code ${code}; see ${logFile}.`);
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`playground: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
