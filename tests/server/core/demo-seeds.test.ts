import { describe, expect, it } from "vitest";
import type { ListStore } from "../../../src/graph/list-store";
import type { DemoSeedsList } from "../../../src/server/core/lists";
import { runDemoSeeds, type DemoSeedStep } from "../../../src/server/core/demo-seeds";

/** The two calls runDemoSeeds makes, over a map of markers by idempotency key. */
function markerStore(keys = new Map<string, unknown>()) {
  const store = {
    findByKey: async (key: string) => (keys.has(key) ? { id: key, eTag: "1", value: keys.get(key) } : undefined),
    create: async (value: unknown, { idempotencyKey }: { idempotencyKey: string }) => {
      keys.set(idempotencyKey, value);
      return { id: idempotencyKey, eTag: "1", value };
    },
  };
  return { keys, store: store as unknown as ListStore<typeof DemoSeedsList.schema> };
}

const now = () => new Date("2026-11-24T09:00:00Z");

function steps(ran: string[], fail?: string): DemoSeedStep[] {
  return ["a", "b", "c"].map((feature) => ({
    feature,
    version: 1,
    seed: async () => {
      if (feature === fail) throw new Error(`${feature} failed`);
      ran.push(feature);
      return [`${feature} seeded`];
    },
  }));
}

describe("demo seeds run once", () => {
  it("runs every seed on a fresh site and skips them all the next time, the same day", async () => {
    const { store, keys } = markerStore();
    const first: string[] = [];
    expect(await runDemoSeeds(store, steps(first), "2026-11-24", now)).toEqual(["a seeded", "b seeded", "c seeded"]);
    expect(first).toEqual(["a", "b", "c"]);
    expect(keys.size).toBe(3);
    const second: string[] = [];
    await runDemoSeeds(store, steps(second), "2026-11-24", now);
    expect(second).toEqual([]);
  });

  it("checks again on a new day and when a feature's version is raised", async () => {
    const { store } = markerStore();
    await runDemoSeeds(store, steps([]), "2026-11-24", now);
    const nextDay: string[] = [];
    await runDemoSeeds(store, steps(nextDay), "2026-11-25", now);
    expect(nextDay).toEqual(["a", "b", "c"]);
    const raised: string[] = [];
    await runDemoSeeds(store, steps(raised).map((s) => (s.feature === "b" ? { ...s, version: 2 } : s)), "2026-11-25", now);
    // b changed, and c builds on b's data: both run, a is skipped.
    expect(raised).toEqual(["b", "c"]);
  });

  it("leaves no marker for a seed that stopped, so the next start completes it", async () => {
    const { store } = markerStore();
    await expect(runDemoSeeds(store, steps([], "b"), "2026-11-24", now)).rejects.toThrow(/b failed/);
    const after: string[] = [];
    await runDemoSeeds(store, steps(after), "2026-11-24", now);
    expect(after).toEqual(["b", "c"]);
  });
});
