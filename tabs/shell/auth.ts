/**
 * Sign-in for tab pages (GET /auth/config decides how):
 * - local mode: the user is named by `?as=<sign-in name>` (remembered in sessionStorage for this
 *   browser tab so moving between pages keeps it) and the token comes from GET /auth/local/token;
 *   with no name the page shows a picker of demo users.
 * - entra mode: Teams SSO, `authentication.getAuthToken()`; outside Teams there is no sign-in.
 * Inside a Teams host (real Teams, or `npm run teams-host` in local mode) it is always Teams SSO.
 */
import { requestJson, type TokenSource } from "./api";
import type { TeamsHost } from "./teams";

export interface DemoUser {
  upn: string;
  displayName: string;
  roleLabel: string;
}

export interface AuthConfig {
  mode: "local" | "entra";
  clientId?: string;
  demoUsers?: DemoUser[];
}

interface LocalTokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

export type SignIn =
  | { kind: "token"; mode: "local" | "entra"; getToken: TokenSource }
  | { kind: "choose-user"; demoUsers: DemoUser[] }
  | { kind: "needs-teams" };

export const SIGN_IN_AS_KEY = "liftHub.signInAs";

function readStorage(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch (error) {
    console.debug("LIFT Hub: sessionStorage unavailable", error);
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch (error) {
    console.debug("LIFT Hub: sessionStorage unavailable", error);
  }
}

/** The demo user named by `?as=` or, failing that, remembered for this browser tab. */
export function localSignInName(search: string): string | undefined {
  const fromQuery = new URLSearchParams(search).get("as")?.trim();
  if (fromQuery) return fromQuery;
  return readStorage(SIGN_IN_AS_KEY)?.trim() || undefined;
}

/** This page's URL signed in as `upn` (other query parameters such as `theme` are kept). */
export function signInHref(upn: string, location: Pick<Location, "pathname" | "search" | "hash"> = window.location): string {
  const params = new URLSearchParams(location.search);
  params.set("as", upn);
  return `${location.pathname}?${params.toString()}${location.hash}`;
}

/** Forget the local demo user and return to the picker. */
export function switchUser(): void {
  writeStorage(SIGN_IN_AS_KEY, null);
  const params = new URLSearchParams(window.location.search);
  params.delete("as");
  const query = params.toString();
  window.location.assign(`${window.location.pathname}${query ? `?${query}` : ""}`);
}

export function getAuthConfig(): Promise<AuthConfig> {
  return requestJson<AuthConfig>("/auth/config");
}

/** A token source for a local demo user: fetched once, refreshed a minute before it expires. */
export function localTokenSource(upn: string): TokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return async () => {
    if (cached && Date.now() < cached.expiresAt) return cached.token;
    pending ??= requestJson<LocalTokenResponse>(`/auth/local/token?as=${encodeURIComponent(upn)}`, { cache: "no-store" })
      .then((t) => {
        cached = { token: t.access_token, expiresAt: Date.now() + Math.max(0, t.expires_in - 60) * 1000 };
        return t.access_token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

export async function beginSignIn(host: TeamsHost, config: AuthConfig): Promise<SignIn> {
  // Inside a Teams host the host says who is signed in, in either mode: its SSO token (the local
  // Teams host hands out the local identity provider's), never a `?as=` name or a remembered one.
  if (host.inTeams) return { kind: "token", mode: config.mode, getToken: () => host.getAuthToken() };
  if (config.mode === "entra") return { kind: "needs-teams" };
  const upn = localSignInName(window.location.search);
  if (!upn) return { kind: "choose-user", demoUsers: config.demoUsers ?? [] };
  const getToken = localTokenSource(upn);
  try {
    await getToken();
  } catch (error) {
    // An unknown name must not stick to the browser tab.
    writeStorage(SIGN_IN_AS_KEY, null);
    throw error;
  }
  writeStorage(SIGN_IN_AS_KEY, upn);
  return { kind: "token", mode: "local", getToken };
}
