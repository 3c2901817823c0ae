/**
 * Smaller hardening of the API's answers: identity by object id only, `Cache-Control: no-store` on
 * every /api answer, and error answers that carry a code and message but never an upstream
 * service's text or records.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import type { RunningApp } from "../../src/server/app/start";
import { AppError } from "../../src/errors";
import { toApiError } from "../../src/server/app/http-errors";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { toAppError } from "../../src/graph/graph-api";

let app: RunningApp;

onTestApp((running) => {
  app = running;
});

describe("API answers", () => {
  it("a token whose object id is unknown is refused even when its UPN matches someone", async () => {
    const known = await app.graph.people.byOid("b11bc9f2-df69-50f8-aac7-fed91b6aeb27");
    expect(known).toBeDefined();
    const token = await app.identity.localProvider!.issue({ ...known!, oid: "11111111-2222-4333-8444-555555555555" });
    const res = await fetch(`${app.url}/api/me`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unknown_user");
  });

  it("every /api answer says Cache-Control: no-store, errors included", async () => {
    for (const path of ["/api/health", "/api/me", "/api/no-such-route"]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
  });

  it("a 5xx answer carries a code and a plain message, not the upstream service's text or detail", () => {
    const err = new AppError("upstream_failed", "Reading Referrals item 7: 500 generalException Child Alfie Smith row locked", { detail: { status: 500, message: "Child Alfie Smith row locked" } });
    const body = toApiError(err);
    expect(body.error.code).toBe("upstream_failed");
    expect(JSON.stringify(body)).not.toMatch(/Alfie|generalException|Referrals item/);
    expect(body.error.detail).toBeUndefined();
    // 4xx answers keep their message and detail: they are written for the caller.
    expect(toApiError(new AppError("conflict", "That meeting is full", { detail: { refusal: "full" } })).error).toEqual({ code: "conflict", message: "That meeting is full", detail: { refusal: "full" } });
  });

  it("a 412 from the list store carries the current eTag, never the stored item", async () => {
    const people = app.graph.stores.people;
    const [first] = await people.all();
    expect(first).toBeDefined();
    const changed = await people.update(first!.id, {}, { eTag: first!.eTag });
    const err = await people.update(first!.id, {}, { eTag: first!.eTag }).catch((e: unknown) => e);
    expect(AppError.isAppError(err) && err.code).toBe("precondition_failed");
    const body = toApiError(err as AppError);
    expect(body.error.detail).toEqual({ eTag: changed.eTag });
    expect(JSON.stringify(body)).not.toContain(String(Object.values(first!.value).find((v) => typeof v === "string" && v.length > 3)));
  });

  it("a Graph refusal passed on as a 4xx answers with our message, not Graph's text or detail", () => {
    for (const status of [400, 404, 409, 412, 429]) {
      const graph = new GraphError(status, "Column 'ChildLegalName' in list 'Referrals' rejected value 'Alfie Smith'");
      graph.code = "invalidRequest";
      graph.requestId = "req-123";
      const body = toApiError(toAppError(graph, "Updating Referrals item 7"));
      expect(body.error.code).not.toBe("");
      expect(JSON.stringify(body), String(status)).not.toMatch(/Alfie|ChildLegalName|invalidRequest|req-123|Referrals item/);
      expect(body.error.detail).toBeUndefined();
    }
  });
});
