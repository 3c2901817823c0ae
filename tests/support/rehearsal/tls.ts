/**
 * The stand-ins' TLS certificate: self-signed for localhost and 127.0.0.1, trusted by the app the
 * standard way (NODE_EXTRA_CA_CERTS) and by the test process per request (an undici Agent), never
 * by switching verification off.
 */
import { generate } from "selfsigned";
import { Agent } from "undici";

export interface TlsPair {
  cert: string;
  key: string;
}

export async function standInCertificate(): Promise<TlsPair> {
  const notBeforeDate = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const pems = await generate([{ name: "commonName", value: "LIFT Hub rehearsal stand-ins" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 7 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** A fetch for the test process that trusts these certificates (PEM) for its requests only. */
export function fetchTrusting(...certs: string[]): typeof fetch {
  const dispatcher = new Agent({ connect: { ca: certs } });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch;
}
