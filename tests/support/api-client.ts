/**
 * Calls to the app's API as a demo user, for tests: local-mode bearer tokens and JSON in and out.
 * Every 2xx answer is checked against its route's response schema (api-contracts.ts), so each API
 * test also checks the contract.
 */
import { checkAnswer } from "./api-contracts";

/** The API's answers, loosely typed: tests read only the fields they check. */
export type Json = any;
export type ApiAnswer = { status: number; body: Json };
export type Api = (upn: string, method: string, path: string, body?: unknown) => Promise<ApiAnswer>;

/** A demo user's bearer token for one app, fetched once per user (each app signs its own). */
export function tokensFor(appUrl: string): (upn: string) => Promise<string> {
  const tokens = new Map<string, string>();
  return async (upn) => {
    const cached = tokens.get(upn);
    if (cached) return cached;
    const res = await fetch(`${appUrl}/auth/local/token?as=${encodeURIComponent(upn)}`);
    if (res.status !== 200) throw new Error(`No token for ${upn}: HTTP ${res.status}`);
    const token = ((await res.json()) as { access_token: string }).access_token;
    tokens.set(upn, token);
    return token;
  };
}

/**
 * `api(upn, method, path, body?)` against the app at `appUrl`. An object body goes as JSON; a string
 * goes as it is, so tests can send malformed JSON. The answer's body is parsed when it is JSON, the
 * text otherwise, and undefined when empty. A 2xx answer that breaks its route's contract throws.
 */
export function apiFor(appUrl: string, token = tokensFor(appUrl)): Api {
  return async (upn, method, path, body) => {
    const res = await fetch(`${appUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(upn)}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const answer = text === "" ? undefined : res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    if (res.headers.get("content-type")?.includes("json") || answer === undefined) checkAnswer(method, path, res.status, answer);
    return { status: res.status, body: answer };
  };
}
