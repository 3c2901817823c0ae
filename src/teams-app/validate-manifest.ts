/**
 * Offline validation of the filled Teams manifest.
 *
 * 1. Schema: `AppManifestUtils.validateAgainstSchema` from `@microsoft/app-manifest`, which bundles the
 *    Teams JSON schemas v1.0–v1.30 ([teams-platform.md §1.8](../../docs/reference/teams-platform.md#18-validating-a-manifest-offline)). We load the bundled schema file ourselves
 *    and pass it in, because for a `$schema` it has not bundled the package silently falls back to a
 *    network fetch; here an unknown version is a clear error instead.
 * 2. LIFT Hub's own rules: the surfaces [Teams surfaces](../../docs/reference/architecture.md#teams-surfaces) promises, which the schema cannot
 *    express (one configurable tab with every meeting context, the three personal tabs, the bot's
 *    scopes and commands, host-only validDomains).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { TAB_PAGES } from "./tab-pages";

const require = createRequire(import.meta.url);

/** The Teams manifest versions whose schema ships inside @microsoft/app-manifest. */
export function bundledSchemaPath(manifestVersion: string): string {
  const packageMain = require.resolve("@microsoft/app-manifest");
  return path.join(path.dirname(packageMain), "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
}

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v(\d+\.\d+)\/MicrosoftTeams\.schema\.json$/i;

/** Loads the bundled JSON schema named by the manifest's `$schema`; throws if it is not bundled. */
export function loadBundledSchema(manifest: Record<string, unknown>): Record<string, unknown> {
  const url = typeof manifest.$schema === "string" ? manifest.$schema : "";
  const match = SCHEMA_URL.exec(url);
  if (!match?.[1]) {
    throw new Error(`manifest $schema "${url}" is not a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json)`);
  }
  const file = bundledSchemaPath(match[1]);
  if (!existsSync(file)) {
    throw new Error(`manifest schema v${match[1]} is not bundled with @microsoft/app-manifest; use 1.29 or 1.30`);
  }
  // The toolkit does the same clean-up before parsing: some schema regexes contain \a and \v, which
  // are not valid JSON escapes ([teams-platform.md §1.8](../../docs/reference/teams-platform.md#18-validating-a-manifest-offline)).
  return JSON.parse(readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) as Record<string, unknown>;
}

/** Validates against the bundled schema. Returns the schema's error messages (empty when valid). */
export async function validateAgainstSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = loadBundledSchema(manifest);
  return AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}

/** Contexts the single configurable tab must offer ([teams-platform.md §9.1](../../docs/reference/teams-platform.md#91-one-configurable-tab-three-views)). */
export const CONFIGURABLE_TAB_CONTEXTS = [
  "channelTab",
  "privateChatTab",
  "meetingChatTab",
  "meetingDetailsTab",
  "meetingSidePanel",
  "meetingStage",
] as const;

export const BOT_SCOPES = ["personal", "team", "groupChat"] as const;
export const BOT_COMMANDS = ["status", "deadlines", "help"] as const;

/** Personal static tabs and the page each must open ([Contracts](../../docs/reference/architecture.md#contracts)). */
export const STATIC_TAB_PAGES: ReadonlyArray<{ name: string; path: string }> = TAB_PAGES.flatMap((p) => ("staticTab" in p ? [{ name: p.staticTab, path: `/tabs/${p.slug}` }] : []));

/** Share-to-stage and meeting-details permissions ([teams-platform.md §1.6](../../docs/reference/teams-platform.md#16-sso-rsc-and-meeting-permissions)). */
export const REQUIRED_RSC = ["MeetingStage.Write.Chat", "ChannelMeetingStage.Write.Group", "OnlineMeeting.ReadBasic.Chat"] as const;

type Json = Record<string, unknown>;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const asStrings = (v: unknown): string[] => asArray(v).filter((x): x is string => typeof x === "string");

