/**
 * The command's environment → GraphEmulatorOptions, read once at start-up (cli.ts). The library
 * itself never reads process.env.
 */
import { DEFAULT_DATA_DIR, DEFAULT_PORT, type GraphEmulatorOptions } from "./GraphEmulator";
import type { AuthOptions } from "./auth";
import { faultsFromEnv } from "./faults";

/** Builds the emulator's options from an environment; throws with a message naming the bad variable. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): GraphEmulatorOptions {
  const portText = env.GRAPH_EMULATOR_PORT?.trim();
  const port = portText ? Number(portText) : DEFAULT_PORT;
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`GRAPH_EMULATOR_PORT must be a port number (0-65535), got "${portText}"`);
  }
  const jwksUrl = env.GRAPH_EMULATOR_JWKS_URL?.trim();
  let auth: AuthOptions = { mode: "any" };
  if (jwksUrl) {
    if (!URL.canParse(jwksUrl)) throw new Error(`GRAPH_EMULATOR_JWKS_URL must be a URL, got "${jwksUrl}"`);
    auth = {
      mode: "jwks",
      jwksUrl,
      issuer: env.GRAPH_EMULATOR_JWKS_ISSUER?.trim() || undefined,
      audience: env.GRAPH_EMULATOR_JWKS_AUDIENCE?.trim() || undefined,
    };
  }
  return {
    port,
    host: env.GRAPH_EMULATOR_HOST?.trim() || undefined,
    dataDir: env.DATA_DIR?.trim() || DEFAULT_DATA_DIR,
    auth,
    faults: faultsFromEnv(env) ?? {},
  };
}
