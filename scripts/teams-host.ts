/**
 * `npm run teams-host`: a local Teams host for the tab pages, as `npm run playground` is for the bot.
 * Serves https://teams.microsoft.com (a self-signed certificate; the browser is told to resolve that
 * name to this machine) framing any tab page in content, side panel, meeting stage or settings, and
 * answering the tab's teams-js calls, with single sign-on tokens from the app's local identity
 * provider. Start the app first (`npm start`, local mode). Why the name: teams-js answers only hosts
 * on its https allow-list ([teams-platform.md §6.4](../docs/reference/teams-platform.md#64-tabs-the-local-teams-host)).
 *
 * TEAMS_HOST_PORT (default 8443) is where it listens on 127.0.0.1; PORT names the app's port.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadOrCreateHostCert, TEAMS_HOST_NAME } from "../src/teams-host/cert";
import { startTeamsHost } from "../src/teams-host/server";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_TEAMS_HOST_PORT = 8443;

/** The Chromium flags that make https://teams.microsoft.com (and any other `names`) this host. */
export function chromiumFlags(port: number, certificate: "ignore-errors" | "trusted" = "ignore-errors", names: string[] = [TEAMS_HOST_NAME]): string[] {
  return [
    `--host-resolver-rules=${names.map((name) => `MAP ${name} 127.0.0.1:${port}`).join(",")}`,
    ...(certificate === "ignore-errors" ? ["--ignore-certificate-errors"] : []),
  ];
}

async function appIsHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    // Not listening or too slow: main() says what to do.
    return false;
  }
}

async function main(): Promise<number> {
  const appUrl = `http://localhost:${process.env.PORT ?? "3978"}`;
  if (!(await appIsHealthy(appUrl))) {
    console.error(`teams-host: LIFT Hub is not answering ${appUrl}/healthz — start the app with npm start first (same PORT), then run npm run teams-host again.`);
    return 1;
  }
  const dataDir = path.resolve(REPO_ROOT, process.env.DATA_DIR ?? ".data");
  const cert = await loadOrCreateHostCert(dataDir);
  const port = Number(process.env.TEAMS_HOST_PORT ?? DEFAULT_TEAMS_HOST_PORT);
  const host = await startTeamsHost({ appUrl, cert, port });
  const example = `https://${TEAMS_HOST_NAME}/?tab=kpi-return&user=lead.dover@lift.local&frame=content`;
  console.log("teams-host: a local Teams host for LIFT Hub's tabs (dev only)");
  console.log(`  app:          ${appUrl} (tokens from its local identity provider)`);
  console.log(`  listening:    https://127.0.0.1:${host.port}, certificate ${path.relative(REPO_ROOT, cert.certPath)}`);
  console.log(`  teams-js only talks to https://${TEAMS_HOST_NAME} (no port), so open it in a Chromium told where that is:`);
  console.log(`    chromium --user-data-dir=$(mktemp -d) '${chromiumFlags(host.port).join("' '")}' '${example}'`);
  console.log(`  or trust ${path.relative(REPO_ROOT, cert.certPath)} (e.g. certutil -d sql:$HOME/.pki/nssdb -A -t P,, -n lift-teams-host -i <file>)`);
  console.log("  and drop --ignore-certificate-errors. The address's tab, query, user, frame (content, sidePanel,");
  console.log("  meetingStage, settings) and theme pre-select the form; the page lists every teams-js call it answers.");
  console.log("  Ctrl+C to stop.");
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => resolve());
  });
  await host.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`teams-host: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
