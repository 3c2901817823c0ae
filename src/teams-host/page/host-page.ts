/**
 * The local Teams host's page (bundled by src/teams-host/server.ts, never part of the app): frames a
 * tab page in the chosen frame context, answers its teams-js calls with protocol.ts and lists them.
 * The tab's token comes from getAuthToken, which this page gets from its own server (which asks the
 * app's local identity provider), so the tab itself never signs in with `?as=`.
 */
import {
  HOST_FRAMES,
  HOST_THEMES,
  answer,
  describeRequest,
  hostMessage,
  isTabRequest,
  response,
  type HostEffects,
  type HostFrame,
  type HostSession,
  type HostTheme,
  type TabSettings,
} from "../protocol";

interface HostInfo {
  appUrl: string;
  pages: { slug: string; title: string }[];
  users: { upn: string; displayName: string; roleLabel: string }[];
  error?: string;
}

interface Token {
  access_token: string;
  expires_in: number;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The host page has no #${id}.`);
  return found as T;
}

const ui = {
  form: element<HTMLFormElement>("choices"),
  tab: element<HTMLSelectElement>("tab"),
  query: element<HTMLInputElement>("query"),
  user: element<HTMLSelectElement>("user"),
  frame: element<HTMLSelectElement>("frame"),
  theme: element<HTMLSelectElement>("theme"),
  status: element<HTMLParagraphElement>("status"),
  stage: element<HTMLElement>("stage"),
  iframe: element<HTMLIFrameElement>("tab-frame"),
  settingsBar: element<HTMLDivElement>("settings-bar"),
  settingsSave: element<HTMLButtonElement>("settings-save"),
  savedUrl: element<HTMLOutputElement>("saved-content-url"),
  stageBar: element<HTMLDivElement>("stage-bar"),
  sharedUrl: element<HTMLOutputElement>("shared-url"),
  openStage: element<HTMLButtonElement>("open-stage"),
  log: element<HTMLOListElement>("host-log"),
  clearLog: element<HTMLButtonElement>("clear-log"),
};

let info: HostInfo;
let session: HostSession | undefined;
let pendingSettings: TabSettings | undefined;
const tokens = new Map<string, { token: string; expiresAt: number }>();

function log(direction: "tab" | "host", func: string, detail = "", outcome: "ok" | "error" = "ok"): void {
  const item = document.createElement("li");
  item.dataset.direction = direction;
  item.dataset.func = func;
  item.dataset.outcome = outcome;
  item.textContent = `${direction === "tab" ? "tab → host" : "host → tab"} ${func}${detail ? `: ${detail}` : ""}`;
  ui.log.append(item);
  item.scrollIntoView({ block: "nearest" });
}

function claims(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(json) as Record<string, unknown>;
}

/** A token for the app's audience for `upn`, from the app's local identity provider via our server. */
async function tokenFor(upn: string): Promise<string> {
  const cached = tokens.get(upn);
  if (cached && Date.now() < cached.expiresAt) return cached.token;
  const res = await fetch(`/api/token?user=${encodeURIComponent(upn)}`, { cache: "no-store" });
  const body = (await res.json()) as Token | { error: { message: string } };
  if (!res.ok || !("access_token" in body)) {
    throw new Error("error" in body ? body.error.message : `The host could not get a token (HTTP ${res.status}).`);
  }
  tokens.set(upn, { token: body.access_token, expiresAt: Date.now() + Math.max(0, body.expires_in - 60) * 1000 });
  return body.access_token;
}

const effects: HostEffects = {
  authToken: async () => {
    if (!session) throw new Error("No one is signed in to the host.");
    return tokenFor(session.user.upn);
  },
  validity: (valid) => {
    ui.settingsSave.disabled = !valid;
  },
  settings: (config) => {
    pendingSettings = config;
  },
  saveOutcome: (outcome) => {
    if (outcome.ok && pendingSettings) {
      ui.savedUrl.value = pendingSettings.contentUrl;
      ui.savedUrl.dataset.name = pendingSettings.suggestedDisplayName ?? "";
      ui.status.textContent = `Saved the tab "${pendingSettings.suggestedDisplayName ?? ""}": ${pendingSettings.contentUrl}`;
    } else {
      ui.status.textContent = outcome.ok ? "The tab said it saved, but gave no settings." : `The tab did not save: ${outcome.reason}`;
    }
  },
  shareToStage: (url) => {
    ui.sharedUrl.value = url;
    ui.stageBar.hidden = false;
  },
};

function appOrigin(): string {
  return new URL(info.appUrl).origin;
}

