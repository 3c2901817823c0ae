/**
 * Nothing lost, nothing twice ([principle 5](../../docs/reference/architecture.md#5-nothing-lost-nothing-twice)) under throttling: the emulator answers 20% of
 * requests (and of `$batch` sub-requests) with 429 or 503 and Retry-After. 1,000 creates and 1,000
 * updates through the store must end with exactly the expected items. The retry policy caps each
 * wait at a few milliseconds so the test does not sleep for the Retry-After seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphError } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { GraphApi } from "../../src/graph/graph-api";
import { defineList } from "../../src/graph/list-definition";
import { ListStore, type Item } from "../../src/graph/list-store";
import { provisionSite } from "../../src/graph/provision";
import { openListStore } from "../../src/graph/site";
import { startSite, type TestSite } from "./support";

const Entry = z.object({ ref: z.string().max(20), amount: z.number().int(), status: z.enum(["new", "done"]) });
const EntriesList = defineList({
  title: "Entries",
  description: "reliability test",
  schema: Entry,
  itemTitle: (e) => e.ref,
  indexed: ["ref"],
  unique: ["ref"],
});

const TOTAL = 1000;
const ref = (i: number) => `E-${String(i).padStart(4, "0")}`;

/** Runs `fn` over the inputs with at most `limit` in flight. */
async function pool<T, R>(inputs: readonly T[], limit: number, fn: (input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < inputs.length) {
        const i = next++;
        out[i] = await fn(inputs[i] as T);
      }
    }),
  );
  return out;
}

async function expectExactly(store: ListStore<typeof Entry>, expected: (i: number) => z.infer<typeof Entry>): Promise<void> {
  const all = await store.all({ pageSize: 500 });
  const byRef = new Map<string, Item<z.infer<typeof Entry>>[]>();
  for (const item of all) byRef.set(item.value.ref, [...(byRef.get(item.value.ref) ?? []), item]);
  expect(all).toHaveLength(TOTAL); // none doubled
  for (let i = 0; i < TOTAL; i++) {
    const found = byRef.get(ref(i)) ?? [];
    expect(found, ref(i)).toHaveLength(1); // none lost
    expect(found[0]?.value).toEqual(expected(i));
  }
}

describe("reliability under injected 429/503", () => {
  let site: TestSite;
  let store: ListStore<typeof Entry>;
  const throttled: string[] = [];

  beforeAll(async () => {
    site = await startSite({
      faults: { faultRate: 0.2, faultStatus: "mixed", retryAfterSeconds: 1 },
      // Retry-After is 1 s; the cap keeps each wait at ≤ 5 ms. 12 attempts at 20% failure leave a
      // 4·10⁻⁹ chance per request of running out.
      retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 5 },
      log: (line) => {
        if (/ (429|503) /.test(line)) throttled.push(line);
      },
    });
    await provisionSite(site.api, site.siteId, [EntriesList]);
    store = await openListStore(site, EntriesList);
  });
  afterAll(async () => site?.stop());

  it("1,000 creates and 1,000 updates end with exactly the expected items", async () => {
    // 500 single creates, 8 at a time, and 500 through $batch.
    const single = await pool(Array.from({ length: 500 }, (_, i) => i), 8, (i) =>
      store.create({ ref: ref(i), amount: i, status: "new" }, { idempotencyKey: `create-${i}` }),
    );
    const batched = await store.createMany(
      Array.from({ length: 500 }, (_, k) => ({ value: { ref: ref(500 + k), amount: 500 + k, status: "new" as const }, idempotencyKey: `create-${500 + k}` })),
    );
    const created = [...single, ...batched];
    expect(created.map((c) => c.value.ref)).toEqual(Array.from({ length: TOTAL }, (_, i) => ref(i)));
    await expectExactly(store, (i) => ({ ref: ref(i), amount: i, status: "new" }));

    // A client that lost every answer and sends all creates again doubles nothing.
    const again = await store.createMany(
      Array.from({ length: TOTAL }, (_, i) => ({ value: { ref: ref(i), amount: i, status: "new" as const }, idempotencyKey: `create-${i}` })),
    );
    expect(again.map((a) => a.id)).toEqual(created.map((c) => c.id));

    // 500 single updates with the eTag from the create, 500 through $batch.
    await pool(created.slice(0, 500), 8, (c) => store.update(c.id, { amount: c.value.amount * 10, status: "done" }, { eTag: c.eTag }));
    await store.updateMany(created.slice(500).map((c) => ({ id: c.id, eTag: c.eTag, value: { ...c.value, amount: c.value.amount * 10, status: "done" as const } })));
    await expectExactly(store, (i) => ({ ref: ref(i), amount: i * 10, status: "done" }));

    // The faults really happened, at roughly the configured rate, in both 429 and 503 flavours.
    expect(throttled.length).toBeGreaterThan(50);
    expect(throttled.some((l) => l.includes(" 429 "))).toBe(true);
    expect(throttled.some((l) => l.includes(" 503 "))).toBe(true);
  }, 90_000);
});

/**
 * The harder case: the service applied the write but the answer was lost ([§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do), "a create that
 * timed out or failed with 503/504 may have been applied"). This API drops 15% of successful
 * answers and reports 503 instead, so the store retries writes that already happened.
 */
class LossyGraphApi extends GraphApi {
  lost = 0;
  private n = 0;
  override async once<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<T> {
    const result = await super.once<T>(method, path, options);
    // Deterministic: every 7th write's answer is lost.
    if (method !== "GET" && ++this.n % 7 === 0) {
      this.lost++;
      const e = new GraphError(503, "The answer was lost on the way back");
      e.headers = new Headers({ "Retry-After": "0" });
      throw e;
    }
    return result;
  }
}

describe("reliability when answers are lost after the write was applied", () => {
  it("retried creates, updates and deletes neither double nor fail", async () => {
    const site = await startSite();
    try {
      await provisionSite(site.api, site.siteId, [EntriesList]);
      const lossy = new LossyGraphApi(site.api.connection, site.api.policy);
      const store = await openListStore({ api: lossy, siteId: site.siteId }, EntriesList);
      const N = 200;
      const single = await pool(Array.from({ length: N / 2 }, (_, i) => i), 4, (i) =>
        store.create({ ref: ref(i), amount: i, status: "new" }, { idempotencyKey: `c-${i}` }),
      );
      const batched = await store.createMany(
        Array.from({ length: N / 2 }, (_, k) => ({ value: { ref: ref(N / 2 + k), amount: N / 2 + k, status: "new" as const }, idempotencyKey: `c-${N / 2 + k}` })),
      );
      const created = [...single, ...batched];
      await pool(created.slice(0, N / 2), 4, (c) => store.update(c.id, { status: "done" }, { eTag: c.eTag }));
      await store.updateMany(created.slice(N / 2).map((c) => ({ id: c.id, eTag: c.eTag, value: { ...c.value, status: "done" as const } })));
      for (const c of created.slice(0, 10)) expect(await store.delete(c.id)).toBe(true);

      expect(lossy.lost).toBeGreaterThan(20);
      const all = await store.all({ pageSize: 500 });
      expect(all).toHaveLength(N - 10);
      expect(new Set(all.map((a) => a.value.ref)).size).toBe(N - 10);
      expect(all.every((a) => a.value.status === "done")).toBe(true);
    } finally {
      await site.stop();
    }
  }, 60_000);
});
