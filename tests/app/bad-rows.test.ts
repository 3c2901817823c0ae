/**
 * One row of the People list that does not match its schema (a district typed "Dover") must not lock
 * everyone out: it is skipped, logged by item id, and /healthz carries a warning naming the list and
 * item, while every other person signs in as before.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import { apiFor, type Api } from "../support/api-client";
import type { RunningApp } from "../../src/server/app/start";

let app: RunningApp;
let api: Api;

onTestApp((running) => {
  app = running;
  api = apiFor(running.url);
});

describe("a bad row in the People list", () => {
  it("is skipped and reported; everyone else still signs in", async () => {
    const people = app.graph.stores.people;
    // As a person editing the list in SharePoint could: "Dover" is not a district slug.
    const raw = await app.graph.site.api.request<{ id: string }>("POST", `/sites/${people.siteId}/lists/${people.listId}/items`, {
      body: { fields: { Title: "New Lead", oid: "0b8f5a52-3c1e-4f57-9e0b-6a1d2c3b4e5f", upn: "new.lead@lift.local", displayName: "New Lead", role: "district_lead", districtSlug: "Dover", IdempotencyKey: "person:bad-row" } },
    });
    app.graph.people.invalidate();

    const me = await api("lead.dover@lift.local", "GET", "/api/me");
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain("Helen Marsh");

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; warnings?: string[] };
    expect(body.status).toBe("ok");
    expect(body.warnings).toEqual([expect.stringMatching(new RegExp(`People item ${raw.id}\\b`))]);
    expect(JSON.stringify(body)).not.toContain("New Lead");
  });
});
