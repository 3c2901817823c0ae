/**
 * Targets for the conformance suite: the in-process emulator (always) and a real tenant (when
 * GRAPH_TEST_TENANT_ID, GRAPH_TEST_CLIENT_ID, GRAPH_TEST_CLIENT_SECRET and GRAPH_TEST_SITE_URL are
 * set). Both are driven only through @microsoft/microsoft-graph-client, as the app does.
 */
import { ConfidentialClientApplication } from "@azure/msal-node";
import { Client, GraphError, HTTPMessageHandler, type ClientOptions } from "@microsoft/microsoft-graph-client";
import { Agent } from "undici";
import { GraphEmulator, type GraphEmulatorOptions } from "../../src/emulator";

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
  hostname: string;
  sitePath: string;
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

export async function emulatorTarget(): Promise<Target> {
  const { emulator, url, ca } = await startEmulator();
  const client = emulatorClient(url, ca);
  const anonymousClient = Client.initWithMiddleware({ ...emulatorClientOptions(url, ca), middleware: new HTTPMessageHandler() });
  return finishTarget("emulator", url, client, anonymousClient, "lift.sharepoint.com", "/sites/lift-hub", () => emulator.stop());
}

export async function tenantTarget(): Promise<Target> {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: tenantEnv.clientId as string,
      clientSecret: tenantEnv.clientSecret as string,
      authority: `https://login.microsoftonline.com/${tenantEnv.tenantId as string}`,
    },
  });
  const token = async () => {
    const r = await app.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
    if (!r?.accessToken) throw new Error("No access token from the client-credentials flow");
    return r.accessToken;
  };
  const client = Client.initWithMiddleware({ authProvider: { getAccessToken: token } });
  const anonymousClient = Client.initWithMiddleware({ middleware: new HTTPMessageHandler() });
  const site = new URL(tenantEnv.siteUrl as string);
  return finishTarget("tenant", "https://graph.microsoft.com", client, anonymousClient, site.hostname, site.pathname, async () => {});
}

async function finishTarget(
  kind: Target["kind"],
  baseUrl: string,
  client: Client,
  anonymousClient: Client,
  hostname: string,
  sitePath: string,
  close: () => Promise<void>,
): Promise<Target> {
  const site = (await client.api(`/sites/${hostname}:${sitePath}`).get()) as { id: string };
  return { kind, baseUrl, client, anonymousClient, siteId: site.id, site: `/sites/${site.id}`, hostname, sitePath, close };
}

let counter = 0;
/** Part of every name this run creates, so a real-tenant run can delete what it made. */
export const runId = Date.now().toString(36);
/** Counter-based unique names (random suffixes collide; style-anchors §1.7). */
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
    const responses = await postBatch(client, requests);
    const failed = responses.filter((r) => r.status !== 201);
    if (failed.length > 0) throw new Error(`batch create failed: ${JSON.stringify(failed[0])}`);
  }
}

export const PREFER_NON_INDEXED = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