async function onMessage(event: MessageEvent): Promise<void> {
  // Only the framed tab talks to us, and only from the app's origin (Teams checks the same).
  if (event.source !== ui.iframe.contentWindow || event.origin !== appOrigin()) return;
  if (!isTabRequest(event.data) || !session) return;
  const request = event.data;
  log("tab", request.func, describeRequest(request));
  const args = await answer(request, session, effects);
  if (!args) return;
  const failed =
    (request.func === "authentication.getAuthToken" && args[0] === false) ||
    (typeof args[0] === "object" && args[0] !== null && "errorCode" in args[0]);
  if (failed) log("host", `${request.func} failed`, JSON.stringify(args), "error");
  ui.iframe.contentWindow?.postMessage(response(request, args), appOrigin());
}

function option(select: HTMLSelectElement, value: string, label: string): void {
  const opt = document.createElement("option");
  opt.value = value;
  opt.textContent = label;
  select.append(opt);
}

function choose(select: HTMLSelectElement, value: string | null): void {
  if (value && [...select.options].some((o) => o.value === value)) select.value = value;
}

function tabUrl(slug: string, query: string): string {
  const url = new URL(`/tabs/${slug}`, info.appUrl);
  url.search = query.replace(/^\?/, "");
  // The point of the host: the tab signs in through Teams, never by naming a demo user.
  url.searchParams.delete("as");
  return url.toString();
}

/** Frame `url` in the chosen frame context as the chosen user. */
async function open(url: string, frame: HostFrame): Promise<void> {
  if (new URL(url).origin !== appOrigin()) {
    ui.status.textContent = `Not opened: ${url} is not a page of the app (${appOrigin()}).`;
    return;
  }
  const upn = ui.user.value;
  const theme = ui.theme.value as HostTheme;
  ui.stage.dataset.frame = frame;
  ui.settingsBar.hidden = frame !== "settings";
  ui.settingsSave.disabled = true;
  ui.savedUrl.value = "";
  pendingSettings = undefined;
  ui.stageBar.hidden = true;
  ui.status.textContent = `Signing in ${upn}…`;
  let tokenClaims: Record<string, unknown>;
  try {
    tokenClaims = claims(await tokenFor(upn));
  } catch (error) {
    ui.status.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  const slug = new URL(url).pathname.split("/")[2] ?? "";
  session = {
    frame,
    theme,
    entityId: frame === "settings" ? "" : slug,
    user: {
      upn,
      displayName: typeof tokenClaims.name === "string" ? tokenClaims.name : undefined,
      oid: typeof tokenClaims.oid === "string" ? tokenClaims.oid : undefined,
      tenantId: typeof tokenClaims.tid === "string" ? tokenClaims.tid : undefined,
    },
  };
  log("host", "load", `${frame} ${url}`);
  ui.status.textContent = `${frame}: ${url}`;
  ui.iframe.src = url;
}

function rememberChoices(): void {
  const params = new URLSearchParams({ tab: ui.tab.value, user: ui.user.value, frame: ui.frame.value, theme: ui.theme.value });
  if (ui.query.value) params.set("query", ui.query.value);
  history.replaceState(null, "", `?${params.toString()}`);
}

async function start(): Promise<void> {
  info = (await (await fetch("/api/host")).json()) as HostInfo;
  for (const p of info.pages) option(ui.tab, p.slug, `${p.title} (/tabs/${p.slug})`);
  for (const u of info.users) option(ui.user, u.upn, `${u.displayName} · ${u.roleLabel}`);
  for (const f of HOST_FRAMES) option(ui.frame, f, f);
  for (const t of HOST_THEMES) option(ui.theme, t, t);
  if (info.error) ui.status.textContent = info.error;

  const params = new URLSearchParams(location.search);
  choose(ui.tab, params.get("tab"));
  choose(ui.user, params.get("user"));
  choose(ui.frame, params.get("frame"));
  choose(ui.theme, params.get("theme"));
  ui.query.value = params.get("query") ?? "";

  window.addEventListener("message", (event) => void onMessage(event));
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    rememberChoices();
    void open(tabUrl(ui.tab.value, ui.query.value), ui.frame.value as HostFrame);
  });
  ui.theme.addEventListener("change", () => {
    rememberChoices();
    if (!session) return;
    session.theme = ui.theme.value as HostTheme;
    log("host", "themeChange", session.theme);
    ui.iframe.contentWindow?.postMessage(hostMessage("themeChange", [session.theme]), appOrigin());
  });
  ui.settingsSave.addEventListener("click", () => {
    log("host", "settings.save");
    ui.iframe.contentWindow?.postMessage(hostMessage("settings.save", [{}]), appOrigin());
  });
  ui.openStage.addEventListener("click", () => {
    ui.frame.value = "meetingStage";
    rememberChoices();
    void open(ui.sharedUrl.value, "meetingStage");
  });
  ui.clearLog.addEventListener("click", () => ui.log.replaceChildren());

  // Opened with choices in the address (as the start-up banner prints): frame the tab at once.
  if (params.get("tab") && params.get("user")) ui.form.requestSubmit();
}

void start().catch((error: unknown) => {
  ui.status.textContent = `The host did not start: ${error instanceof Error ? error.message : String(error)}`;
});
