/** Shared by the KPI API tests: tokens, JSON calls, uploads, CSV building. */
import type { RunningApp } from "../../src/server/start";

/** The API's answers, loosely typed: the tests read only the fields they check. */
export type Json = any;

export function client(app: RunningApp) {
  const tokens = new Map<string, string>();
  const token = async (upn: string) => {
    const cached = tokens.get(upn);
    if (cached) return cached;
    const res = await fetch(`${app.url}/auth/local/token?as=${encodeURIComponent(upn)}`);
    if (res.status !== 200) throw new Error(`No token for ${upn}: HTTP ${res.status}`);
    const t = ((await res.json()) as { access_token: string }).access_token;
    tokens.set(upn, t);
    return t;
  };
  const call = async (upn: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(upn)}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
  };
  const upload = async (upn: string, path: string, data: string | Buffer, contentType: string): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${app.url}${path}`, { method: "POST", headers: { Authorization: `Bearer ${await token(upn)}`, "Content-Type": contentType }, body: typeof data === "string" ? data : new Uint8Array(data) });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const download = async (upn: string, path: string): Promise<{ status: number; type: string; data: Buffer }> => {
    const res = await fetch(`${app.url}${path}`, { headers: { Authorization: `Bearer ${await token(upn)}` } });
    return { status: res.status, type: res.headers.get("content-type") ?? "", data: Buffer.from(await res.arrayBuffer()) };
  };
  return { call, upload, download };
}

export function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((r) => r.map((c) => (c === null ? "" : String(c))).join(",")).join("\r\n") + "\r\n";
}
