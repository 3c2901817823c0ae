/**
 * The emulator's TLS certificate. HTTPS is required: the Graph JS client drops the bearer token
 * and mangles nextLinks on http:// ([§8.1](../../docs/reference/graph-sharepoint-lists.md#81-initialisation-base-url-and-customhosts), [§10.1](../../docs/reference/graph-sharepoint-lists.md#101-https-and-absolute-links)). Generated on first start and kept in
 * DATA_DIR so clients can trust one stable certificate; regenerated when close to expiry.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "selfsigned";

export const CERT_FILE = "emulator-cert.pem";
export const KEY_FILE = "emulator-key.pem";

export interface CertPair {
  cert: string;
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function createCert(): Promise<CertPair> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
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
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

let throwaway: Promise<CertPair> | undefined;

/** In-memory mode: one throwaway certificate per process (key generation is the slow part). */
export function inMemoryCert(): Promise<CertPair> {
  throwaway ??= createCert();
  return throwaway;
}

export async function loadOrCreateCert(dataDir: string): Promise<CertPair & { certPath: string }> {
  const certPath = join(dataDir, CERT_FILE);
  const keyPath = join(dataDir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, "utf8");
    const validTo = Date.parse(new X509Certificate(cert).validTo);
    if (validTo - Date.now() > 7 * DAY_MS) return { cert, key: readFileSync(keyPath, "utf8"), certPath };
  }
  mkdirSync(dataDir, { recursive: true });
  const pair = await createCert();
  writeFileSync(keyPath, pair.key, { mode: 0o600 });
  writeFileSync(certPath, pair.cert);
  return { ...pair, certPath };
}