/** LIFT Hub's own manifest rules. Returns readable problems (empty when all hold). */
export function checkLiftRules(manifest: Json): string[] {
  const problems: string[] = [];

  const configurable = asArray(manifest.configurableTabs).map(asObject);
  if (configurable.length !== 1) {
    problems.push(`expected exactly one configurable tab, found ${configurable.length}`);
  }
  const tab = configurable[0];
  if (tab) {
    const contexts = asStrings(tab.context);
    const missingContexts = CONFIGURABLE_TAB_CONTEXTS.filter((c) => !contexts.includes(c));
    if (missingContexts.length) problems.push(`configurable tab lacks contexts: ${missingContexts.join(", ")}`);
    const scopes = asStrings(tab.scopes);
    for (const s of ["team", "groupChat"]) if (!scopes.includes(s)) problems.push(`configurable tab lacks scope ${s}`);
    const surfaces = asStrings(tab.meetingSurfaces);
    for (const s of ["sidePanel", "stage"]) if (!surfaces.includes(s)) problems.push(`configurable tab lacks meeting surface ${s}`);
    if (typeof tab.configurationUrl !== "string" || !/^https:\/\/[^/]+\/tabs\/config(?:[?#].*)?$/.test(tab.configurationUrl)) {
      problems.push(`configurable tab configurationUrl must be https://<host>/tabs/config, got ${String(tab.configurationUrl)}`);
    }
  }

  const bots = asArray(manifest.bots).map(asObject);
  if (bots.length !== 1) problems.push(`expected exactly one bot, found ${bots.length}`);
  const bot = bots[0];
  if (bot) {
    const scopes = asStrings(bot.scopes);
    const missingScopes = BOT_SCOPES.filter((s) => !scopes.includes(s));
    if (missingScopes.length) problems.push(`bot lacks scopes: ${missingScopes.join(", ")}`);
    if (bot.isNotificationOnly === true) problems.push("bot must be conversational (isNotificationOnly false): users answer its cards");
    const commands = asArray(bot.commandLists).flatMap((list) => asArray(asObject(list).commands).map((c) => asObject(c).title));
    const missingCommands = BOT_COMMANDS.filter((c) => !commands.includes(c));
    if (missingCommands.length) problems.push(`bot lacks commands: ${missingCommands.join(", ")}`);
  }

  const statics = asArray(manifest.staticTabs).map(asObject);
  for (const want of STATIC_TAB_PAGES) {
    const found = statics.find((t) => t.name === want.name);
    if (!found) {
      problems.push(`missing personal static tab "${want.name}"`);
      continue;
    }
    const url = typeof found.contentUrl === "string" ? found.contentUrl : "";
    if (!/^https:\/\//.test(url) || new URL(url).pathname !== want.path) {
      problems.push(`static tab "${want.name}" must open https://<host>${want.path}, got ${url || "(none)"}`);
    }
    if (!asStrings(found.scopes).includes("personal")) problems.push(`static tab "${want.name}" must have scope personal`);
  }

  if (asObject(manifest.meetingExtensionDefinition).supportsCustomShareToStage !== true) {
    problems.push("meetingExtensionDefinition.supportsCustomShareToStage must be true");
  }
  const rsc = asArray(asObject(asObject(manifest.authorization).permissions).resourceSpecific).map((p) => asObject(p).name);
  const missingRsc = REQUIRED_RSC.filter((name) => !rsc.includes(name));
  if (missingRsc.length) problems.push(`missing resource-specific permissions: ${missingRsc.join(", ")}`);

  const domains = asStrings(manifest.validDomains);
  if (domains.length === 0) problems.push("validDomains is empty: the tab host must be listed");
  for (const d of domains) {
    // Host names (optionally with port or a leading "*."), never a scheme or path ([teams-platform.md §1.7](../../docs/reference/teams-platform.md#17-validdomains)).
    if (!/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(d)) problems.push(`validDomains entry "${d}" must be a host name without scheme or path`);
  }
  const app = asObject(manifest.webApplicationInfo);
  if (typeof app.id !== "string" || typeof app.resource !== "string" || !app.resource.startsWith("api://")) {
    problems.push("webApplicationInfo needs the Entra app id and an api:// resource for tab SSO");
  }
  const tabHosts = [...configurable, ...statics]
    .flatMap((t) => [t.configurationUrl, t.contentUrl])
    .filter((u): u is string => typeof u === "string")
    .map((u) => new URL(u).host);
  for (const host of new Set(tabHosts)) {
    if (!domains.includes(host)) problems.push(`tab host ${host} is not in validDomains`);
  }
  return problems;
}
