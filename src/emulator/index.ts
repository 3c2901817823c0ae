/** Public surface of the Graph SharePoint-lists emulator (see README.md). */
export { GraphEmulator, DEFAULT_PORT, DEFAULT_DATA_DIR, DB_FILE, DEFAULT_SITES, type GraphEmulatorOptions } from "./GraphEmulator";
export { CERT_FILE, KEY_FILE } from "./cert";
export type { AuthOptions } from "./auth";
export type { FaultOptions } from "./faults";
export type { HostedSite } from "./handlers/sites";
export { faultsFromEnv } from "./faults";
export { optionsFromEnv } from "./env";
