/**
 * Configuration is read once at start-up from the environment into a typed, validated object.
 * Nothing else reads `process.env`. A missing or bad setting stops start-up with a message naming
 * the variable and what it expects (see `formatConfigError`).
 */
import path from "node:path";
import { z } from "zod";

const port = (fallback: number) =>
  z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(0, "expected a port number from 0 to 65535")
    .max(65535, "expected a port number from 0 to 65535")
    .default(fallback);

const guid = z.guid({ message: "expected a GUID such as 00000000-0000-0000-0000-000000000000" });
const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"], { message: "expected on or off" })
  .transform((v) => v === "on" || v === "true" || v === "1");
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const httpsUrl = (example: string) =>
  z.url({ protocol: /^https$/, message: `expected an https URL such as ${example}` }).transform((v) => v.replace(/\/+$/, ""));
const guidList = z
  .string()
  .trim()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(guid));

/** The raw environment, one entry per documented variable (.env.example). */
const EnvSchema = z
  .object({
    PORT: port(3978),
    /** Default: localhost in local mode, 0.0.0.0 (all interfaces) in tenant mode. */
    HOST: z.string().trim().min(1).optional(),
    PUBLIC_URL: z.url({ message: "expected an absolute URL such as https://lift.example.org" }).optional(),
    GRAPH_EMULATOR_PORT: port(3979),
    GRAPH_EMULATOR_LATENCY_MS: z
      .string()
      .trim()
      .regex(/^\d+(\s*-\s*\d+)?$/, "expected milliseconds as N or MIN-MAX, e.g. 100 or 50-150")
      .optional(),
    GRAPH_EMULATOR_FAULT_RATE: z.coerce
      .number({ message: "expected a rate from 0 to 1" })
      .min(0, "expected a rate from 0 to 1")
      .max(1, "expected a rate from 0 to 1")
      .optional(),
    GRAPH_EMULATOR_FAULT_STATUS: z.enum(["429", "503", "mixed"], { message: "expected 429, 503 or mixed" }).optional(),
    GRAPH_EMULATOR_RETRY_AFTER: z.coerce.number({ message: "expected seconds" }).int().min(0).max(120).optional(),
    DATA_DIR: z.string().trim().min(1).default("./.data"),
    /** Default: on in local mode, off in tenant mode (where on is allowed only when set explicitly). */
    DEMO_DATA: onOff.optional(),
    /** Local sign-in hands out tokens for any demo user; off the loopback interface only when asked. */
    LOCAL_SIGN_IN_ON_NETWORK: onOff.default(false),
    DEMO_REGISTER: onOff.default(true),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REMINDERS: onOff.default(true),
    /** Casework review reminders only for reviews due on or after this UK date (the go-live cutoff). */
    CASEWORK_REMINDERS_FROM: z.iso.date({ message: "expected a date as YYYY-MM-DD, e.g. 2026-09-01" }).optional(),
    /** Per-user API rate limit: sustained requests a minute and the burst allowed on top. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(3000),
    RATE_LIMIT_BURST: z.coerce.number().int().positive().default(2000),
    /** Signs the questionnaire links sent to parents and carers (HMAC): at least 32 characters. */
    QUESTIONNAIRE_LINK_SECRET: z.string().trim().min(32, "expected at least 32 characters, e.g. from `openssl rand -base64 48`").optional(),
    // Microsoft 365 (production). Setting ENTRA_TENANT_ID switches identity from the local provider
    // to Microsoft Entra ID, and the list store from the emulator to the configured SharePoint site.
    ENTRA_TENANT_ID: guid.optional(),
    ENTRA_ALLOWED_TENANT_IDS: guidList.optional(),
    AAD_APP_CLIENT_ID: guid.optional(),
    AAD_APP_CLIENT_SECRET: optionalText,
    AAD_APP_CERTIFICATE_PATH: optionalText,
    AAD_APP_ID_URI: optionalText,
    SHAREPOINT_SITE_URL: z
      .url({ message: "expected the site's URL such as https://contoso.sharepoint.com/sites/lift-hub" })
      .optional(),
    // Sovereign clouds (national clouds): the Entra sign-in host and the Graph endpoint of that cloud.
    ENTRA_AUTHORITY_HOST: httpsUrl("https://login.microsoftonline.us").optional(),
    GRAPH_ENDPOINT: httpsUrl("https://graph.microsoft.us").optional(),
    BOT_ID: guid.optional(),
    BOT_PASSWORD: optionalText,
    BOT_TENANT_ID: guid.optional(),
    BOT_TYPE: z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"]).default("SingleTenant"),
    TEAMS_APP_ID: guid.optional(),
    // Bot Framework endpoints (public cloud by default): where the channel's signing keys are
    // published, the issuer its tokens carry, and where the bot gets tokens to call the connector.
    BOT_OPENID_METADATA_URL: httpsUrl("https://login.botframework.azure.us/v1/.well-known/openidconfiguration").default(
      "https://login.botframework.com/v1/.well-known/openidconfiguration",
    ),
    BOT_TOKEN_ISSUER: z.url({ message: "expected the issuer URL such as https://api.botframework.us" }).default("https://api.botframework.com"),
    BOT_TOKEN_ENDPOINT: httpsUrl("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us").default(
      "https://login.microsoftonline.com/botframework.com",
    ),
    BOT_OAUTH_SCOPE: z.url({ message: "expected the connector's scope such as https://api.botframework.us" }).default("https://api.botframework.com"),
  })
  .superRefine((env, ctx) => {
    const tenantSet = TENANT_SETTINGS.filter((key) => env[key] !== undefined);
    if (tenantSet.length > 0) {
      // Any tenant setting means tenant mode: a half-configured tenant must not start in local mode,
      // where anyone can sign in as anyone.
      const because = `required in tenant mode (on because ${tenantSet.join(", ")} ${tenantSet.length === 1 ? "is" : "are"} set)`;
      const need: Array<[keyof typeof env, string]> = [
        ["ENTRA_TENANT_ID", "the directory (tenant) id"],
        ["AAD_APP_CLIENT_ID", "the Entra app (client) id"],
        ["SHAREPOINT_SITE_URL", "the SharePoint site that holds the lists"],
        ["PUBLIC_URL", "the https address users reach the app at"],
        // Without a bot id the endpoint accepts unauthenticated activities and would post replies to
        // any serviceUrl, so a production deployment must configure the bot's identity.
        ["BOT_ID", "the Azure Bot's Microsoft App ID"],
        // Parents' questionnaire links are signed with it: a key made up at start-up would break every
        // link sent before a restart, and differ between two instances of the app.
        ["QUESTIONNAIRE_LINK_SECRET", "the key that signs questionnaire links (at least 32 characters, e.g. from `openssl rand -base64 48`)"],
      ];
      for (const [key, what] of need) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${because}: ${what}` });
      }
      if (!env.AAD_APP_CLIENT_SECRET && !env.AAD_APP_CERTIFICATE_PATH) {
        ctx.addIssue({ code: "custom", path: ["AAD_APP_CLIENT_SECRET"], message: `${because} (or set AAD_APP_CERTIFICATE_PATH)` });
      }
      if (env.PUBLIC_URL && new URL(env.PUBLIC_URL).protocol !== "https:") {
        ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "must be an https URL in tenant mode (Teams loads tabs over https only)" });
      }
    } else {
      const host = env.HOST ?? "localhost";
      if (!isLoopback(host) && !env.LOCAL_SIGN_IN_ON_NETWORK) {
        ctx.addIssue({
          code: "custom",
          path: ["HOST"],
          message: `${host} is not a loopback interface, and local mode lets anyone sign in as any demo user: use localhost, or set LOCAL_SIGN_IN_ON_NETWORK=on to allow it on a trusted network`,
        });
      }
    }
    // In tenant mode a missing ENTRA_TENANT_ID is reported above; the bot then defaults to it.
    if (env.BOT_ID && env.BOT_TYPE !== "MultiTenant" && !env.BOT_TENANT_ID && tenantSet.length === 0) {
      ctx.addIssue({ code: "custom", path: ["BOT_TENANT_ID"], message: `required for a ${env.BOT_TYPE} bot (or set ENTRA_TENANT_ID)` });
    }
    if (env.BOT_ID && !env.BOT_PASSWORD && env.BOT_TYPE !== "UserAssignedMSI") {
      ctx.addIssue({ code: "custom", path: ["BOT_PASSWORD"], message: "required when BOT_ID is set" });
    }
  });

/** Settings that only mean something against a real tenant: giving any of them selects tenant mode. */
export const TENANT_SETTINGS = [
  "ENTRA_TENANT_ID",
  "ENTRA_ALLOWED_TENANT_IDS",
  "AAD_APP_CLIENT_ID",
  "AAD_APP_CLIENT_SECRET",
  "AAD_APP_CERTIFICATE_PATH",
  "AAD_APP_ID_URI",
  "SHAREPOINT_SITE_URL",
  "ENTRA_AUTHORITY_HOST",
  "GRAPH_ENDPOINT",
] as const;

/** Public-cloud defaults of the sovereign-cloud settings. */
export const PUBLIC_CLOUD = {
  authorityHost: "https://login.microsoftonline.com",
  graphEndpoint: "https://graph.microsoft.com",
} as const;

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type IdentityConfig =
  | { mode: "local"; tenantId: string; clientId: string; audience: string }
  | {
      mode: "entra";
      tenantId: string;
      allowedTenantIds: string[];
      clientId: string;
      clientSecret?: string;
      certificatePath?: string;
      audience: string;
      /** Entra sign-in host of the tenant's cloud: tokens come from <authorityHost>/<tenant>/v2.0. */
      authorityHost: string;
    };

export interface AppConfig {
  port: number;
  host: string;
  /** The URL users reach the app at; tab content URLs and deep links are built from it. */
  publicUrl: string;
  dataDir: string;
  demoData: boolean;
  /** Things worth an operator's attention that do not stop start-up (printed and logged at start). */
  warnings: string[];
  /** With the demo data, the demo settings register (about 1,300 schools and early years providers); off keeps the 48 demo schools. */
  demoRegister: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  reminders: boolean;
  /**
   * Casework review reminders are never sent for a review due before this UK date (YYYY-MM-DD);
   * unset, the cutoff is the reminders' go-live day (the first reminder pass ever).
   */
  caseworkRemindersFrom?: string;
  /** Per-user API rate limit (429 with Retry-After beyond it). */
  rateLimit: { perMinute: number; burst: number };
  /**
   * The HMAC key of the questionnaire links (/q/<token>): a link signed with another key is refused.
   * Required in tenant mode; a fixed, public key in local mode.
   */
  questionnaireLinkSecret: string;
  identity: IdentityConfig;
  graph:
    | { mode: "emulator"; port: number; siteUrl: string; faults: EmulatorFaults }
    | { mode: "tenant"; siteUrl: string; /** Microsoft Graph of the tenant's cloud, no trailing slash. */ endpoint: string };
  bot: BotSettings;
  /** The Teams app id (manifest `id`), for deep links to the app's tabs from bot cards. */
  teamsAppId?: string;
}

export interface BotSettings {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  /** Bot Framework endpoints of the cloud the bot is registered in. */
  endpoints: BotEndpoints;
  /** Tenant mode: activities from other tenants are refused. Absent: any tenant (local mode). */
  allowedTenantIds?: string[];
  /** Tenant mode: activities whose serviceUrl is not https are refused. */
  httpsServiceUrlOnly: boolean;
}

export interface BotEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  tokenEndpoint: string;
  oauthScope: string;
}

/** Fault injection for the embedded emulator (tests and benchmarks). */
export interface EmulatorFaults {
  latencyMs?: number | [number, number];
  faultRate?: number;
  faultStatus?: 429 | 503 | "mixed";
  retryAfterSeconds?: number;
}

function emulatorFaults(e: { GRAPH_EMULATOR_LATENCY_MS?: string; GRAPH_EMULATOR_FAULT_RATE?: number; GRAPH_EMULATOR_FAULT_STATUS?: "429" | "503" | "mixed"; GRAPH_EMULATOR_RETRY_AFTER?: number }): EmulatorFaults {
  const faults: EmulatorFaults = {};
  if (e.GRAPH_EMULATOR_LATENCY_MS) {
    const [min, max] = e.GRAPH_EMULATOR_LATENCY_MS.split("-").map((v) => Number(v.trim()));
    faults.latencyMs = max === undefined ? (min ?? 0) : [min ?? 0, max];
  }
  if (e.GRAPH_EMULATOR_FAULT_RATE !== undefined) faults.faultRate = e.GRAPH_EMULATOR_FAULT_RATE;
  if (e.GRAPH_EMULATOR_FAULT_STATUS) faults.faultStatus = e.GRAPH_EMULATOR_FAULT_STATUS === "mixed" ? "mixed" : (Number(e.GRAPH_EMULATOR_FAULT_STATUS) as 429 | 503);
  if (e.GRAPH_EMULATOR_RETRY_AFTER !== undefined) faults.retryAfterSeconds = e.GRAPH_EMULATOR_RETRY_AFTER;
  return faults;
}

/** Local mode signs links with a fixed, public key: local links are for demos and tests only. */
const LOCAL_LINK_SECRET = "local-only-questionnaire-link-secret-not-for-production";

/** Ids the local identity provider uses; fixed so local tokens look like a real tenant's. */
export const LOCAL_TENANT_ID = "71bfab59-7ffc-5e58-ae5c-6ee57e3f7bfd";
export const LOCAL_CLIENT_ID = "39ebf184-724d-5e90-a03a-b0cbb060557a";
export const LOCAL_SITE_URL = "https://lift.sharepoint.com/sites/lift-hub";

export class ConfigError extends Error {
  readonly problems: Array<{ variable: string; message: string }>;
  constructor(problems: Array<{ variable: string; message: string }>) {
    super(formatConfigError(problems));
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export function formatConfigError(problems: Array<{ variable: string; message: string }>): string {
  return [
    "LIFT Hub cannot start: the configuration is not valid.",
    ...problems.map((p) => `  ${p.variable}: ${p.message}`),
    "See .env.example for every setting and its meaning.",
  ].join("\n");
}

/** Parse the environment. Throws `ConfigError` naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  // Empty strings are treated as unset so that `FOO=` in a shell or .env file means "default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message })),
    );
  }
  const e = parsed.data;
  const tenant = TENANT_SETTINGS.some((key) => e[key] !== undefined);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const warnings: string[] = [];
  if (tenant && e.DEMO_DATA) {
    warnings.push("DEMO_DATA=on in tenant mode: fictitious meetings, referrals and KPI returns are being written to the SharePoint site. Never do this on a site people use.");
  }

  const identity: IdentityConfig = tenant
    ? {
        mode: "entra",
        tenantId: e.ENTRA_TENANT_ID ?? "",
        allowedTenantIds: e.ENTRA_ALLOWED_TENANT_IDS ?? [e.ENTRA_TENANT_ID ?? ""],
        clientId: e.AAD_APP_CLIENT_ID ?? "",
        clientSecret: e.AAD_APP_CLIENT_SECRET,
        certificatePath: e.AAD_APP_CERTIFICATE_PATH,
        // Teams SSO tokens carry the Application ID URI as audience ([teams-platform.md §3](../../docs/reference/teams-platform.md#3-tab-sso-and-on-behalf-of)).
        audience: e.AAD_APP_ID_URI ?? `api://${new URL(publicUrl).host}/${e.AAD_APP_CLIENT_ID}`,
        authorityHost: e.ENTRA_AUTHORITY_HOST ?? PUBLIC_CLOUD.authorityHost,
      }
    : {
        mode: "local",
        tenantId: LOCAL_TENANT_ID,
        clientId: LOCAL_CLIENT_ID,
        audience: `api://localhost/${LOCAL_CLIENT_ID}`,
      };

  return {
    port: e.PORT,
    host: e.HOST ?? (tenant ? "0.0.0.0" : "localhost"),
    publicUrl,
    dataDir,
    demoData: e.DEMO_DATA ?? !tenant,
    warnings,
    demoRegister: e.DEMO_REGISTER,
    logLevel: e.LOG_LEVEL,
    reminders: e.REMINDERS,
    ...(e.CASEWORK_REMINDERS_FROM ? { caseworkRemindersFrom: e.CASEWORK_REMINDERS_FROM } : {}),
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    questionnaireLinkSecret: e.QUESTIONNAIRE_LINK_SECRET ?? LOCAL_LINK_SECRET,
    identity,
    graph: tenant
      ? { mode: "tenant", siteUrl: e.SHAREPOINT_SITE_URL ?? "", endpoint: e.GRAPH_ENDPOINT ?? PUBLIC_CLOUD.graphEndpoint }
      : { mode: "emulator", port: e.GRAPH_EMULATOR_PORT, siteUrl: LOCAL_SITE_URL, faults: emulatorFaults(e) },
    bot: {
      appId: e.BOT_ID,
      appPassword: e.BOT_PASSWORD,
      tenantId: e.BOT_TENANT_ID ?? e.ENTRA_TENANT_ID,
      appType: e.BOT_TYPE,
      endpoints: {
        openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
        tokenIssuer: e.BOT_TOKEN_ISSUER.replace(/\/+$/, ""),
        tokenEndpoint: e.BOT_TOKEN_ENDPOINT,
        oauthScope: e.BOT_OAUTH_SCOPE.replace(/\/+$/, ""),
      },
      ...(tenant ? { allowedTenantIds: identity.mode === "entra" ? identity.allowedTenantIds : [] } : {}),
      httpsServiceUrlOnly: tenant,
    },
    ...(e.TEAMS_APP_ID ? { teamsAppId: e.TEAMS_APP_ID } : {}),
  };
}
