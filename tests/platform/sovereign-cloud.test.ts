/**
 * The sovereign-cloud settings reach the clients: user tokens are checked against
 * <ENTRA_AUTHORITY_HOST>/<tenant>/v2.0 with keys from that issuer's discovery document, and the
 * app-only and on-behalf-of tokens come from its token endpoint with GRAPH_ENDPOINT's scope. The
 * cloud here is a stand-in answering through the HTTP clients the code takes for that purpose.
 */
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMemoryCert } from "../../src/emulator/cert";
import { createIdentity } from "../../src/auth/identity";
import { LocalIdentityProvider } from "../../src/auth/local-identity-provider";
import { OnBehalfOfTokenSource } from "../../src/auth/on-behalf-of";
import { loadConfig } from "../../src/config/config";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";
import { AppError } from "../../src/errors";
import { createTenantClient } from "../../src/graph/client";
import type { Person } from "../../src/schemas/reference/person";

const TENANT_ID = "11111111-2222-3333-4444-555555555555";
const CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const AUTHORITY = "https://login.sovereign.test";
const GRAPH = "https://graph.sovereign.test";
const config = loadConfig({
  ENTRA_TENANT_ID: TENANT_ID,
  AAD_APP_CLIENT_ID: CLIENT_ID,
  AAD_APP_CLIENT_SECRET: "s3cret",
  SHAREPOINT_SITE_URL: "https://contoso.sharepoint.test/sites/lift-hub",
  PUBLIC_URL: "https://lift.contoso.test",
  BOT_ID: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee",
  BOT_PASSWORD: "bot-secret",
  QUESTIONNAIRE_LINK_SECRET: "a-test-key-for-questionnaire-links-32+chars",
  ENTRA_AUTHORITY_HOST: AUTHORITY,
  GRAPH_ENDPOINT: GRAPH,
});
const senco = DEMO_PEOPLE.find((p) => p.upn === "senco.dover@lift.local") as Person;

/** The stand-in cloud's OpenID discovery document for the tenant. */
const discovery = {
  issuer: `${AUTHORITY}/${TENANT_ID}/v2.0`,
  authorization_endpoint: `${AUTHORITY}/${TENANT_ID}/oauth2/v2.0/authorize`,
  token_endpoint: `${AUTHORITY}/${TENANT_ID}/oauth2/v2.0/token`,
  jwks_uri: `${AUTHORITY}/${TENANT_ID}/discovery/v2.0/keys`,
  end_session_endpoint: `${AUTHORITY}/${TENANT_ID}/oauth2/v2.0/logout`,
};

describe("user tokens from a sovereign cloud", () => {
  const sovereign = new LocalIdentityProvider({
    issuer: `${AUTHORITY}/${TENANT_ID}/v2.0`,
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    audience: config.identity.audience,
  });
  const publicCloud = new LocalIdentityProvider({
    issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    audience: config.identity.audience,
  });
  const requested: string[] = [];
  const standIn: typeof fetch = async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    requested.push(url);
    const body =
      url === `${AUTHORITY}/${TENANT_ID}/v2.0/.well-known/openid-configuration` ? discovery : url === discovery.jwks_uri ? await sovereign.jwks() : undefined;
    return body ? Response.json(body) : new Response("not found", { status: 404 });
  };
  const { validator } = createIdentity(config, { fetch: standIn });

  it("accepts a token issued by <ENTRA_AUTHORITY_HOST>/<tenant>/v2.0, with keys from its discovery document", async () => {
    const { access_token } = await sovereign.issue(senco);
    const verified = await validator.verify(access_token);
    expect(verified.tid).toBe(TENANT_ID);
    expect(requested).toEqual([`${AUTHORITY}/${TENANT_ID}/v2.0/.well-known/openid-configuration`, discovery.jwks_uri]);
  });

  it("refuses a public-cloud token when the tenant lives in another cloud", async () => {
    const { access_token } = await publicCloud.issue(senco);
    // Same key pair would still fail on the issuer; a different key fails on the signature first.
    await expect(validator.verify(access_token)).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && (e.code === "token_bad_signature" || e.code === "token_wrong_issuer"),
    );
  });
});

