import { describe, expect, it } from "vitest";
import { configProblems as problems } from "../support/config-problems";
import { loadConfig, TENANT_SETTINGS } from "../../src/config/config";

/** A complete tenant configuration; each test removes or changes what it is about. */
const TENANT = {
  ENTRA_TENANT_ID: "11111111-2222-3333-4444-555555555555",
  AAD_APP_CLIENT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  AAD_APP_CLIENT_SECRET: "s3cret",
  SHAREPOINT_SITE_URL: "https://contoso.sharepoint.com/sites/lift-hub",
  PUBLIC_URL: "https://lift.contoso.org",
  BOT_ID: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee",
  BOT_PASSWORD: "bot-secret",
  QUESTIONNAIRE_LINK_SECRET: "a-test-key-for-questionnaire-links-32+chars",
};

/** A value each tenant setting accepts on its own. */
const ONE_SETTING: Record<(typeof TENANT_SETTINGS)[number], string> = {
  ENTRA_TENANT_ID: TENANT.ENTRA_TENANT_ID,
  ENTRA_ALLOWED_TENANT_IDS: TENANT.ENTRA_TENANT_ID,
  AAD_APP_CLIENT_ID: TENANT.AAD_APP_CLIENT_ID,
  AAD_APP_CLIENT_SECRET: "s3cret",
  AAD_APP_CERTIFICATE_PATH: "/secrets/app.pem",
  AAD_APP_ID_URI: "api://lift.contoso.org/app",
  SHAREPOINT_SITE_URL: TENANT.SHAREPOINT_SITE_URL,
  ENTRA_AUTHORITY_HOST: "https://login.microsoftonline.us",
  GRAPH_ENDPOINT: "https://graph.microsoft.us",
};


function without(key: keyof typeof TENANT) {
  const env: Record<string, string> = { ...TENANT };
  delete env[key];
  return env;
}

describe("safe by default: tenant mode", () => {
  it.each(TENANT_SETTINGS)("%s alone selects tenant mode and the error names it and every missing setting", (key) => {
    const found = problems({ [key]: ONE_SETTING[key] });
    const variables = found.map((p) => p.variable);
    // Never a silent start in local mode: the settings tenant mode needs are each named.
    for (const needed of ["AAD_APP_CLIENT_ID", "SHAREPOINT_SITE_URL", "PUBLIC_URL", "BOT_ID", "ENTRA_TENANT_ID"]) {
      if (needed !== key) expect(variables).toContain(needed);
    }
    expect(found[0]?.message).toContain(`on because ${key} is set`);
  });

  it.each(["ENTRA_TENANT_ID", "AAD_APP_CLIENT_ID", "SHAREPOINT_SITE_URL", "PUBLIC_URL", "BOT_ID", "QUESTIONNAIRE_LINK_SECRET"] as const)(
    "a tenant configuration without %s is refused naming only that setting",
    (key) => {
      expect(problems(without(key)).map((p) => p.variable)).toEqual([key]);
    },
  );

  it("a tenant configuration without a secret or certificate names the secret", () => {
    expect(problems(without("AAD_APP_CLIENT_SECRET")).map((p) => p.variable)).toEqual(["AAD_APP_CLIENT_SECRET"]);
    expect(loadConfig({ ...without("AAD_APP_CLIENT_SECRET"), AAD_APP_CERTIFICATE_PATH: "/secrets/app.pem" }).identity.mode).toBe("entra");
  });

  it("PUBLIC_URL must be https in tenant mode (and may be http locally)", () => {
    const found = problems({ ...TENANT, PUBLIC_URL: "http://lift.contoso.org" });
    expect(found).toEqual([{ variable: "PUBLIC_URL", message: expect.stringMatching(/https/) }]);
    expect(loadConfig({ PUBLIC_URL: "http://localhost:8080" }).publicUrl).toBe("http://localhost:8080");
  });

  it("demo data is off in tenant mode unless DEMO_DATA=on is set, and then start-up warns", () => {
    const plain = loadConfig(TENANT);
    expect(plain.demoData).toBe(false);
    expect(plain.warnings).toEqual([]);
    const explicit = loadConfig({ ...TENANT, DEMO_DATA: "on" });
    expect(explicit.demoData).toBe(true);
    expect(explicit.warnings.join("\n")).toMatch(/DEMO_DATA=on in tenant mode/);
    // Local mode keeps its demo by default, without a warning.
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({}).warnings).toEqual([]);
  });

  it("listens on all interfaces in tenant mode, on loopback locally, and HOST overrides both", () => {
    expect(loadConfig(TENANT).host).toBe("0.0.0.0");
    expect(loadConfig({}).host).toBe("localhost");
    expect(loadConfig({ ...TENANT, HOST: "10.0.0.4" }).host).toBe("10.0.0.4");
  });

  it("the bot refuses other tenants and non-https service URLs in tenant mode only", () => {
    const tenant = loadConfig({ ...TENANT, ENTRA_ALLOWED_TENANT_IDS: `${TENANT.ENTRA_TENANT_ID},22222222-2222-3333-4444-555555555555` });
    expect(tenant.bot).toMatchObject({
      allowedTenantIds: [TENANT.ENTRA_TENANT_ID, "22222222-2222-3333-4444-555555555555"],
      httpsServiceUrlOnly: true,
    });
    const local = loadConfig({});
    expect(local.bot.allowedTenantIds).toBeUndefined();
    expect(local.bot.httpsServiceUrlOnly).toBe(false);
  });
});

