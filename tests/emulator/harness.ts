/**
 * Targets for the conformance suite: the in-process emulator (always) and a real tenant (when
 * GRAPH_TEST_TENANT_ID, GRAPH_TEST_CLIENT_ID, GRAPH_TEST_CLIENT_SECRET and GRAPH_TEST_SITE_URL are
 * set). Both are driven only through @microsoft/microsoft-graph-client, as the app does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Client, GraphError, HTTPMessageHandler, type ClientOptions } from "@microsoft/microsoft-graph-client";
import { Agent, fetch as undiciFetch } from "undici";
import { GraphEmulator, type GraphEmulatorOptions } from "../../src/emulator";
import { createTenantClient } from "../../src/graph/client";
import { PUBLIC_CLOUD } from "../../src/config/config";

export interface Target {
  kind: "emulator" | "tenant";
  /** Origin without /v1.0, e.g. https://localhost:1234 or https://graph.microsoft.com */
  baseUrl: string;
  client: Client;
  /** A client with no AuthenticationHandler: requests go out without Authorization. */
  anonymousClient: Client;
  siteId: string;
  /** `/sites/{siteId}` */
  site: string;
  /**
   * Plain HTTPS without a bearer token, for the URLs Graph hands out (an upload session's
   * uploadUrl, [§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions)): the emulator's certificate trusted, as for the client.
   */
  rawFetch: (url: string, init?: { method?: string; headers?: Record<string, string>; body?: Buffer }) => Promise<{ status: number; json(): Promise<unknown> }>;
  hostname: string;
  sitePath: string;
  /**
   * Emulator: stop it and start a new GraphEmulator on the same data directory and port, so the
   * same links keep working; `client` is replaced by a fresh one (see emulatorTarget). Tenant: nothing to do.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const tenantEnv = {
  tenantId: process.env.GRAPH_TEST_TENANT_ID,
  clientId: process.env.GRAPH_TEST_CLIENT_ID,
  clientSecret: process.env.GRAPH_TEST_CLIENT_SECRET,
  siteUrl: process.env.GRAPH_TEST_SITE_URL,
};
export const hasTenant = Object.values(tenantEnv).every((v) => typeof v === "string" && v.length > 0);

export function emulatorClientOptions(url: string, ca: string): Pick<ClientOptions, "baseUrl" | "defaultVersion" | "customHosts" | "fetchOptions"> {
  return {
    baseUrl: url,
    defaultVersion: "v1.0",
    customHosts: new Set(["localhost"]),
    fetchOptions: { dispatcher: new Agent({ connect: { ca } }) } as RequestInit,
  };
}

export function emulatorClient(url: string, ca: string, token = "emulator-token"): Client {
  return Client.init({ ...emulatorClientOptions(url, ca), authProvider: (done) => done(null, token) });
}

export async function startEmulator(options: GraphEmulatorOptions = {}): Promise<{ emulator: GraphEmulator; url: string; ca: string }> {
  const emulator = new GraphEmulator({ inMemory: true, port: 0, faults: {}, ...options });
  const { url, ca } = await emulator.start();
  return { emulator, url, ca };
}

/**
 * The emulator on disk in a temporary DATA_DIR (so the suite can restart it and read back), on a
 * free port that restarts reuse, so links taken before a restart stay valid.
 */
