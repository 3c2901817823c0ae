/**
 * The local Teams host's TLS certificate: self-signed for teams.microsoft.com (the name the browser
 * is told to resolve to this machine, because teams-js only answers a host on its https allow-list)
 * and localhost. Kept in DATA_DIR so a developer can trust it once; regenerated near expiry.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "selfsigned";

export const TEAMS_HOST_NAME = "teams.microsoft.com";
const CERT_FILE = "teams-host-cert.pem";
const KEY_FILE = "teams-host-key.pem";
const DAY_MS = 24 * 60 * 60 * 1000;

export interface HostCert {
  cert: string;
  key: string;
  certPath?: string;
}

export async function createHostCert(): Promise<HostCert> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const pems = await generate([{ name: "commonName", value: TEAMS_HOST_NAME }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 825 * DAY_MS),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: TEAMS_HOST_NAME },
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export async function loadOrCreateHostCert(dataDir: string): Promise<HostCert & { certPath: string }> {
  const certPath = join(dataDir, CERT_FILE);
  const keyPath = join(dataDir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, "utf8");
    if (Date.parse(new X509Certificate(cert).validTo) - Date.now() > 7 * DAY_MS) {
      return { cert, key: readFileSync(keyPath, "utf8"), certPath };
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const pair = await createHostCert();
  writeFileSync(keyPath, pair.key, { mode: 0o600 });
  writeFileSync(certPath, pair.cert);
  return { ...pair, certPath };
}
