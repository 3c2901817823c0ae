/** Shared by the KPI API tests: tokens, JSON calls, uploads, CSV building. */
import type { RunningApp } from "../../../src/server/app/start";
import { checkAnswer } from "../../support/api-contracts";
import { apiFor, tokensFor, type Json } from "../../support/api-client";

export type { Json } from "../../support/api-client";

export function client(app: RunningApp) {
  const token = tokensFor(app.url);
  const call = apiFor(app.url, token);
  const upload = async (upn: string, path: string, data: string | Buffer, contentType: string): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${app.url}${path}`, { method: "POST", headers: { Authorization: `Bearer ${await token(upn)}`, "Content-Type": contentType }, body: typeof data === "string" ? data : new Uint8Array(data) });
    const body = (await res.json()) as Json;
    checkAnswer("POST", path, res.status, body);
    return { status: res.status, body };
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
