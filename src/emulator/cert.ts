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

/** A self-signed server certificate for these DNS names (the first is the common name) and 127.0.0.1. */
export async function createCert(hostNames: readonly string[] = ["localhost"]): Promise<CertPair> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const pems = await generate([{ name: "commonName", value: hostNames[0] ?? "localhost" }], {
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
        altNames: [...hostNames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: "127.0.0.1" }],
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

/**
 * The certificate kept in `dataDir` (by default the emulator's files, for localhost), made when
 * missing or within a week of expiry. Another local server (the Teams host) passes its own names.
 */
export async function loadOrCreateCert(
  dataDir: string,
  options: { hostNames?: readonly string[]; certFile?: string; keyFile?: string } = {},
): Promise<CertPair & { certPath: string }> {
  const certPath = join(dataDir, options.certFile ?? CERT_FILE);
  const keyPath = join(dataDir, options.keyFile ?? KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, "utf8");
    const validTo = Date.parse(new X509Certificate(cert).validTo);
    if (validTo - Date.now() > 7 * DAY_MS) return { cert, key: readFileSync(keyPath, "utf8"), certPath };
  }
  mkdirSync(dataDir, { recursive: true });
  const pair = await createCert(options.hostNames);
  writeFileSync(keyPath, pair.key, { mode: 0o600 });
  writeFileSync(certPath, pair.cert);
  return { ...pair, certPath };
}
