import { describe, expect, it } from "vitest";
import { configProblems as problems } from "../support/config-problems";
import { ConfigError, loadConfig } from "../../src/config/config";


describe("configuration", () => {
  it("needs no settings for local use and picks the documented defaults", () => {
    const config = loadConfig({}, "/srv/app");
    expect(config.port).toBe(3978);
    expect(config.graph).toEqual({ mode: "emulator", port: 3979, siteUrl: "https://lift.sharepoint.com/sites/lift-hub", faults: {} });
    expect(config.dataDir).toBe("/srv/app/.data");
    expect(config.demoData).toBe(true);
    expect(config.identity.mode).toBe("local");
    expect(config.publicUrl).toBe("http://localhost:3978");
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", DEMO_DATA: "" }).port).toBe(3978);
  });

  it.each([
    ["PORT", "abc", /port number/],
    ["PORT", "70000", /0 to 65535/],
    ["GRAPH_EMULATOR_PORT", "-1", /0 to 65535/],
    ["DEMO_DATA", "maybe", /on or off/],
    ["PUBLIC_URL", "not a url", /absolute URL/],
    ["ENTRA_TENANT_ID", "contoso", /GUID/],
    ["LOG_LEVEL", "loud", /.+/],
  ])("rejects %s=%s naming the variable", (variable, value, message) => {
    const found = problems({ [variable]: value }).find((p) => p.variable === variable);
    expect(found?.message).toMatch(message);
  });

  it("reads the emulator's fault injection settings", () => {
    const config = loadConfig({ GRAPH_EMULATOR_LATENCY_MS: "50-150", GRAPH_EMULATOR_FAULT_RATE: "0.2", GRAPH_EMULATOR_FAULT_STATUS: "mixed", GRAPH_EMULATOR_RETRY_AFTER: "1" });
    expect(config.graph).toMatchObject({ faults: { latencyMs: [50, 150], faultRate: 0.2, faultStatus: "mixed", retryAfterSeconds: 1 } });
    expect(problems({ GRAPH_EMULATOR_FAULT_RATE: "2" })[0]?.variable).toBe("GRAPH_EMULATOR_FAULT_RATE");
    expect(problems({ GRAPH_EMULATOR_LATENCY_MS: "soon" })[0]?.variable).toBe("GRAPH_EMULATOR_LATENCY_MS");
  });

  it("DEMO_DATA=off turns demo activity off", () => {
    expect(loadConfig({ DEMO_DATA: "off" }).demoData).toBe(false);
  });

  it("a tenant needs its client id, secret, site, public URL, bot and link key, and names each missing one", () => {
    const found = problems({ ENTRA_TENANT_ID: "11111111-2222-3333-4444-555555555555" }).map((p) => p.variable);
    expect(found.sort()).toEqual(["AAD_APP_CLIENT_ID", "AAD_APP_CLIENT_SECRET", "BOT_ID", "PUBLIC_URL", "QUESTIONNAIRE_LINK_SECRET", "SHAREPOINT_SITE_URL"]);
  });

  it("a complete tenant configuration switches identity and Graph to production", () => {
    const config = loadConfig({
      ENTRA_TENANT_ID: "11111111-2222-3333-4444-555555555555",
      AAD_APP_CLIENT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
      AAD_APP_CLIENT_SECRET: "s3cret",
      SHAREPOINT_SITE_URL: "https://contoso.sharepoint.com/sites/lift-hub",
      PUBLIC_URL: "https://lift.contoso.org/",
      BOT_ID: "bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee",
      BOT_PASSWORD: "bot-secret",
      QUESTIONNAIRE_LINK_SECRET: "a-test-key-for-questionnaire-links-32+chars",
    });
    // A single-tenant bot lives in the app's tenant unless told otherwise.
    expect(config.bot.tenantId).toBe("11111111-2222-3333-4444-555555555555");
    expect(config.identity).toMatchObject({
      mode: "entra",
      allowedTenantIds: ["11111111-2222-3333-4444-555555555555"],
      audience: "api://lift.contoso.org/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    });
    expect(config.graph).toEqual({ mode: "tenant", siteUrl: "https://contoso.sharepoint.com/sites/lift-hub", endpoint: "https://graph.microsoft.com" });
    expect(config.publicUrl).toBe("https://lift.contoso.org");
  });

  it("a bot id needs its password", () => {
    expect(problems({ BOT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", BOT_TYPE: "MultiTenant" }).map((p) => p.variable)).toEqual(["BOT_PASSWORD"]);
  });

  it("a single-tenant bot needs its tenant", () => {
    expect(problems({ BOT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", BOT_PASSWORD: "x" }).map((p) => p.variable)).toEqual(["BOT_TENANT_ID"]);
  });

  it("the message names every bad variable and points at .env.example", () => {
    try {
      loadConfig({ PORT: "x", DEMO_DATA: "y" });
      throw new Error("expected failure");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/PORT: /);
      expect((error as Error).message).toMatch(/DEMO_DATA: /);
      expect((error as Error).message).toMatch(/\.env\.example/);
    }
  });
});
