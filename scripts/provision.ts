/**
 * `npm run provision`: creates the LIFT lists (core and every feature's) and columns that are missing on the configured site
 * and loads the reference data (src/graph/README.md). Safe to run any number of times.
 *
 * Local mode (no ENTRA_TENANT_ID): uses the emulator on GRAPH_EMULATOR_PORT with DATA_DIR's
 * certificate if one is listening (e.g. `npm start` or `npm run emulator` is running); otherwise it
 * starts the emulator on DATA_DIR itself for the duration of the run.
 * Tenant mode: talks to Microsoft Graph as the app (AAD_APP_CLIENT_ID + secret or certificate) on
 * SHAREPOINT_SITE_URL; the app needs Sites.Manage.All or a `manage`/`fullcontrol` Sites.Selected grant
 * to create lists ([graph-sharepoint-lists.md §9](../docs/reference/graph-sharepoint-lists.md#9-permissions)).
 */
import { loadConfig } from "../src/config/config";
import { FEATURE_LIBRARIES, FEATURE_LISTS } from "../src/server/app/compose";
import { bootstrapGraph } from "../src/server/core/bootstrap";
import { formatProvisionReport } from "../src/graph/provision";
import { formatLoadReport } from "../src/server/core/reference-data-loader";
import { parseOptions, withGraphEndpoint, type Command } from "./command-support";

async function main(argv: string[]): Promise<number> {
  parseOptions(argv, {});
  const config = loadConfig(process.env);
  return withGraphEndpoint(config, async (endpoint) => {
    console.log(`Provisioning ${config.graph.siteUrl} (${config.graph.mode} mode)…`);
    const result = await bootstrapGraph(config, { emulator: endpoint, extraLists: FEATURE_LISTS, libraries: FEATURE_LIBRARIES });
    for (const line of formatProvisionReport(result.provisioned)) console.log(`  ${line}`);
    console.log(`Reference data${config.demoData ? "" : " (DEMO_DATA=off: no demo activity)"}:`);
    for (const line of formatLoadReport(result.loaded)) console.log(`  ${line}`);
    console.log("Done.");
    return 0;
  });
}

export const command: Command = {
  what: "Provisioning",
  usage: "",
  help: `Creates the LIFT lists and columns missing on the configured site (SHAREPOINT_SITE_URL in tenant
mode, the emulator on DATA_DIR locally) and loads the reference data. Safe to run again. It takes no
options: the settings come from the environment, as the app's do.`,
  run: main,
};
