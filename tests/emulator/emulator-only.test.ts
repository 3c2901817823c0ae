/**
 * Behaviour that only the emulator has: persistence across a restart, fault injection, JWKS
 * token checks, its certificate and its listening rules. Still driven through the Graph JS client.
 * §n in test names: [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md).
 */
import { X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CERT_FILE, DB_FILE, GraphEmulator, KEY_FILE } from "../../src/emulator";
import { faultsFromEnv } from "../../src/emulator/faults";
import { emulatorClient, graphError, postBatch, startEmulator } from "./harness";

const SITE = "/sites/lift.sharepoint.com:/sites/lift-hub:";

describe("persistence in DATA_DIR", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "graph-emulator-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps sites, lists, items, eTags, delta state and the certificate across stop and start", async () => {
    const first = new GraphEmulator({ dataDir: dir, port: 0, faults: {} });
    const a = await first.start();
    expect(existsSync(join(dir, CERT_FILE))).toBe(true);
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    expect(existsSync(join(dir, DB_FILE))).toBe(true);
    const c1 = emulatorClient(a.url, a.ca);
    const site1 = (await c1.api(SITE).get()) as { id: string };
    const list = (await c1.api(`${SITE}/lists`).post({ displayName: "Persisted", columns: [{ name: "Score", number: {} }] })) as { id: string };
    const item = (await c1.api(`${SITE}/lists/${list.id}/items`).post({ fields: { Title: "kept", Score: 7 } })) as { id: string; eTag: string };
    const latest = (await c1.api(`${SITE}/lists/${list.id}/items/delta?token=latest`).get()) as { "@odata.deltaLink": string };
    await first.stop();

    const second = new GraphEmulator({ dataDir: dir, port: 0, faults: {} });
    const b = await second.start();
    try {
      expect(b.ca).toBe(a.ca);
      const c2 = emulatorClient(b.url, b.ca);
      expect(((await c2.api(SITE).get()) as { id: string }).id).toBe(site1.id);
      const again = (await c2.api(`${SITE}/lists/Persisted/items/${item.id}`).expand("fields").get()) as {
        eTag: string;
        fields: Record<string, unknown>;
      };
      expect(again.eTag).toBe(item.eTag);
      expect(again.fields).toMatchObject({ Title: "kept", Score: 7 });
      // Ids keep counting after a restart, and a delta token taken before it still works.
      const next = (await c2.api(`${SITE}/lists/${list.id}/items`).post({ fields: { Title: "after" } })) as { id: string };
      expect(Number(next.id)).toBe(Number(item.id) + 1);
      const deltaLink = latest["@odata.deltaLink"].replace(a.url, b.url);
      const changes = (await c2.api(deltaLink).get()) as { value: Array<{ id: string }> };
      expect(changes.value.map((v) => v.id)).toEqual([next.id]);
    } finally {
      await second.stop();
    }
  });
});

describe("certificate and listening", () => {
  it("serves a certificate for localhost and 127.0.0.1, on loopback, with a URL without /v1.0", async () => {
    const { emulator, url, ca } = await startEmulator();
    try {
      const x509 = new X509Certificate(ca);
      expect(x509.subjectAltName).toContain("DNS:localhost");
      expect(x509.subjectAltName).toContain("IP Address:127.0.0.1");
      expect(url).toMatch(/^https:\/\/localhost:\d+$/);
      expect(emulator.url).toBe(url);
    } finally {
      await emulator.stop();
    }
  });

  it("fails start() with EADDRINUSE when the port is taken", async () => {
    const { emulator, url } = await startEmulator();
    try {
      const port = Number(new URL(url).port);
      const clash = new GraphEmulator({ inMemory: true, port, faults: {} });
      await expect(clash.start()).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await emulator.stop();
    }
  });

  it("logs one line per request without bodies", async () => {
    const lines: string[] = [];
    const { emulator, url, ca } = await startEmulator({ log: (l) => lines.push(l) });
    try {
      const client = emulatorClient(url, ca);
      await client.api(`${SITE}/lists`).post({ displayName: "SecretName" });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^POST \/v1\.0\/sites\/.* 201 /);
      expect(lines.join("\n")).not.toContain("SecretName");
    } finally {
      await emulator.stop();
    }
  });
});

