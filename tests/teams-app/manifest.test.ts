import { describe, expect, it } from "vitest";
import { loadEnvFile } from "../../src/teams-app/env-file";
import { findPlaceholders } from "../../src/teams-app/fill-placeholders";
import {
  BOT_COMMANDS,
  CONFIGURABLE_TAB_CONTEXTS,
  checkLiftRules,
  validateAgainstSchema,
} from "../../src/teams-app/validate-manifest";
import { filledLocalManifest, localVars, root, templateText } from "./helpers";

type Json = Record<string, any>;

const manifest = (): Json => filledLocalManifest() as Json;

describe("Teams manifest template", () => {
  it("uses schema 1.29 or newer, with matching $schema", () => {
    const m = manifest();
    const [major, minor] = String(m.manifestVersion).split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(29);
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it("filled from env/.env.local validates against the bundled JSON schema", async () => {
    expect(await validateAgainstSchema(manifest())).toEqual([]);
  });

  it("meets LIFT Hub's own manifest rules", () => {
    const m = manifest();
    m.validDomains = [...new Set(m.validDomains as string[])];
    expect(checkLiftRules(m)).toEqual([]);
  });

  it("has exactly one configurable tab for channel, group chat and every meeting surface", () => {
    const tabs = manifest().configurableTabs as Json[];
    expect(tabs).toHaveLength(1);
    const tab = tabs[0]!;
    expect(tab.configurationUrl).toBe("https://localhost:3978/tabs/config");
    expect(tab.canUpdateConfiguration).toBe(true);
    expect([...tab.scopes].sort()).toEqual(["groupChat", "team"]);
    expect([...tab.context].sort()).toEqual([...CONFIGURABLE_TAB_CONTEXTS].sort());
    expect([...tab.meetingSurfaces].sort()).toEqual(["sidePanel", "stage"]);
    expect(manifest().meetingExtensionDefinition).toEqual({ supportsCustomShareToStage: true });
  });

  it("has one conversational bot in personal, team and groupChat scopes with status, deadlines and help", () => {
    const bots = manifest().bots as Json[];
    expect(bots).toHaveLength(1);
    const bot = bots[0]!;
    expect(bot.botId).toBe(localVars().BOT_ID);
    expect([...bot.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    expect(bot.isNotificationOnly).toBe(false);
    const titles = (bot.commandLists as Json[]).flatMap((l) => (l.commands as Json[]).map((c) => c.title));
    expect(titles).toEqual([...BOT_COMMANDS]);
  });

  it("has the personal static tabs on the contracted pages, plus chat and about", () => {
    const tabs = manifest().staticTabs as Json[];
    const byName = Object.fromEntries(tabs.filter((t) => t.name).map((t) => [t.name, t]));
    expect(byName["My referrals"]?.contentUrl).toBe("https://localhost:3978/tabs/referral");
    expect(byName["KPI return"]?.contentUrl).toBe("https://localhost:3978/tabs/kpi-return");
    expect(byName["Summary"]?.contentUrl).toBe("https://localhost:3978/tabs/summary");
    for (const t of tabs) expect(t.scopes).toEqual(["personal"]);
    expect(tabs.map((t) => t.entityId)).toEqual(expect.arrayContaining(["conversations", "about"]));
    expect(new Set(tabs.map((t) => t.entityId)).size).toBe(tabs.length);
  });

  it("declares SSO, share-to-stage RSC and host-only validDomains", () => {
    const m = manifest();
    const vars = localVars();
    expect(m.webApplicationInfo).toEqual({ id: vars.AAD_APP_CLIENT_ID, resource: `api://localhost:3978/${vars.AAD_APP_CLIENT_ID}` });
    const rsc = (m.authorization.permissions.resourceSpecific as Json[]).map((p) => `${p.name}:${p.type}`);
    expect(rsc).toEqual(
      expect.arrayContaining([
        "MeetingStage.Write.Chat:Delegated",
        "ChannelMeetingStage.Write.Group:Delegated",
        "OnlineMeeting.ReadBasic.Chat:Application",
      ]),
    );
    for (const d of m.validDomains as string[]) expect(d).toMatch(/^[a-z0-9.-]+(:\d+)?$/i);
    expect(m.validDomains).toContain("localhost:3978");
  });

  it("uses only placeholders that env/.env.local defines, and env/.env.dev lists them all", () => {
    const names = findPlaceholders(templateText());
    expect(names).toEqual(expect.arrayContaining(["TEAMS_APP_ID", "BOT_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "AAD_APP_CLIENT_ID", "BOT_DOMAIN"]));
    const local = localVars();
    expect(names.filter((n) => !local[n])).toEqual([]);
    const dev = loadEnvFile(root, "dev").vars;
    expect(names.filter((n) => !(n in dev))).toEqual([]);
  });
});

describe("broken manifests are rejected with the schema's error", () => {
  it("two configurable tabs", async () => {
    const m = manifest();
    m.configurableTabs = [m.configurableTabs[0], { ...m.configurableTabs[0], id: "second" }];
    const errors = await validateAgainstSchema(m);
    expect(errors.join("\n")).toContain("/configurableTabs must NOT have more than 1 items");
    expect(checkLiftRules(m)).toContain("expected exactly one configurable tab, found 2");
  });

  it("an app id that is not a GUID", async () => {
    const m = manifest();
    m.id = "not-a-guid";
    expect((await validateAgainstSchema(m)).join("\n")).toMatch(/^\/id must match pattern/m);
  });

  it("a bot id that is not a GUID and a second bot", async () => {
    const m = manifest();
    m.bots = [{ ...m.bots[0], botId: "bot" }, m.bots[0]];
    const errors = (await validateAgainstSchema(m)).join("\n");
    expect(errors).toContain("/bots must NOT have more than 1 items");
    expect(errors).toContain("/bots/0/botId must match pattern");
  });

  it("a missing required field and an unknown property", async () => {
    const m = manifest();
    delete m.accentColor;
    m.configurableTabs[0].surprise = true;
    const errors = (await validateAgainstSchema(m)).join("\n");
    expect(errors).toContain("must have required property 'accentColor'");
    expect(errors).toContain("/configurableTabs/0 must NOT have additional properties");
  });

  it("a tab that lost a meeting context, or a validDomains entry with a scheme (LIFT rules)", () => {
    const m = manifest();
    m.configurableTabs[0].context = m.configurableTabs[0].context.filter((c: string) => c !== "meetingStage");
    m.validDomains = ["https://localhost:3978"];
    const problems = checkLiftRules(m);
    expect(problems).toContain("configurable tab lacks contexts: meetingStage");
    expect(problems).toContain('validDomains entry "https://localhost:3978" must be a host name without scheme or path');
  });

  it("a schema version that is not bundled fails clearly instead of fetching it", async () => {
    const m = manifest();
    m.$schema = "https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json";
    m.manifestVersion = "1.99";
    await expect(validateAgainstSchema(m)).rejects.toThrow(/v1\.99 is not bundled/);
  });
});
