/**
 * The Teams side of the teams-js postMessage protocol, as much of it as LIFT Hub's tabs use: what a
 * Teams host answers to each call a framed tab makes, and the messages a host sends on its own
 * (theme change, settings save). Pure: the host page (page/host-page.ts) owns the windows, the token
 * and the log. Message shapes: [teams-platform.md §6.4](../../docs/reference/teams-platform.md#64-tabs-the-local-teams-host).
 */

/** The frame contexts the local host can show a tab in (teams-js FrameContexts values). */
export const HOST_FRAMES = ["content", "sidePanel", "meetingStage", "settings"] as const;
export type HostFrame = (typeof HOST_FRAMES)[number];

export const HOST_THEMES = ["default", "dark", "contrast"] as const;
export type HostTheme = (typeof HOST_THEMES)[number];

/** teams-js ErrorCode values the host answers with. */
export const NOT_SUPPORTED_ON_PLATFORM = 100;
export const INTERNAL_ERROR = 500;

/** Who and where: what the host puts in the tab's context. */
export interface HostSession {
  frame: HostFrame;
  theme: HostTheme;
  /** The page's entity id (Teams: the static tab's entityId or the configured tab's). */
  entityId: string;
  user: { upn: string; displayName?: string; oid?: string; tenantId?: string };
  locale?: string;
}

/** A request from the tab: teams-js `sendMessageToParent` serialised (`uuid` travels as `uuidAsString`). */
export interface TabRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** The configuration a settings page hands over with `pages.config.setConfig`. */
export interface TabSettings {
  entityId?: string;
  contentUrl: string;
  websiteUrl?: string;
  suggestedDisplayName?: string;
  removeUrl?: string;
}

/** What the host does for the tab; the page supplies these (token from the local identity provider). */
export interface HostEffects {
  /** A token for the app's audience for the session's user (teams-js `authentication.getAuthToken`). */
  authToken(): Promise<string>;
  /** `settings.setValidityState`: whether the settings page's Save button is enabled. */
  validity(valid: boolean): void;
  /** `settings.setSettings`: the configuration the host would save for the tab. */
  settings(config: TabSettings): void;
  /** `settings.save.success` / `.failure`: the tab's answer to the host's save event. */
  saveOutcome(outcome: { ok: true } | { ok: false; reason: string }): void;
  /** `meeting.shareAppContentToStage`: the URL the tab wants on the meeting stage. */
  shareToStage(url: string): void;
}

/** Fixed identifiers of the pretend team, channel and meeting the host frames tabs in. */
export const DEMO_IDS = {
  tenantId: "00000000-0000-0000-0000-00000000000a",
  teamId: "19:lift-hub-team@thread.tacv2",
  teamName: "LIFT Hub (local Teams host)",
  groupId: "00000000-0000-0000-0000-0000000000b1",
  channelId: "19:lift-hub-general@thread.tacv2",
  channelName: "General",
  meetingId: "MCMxOTpsaWZ0LWh1Yi1tZWV0aW5nQHRocmVhZC52Mg==",
  chatId: "19:meeting_lift-hub-meeting@thread.v2",
} as const;

export function isTabRequest(data: unknown): data is TabRequest {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.id === "number" && typeof d.func === "string" && (d.args === undefined || Array.isArray(d.args));
}

/**
 * The runtime Teams announces at initialize: apiVersion 4 plus the capabilities our tabs use
 * (pages.config for the settings page, meeting for share to stage). teams-js refuses calls whose
 * capability is missing here.
 */
export function runtimeConfig(): Record<string, unknown> {
  return {
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      appEntity: {},
      dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
      meeting: {},
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      teams: { fullTrust: {} },
      teamsCore: {},
    },
  };
}

