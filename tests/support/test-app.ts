import os from "node:os";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../../src/config/config";
import { createLogger, type Logger } from "../../src/server/core/logger";
import { startApp, type RunningApp } from "../../src/server/app/start";
import { afterAll, beforeAll } from "vitest";

/**
 * The whole app in-process on a free port with nothing kept on disk: what the API, bot and browser
 * tests talk to over real HTTP.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { log?: Logger; now?: () => Date } = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-test-"));
  // The API and fuzz tests send thousands of requests as one user in seconds: the per-user rate limit
  // is lifted unless a test sets its own (tests/app/edge-limits.test.ts).
  // The demo settings register (1,300 settings) doubles the start-up; only the tests that read it ask for it.
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", REMINDERS: "off", RATE_LIMIT_PER_MINUTE: "10000000", RATE_LIMIT_BURST: "10000000", DEMO_REGISTER: "off", ...env });
  const running = await startApp(config, { inMemory: true, log: options.log ?? createLogger("silent"), ...(options.now ? { now: options.now } : {}) });
  return {
    ...running,
    stop: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One app for a test file: started before its tests (`ready` receives it, to keep in the file's
 * variables) and stopped after them.
 */
export function onTestApp(ready: (app: RunningApp) => void, env: Record<string, string> = {}, options: { log?: Logger; now?: () => Date } = {}): void {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startTestApp(env, options);
    ready(running);
  });
  afterAll(async () => {
    await running?.stop();
  });
}
