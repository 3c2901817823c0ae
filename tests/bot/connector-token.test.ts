/**
 * The bot's token for the Bot Framework connector comes from BOT_TOKEN_ENDPOINT's host, read from
 * that host's own discovery document: msal is never sent to login.microsoftonline.com to vouch for
 * a host it does not know (which is refused, and then no bot message could be sent). Single-tenant
 * bots ask their own tenant, multi-tenant ones the endpoint's (botframework.com).
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { credentialsFactory } from "../../bot/botbuilder-adapter";
import type { BotConfig } from "../../bot/bot-port";

const HOST = "https://login.cloud.example";
const TENANT_ID = "8d2e4f6a-1b3c-4d5e-9f70-a1b2c3d4e5f6";
/** One bot id per case: the SDK keeps connector tokens in a process-wide cache keyed by app id and scope. */
const BOT_IDS = { SingleTenant: "7d9e1f3a-4b5c-4d6e-8f80-91a2b3c4d5e6", MultiTenant: "8e0f2a4b-5c6d-4e7f-9081-a2b3c4d5e6f7", UserAssignedMSI: "9f1a3b5c-6d7e-4f80-8192-b3c4d5e6f708" };
const SCOPE = "https://api.botframework.cloud.example";

function bot(appType: BotConfig["appType"]): BotConfig {
  return {
    appId: BOT_IDS[appType],
    appPassword: "bot-password",
    tenantId: TENANT_ID,
    appType,
    endpoints: { openIdMetadataUrl: `${HOST}/v1/.well-known/openidconfiguration`, tokenIssuer: SCOPE, tokenEndpoint: `${HOST}/botframework.com`, oauthScope: SCOPE },
  };
}

/** Entra's endpoints as msal-node sees them, for any tenant on HOST; every other host is an error. */
function tokenHost() {
  const calls: Array<{ method: string; url: string; body?: string }> = [];
  const json = <T>(body: unknown, status = 200): NetworkResponse<T> => ({ headers: {}, body: body as T, status });
  const networkClient: INetworkModule = {
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      calls.push({ method: "GET", url });
      const tenant = /^https:\/\/login\.cloud\.example\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/.exec(url)?.[1];
      if (!tenant) return json<T>({ error: "invalid_instance", error_description: "AADSTS50049: Unknown or invalid instance." }, 400);
      return json<T>({
        issuer: `${HOST}/${tenant}/v2.0`,
        authorization_endpoint: `${HOST}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${HOST}/${tenant}/oauth2/v2.0/token`,
        jwks_uri: `${HOST}/${tenant}/discovery/v2.0/keys`,
        end_session_endpoint: `${HOST}/${tenant}/oauth2/v2.0/logout`,
      });
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      calls.push({ method: "POST", url, body: options?.body });
      return json<T>({ token_type: "Bearer", access_token: "connector-token", expires_in: 3600, ext_expires_in: 3600 });
    },
  };
  return { calls, networkClient };
}

describe("the bot's connector token", () => {
  it.each([
    ["SingleTenant", TENANT_ID],
    ["MultiTenant", "botframework.com"],
  ] as const)("a %s bot gets it from BOT_TOKEN_ENDPOINT's host for tenant %s, with the connector's scope", async (appType, tenant) => {
    const host = tokenHost();
    const factory = credentialsFactory(bot(appType), { networkClient: host.networkClient });
    const credentials = await factory!.createCredentials(BOT_IDS[appType], SCOPE, `${HOST}/botframework.com`, true);
    expect(await (credentials as unknown as { getToken(): Promise<string> }).getToken()).toBe("connector-token");

    expect(host.calls.every((call) => call.url.startsWith(`${HOST}/`))).toBe(true);
    const post = host.calls.find((call) => call.method === "POST");
    expect(post?.url.split("?")[0]).toBe(`${HOST}/${tenant}/oauth2/v2.0/token`);
    const form = new URLSearchParams(post?.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_id")).toBe(BOT_IDS[appType]);
    expect(form.get("scope")).toBe(`${SCOPE}/.default`);
  });

  it("is left to the SDK without an app id (authentication off) or with a managed identity", () => {
    expect(credentialsFactory({ appType: "MultiTenant" })).toBeUndefined();
    expect(credentialsFactory({ ...bot("UserAssignedMSI"), appPassword: undefined })).toBeUndefined();
  });
});
