/**
 * `npm run emulator`: serves the emulator alone. This is the one place that reads the environment
 * (once, at start-up); the library (GraphEmulator) takes everything from its options.
 *   GRAPH_EMULATOR_PORT   default 3979 (0 = a free port)
 *   GRAPH_EMULATOR_HOST   default 127.0.0.1 (loopback only)
 *   DATA_DIR              default ./.data (certificate and SQLite database)
 *   GRAPH_EMULATOR_JWKS_URL (+ GRAPH_EMULATOR_JWKS_ISSUER, GRAPH_EMULATOR_JWKS_AUDIENCE): check bearer
 *                         tokens against that JWKS (e.g. the app's local identity provider); else any token
 *   GRAPH_EMULATOR_LATENCY_MS, _FAULT_RATE, _FAULT_STATUS, _RETRY_AFTER: fault injection (faults.ts)
 * Exit codes: 0 after SIGINT/SIGTERM, 2 when the port is taken, 1 for any other start-up failure.
 */
import { optionsFromEnv } from "./env";
import { GraphEmulator } from "./GraphEmulator";

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const emulator = new GraphEmulator({ ...options, log: (line) => console.log(line) });
  try {
    await emulator.start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `Graph emulator: port ${options.port} is already in use. Stop the other process or set GRAPH_EMULATOR_PORT to a free port.`,
      );
      process.exit(2);
    }
    throw err;
  }
  console.log(`Graph emulator listening on ${emulator.url}/v1.0`);
  console.log(`Data: ${options.dataDir}; certificate (trust it as the CA): ${emulator.certPath ?? "(in memory)"}`);
  if (options.auth?.mode === "jwks") console.log(`Bearer tokens checked against ${options.auth.jwksUrl}`);
  if (options.faults && Object.keys(options.faults).length > 0) console.log(`Fault injection: ${JSON.stringify(options.faults)}`);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(`Graph emulator failed to start: ${(err as Error).message}`);
  process.exit(1);
});
