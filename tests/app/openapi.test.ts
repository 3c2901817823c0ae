/**
 * GET /api/openapi.json lists every route the app mounts (found by walking express's router, so a
 * route added by hand without a contract fails here), and a bad path or query parameter answers 400
 * naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/server/app/start";
import { apiFor, type Api } from "../support/api-client";
import { ALL_ROUTES } from "../support/api-contracts";
import { startTestApp } from "../support/test-app";

const LEAD = "lead.dover@lift.local";

let app: RunningApp;
let api: Api;

beforeAll(async () => {
  app = await startTestApp();
  api = apiFor(app.url);
}, 180_000);
afterAll(async () => app?.stop());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

/** `METHOD /path` of every route mounted in the app, mount paths included. */
function mountedRoutes(stack: Layer[], prefix = ""): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path === "/" ? "" : layer.route.path}`;
      return Object.keys(layer.route.methods)
        .filter((m) => m !== "_all")
        .map((m) => `${m.toUpperCase()} ${path}`);
    }
    if (layer.handle?.stack) return mountedRoutes(layer.handle.stack, `${prefix}${layer.rawPath && layer.rawPath !== "/" ? layer.rawPath : ""}`);
    return [];
  });
}

const documented = (doc: { paths: Record<string, Record<string, unknown>> }) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`));

describe("GET /api/openapi.json", () => {
  it("needs a signed-in caller", async () => {
    expect((await fetch(`${app.url}/api/openapi.json`)).status).toBe(401);
  });

  it("lists every /api route the app mounts, and only those", async () => {
    const res = await api(LEAD, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const mounted = mountedRoutes((app.express as unknown as { router: { stack: Layer[] } }).router.stack)
      .filter((r) => r.split(" ")[1]?.startsWith("/api/"))
      // The Bot Framework's endpoint: its own protocol and tokens, not part of the JSON API.
      .filter((r) => r !== "POST /api/messages");
    expect(mounted.length).toBeGreaterThan(40);
    expect([...new Set(mounted)].sort()).toEqual(documented(res.body).sort());
    // The tests' own list of contracts (used to check answers) is the same set.
    expect(ALL_ROUTES.map((r) => `${r.contract.method} /api${r.contract.path}`).sort()).toEqual(documented(res.body).sort());
  });

  it("describes parameters, bodies, answers and the error shape", async () => {
    const doc = (await api(LEAD, "GET", "/api/openapi.json")).body;
    const list = doc.paths["/api/referrals"].get;
    expect(list.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "status", in: "query", required: false, schema: expect.objectContaining({ enum: expect.arrayContaining(["draft", "closed"]) }) })]));
    expect(list.responses["200"].content["application/json"].schema.properties.items.type).toBe("array");
    expect(list.responses["401"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ApiError" });
    const save = doc.paths["/api/kpi/returns/{district}/{year}/{term}"].put;
    expect(save.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(["path:district", "path:year", "path:term"]);
    expect(save.requestBody.content["application/json"].schema.required).toContain("values");
    expect(Object.keys(save.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "412"]));
    expect(doc.paths["/api/health"].get.security).toEqual([]);
    expect(doc.components.schemas.ApiError.properties.error.required).toEqual(expect.arrayContaining(["code", "message"]));
    expect(doc.paths["/api/kpi/import"].post.requestBody.content).toHaveProperty("text/csv");
  });
});

describe("bad path and query parameters", () => {
  it("answer 400 naming the parameter", async () => {
    const year = await api(LEAD, "GET", "/api/kpi/returns?year=2025");
    expect(year.status).toBe(400);
    expect(year.body.error.code).toBe("validation_failed");
    expect(Object.keys(year.body.error.fieldErrors)).toEqual(["year"]);
    const term = await api(LEAD, "GET", "/api/kpi/returns/dover/2025-26/7");
    expect(term.status).toBe(400);
    expect(Object.keys(term.body.error.fieldErrors)).toEqual(["term"]);
    const kind = await api(LEAD, "GET", "/api/lift-meetings?kind=weekly");
    expect(kind.status).toBe(400);
    expect(Object.keys(kind.body.error.fieldErrors)).toEqual(["kind"]);
  });

  it("an empty query value counts as absent", async () => {
    expect((await api(LEAD, "GET", "/api/lift-meetings?kind=&district=")).status).toBe(200);
  });
});