describe("safe by default: local sign-in stays on this machine", () => {
  it.each(["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"])("HOST=%s is loopback and allowed", (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each(["0.0.0.0", "::", "192.168.1.20", "lift.lan"])("HOST=%s is refused in local mode naming HOST and the switch", (host) => {
    const found = problems({ HOST: host });
    expect(found.map((p) => p.variable)).toEqual(["HOST"]);
    expect(found[0]?.message).toMatch(/LOCAL_SIGN_IN_ON_NETWORK=on/);
  });

  it("LOCAL_SIGN_IN_ON_NETWORK=on allows a network interface", () => {
    const config = loadConfig({ HOST: "0.0.0.0", LOCAL_SIGN_IN_ON_NETWORK: "on" });
    expect(config.host).toBe("0.0.0.0");
    expect(config.identity.mode).toBe("local");
  });
});

describe("sovereign clouds", () => {
  it("public cloud by default", () => {
    const config = loadConfig(TENANT);
    expect(config.identity).toMatchObject({ mode: "entra", authorityHost: "https://login.microsoftonline.com" });
    expect(config.graph).toMatchObject({ mode: "tenant", endpoint: "https://graph.microsoft.com" });
    expect(config.bot.endpoints).toEqual({
      openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
      tokenIssuer: "https://api.botframework.com",
      tokenEndpoint: "https://login.microsoftonline.com/botframework.com",
      oauthScope: "https://api.botframework.com",
    });
  });

  it("reads each cloud endpoint, without a trailing slash", () => {
    const config = loadConfig({
      ...TENANT,
      ENTRA_AUTHORITY_HOST: "https://login.microsoftonline.us/",
      GRAPH_ENDPOINT: "https://graph.microsoft.us/",
      BOT_OPENID_METADATA_URL: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      BOT_TOKEN_ISSUER: "https://api.botframework.us",
      BOT_TOKEN_ENDPOINT: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
      BOT_OAUTH_SCOPE: "https://api.botframework.us",
    });
    expect(config.identity).toMatchObject({ authorityHost: "https://login.microsoftonline.us" });
    expect(config.graph).toMatchObject({ endpoint: "https://graph.microsoft.us" });
    expect(config.bot.endpoints).toEqual({
      openIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
      tokenIssuer: "https://api.botframework.us",
      tokenEndpoint: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
      oauthScope: "https://api.botframework.us",
    });
  });

  it.each(["ENTRA_AUTHORITY_HOST", "GRAPH_ENDPOINT", "BOT_OPENID_METADATA_URL", "BOT_TOKEN_ENDPOINT"])("%s must be https", (key) => {
    expect(problems({ ...TENANT, [key]: "http://login.example.org" }).map((p) => p.variable)).toEqual([key]);
  });
});