/** The context in the legacy shape teams-js expects from the host (it maps it to `app.Context`). */
export function legacyContext(session: HostSession): Record<string, unknown> {
  const inMeeting = session.frame === "sidePanel" || session.frame === "meetingStage";
  return {
    locale: session.locale ?? "en-GB",
    theme: session.theme,
    frameContext: session.frame,
    hostName: "Teams",
    hostClientType: "web",
    entityId: session.entityId,
    subEntityId: "",
    appSessionId: "lift-hub-local-teams-host",
    userObjectId: session.user.oid,
    userPrincipalName: session.user.upn,
    loginHint: session.user.upn,
    userDisplayName: session.user.displayName,
    tid: session.user.tenantId ?? DEMO_IDS.tenantId,
    ...(inMeeting
      ? { meetingId: DEMO_IDS.meetingId, chatId: DEMO_IDS.chatId }
      : {
          teamId: DEMO_IDS.teamId,
          teamName: DEMO_IDS.teamName,
          groupId: DEMO_IDS.groupId,
          channelId: DEMO_IDS.channelId,
          channelName: DEMO_IDS.channelName,
        }),
  };
}

function isTabSettings(value: unknown): value is TabSettings {
  return typeof value === "object" && value !== null && typeof (value as TabSettings).contentUrl === "string";
}

/**
 * The host's answer to one request: the response's `args`, or undefined for the one-way messages
 * (teams-js sends those without waiting, so Teams does not answer them either).
 */
export async function answer(request: TabRequest, session: HostSession, effects: HostEffects, sdkVersion = "2.0.0"): Promise<unknown[] | undefined> {
  const args = request.args ?? [];
  switch (request.func) {
    case "initialize":
      // [frame context, client type, runtime config (JSON), the SDK version the host supports].
      return [session.frame, "web", JSON.stringify(runtimeConfig()), typeof args[0] === "string" ? args[0] : sdkVersion];
    case "getContext":
      return [legacyContext(session)];
    case "authentication.getAuthToken":
      try {
        return [true, await effects.authToken()];
      } catch (error) {
        return [false, error instanceof Error ? error.message : String(error)];
      }
    case "settings.setValidityState":
      effects.validity(args[0] === true);
      return undefined;
    case "settings.setSettings":
      if (session.frame !== "settings") return [false, "setSettings is only allowed on the settings page."];
      if (!isTabSettings(args[0])) return [false, "The settings need a contentUrl."];
      effects.settings(args[0]);
      return [true];
    case "settings.save.success":
      effects.saveOutcome({ ok: true });
      return undefined;
    case "settings.save.failure":
      effects.saveOutcome({ ok: false, reason: typeof args[0] === "string" ? args[0] : "The tab refused to save." });
      return undefined;
    case "meeting.shareAppContentToStage":
      if (session.frame !== "sidePanel" && session.frame !== "meetingStage") {
        return [{ errorCode: NOT_SUPPORTED_ON_PLATFORM, message: "Share to stage needs the meeting side panel." }, false];
      }
      if (typeof args[0] !== "string") return [{ errorCode: INTERNAL_ERROR, message: "No URL to share." }, false];
      effects.shareToStage(args[0]);
      // Callback (error, result): no error, shared.
      return [null, true];
    case "meeting.getAppContentStageSharingCapabilities":
      return [null, { doesAppHaveSharePermission: true }];
    case "registerHandler":
    case "appInitialization.appLoaded":
    case "appInitialization.success":
    case "appInitialization.failure":
    case "appInitialization.expectedFailure":
      return undefined;
    default:
      return [{ errorCode: NOT_SUPPORTED_ON_PLATFORM, message: `The local Teams host does not implement ${request.func}.` }];
  }
}

/** A response to `request` (teams-js matches it by uuid, or by id for older versions). */
export function response(request: TabRequest, args: unknown[]): { id: number; uuidAsString?: string; args: unknown[] } {
  return { id: request.id, uuidAsString: request.uuidAsString, args };
}

/** A message the host starts (no id): teams-js calls its handler for `func` with `args`. */
export function hostMessage(func: "themeChange" | "settings.save" | "contextChange", args: unknown[]): { func: string; args: unknown[] } {
  return { func, args };
}

/** The funcs the log shows as calls the tab made (initialize first). */
export function describeRequest(request: TabRequest): string {
  const first = request.args?.[0];
  if (request.func === "settings.setSettings" && isTabSettings(first)) return `contentUrl ${first.contentUrl}`;
  if (request.func === "settings.setValidityState") return `valid: ${String(first)}`;
  if (request.func === "meeting.shareAppContentToStage" && typeof first === "string") return first;
  if (request.func === "registerHandler") return String(first);
  return "";
}
