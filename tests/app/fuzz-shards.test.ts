/**
 * `npm run fuzz -- --shards K`: the routes shared among K processes, each route sent by exactly one,
 * and their reports added up into one.
 */
import { describe, expect, it } from "vitest";
import { inShard, type FuzzReport } from "../../scripts/fuzz/run";
import { mergeReports } from "../../scripts/fuzz/shards";

const report = (routes: string[], counts: FuzzReport["total"], healthAfter = 200, failures: FuzzReport["failures"] = []): FuzzReport => ({
  seed: 7,
  perEndpoint: 10,
  routes: routes.map((route) => ({ route, counts })),
  total: { "2xx": counts["2xx"] * routes.length, "3xx": counts["3xx"] * routes.length, "4xx": counts["4xx"] * routes.length, "5xx": counts["5xx"] * routes.length },
  failures,
  healthAfter,
  requests: 10 * routes.length,
});

describe("fuzz shards", () => {
  it.each([1, 2, 3, 7])("gives each of 110 routes to exactly one of %i shards, and every shard some", (count) => {
    const owners = Array.from({ length: 110 }, (_, i) => Array.from({ length: count }, (_, index) => index).filter((index) => inShard(i, { index, count })));
    expect(owners.every((o) => o.length === 1)).toBe(true);
    for (let index = 0; index < count; index++) expect(owners.some((o) => o[0] === index)).toBe(true);
    expect(owners.every((_, i) => inShard(i, undefined))).toBe(true);
  });

  it("adds the shards' reports up: routes, counts, requests and failures, and the worst health", () => {
    const failure = { route: "POST /api/b", request: { method: "POST", url: "/api/b", as: "x" }, status: 500, problem: "server error" };
    const merged = mergeReports([report(["GET /api/a", "GET /api/c"], { "2xx": 6, "3xx": 0, "4xx": 4, "5xx": 0 }), report(["POST /api/b"], { "2xx": 1, "3xx": 0, "4xx": 8, "5xx": 1 }, 503, [failure])]);
    expect(merged.routes.map((r) => r.route)).toEqual(["GET /api/a", "GET /api/c", "POST /api/b"]);
    expect(merged.total).toEqual({ "2xx": 13, "3xx": 0, "4xx": 16, "5xx": 1 });
    expect(merged.requests).toBe(30);
    expect(merged.failures).toEqual([failure]);
    expect(merged.healthAfter).toBe(503);
    expect(mergeReports([report(["GET /api/a"], { "2xx": 10, "3xx": 0, "4xx": 0, "5xx": 0 })]).healthAfter).toBe(200);
    expect(() => mergeReports([])).toThrow(/No shard reports/);
  });
});
