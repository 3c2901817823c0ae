/**
 * `npm run emulator`: serves the emulator alone. Reads GRAPH_EMULATOR_PORT (default 3979),
 * DATA_DIR (default ./.data) and the GRAPH_EMULATOR_* fault variables (faults.ts).
 */
import { GraphEmulator } from "./GraphEmulator";
import { faultsFromEnv } from "./faults";

async function main(): Promise<void> {
  const portText = process.env.GRAPH_EMULATOR_PORT;
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`GRAPH_EMULATOR_PORT must be a port number, got "${portText}"`);
  }
  const faults = faultsFromEnv(process.env);
  const emulator = new GraphEmulator({ port, faults, log: (line) => console.log(line) });
  try {
    await emulator.start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`Graph emulator: port ${port ?? 3979} is already in use. Stop the other process or set GRAPH_EMULATOR_PORT.`);
      process.exit(2);
    }
    throw err;
  }
  console.log(`Graph emulator listening on ${emulator.url}/v1.0`);
  console.log(`Certificate (trust it as the CA): ${emulator.certPath ?? "(in memory)"}`);
  if (faults) console.log(`Fault injection: ${JSON.stringify(faults)}`);
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
