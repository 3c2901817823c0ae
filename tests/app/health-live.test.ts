/**
 * /healthz asks SharePoint each time, with a short timeout: a site that stopped answering shows at
 * once (503, "degraded"), never a cached "ok" from minutes before.
 */
import { describe, expect, it } from "vitest";
import { onTestApp } from "../support/test-app";
import type { RunningApp } from "../../src/server/app/start";

let app: RunningApp;

onTestApp((running) => {
  app = running;
});

async function healthz(): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }> {
  const res = await fetch(`${app.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
}

describe("/healthz", () => {
  it("reports SharePoint as it is now: failing, hanging past the timeout, and back again", async () => {
    expect(await healthz()).toMatchObject({ status: 200, body: { status: "ok", checks: { graph: "ok" } } });
    const api = app.graph.site.api;
    const once = api.once.bind(api);
    try {
      api.once = (() => Promise.reject(new Error("connect ECONNREFUSED"))) as typeof api.once;
      const failing = await healthz();
      expect(failing.status).toBe(503);
      expect(failing.body.status).toBe("degraded");
      expect(failing.body.checks.graph).not.toBe("ok");
      // A site that never answers: the check gives up after its timeout instead of hanging the probe.
      api.once = (() => new Promise(() => undefined)) as typeof api.once;
      expect((await healthz()).status).toBe(503);
    } finally {
      api.once = once;
    }
    expect((await healthz()).status).toBe(200);
  }, 30_000);
});
