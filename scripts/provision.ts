/**
 * `npm run provision`: creates the LIFT lists and columns that are missing on the configured site
 * and loads the reference data (src/graph/README.md). Safe to run any number of times.
 *
 * Local mode (no ENTRA_TENANT_ID): uses the emulator on GRAPH_EMULATOR_PORT with DATA_DIR's
 * certificate if one is listening (e.g. `npm start` or `npm run emulator` is running); otherwise it
 * starts the emulator on DATA_DIR itself for the duration of the run.
 * Tenant mode: talks to Microsoft Graph as the app (AAD_APP_CLIENT_ID + secret or certificate) on
 * SHAREPOINT_SITE_URL; the app needs Sites.Manage.All or a `manage`/`fullcontrol` Sites.Selected grant
 * to create lists (graph-sharepoint-lists.md §9).
 */
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import { loadConfig, ConfigError } from "../src/config/config";
import { CERT_FILE, GraphEmulator } from "../src/emulator";
import { AppError } from "../src/errors";
import { bootstrapGraph } from "../src/graph/bootstrap";
import type { EmulatorEndpoint } from "../src/graph/client";
import { formatProvisionReport } from "../src/graph/provision";
import { formatLoadReport } from "../src/graph/reference-data-loader";

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

async function main(): Promise<number> {
  const config = loadConfig(process.env);
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
    console.log(`Provisioning ${config.graph.siteUrl} (${config.graph.mode} mode)…`);
    const result = await bootstrapGraph(config, { emulator: endpoint });
    for (const line of formatProvisionReport(result.provisioned)) console.log(`  ${line}`);
    console.log(`Reference data${config.demoData ? "" : " (DEMO_DATA=off: no demo activity)"}:`);
    for (const line of formatLoadReport(result.loaded)) console.log(`  ${line}`);
    console.log("Done.");
    return 0;
  } finally {
    await emulator?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (AppError.isAppError(err)) console.error(`Provisioning failed (${err.code}): ${err.message}`);
    else console.error(`Provisioning failed: ${(err as Error)?.stack ?? String(err)}`);
    process.exit(1);
  },
);
