/**
 * The infrastructure as code and the deploy stage, checked without Azure and without a Bicep
 * compiler (none is reachable here, so infra/azure.bicep is NOT compiled in CI: infra/README.md).
 * What is checked: every parameter gets a value; every app setting is one the configuration reads,
 * every setting tenant mode needs is set, and the configuration accepts them in tenant mode; secrets
 * reach the app only as Key Vault references; m365agents.yml points at files that exist and ships
 * only the staged build; .env.example lists exactly the settings the configuration reads.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config";
import { loadEnvFile } from "../../src/teams-app/env-file";
import { evaluate, readBicep, type EvaluationContext } from "./bicep-reader";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");

const bicep = readBicep(read("infra/azure.bicep"));
const parameterFile = JSON.parse(read("infra/azure.parameters.json")) as { parameters: Record<string, { value: unknown }> };
const yml = read("m365agents.yml");

/** The settings src/config reads: the keys of the object literal that declares PORT and ENTRA_TENANT_ID (the environment schema). */
function configSettingNames(): Set<string> {
  const dir = path.join(root, "src/config");
  const found: string[][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = ts.createSourceFile(file, readFileSync(path.join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const keys = node.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : []));
        if (keys.includes("PORT") && keys.includes("ENTRA_TENANT_ID")) found.push(keys);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return new Set(found.flat());
}

const configNames = configSettingNames();
const envExampleNames = new Set([...read(".env.example").matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

/** Settings for the App Service platform, Node and libraries rather than src/config. */
const PLATFORM_SETTINGS = new Set([
  "WEBSITE_RUN_FROM_PACKAGE", // the zip is mounted read-only and run as is
  "SCM_DO_BUILD_DURING_DEPLOYMENT", // no build on the server: the deployable is already built
  "NODE_ENV", // express and its middleware run in production mode
]);

/**
 * Sovereign-cloud endpoints the configuration is being taught to read (ENTRA_AUTHORITY_HOST and the
 * rest, with the public cloud as default). Tolerated only while src/config does not read them yet;
 * once it does they are ordinary configuration settings and this list no longer matters.
 */
const AWAITED_SETTINGS = ["ENTRA_AUTHORITY_HOST", "GRAPH_ENDPOINT", "BOT_OPENID_METADATA_URL", "BOT_TOKEN_ENDPOINT"].filter((n) => !configNames.has(n));

/** What tenant mode must be given on App Service (PORT comes from the platform). */
const TENANT_MODE_SETTINGS = [
  "ENTRA_TENANT_ID",
  "AAD_APP_CLIENT_ID",
  "AAD_APP_CLIENT_SECRET",
  "SHAREPOINT_SITE_URL",
  "BOT_ID",
  "BOT_PASSWORD",
  "QUESTIONNAIRE_LINK_SECRET",
  "BOT_TENANT_ID",
  "BOT_TYPE",
  "PUBLIC_URL",
  "HOST",
  "DEMO_DATA",
  "ENTRA_AUTHORITY_HOST",
  "GRAPH_ENDPOINT",
  "BOT_OPENID_METADATA_URL",
  "BOT_TOKEN_ENDPOINT",
];

/** Stand-ins for the `${{VAR}}` placeholders the toolkit fills from env/.env.<env>. */
const PLACEHOLDER_STAND_INS: Record<string, string> = {
  RESOURCE_SUFFIX: "dev",
  AAD_APP_TENANT_ID: "0f9c1c55-3e4d-4a8b-9d61-2b7e5f0a1c11",
  AAD_APP_CLIENT_ID: "7d3b0a4e-1c2f-4e5a-8b6c-9d0e1f2a3b44",
  SECRET_AAD_APP_CLIENT_SECRET: "stand-in client secret",
  BOT_ID: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c88",
  SECRET_BOT_PASSWORD: "stand-in bot password",
  SECRET_QUESTIONNAIRE_LINK_SECRET: "stand-in questionnaire link key, 32+ chars",
  SHAREPOINT_SITE_URL: "https://contoso.sharepoint.com/sites/lift-hub",
  TEAMS_APP_ID: "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c66",
};

function placeholders(value: string): string[] {
  return [...value.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]!);
}

const deployment: EvaluationContext = {
  parameters: Object.fromEntries(
    Object.entries(parameterFile.parameters).map(([name, { value }]) => [
      name,
      String(value).replace(/\$\{\{(\w+)\}\}/g, (_, v: string) => {
        if (!(v in PLACEHOLDER_STAND_INS)) throw new Error(`no stand-in for \${{${v}}}`);
        return PLACEHOLDER_STAND_INS[v]!;
      }),
    ]),
  ),
  runtime: (symbol, property) => {
    if (property === "defaultHostName") return `${deployment.parameters.resourceBaseName}.azurewebsites.net`;
    if (property === "secretUri") return `https://kv.vault.azure.net/secrets/${symbol}`;
    throw new Error(`no stand-in for ${symbol}.properties.${property}`);
  },
};
const deployedSettings = (): Record<string, string> =>
  Object.fromEntries([...bicep.appSettings].map(([name, expr]) => [name, evaluate(bicep, expr, deployment)]));

describe("infra/azure.bicep and its parameters file", () => {
  it("reads the template it checks", () => {
    expect(configNames.size).toBeGreaterThan(20);
    expect(bicep.params.size).toBeGreaterThan(10);
    expect(bicep.appSettings.size).toBeGreaterThanOrEqual(TENANT_MODE_SETTINGS.length);
  });

  it("gives every parameter a value or a default, and passes no parameter the template does not declare", () => {
    const missing = [...bicep.params.values()].filter((p) => p.defaultExpr === undefined && !(p.name in parameterFile.parameters)).map((p) => p.name);
    expect(missing).toEqual([]);
    expect(Object.keys(parameterFile.parameters).filter((n) => !bicep.params.has(n))).toEqual([]);
    for (const [name, { value }] of Object.entries(parameterFile.parameters)) {
      const allowed = bicep.params.get(name)?.allowed;
      if (allowed && placeholders(String(value)).length === 0) expect(allowed, name).toContain(value);
    }
  });

  it("uses only placeholders the toolkit writes: env/.env.dev keys and the secrets provision generates", () => {
    const dev = loadEnvFile(root, "dev").vars;
    // Written by an action's writeToEnvironmentFile, or by a script step's `::set-teamsfx-env`.
    const generatedSecrets = new Set([
      ...[...yml.matchAll(/^\s+\w+: (SECRET_[A-Z0-9_]+)\s*$/gm)].map((m) => m[1]!),
      ...[...read("infra/make-link-secret.mjs").matchAll(/::set-teamsfx-env (SECRET_[A-Z0-9_]+)=/g)].map((m) => m[1]!),
    ]);
    const used = Object.values(parameterFile.parameters).flatMap(({ value }) => placeholders(String(value)));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((v) => !(v in dev) && !generatedSecrets.has(v))).toEqual([]);
  });

  it("sets only settings the configuration reads (or the platform's)", () => {
    const allowed = new Set([...configNames, ...PLATFORM_SETTINGS, ...AWAITED_SETTINGS]);
    expect([...bicep.appSettings.keys()].filter((n) => !allowed.has(n))).toEqual([]);
  });

  it("sets every setting tenant mode needs, and no PORT (App Service passes it)", () => {
    expect(TENANT_MODE_SETTINGS.filter((n) => !bicep.appSettings.has(n))).toEqual([]);
    expect(bicep.appSettings.has("PORT")).toBe(false);
  });

  it("starts the configuration in tenant mode, safe by default: https, all interfaces, no demo data", () => {
    const env = deployedSettings();
    const config = loadConfig(env, "/home/site/wwwroot");
    expect(config.identity.mode).toBe("entra");
    expect(config.graph).toMatchObject({ mode: "tenant", siteUrl: PLACEHOLDER_STAND_INS.SHAREPOINT_SITE_URL });
    expect(config.demoData).toBe(false);
    expect(config.host).toBe("0.0.0.0");
    expect(config.publicUrl).toBe("https://lifthubdev.azurewebsites.net");
    // The audience Teams SSO tokens carry is the identifier URI aad.manifest.json gives the Entra app.
    const aadUri = (JSON.parse(read("aad.manifest.json")) as { identifierUris: string[] }).identifierUris[0]!;
    expect(config.identity.audience).toBe(aadUri.replace("${{TAB_DOMAIN}}", "lifthubdev.azurewebsites.net").replace("${{AAD_APP_CLIENT_ID}}", PLACEHOLDER_STAND_INS.AAD_APP_CLIENT_ID!));
    expect(config.bot).toMatchObject({ appId: PLACEHOLDER_STAND_INS.BOT_ID, tenantId: PLACEHOLDER_STAND_INS.AAD_APP_TENANT_ID, appType: "SingleTenant" });
    expect(env.BOT_TOKEN_ENDPOINT).toBe(`https://login.microsoftonline.com/${PLACEHOLDER_STAND_INS.AAD_APP_TENANT_ID}/oauth2/v2.0/token`);
    for (const url of ["ENTRA_AUTHORITY_HOST", "GRAPH_ENDPOINT", "BOT_OPENID_METADATA_URL", "BOT_TOKEN_ENDPOINT"]) expect(env[url], url).toMatch(/^https:\/\//);
  });

  it("passes secrets only through Key Vault: references in the settings, secure parameters only into vault secrets", () => {
    const secretSettings = [...bicep.appSettings].filter(([name]) => /SECRET|PASSWORD|CERTIFICATE|PRIVATE/.test(name));
    expect(secretSettings.map(([n]) => n).sort()).toEqual(["AAD_APP_CLIENT_SECRET", "BOT_PASSWORD", "QUESTIONNAIRE_LINK_SECRET"]);
    for (const [name, expr] of secretSettings) {
      const ref = /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/.exec(expr);
      expect(ref, name).not.toBeNull();
      expect(bicep.resources.get(ref![1]!), name).toMatch(/^Microsoft\.KeyVault\/vaults\/secrets@/);
    }
    const secure = [...bicep.params.values()].filter((p) => p.secure).map((p) => p.name);
    expect(secure.sort()).toEqual(["aadAppClientSecret", "botPassword", "questionnaireLinkSecret"]);
    for (const name of secure) {
      // The one use of a secure parameter: `value: <param>` inside a Key Vault secret resource.
      const uses = [...bicep.text.matchAll(new RegExp(`\\b${name}\\b`, "g"))].map((m) => bicep.text.slice(bicep.text.lastIndexOf("\n", m.index) + 1, bicep.text.indexOf("\n", m.index)).trim());
      expect(uses.filter((line) => !/^param /.test(line)), name).toEqual([`value: ${name}`]);
    }
    for (const [name, expr] of [...bicep.appSettings, ...bicep.outputs]) for (const s of secure) expect(expr, name).not.toMatch(new RegExp(`\\b${s}\\b`));
    // The Web App resolves the references with the identity that may read the vault's secrets.
    expect(bicep.text).toMatch(/keyVaultReferenceIdentity: identity\.id/);
    expect(bicep.text).toMatch(/principalId: identity\.properties\.principalId/);
    expect(bicep.text).toMatch(/enableRbacAuthorization: true/);
  });

  it("runs the Web App on a supported Node LTS, https only, always on, health-checked, with the built entry", () => {
    const runtime = bicep.params.get("nodeRuntime")!;
    expect(runtime.allowed?.every((v) => /^NODE\|(22|24)-lts$/.test(v))).toBe(true);
    expect(runtime.allowed).toContain(evaluate(bicep, "nodeRuntime", deployment));
    expect(bicep.text).toMatch(/linuxFxVersion: nodeRuntime/);
    expect(bicep.text).toMatch(/reserved: true/);
    expect(bicep.text).toMatch(/httpsOnly: true/);
    expect(bicep.text).toMatch(/alwaysOn: true/);
    expect(bicep.text).toMatch(/healthCheckPath: '\/healthz'/);
    expect(bicep.text).toMatch(/appCommandLine: 'node dist\/main\.js'/);
  });

  it("registers a single-tenant Azure Bot on the Teams channel at <host>/api/messages", () => {
    expect([...bicep.resources.values()]).toEqual(expect.arrayContaining([expect.stringMatching(/^Microsoft\.BotService\/botServices@/), expect.stringMatching(/^Microsoft\.BotService\/botServices\/channels@/)]));
    expect(bicep.text).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bicep.text).toMatch(/msaAppTenantId: tenantId/);
    expect(bicep.text).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(evaluate(bicep, "'https://${publicHost}/api/messages'", deployment)).toBe("https://lifthubdev.azurewebsites.net/api/messages");
    expect(bicep.text).toContain("endpoint: 'https://${publicHost}/api/messages'");
  });

  it("outputs what the manifest, aad.manifest.json and the deploy stage read, each listed in env/.env.dev", () => {
    const dev = loadEnvFile(root, "dev").vars;
    for (const name of ["AZURE_APP_SERVICE_RESOURCE_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "BOT_DOMAIN", "BOT_ENDPOINT"]) expect(bicep.outputs.has(name), name).toBe(true);
    expect([...bicep.outputs.keys()].filter((n) => !(n in dev))).toEqual([]);
    expect(evaluate(bicep, bicep.outputs.get("TAB_ENDPOINT")!, deployment)).toBe(deployedSettings().PUBLIC_URL);
  });
});

describe("m365agents.yml", () => {
  const steps = [...yml.matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1]!);

  it("provisions with the bicep after the Entra apps and the Teams app, before aadApp/update needs TAB_DOMAIN", () => {
    const at = (action: string) => steps.indexOf(action);
    expect(at("arm/deploy")).toBeGreaterThan(at("aadApp/create"));
    expect(at("arm/deploy")).toBeGreaterThan(at("botAadApp/create"));
    expect(at("arm/deploy")).toBeGreaterThan(at("teamsApp/create"));
    expect(at("arm/deploy")).toBeLessThan(at("aadApp/update"));
    // The Azure Bot comes from the template; a second registration of the same bot id would clash.
    expect(steps).not.toContain("botFramework/create");
  });

  it("references files that exist", () => {
    const paths = [
      ...[...yml.matchAll(/^\s*(?:- )?(?:path|parameters|manifestPath|ignoreFile): (\S+)$/gm)].map((m) => m[1]!),
      ...[...yml.matchAll(/^\s*run: node (\S+)/gm)].map((m) => m[1]!),
    ];
    expect(paths).toEqual(expect.arrayContaining(["./infra/azure.bicep", "./infra/azure.parameters.json", "infra/stage-deploy.mjs"]));
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it("builds, stages and zip-deploys only the staged folder", () => {
    const deploy = yml.slice(yml.indexOf("\ndeploy:"), yml.indexOf("\npublish:"));
    expect(deploy).toMatch(/args: ci\b/);
    expect(deploy).toMatch(/args: run build$/m);
    const staged = /run: node infra\/stage-deploy\.mjs (\S+)$/m.exec(deploy)?.[1];
    expect(staged).toBeDefined();
    const artifact = /artifactFolder: (\S+)$/m.exec(deploy)?.[1];
    expect(path.normalize(artifact ?? "")).toBe(path.normalize(staged!));
    expect(deploy.indexOf("stage-deploy")).toBeLessThan(deploy.indexOf("azureAppService/zipDeploy"));
  });
});

describe("infra/stage-deploy.mjs", () => {
  const work = mkdtempSync(path.join(tmpdir(), "lift-stage-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function project(name: string, withDist: boolean, built: readonly string[] = ["main.js", "cli.js"]): string {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "staged", version: "1.0.0", private: true }));
    writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify({ name: "staged", version: "1.0.0", lockfileVersion: 3, requires: true, packages: { "": { name: "staged", version: "1.0.0" } } }));
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "main.ts"), "// source, not shipped\n");
    if (withDist) {
      mkdirSync(path.join(dir, "dist", "tabs"), { recursive: true });
      for (const file of built) writeFileSync(path.join(dir, "dist", file), "console.log('built');\n");
      writeFileSync(path.join(dir, "dist", "tabs", "index.html"), "<!doctype html>\n");
    }
    return dir;
  }
  const stage = (cwd: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, "infra/stage-deploy.mjs"), "build/deploy"], { cwd, encoding: "utf8", env: { ...process.env, STAGE_ANY_PLATFORM: "1", ...env } });

  it("copies dist/, package.json and package-lock.json, installs production dependencies there, and nothing else", () => {
    const dir = project("ok", true);
    const run = stage(dir);
    expect(run.status, run.stderr).toBe(0);
    const out = path.join(dir, "build", "deploy");
    expect(readdirSync(out).filter((n) => n !== "node_modules").sort()).toEqual(["dist", "package-lock.json", "package.json"]);
    expect(readFileSync(path.join(out, "dist", "tabs", "index.html"), "utf8")).toContain("doctype");
    expect(run.stdout).toMatch(/\d+\.\d MB/);
  }, 60_000);

  it("refuses without a build, and when the deployable is over the size limit", () => {
    const unbuilt = stage(project("unbuilt", false));
    expect(unbuilt.status).toBe(1);
    expect(unbuilt.stderr).toMatch(/npm run build/);
    const noCommands = stage(project("no-commands", true, ["main.js"]));
    expect(noCommands.status, "the operator commands ship with the app").toBe(1);
    expect(noCommands.stderr).toMatch(/dist\/cli\.js is missing/);
    const tooBig = stage(project("big", true), { MAX_DEPLOY_MB: "0" });
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toMatch(/over the 0 MB limit/);
  }, 60_000);
});

