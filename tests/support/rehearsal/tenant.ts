/**
 * A Microsoft 365 tenant made of local stand-ins, for running the built app in tenant mode:
 * - Entra ID: entra-stand-in.ts at ENTRA_AUTHORITY_HOST (user tokens, app-only and on-behalf-of
 *   tokens; also the Bot Framework bots' token endpoint, BOT_TOKEN_ENDPOINT, as login.microsoftonline.com is);
 * - the SharePoint site: the Graph emulator at GRAPH_ENDPOINT, over https with its own certificate,
 *   accepting only tokens this Entra issued for it;
 * - Teams: the channel's token issuer (bot-channel-stand-in.ts) and a connector recording what the
 *   bot sends (local-connector.ts over https).
 * The app trusts the certificates through NODE_EXTRA_CA_CERTS, as it would a corporate CA.
 */
import fs from "node:fs";
import path from "node:path";
import { GraphEmulator } from "../../../src/emulator";
import { startLocalConnector, type LocalConnector } from "../local-connector";
import { freePort } from "../ports";
import { startBotChannelStandIn, type BotChannelStandIn } from "./bot-channel-stand-in";
import { startEntraStandIn, type EntraStandIn } from "./entra-stand-in";
import { fetchTrusting, standInCertificate } from "./tls";

export const TENANT_ID = "8d2e4f6a-1b3c-4d5e-9f70-a1b2c3d4e5f6";
export const OTHER_TENANT_ID = "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
export const APP_CLIENT_ID = "5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
/** An administrator's own app, standing in for the site owners who fill the People list. */
export const ADMIN_CLIENT_ID = "6c8d0e2f-3a4b-4c5d-9e7f-8091a2b3c4d5";
export const BOT_ID = "7d9e1f3a-4b5c-4d6e-8f80-91a2b3c4d5e6";
export const PUBLIC_URL = "https://lift.contoso.example";
export const SITE_URL = "https://contoso.sharepoint.com/sites/lift-hub";
/** The Teams SSO audience: the app's Application ID URI (aad.manifest.json). */
export const APP_AUDIENCE = `api://${new URL(PUBLIC_URL).host}/${APP_CLIENT_ID}`;
/** Stand-in values for the Bot Framework's channel issuer and connector scope (public cloud: api.botframework.com). */
export const CHANNEL_ISSUER = "https://api.botframework.rehearsal.example";
export const CONNECTOR_SCOPE = "https://api.botframework.rehearsal.example";
const APP_SECRET = "app-secret-for-the-rehearsal";
const BOT_PASSWORD = "bot-password-for-the-rehearsal";
const ADMIN_SECRET = "admin-secret-for-the-rehearsal";

export interface StandInTenant {
  entra: EntraStandIn;
  channel: BotChannelStandIn;
  connector: LocalConnector;
  emulator: GraphEmulator;
  /** GRAPH_ENDPOINT. */
  graphEndpoint: string;
  /** The environment the app (and its commands) runs with: tenant mode, pointed at the stand-ins. */
  env: Record<string, string>;
  /**
   * Graph as the site's administrator (the test's own requests, trusting the emulator's
   * certificate); `token` replaces the administrator's app-only token.
   */
  graphAsAdmin(method: string, pathAndQuery: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startStandInTenant(dir: string): Promise<StandInTenant> {
  const tls = await standInCertificate();
  const entra = await startEntraStandIn({
    tls,
    clients: {
      [APP_CLIENT_ID]: { secret: APP_SECRET, roles: ["Sites.Selected"], audiences: [APP_AUDIENCE, APP_CLIENT_ID] },
      [BOT_ID]: { secret: BOT_PASSWORD },
      [ADMIN_CLIENT_ID]: { secret: ADMIN_SECRET, roles: ["Sites.FullControl.All"] },
    },
  });
  const graphPort = await freePort();
  const graphEndpoint = `https://localhost:${graphPort}`;
  const site = new URL(SITE_URL);
  const emulator = new GraphEmulator({
    port: graphPort,
    dataDir: path.join(dir, "sharepoint"),
    rootHostname: site.hostname,
    sites: [{ hostname: site.hostname, path: site.pathname, displayName: "LIFT Hub" }],
    // Real Graph accepts only tokens its tenant's Entra issued for it: same here.
    auth: { mode: "jwks", jwksUrl: entra.jwksUrl(TENANT_ID), issuer: entra.issuerOf(TENANT_ID), audience: graphEndpoint, fetch: fetchTrusting(tls.cert) },
  });
  const { ca: graphCa } = await emulator.start();
  const channel = await startBotChannelStandIn({ tls, issuer: CHANNEL_ISSUER });
  const connector = await startLocalConnector({ tls });

  const caFile = path.join(dir, "trusted-cas.pem");
  fs.writeFileSync(caFile, `${tls.cert.trim()}\n${graphCa.trim()}\n`);
  const env: Record<string, string> = {
    NODE_EXTRA_CA_CERTS: caFile,
    ENTRA_TENANT_ID: TENANT_ID,
    AAD_APP_CLIENT_ID: APP_CLIENT_ID,
    AAD_APP_CLIENT_SECRET: APP_SECRET,
    SHAREPOINT_SITE_URL: SITE_URL,
    PUBLIC_URL,
    BOT_ID,
    BOT_PASSWORD,
    QUESTIONNAIRE_LINK_SECRET: "a-rehearsal-key-for-questionnaire-links-32+",
    ENTRA_AUTHORITY_HOST: entra.base,
    GRAPH_ENDPOINT: graphEndpoint,
    BOT_OPENID_METADATA_URL: channel.metadataUrl,
    BOT_TOKEN_ISSUER: CHANNEL_ISSUER,
    BOT_TOKEN_ENDPOINT: `${entra.base}/botframework.com`,
    BOT_OAUTH_SCOPE: CONNECTOR_SCOPE,
  };

  const trustedFetch = fetchTrusting(graphCa, tls.cert);
  let adminToken: string | undefined;
  const graphAsAdmin: StandInTenant["graphAsAdmin"] = async (method, pathAndQuery, body, token) => {
    if (!adminToken && !token) {
      const res = await trustedFetch(`${entra.base}/${TENANT_ID}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: ADMIN_CLIENT_ID, client_secret: ADMIN_SECRET, scope: `${graphEndpoint}/.default` }),
      });
      adminToken = ((await res.json()) as { access_token: string }).access_token;
    }
    const res = await trustedFetch(`${graphEndpoint}/v1.0${pathAndQuery}`, {
      method,
      headers: { authorization: `Bearer ${token ?? adminToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    entra,
    channel,
    connector,
    emulator,
    graphEndpoint,
    env,
    graphAsAdmin,
    stop: async () => {
      await Promise.allSettled([connector.stop(), channel.stop(), emulator.stop(), entra.stop()]);
    },
  };
}
