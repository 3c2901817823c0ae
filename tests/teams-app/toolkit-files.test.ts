import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnvFile } from "../../src/teams-app/env-file";
import { findPlaceholders } from "../../src/teams-app/fill-placeholders";
import { filledLocalManifest, root } from "./helpers";

const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
const uses = (yml: string): string[] => [...yml.matchAll(/^\s*- uses: (\S+)/gm)].map((m) => m[1] ?? "");

describe("M365 Agents Toolkit files", () => {
  // The local env registers its bot with botFramework/create; the cloud env gets an Azure Bot from
  // infra/azure.bicep through arm/deploy (tests/platform/infra.test.ts checks that template).
  for (const [file, bot] of [["m365agents.yml", "arm/deploy"], ["m365agents.local.yml", "botFramework/create"]] as const) {
    it(`${file} provisions the Entra apps, bot and Teams app and packages to build/`, () => {
      const yml = read(file);
      expect(yml).toMatch(/^version: v1\.\d+$/m);
      expect(uses(yml)).toEqual(
        expect.arrayContaining([
          "aadApp/create",
          "botAadApp/create",
          "teamsApp/create",
          bot,
          "aadApp/update",
          "teamsApp/validateManifest",
          "teamsApp/zipAppPackage",
          "teamsApp/update",
        ]),
      );
      // Same output path as `npm run package`, so both produce build/appPackage.<env>.zip.
      expect(yml).toContain("outputZipPath: ./build/appPackage.${{TEAMSFX_ENV}}.zip");
      const botFile = bot === "arm/deploy" ? read("infra/azure.bicep") : yml;
      expect(botFile).toMatch(bot === "arm/deploy" ? /endpoint: 'https:\/\/\$\{publicHost\}\/api\/messages'/ : /messagingEndpoint: \$\{\{BOT_ENDPOINT\}\}\/api\/messages/);
      expect(yml).not.toMatch(/\t/);
    });
  }

  it("m365agents.yml has a deploy stage to App Service and points at ./env", () => {
    const yml = read("m365agents.yml");
    expect(yml).toContain("environmentFolderPath: ./env");
    expect(uses(yml)).toContain("azureAppService/zipDeploy");
  });

  it("aad.manifest.json defines access_as_user, pre-authorises Teams and matches webApplicationInfo.resource", () => {
    const text = read("aad.manifest.json");
    const aad = JSON.parse(text) as {
      oauth2Permissions: Array<{ value: string; id: string }>;
      preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
      identifierUris: string[];
      accessTokenAcceptedVersion: number;
    };
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    const scope = aad.oauth2Permissions.find((p) => p.value === "access_as_user");
    expect(scope?.id).toBe("${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}");
    const preAuthorised = aad.preAuthorizedApplications.map((a) => a.appId);
    // Teams desktop/mobile and Teams web clients.
    expect(preAuthorised).toEqual(expect.arrayContaining(["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"]));
    for (const a of aad.preAuthorizedApplications) expect(a.permissionIds).toEqual([scope?.id]);

    const manifestResource = /"resource": "([^"]+)"/.exec(read("appPackage/manifest.json"))?.[1];
    expect(aad.identifierUris).toEqual([manifestResource]);
    const m = filledLocalManifest() as { webApplicationInfo: { resource: string } };
    expect(m.webApplicationInfo.resource).toBe("api://localhost:3978/39ebf184-724d-5e90-a03a-b0cbb060557a");

    // Every variable it uses is one env/.env.dev lists for the toolkit to fill.
    const dev = loadEnvFile(root, "dev").vars;
    expect(findPlaceholders(text).filter((n) => !(n in dev))).toEqual([]);
  });

  it("env/.env.dev is a template: ids and endpoints empty for provision to fill", () => {
    const dev = loadEnvFile(root, "dev").vars;
    for (const key of ["TEAMS_APP_ID", "BOT_ID", "AAD_APP_CLIENT_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "BOT_DOMAIN"]) {
      expect(dev[key], key).toBe("");
    }
    expect(dev.TEAMSFX_ENV).toBe("dev");
  });
});