describe("docs/real-tenant.md", () => {
  const guide = read("docs/real-tenant.md");

  it("gives `az deployment group create` every parameter the toolkit would fill from a placeholder", () => {
    const command = /```sh\n(az deployment group create [\s\S]*?)```/.exec(guide)?.[1] ?? "";
    const given = new Set([...command.matchAll(/\b(\w+)=/g)].map((m) => m[1]!));
    const placeheld = Object.entries(parameterFile.parameters).filter(([, { value }]) => placeholders(String(value)).length > 0).map(([name]) => name);
    expect(placeheld.length).toBeGreaterThan(5);
    expect(placeheld.filter((name) => !given.has(name))).toEqual([]);
    expect([...given].filter((name) => !bicep.params.has(name))).toEqual([]);
  });

  it("and infra/README.md say that the template is not compiled in CI", () => {
    for (const text of [guide, read("infra/README.md")]) expect(text).toMatch(/not compiled in CI/);
  });
});

describe(".env.example", () => {
  it("lists every setting the configuration reads, and only those", () => {
    expect([...configNames].filter((n) => !envExampleNames.has(n))).toEqual([]);
    expect([...envExampleNames].filter((n) => !configNames.has(n))).toEqual([]);
  });
});

describe("the questionnaire link key step", () => {
  it("makes a key once: a new one when the environment has none, nothing when it has one", async () => {
    const script: string = "../../infra/make-link-secret.mjs";
    const { linkSecretCommand } = (await import(script)) as { linkSecretCommand(env: Record<string, string | undefined>): string };
    const first = linkSecretCommand({});
    const match = /^::set-teamsfx-env SECRET_QUESTIONNAIRE_LINK_SECRET=([A-Za-z0-9+/=]+)$/.exec(first);
    expect(match).not.toBeNull();
    expect(match![1]!.length).toBeGreaterThanOrEqual(32);
    expect(linkSecretCommand({})).not.toBe(first);
    expect(linkSecretCommand({ SECRET_QUESTIONNAIRE_LINK_SECRET: "kept" })).toBe("");
    expect(yml).toContain("run: node infra/make-link-secret.mjs");
  });
});
