/**
 * The local Teams host's TLS certificate: self-signed for teams.microsoft.com (the name the browser
 * is told to resolve to this machine, because teams-js only answers a host on its https allow-list)
 * and localhost. Made as the emulator makes its own; kept in DATA_DIR so a developer can trust it
 * once; regenerated near expiry.
 */
import { createCert, loadOrCreateCert, type CertPair } from "../emulator/cert";

export const TEAMS_HOST_NAME = "teams.microsoft.com";
const HOST_NAMES = [TEAMS_HOST_NAME, "localhost"];

export interface HostCert extends CertPair {
  certPath?: string;
}

export function createHostCert(): Promise<HostCert> {
  return createCert(HOST_NAMES);
}

export function loadOrCreateHostCert(dataDir: string): Promise<HostCert & { certPath: string }> {
  return loadOrCreateCert(dataDir, { hostNames: HOST_NAMES, certFile: "teams-host-cert.pem", keyFile: "teams-host-key.pem" });
}