describe("configuration only from options", () => {
  it("ignores the GRAPH_EMULATOR_* fault variables in process.env (the command reads them, not the library)", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { GRAPH_EMULATOR_FAULT_RATE: "1", GRAPH_EMULATOR_FAULT_STATUS: "503" });
    try {
      const { emulator, url, ca } = await startEmulator({ faults: undefined });
      try {
        const site = (await emulatorClient(url, ca).api(SITE).middlewareOptions([new RetryHandlerOptions(0, 0)]).get()) as { id: string };
        expect(site.id).toContain("lift.sharepoint.com,");
      } finally {
        await emulator.stop();
      }
    } finally {
      for (const key of ["GRAPH_EMULATOR_FAULT_RATE", "GRAPH_EMULATOR_FAULT_STATUS"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});

describe("fault injection", () => {
  it("answers 429 with Retry-After and Graph's throttling body (§7.2)", async () => {
    const { emulator, url, ca } = await startEmulator({ faults: { faultRate: 1, faultStatus: 429, retryAfterSeconds: 7 } });
    try {
      const client = emulatorClient(url, ca);
      const err = await graphError(() => client.api(SITE).middlewareOptions([new RetryHandlerOptions(0, 0)]).get());
      expect(err.statusCode).toBe(429);
      expect(err.code).toBe("TooManyRequests");
      expect(err.headers?.get("Retry-After")).toBe("7");
    } finally {
      await emulator.stop();
    }
  });

  it("answers 503 with Retry-After in 503 mode", async () => {
    const { emulator, url, ca } = await startEmulator({ faults: { faultRate: 1, faultStatus: 503, retryAfterSeconds: 3 } });
    try {
      const err = await graphError(() => emulatorClient(url, ca).api(SITE).middlewareOptions([new RetryHandlerOptions(0, 0)]).get());
      expect(err.statusCode).toBe(503);
      expect(err.headers?.get("Retry-After")).toBe("3");
    } finally {
      await emulator.stop();
    }
  });

  it("throttles $batch sub-requests individually: outer 200, inner 429 with a Retry-After header (§6.3)", async () => {
    const { emulator, url, ca } = await startEmulator({ faults: { faultRate: 1, faultStatus: 429, retryAfterSeconds: 5 } });
    try {
      const responses = await postBatch(emulatorClient(url, ca), [
        { id: "1", method: "GET", url: `${SITE}/lists` },
        { id: "2", method: "GET", url: "/sites/root" },
      ]);
      expect(responses.map((r) => r.status)).toEqual([429, 429]);
      expect(responses.map((r) => r.headers?.["Retry-After"])).toEqual(["5", "5"]);
      expect(responses[0]?.body).toMatchObject({ error: { code: "TooManyRequests" } });
    } finally {
      await emulator.stop();
    }
  });

  it("lets the client's retry handler get through a partial fault rate", async () => {
    const { emulator, url, ca } = await startEmulator({ faults: { faultRate: 0.3, faultStatus: "mixed", retryAfterSeconds: 0 } });
    try {
      const client = emulatorClient(url, ca);
      const retry = [new RetryHandlerOptions(0, 10)];
      const list = (await client.api(`${SITE}/lists`).middlewareOptions(retry).post({ displayName: "Flaky" })) as { id: string };
      for (let i = 0; i < 20; i++) {
        await client.api(`${SITE}/lists/${list.id}/items`).middlewareOptions(retry).post({ fields: { Title: `t${i}` } });
      }
      const items = (await client.api(`${SITE}/lists/${list.id}/items`).middlewareOptions(retry).get()) as { value: unknown[] };
      // Retried POSTs may have been applied only once each: a fault is decided before the handler runs.
      expect(items.value).toHaveLength(20);
    } finally {
      await emulator.stop();
    }
  });

  it("reads fixed or random latency and fault settings from the environment", () => {
    expect(faultsFromEnv({ GRAPH_EMULATOR_LATENCY_MS: "100" })).toEqual({ latencyMs: 100 });
    expect(
      faultsFromEnv({ GRAPH_EMULATOR_LATENCY_MS: "50-150", GRAPH_EMULATOR_FAULT_RATE: "0.2", GRAPH_EMULATOR_FAULT_STATUS: "mixed" }),
    ).toEqual({ latencyMs: [50, 150], faultRate: 0.2, faultStatus: "mixed" });
    expect(faultsFromEnv({ GRAPH_EMULATOR_FAULT_STATUS: "503", GRAPH_EMULATOR_RETRY_AFTER: "2" })).toEqual({ faultStatus: 503, retryAfterSeconds: 2 });
    expect(faultsFromEnv({})).toBeUndefined();
    expect(() => faultsFromEnv({ GRAPH_EMULATOR_LATENCY_MS: "fast" })).toThrow(/GRAPH_EMULATOR_LATENCY_MS/);
    expect(() => faultsFromEnv({ GRAPH_EMULATOR_FAULT_STATUS: "500" })).toThrow(/GRAPH_EMULATOR_FAULT_STATUS/);
    expect(() => new GraphEmulator({ faults: { faultRate: 2 } })).toThrow(/faultRate/);
  });
});

describe("JWKS token checks", () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let sign: (claims: { iss?: string; aud?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    jwksServer = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((ok) => jwksServer.listen(0, "127.0.0.1", ok));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
    sign = (claims) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(claims.iss ?? "https://login.lift.local/")
        .setAudience(claims.aud ?? "https://graph.microsoft.com")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((ok) => jwksServer.close(() => ok())));

  it("accepts a token signed by the JWKS and refuses others with 401", async () => {
    const { emulator, url, ca } = await startEmulator({
      auth: { mode: "jwks", jwksUrl, issuer: "https://login.lift.local/", audience: "https://graph.microsoft.com" },
    });
    try {
      const good = (await emulatorClient(url, ca, await sign({})).api(SITE).get()) as { id: string };
      expect(good.id).toContain("lift.sharepoint.com,");
      for (const token of ["not-a-jwt", await sign({ iss: "https://evil.example/" }), await sign({ aud: "api://other" })]) {
        const err = await graphError(() => emulatorClient(url, ca, token).api(SITE).get());
        expect(err.statusCode).toBe(401);
        expect(err.code).toBe("InvalidAuthenticationToken");
      }
    } finally {
      await emulator.stop();
    }
  });

  it("reads the keys through the HTTP client it is given (an issuer behind its own certificate)", async () => {
    const fetched: string[] = [];
    const recording: typeof fetch = (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const { emulator, url, ca } = await startEmulator({ auth: { mode: "jwks", jwksUrl, fetch: recording } });
    try {
      const good = (await emulatorClient(url, ca, await sign({})).api(SITE).get()) as { id: string };
      expect(good.id).toContain("lift.sharepoint.com,");
      expect(fetched).toEqual([jwksUrl]);
    } finally {
      await emulator.stop();
    }
  });
});
