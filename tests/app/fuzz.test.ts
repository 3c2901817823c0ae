/**
 * The fuzz command with a small N: every API route gets generated requests as each demo role; none
 * may answer 5xx, the app must stay healthy, and no refused request may change a record. The
 * command itself (npm run fuzz -- --per-endpoint N) runs the same thing at any size.
 */
import { describe, expect, it } from "vitest";
import { runFuzz } from "../../scripts/fuzz/run";
import { RecordWatch } from "../../scripts/fuzz/record-watch";
import { ALL_ROUTES } from "../support/api-contracts";
import { startTestApp } from "../support/test-app";
import { openListStore } from "../../src/graph/site";
import { KpiSummaryList } from "../../src/server/features/kpi/lists";

describe("npm run fuzz", () => {
  it("sends every route generated requests: no 5xx, healthy after, nothing changed by a refused request", async () => {
    const report = await runFuzz({ perEndpoint: 4, seed: 20261203 });
    expect(report.failures).toEqual([]);
    expect(report.total["5xx"]).toBe(0);
    expect(report.healthAfter).toBe(200);
    // Every contract was reached, each with its share of requests, and most were refused.
    expect(report.routes.length).toBe(ALL_ROUTES.length);
    for (const r of report.routes) expect(Object.values(r.counts).reduce((a, b) => a + b, 0), r.route).toBe(4);
    expect(report.total["4xx"]).toBeGreaterThan(0);
    expect(report.total["2xx"]).toBeGreaterThan(0);
  }, 300_000);

  it.each([
    ["every list's delta", false],
    ["the deltas of the lists whose change counter moved", true],
  ])("its record check, through %s, sees a changed item and a deleted one, and leaves out audit entries and the summary the app derives", async (_, gated) => {
    const app = await startTestApp();
    try {
      const localGraph = app.localGraph;
      expect(localGraph).toBeDefined();
      const watch = new RecordWatch(app.graph.site.api, app.graph.site.siteId, gated ? () => localGraph!.changeCounters() : undefined);
      await watch.start();
      expect(await watch.changes()).toEqual([]);
      const [person] = await app.graph.stores.people.all();
      await app.graph.stores.people.update(person!.id, {});
      const [district] = await app.graph.stores.districts.all();
      await app.graph.stores.districts.delete(district!.id);
      await app.context.audit.record({ oid: String(person!.value.oid) }, { action: "test.read", listTitle: "People" });
      // The background refresh rewrites the summary list from the returns and districts: not any request's doing.
      const summary = await openListStore(app.context.site, KpiSummaryList);
      const [summaryItem] = await summary.all();
      await summary.update(summaryItem!.id, {});
      const changes = await watch.changes();
      expect(changes.map((c) => c.list)).not.toContain(KpiSummaryList.title);
      expect(changes).toEqual(
        expect.arrayContaining([
          { list: "People", id: person!.id, deleted: false },
          { list: "Districts", id: district!.id, deleted: true },
        ]),
      );
      expect((await watch.changes()).length).toBe(0);
      expect((await summary.get(summaryItem!.id)).eTag, "the summary item was rewritten").not.toBe(summaryItem!.eTag);
    } finally {
      await app.stop();
    }
  });
});