/** A stand-in for Entra ID's HTTP endpoints as msal-node sees them. */
function entraStandIn() {
  const calls: Array<{ method: string; url: string; body?: string }> = [];
  const json = <T>(body: unknown): NetworkResponse<T> => ({ headers: {}, body: body as T, status: 200 });
  const networkClient: INetworkModule = {
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      calls.push({ method: "GET", url });
      if (url.startsWith(`${AUTHORITY}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)) return json<T>(discovery);
      return { headers: {}, body: { error: "not_found" } as T, status: 404 };
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      calls.push({ method: "POST", url, body: options?.body });
      return json<T>({ token_type: "Bearer", access_token: "app-token-from-the-sovereign-cloud", expires_in: 3600, ext_expires_in: 3600 });
    },
  };
  return { calls, networkClient };
}

describe("app-only Graph in a sovereign cloud", () => {
  let graph: https.Server;
  let graphUrl: string;
  let dispatcher: Dispatcher;
  const seen: Array<{ url: string; authorization?: string }> = [];
  beforeAll(async () => {
    // Stands in for GRAPH_ENDPOINT (https: the Graph client sends tokens to https hosts only); its
    // certificate is trusted for this test file's fetches as NODE_EXTRA_CA_CERTS would in a deployment.
    const { cert, key } = await inMemoryCert();
    dispatcher = getGlobalDispatcher();
    setGlobalDispatcher(new Agent({ connect: { ca: cert } }));
    graph = https.createServer({ cert, key }, (req, res) => {
      seen.push({ url: req.url ?? "", authorization: req.headers.authorization });
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: "site-id" }));
    });
    await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
    graphUrl = `https://localhost:${(graph.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    setGlobalDispatcher(dispatcher);
    graph.closeAllConnections();
    await new Promise((resolve) => graph.close(resolve));
  });

  it("gets its token from the authority's token endpoint for the Graph endpoint's scope, and calls that endpoint", async () => {
    const entra = entraStandIn();
    const id = config.identity;
    if (id.mode !== "entra") throw new Error("expected tenant mode");
    const { client, baseUrl } = createTenantClient(
      { authorityHost: id.authorityHost, tenantId: id.tenantId, clientId: id.clientId, clientSecret: id.clientSecret },
      graphUrl,
      { system: { networkClient: entra.networkClient } },
    );
    expect(baseUrl).toBe(`${graphUrl}/`);
    await client.api("/sites/root").get();

    const token = entra.calls.find((c) => c.method === "POST");
    expect(token?.url.split("?")[0]).toBe(discovery.token_endpoint);
    const form = new URLSearchParams(token?.body ?? "");
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toContain(`${graphUrl}/.default`);
    expect(form.get("client_id")).toBe(CLIENT_ID);
    // No question to the public cloud about an authority it does not know.
    expect(entra.calls.every((c) => c.url.startsWith(AUTHORITY))).toBe(true);
    expect(seen).toEqual([{ url: "/v1.0/sites/root", authorization: "Bearer app-token-from-the-sovereign-cloud" }]);
  });

  it("the configured GRAPH_ENDPOINT is where tenant mode points its client", () => {
    expect(config.graph).toMatchObject({ mode: "tenant", endpoint: GRAPH });
  });
});

describe("on-behalf-of in a sovereign cloud", () => {
  it("exchanges the user's token at the authority's token endpoint for the Graph endpoint's scope", async () => {
    const entra = entraStandIn();
    const obo = new OnBehalfOfTokenSource(
      { authorityHost: AUTHORITY, graphEndpoint: GRAPH, tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: "s3cret" },
      { networkClient: entra.networkClient },
    );
    const { access_token } = await new LocalIdentityProvider({
      issuer: `${AUTHORITY}/${TENANT_ID}/v2.0`,
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      audience: config.identity.audience,
    }).issue(senco);
    expect(await obo.graphTokenFor(access_token)).toBe("app-token-from-the-sovereign-cloud");
    const token = entra.calls.find((c) => c.method === "POST");
    expect(token?.url.split("?")[0]).toBe(discovery.token_endpoint);
    const form = new URLSearchParams(token?.body ?? "");
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect(form.get("scope")).toContain(`${GRAPH}/.default`);
    expect(form.get("assertion")).toBe(access_token);
  });
});