export async function emulatorTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), "graph-emulator-conformance-"));
  let emulator = new GraphEmulator({ dataDir, port: 0, faults: {} });
  const { url, ca } = await emulator.start();
  const port = Number(new URL(url).port);
  const anonymousClient = Client.initWithMiddleware({ ...emulatorClientOptions(url, ca), middleware: new HTTPMessageHandler() });
  const dispatcher = new Agent({ connect: { ca } });
  const rawFetch: Target["rawFetch"] = (u, init) => undiciFetch(u, { ...init, dispatcher });
  const target = await finishTarget("emulator", url, emulatorClient(url, ca), anonymousClient, "lift.sharepoint.com", "/sites/lift-hub", rawFetch,
    async () => {
      await emulator.stop();
      emulator = new GraphEmulator({ dataDir, port, faults: {} });
      const again = await emulator.start();
      if (again.ca !== ca) throw new Error("the emulator's certificate changed across a restart");
      // A new client, as a restarted app would have: the old one's pooled keep-alive sockets were
      // closed by the stopped server, and in one process it may not have read that yet.
      target.client = emulatorClient(again.url, again.ca);
    },
    async () => {
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
  return target;
}

/** A real tenant through the app's own tenant client (src/graph/client.ts), app-only credentials. */
export async function tenantTarget(): Promise<Target> {
  const { client, baseUrl } = createTenantClient(
    {
      authorityHost: PUBLIC_CLOUD.authorityHost,
      tenantId: tenantEnv.tenantId as string,
      clientId: tenantEnv.clientId as string,
      clientSecret: tenantEnv.clientSecret as string,
    },
    PUBLIC_CLOUD.graphEndpoint,
  );
  const anonymousClient = Client.initWithMiddleware({ middleware: new HTTPMessageHandler() });
  const site = new URL(tenantEnv.siteUrl as string);
  const origin = baseUrl.replace(/\/+$/, "");
  const rawFetch: Target["rawFetch"] = (u, init) => undiciFetch(u, init);
  return finishTarget("tenant", origin, client, anonymousClient, site.hostname, site.pathname.replace(/\/+$/, ""), rawFetch, async () => {}, async () => {});
}

async function finishTarget(
  kind: Target["kind"],
  baseUrl: string,
  client: Client,
  anonymousClient: Client,
  hostname: string,
  sitePath: string,
  rawFetch: Target["rawFetch"],
  restart: () => Promise<void>,
  close: () => Promise<void>,
): Promise<Target> {
  const site = (await client.api(`/sites/${hostname}:${sitePath}`).get()) as { id: string };
  return { kind, baseUrl, client, anonymousClient, siteId: site.id, site: `/sites/${site.id}`, hostname, sitePath, rawFetch, restart, close };
}

let counter = 0;
/** Part of every name this run creates, so a real-tenant run can delete what it made. */
export const runId = Date.now().toString(36);
/** Counter-based unique names (random suffixes collide; [One conformance suite](../../docs/reference/architecture.md#one-conformance-suite)). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${runId}${counter}`;
}

/** Runs `fn` expecting a GraphError and returns it. */
export async function graphError(fn: () => Promise<unknown>): Promise<GraphError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("Expected the request to fail with a GraphError, but it succeeded");
}

export interface BatchSubResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

export async function postBatch(client: Client, requests: unknown[]): Promise<BatchSubResponse[]> {
  const r = (await client.api("/$batch").post({ requests })) as { responses: BatchSubResponse[] };
  return r.responses;
}

/** Creates `count` items through $batch, 20 at a time; `fields(i)` gives each item's fields. */
export async function batchCreate(client: Client, listPath: string, count: number, fields: (i: number) => Record<string, unknown>): Promise<void> {
  for (let start = 0; start < count; start += 20) {
    const requests = [];
    for (let i = start; i < Math.min(count, start + 20); i++) {
      requests.push({
        id: String(i - start + 1),
        method: "POST",
        url: `${listPath}/items`,
        headers: { "Content-Type": "application/json" },
        body: { fields: fields(i) },
      });
    }
    // [§6.3](../../docs/reference/graph-sharepoint-lists.md#63-throttling-inside-a-batch): throttled sub-requests (a real tenant) are sent again after the longest Retry-After.
    let pending = requests;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const responses = await postBatch(client, pending);
      const throttled = responses.filter((r) => r.status === 429 || r.status === 503);
      const failed = responses.filter((r) => r.status !== 201 && !throttled.includes(r));
      if (failed.length > 0 || (throttled.length > 0 && attempt >= 6)) {
        throw new Error(`batch create failed: ${JSON.stringify(failed[0] ?? throttled[0])}`);
      }
      const waitSeconds = Math.max(0, ...throttled.map((r) => Number(r.headers?.["Retry-After"] ?? r.headers?.["retry-after"] ?? 1)));
      if (throttled.length > 0) await sleep(waitSeconds * 1000);
      pending = pending.filter((p) => throttled.some((r) => r.id === p.id));
    }
  }
}

export const PREFER_NON_INDEXED = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
