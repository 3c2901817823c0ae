/**
 * The one place that talks to @microsoft/teams-js. Pages get a `TeamsHost`: either a connection to
 * the Teams (or other Microsoft 365) host, or a standalone stand-in when the page runs in a plain
 * browser tab. teams-js is loaded only when the page is framed, so a standalone page never fetches
 * the SDK or its valid-origins list.
 */
import type * as TeamsJs from "@microsoft/teams-js";

export type TeamsThemeName = "default" | "dark" | "contrast";

/** Where in Teams the page is shown (teams-js FrameContexts), or "standalone" outside Teams. */
export type FrameKind =
  | "standalone"
  | "content"
  | "sidePanel"
  | "meetingStage"
  | "stage"
  | "settings"
  | "remove"
  | "task"
  | "authentication"
  | "unknown";

/** What the host tells us about where the page is. Hints only: identity comes from the token. */
export interface HostContext {
  frameContext: FrameKind;
  hostName?: string;
  hostClientType?: string;
  locale?: string;
  entityId?: string;
  subPageId?: string;
  team?: { id?: string; groupId?: string; name?: string };
  channel?: { id: string; name?: string };
  chatId?: string;
  meetingId?: string;
  tenantId?: string;
  loginHint?: string;
}

export interface TeamsHost {
  /** True when app.initialize() succeeded, i.e. the page is hosted by Teams or another M365 host. */
  readonly inTeams: boolean;
  readonly context: HostContext;
  /** The host's theme when the page loaded (standalone: undefined). */
  readonly theme?: TeamsThemeName;
  /** Why the page runs standalone although it is framed (e.g. the host did not answer). */
  readonly fallbackReason?: string;
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
  /** Teams SSO token for our API (entra mode only). */
  getAuthToken(): Promise<string>;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  /** The SDK itself, for page-specific calls such as pages.config on the configuration page. */
  readonly sdk?: typeof TeamsJs;
}

export const TEAMS_INIT_TIMEOUT_MS = 2500;

const FRAME_KINDS: readonly FrameKind[] = [
  "content",
  "sidePanel",
  "meetingStage",
  "stage",
  "settings",
  "remove",
  "task",
  "authentication",
];

export function toThemeName(value: string | undefined): TeamsThemeName {
  return value === "dark" || value === "contrast" ? value : "default";
}

export function toHostContext(ctx: TeamsJs.app.Context): HostContext {
  const frame = ctx.page.frameContext as string | undefined;
  return {
    frameContext: FRAME_KINDS.includes(frame as FrameKind) ? (frame as FrameKind) : "unknown",
    hostName: ctx.app.host?.name,
    hostClientType: ctx.app.host?.clientType,
    locale: ctx.app.locale,
    entityId: ctx.page.id || undefined,
    subPageId: ctx.page.subPageId || undefined,
    team: ctx.team
      ? { id: ctx.team.internalId, groupId: ctx.team.groupId, name: ctx.team.displayName }
      : undefined,
    channel: ctx.channel ? { id: ctx.channel.id, name: ctx.channel.displayName } : undefined,
    chatId: ctx.chat?.id,
    meetingId: ctx.meeting?.id,
    tenantId: ctx.user?.tenant?.id,
    loginHint: ctx.user?.loginHint,
  };
}

function standaloneHost(fallbackReason?: string): TeamsHost {
  return {
    inTeams: false,
    context: { frameContext: "standalone" },
    fallbackReason,
    onThemeChange: () => undefined,
    getAuthToken: () => Promise.reject(new Error("Teams single sign-on is only available inside Microsoft Teams.")),
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
  };
}

function isTopWindow(): boolean {
  try {
    return window.top === window.self;
  } catch (error) {
    // A cross-origin parent can make `window.top` throw in some browsers: we are framed.
    console.debug("LIFT Hub: cannot read window.top, assuming framed", error);
    return false;
  }
}

function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

/**
 * Connect to the host. Top window ⇒ standalone without touching teams-js (app.initialize would only
 * reject). Framed ⇒ app.initialize() raced against a short timeout, because inside a non-Teams frame
 * it waits 60 s before failing; on timeout or error the page runs standalone.
 */
export async function connectToHost(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsHost> {
  if (isTopWindow()) return standaloneHost();

  let sdk: typeof TeamsJs;
  try {
    sdk = await import("@microsoft/teams-js");
  } catch (error) {
    console.warn("LIFT Hub: could not load the Teams SDK; running standalone", error);
    return standaloneHost("The Teams SDK could not be loaded.");
  }

  const init = sdk.app.initialize().then(() => "ready" as const);
  // If the race is lost, the SDK still rejects after its own 60 s timeout: record it, don't leak it.
  init.catch((error: unknown) => console.info("LIFT Hub: Teams host did not initialise", error));
  let outcome: "ready" | "timeout";
  try {
    outcome = await Promise.race([init, timeout(timeoutMs)]);
  } catch (error) {
    return standaloneHost(`The Teams host did not connect: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (outcome === "timeout") {
    return standaloneHost(`The Teams host did not answer within ${timeoutMs / 1000} seconds.`);
  }

  let context: TeamsJs.app.Context;
  try {
    context = await sdk.app.getContext();
  } catch (error) {
    console.warn("LIFT Hub: Teams initialised but getContext failed", error);
    return standaloneHost("Teams did not share the tab's context.");
  }

  return {
    inTeams: true,
    context: toHostContext(context),
    theme: toThemeName(context.app.theme),
    onThemeChange: (handler) => sdk.app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    getAuthToken: () => sdk.authentication.getAuthToken(),
    notifySuccess: () => {
      void sdk.app.notifySuccess();
    },
    notifyFailure: (message) => {
      void sdk.app.notifyFailure({ reason: sdk.app.FailedReason.Other, message });
    },
    sdk,
  };
}

const FRAME_LABELS: Record<FrameKind, string> = {
  standalone: "Standalone (outside Teams)",
  content: "Tab",
  sidePanel: "Meeting side panel",
  meetingStage: "Meeting stage",
  stage: "Stage view",
  settings: "Tab configuration",
  remove: "Tab removal",
  task: "Dialog",
  authentication: "Sign-in window",
  unknown: "Teams",
};

export function frameLabel(kind: FrameKind): string {
  return FRAME_LABELS[kind];
}
