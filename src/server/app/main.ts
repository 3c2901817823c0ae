/** `npm start` (as dist/main.js): read the configuration, start everything, print the URLs. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../../config/config";
import { LISTED_TAB_PAGES } from "../../teams-app/tab-pages";
import { startApp } from "./start";

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startApp(config, { report: (line) => console.log(line), tabsDistDir: bundledTabs() });
  const base = config.publicUrl;
  console.log(`LIFT Hub is running at ${base}  (local: ${running.url})`);
  console.log(`  health:  ${base}/healthz`);
  for (const tab of LISTED_TAB_PAGES) console.log(`  ${tab.title.padEnd(14)} ${base}/tabs/${tab.slug}`);
  if (config.identity.mode === "local") {
    console.log(`  sign in as a demo user: add ?as=<sign-in name>, e.g. ${base}/tabs/referral?as=senco.dover@lift.local (list at ${base}/)`);
  }
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping LIFT Hub`);
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * The built app (dist/main.js) serves the tab pages built beside it (dist/tabs); run from source it
 * uses the default, tabs/dist.
 */
function bundledTabs(): string | undefined {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), "tabs");
  return existsSync(path.join(beside, ".tabs-stamp")) ? beside : undefined;
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(`LIFT Hub cannot start: port already in use (${(error as Error).message}). Set PORT to another port.`);
  } else {
    console.error("LIFT Hub failed to start:", error);
  }
  process.exit(1);
});
