/**
 * In tenant mode the bot endpoint refuses, before any handler runs, activities from tenants it does
 * not serve and activities whose serviceUrl is not https.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotConfig, BotHandlers } from "../../bot/bot-port";
import { authOptions, createBotEndpoint } from "../../bot/botbuilder-adapter";
import { loadConfig } from "../../src/config/config";
import { errorHandler } from "../../src/server/app/http-errors";
import { createLogger } from "../../src/server/core/logger";
import { TENANT_ID, messageActivity, postActivity } from "./activities";

const OTHER_TENANT = "99999999-8888-7777-6666-555555555555";
const HTTPS_SERVICE = "https://smba.trafficmanager.net/uk/";

const seen: string[] = [];
const handlers: BotHandlers = {
  onInstall: async () => undefined,
  onMessage: async (text) => {
    seen.push(text);
    return undefined; // no reply: nothing is sent to the (unreachable) service URL
  },
  onCardAction: async () => ({ type: "AdaptiveCard", version: "1.5", body: [] }),
};

const servers: http.Server[] = [];
async function serve(config: BotConfig): Promise<string> {
  const { endpoint } = createBotEndpoint(config, handlers);
  const app = express();
  app.post("/api/messages", express.json(), endpoint);
  app.use(errorHandler(createLogger("silent")));
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let guarded: string;
let open: string;
beforeAll(async () => {
  guarded = await serve({ appType: "MultiTenant", allowedTenantIds: [TENANT_ID], httpsServiceUrlOnly: true });
  open = await serve({ appType: "MultiTenant" });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
beforeEach(() => {
  seen.length = 0;
});

const withTenant = (tenantId: string | undefined) =>
  messageActivity(HTTPS_SERVICE, "status", {
    conversation: { id: "a:1chat", conversationType: "personal", ...(tenantId ? { tenantId } : {}) },
    channelData: tenantId ? { tenant: { id: tenantId } } : {},
  });

describe("bot tenant guard", () => {
  it("accepts an allowed tenant over https", async () => {
    const res = await postActivity(guarded, withTenant(TENANT_ID));
    expect(res.status).toBe(200);
    expect(seen).toEqual(["status"]);
  });

  it("accepts the tenant from channelData when the conversation has none", async () => {
    const activity = { ...withTenant(TENANT_ID), conversation: { id: "a:1chat", conversationType: "personal" } };
    expect((await postActivity(guarded, activity)).status).toBe(200);
    expect(seen).toEqual(["status"]);
  });

  it.each([
    ["another tenant", OTHER_TENANT],
    ["no tenant", undefined],
  ])("refuses %s with 403 before any handler runs", async (_case, tenantId) => {
    const res = await postActivity(guarded, withTenant(tenantId));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "forbidden" } });
    expect(seen).toEqual([]);
  });

  it("refuses a serviceUrl that is not https with 400", async () => {
    const res = await postActivity(guarded, messageActivity("http://smba.example.org/", "status"));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/https/) } });
    expect(seen).toEqual([]);
  });

  it("local use (no guard) still takes any tenant", async () => {
    expect((await postActivity(open, withTenant(OTHER_TENANT))).status).toBe(200);
    expect(seen).toEqual(["status"]);
  });

  it("tenant mode configures the guard from the allowed tenants", () => {
    const config = loadConfig({
      ENTRA_TENANT_ID: TENANT_ID,
      AAD_APP_CLIENT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
      AAD_APP_CLIENT_SECRET: "s",
      SHAREPOINT_SITE_URL: "https://contoso.sharepoint.com/sites/lift-hub",
      PUBLIC_URL: "https://lift.contoso.org",
      BOT_ID: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee",
      BOT_PASSWORD: "p",
      QUESTIONNAIRE_LINK_SECRET: "a-test-key-for-questionnaire-links-32+chars",
    });
    expect(config.bot).toMatchObject({ allowedTenantIds: [TENANT_ID], httpsServiceUrlOnly: true });
  });
});

describe("bot cloud endpoints", () => {
  it("pass the configured Bot Framework endpoints to the SDK's authentication", () => {
    const options = authOptions({
      appId: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee",
      appPassword: "p",
      tenantId: TENANT_ID,
      appType: "SingleTenant",
      endpoints: {
        openIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        tokenIssuer: "https://api.botframework.us",
        tokenEndpoint: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
        oauthScope: "https://api.botframework.us",
      },
    });
    expect(options).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      ToBotFromChannelTokenIssuer: "https://api.botframework.us",
      ToChannelFromBotLoginUrl: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
      ToChannelFromBotOAuthScope: "https://api.botframework.us",
    });
  });
});
