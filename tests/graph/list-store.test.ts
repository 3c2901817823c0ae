/** The typed list store through the real Graph client against the emulator (in memory, port 0). §n in test names: [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../src/errors";
import { defineList } from "../../src/graph/list-definition";
import { ListStore } from "../../src/graph/list-store";
import { provisionSite } from "../../src/graph/provision";
import { openListStore } from "../../src/graph/site";
import { startSite, type TestSite } from "./support";

const Widget = z.object({
  sku: z.string().max(20),
  name: z.string().max(100),
  colour: z.enum(["red", "green", "blue"]),
  weight: z.number(),
  size: z.number().int(),
  madeOn: z.iso.date(),
  notes: z.string().optional(),
  tags: z.array(z.string()).default([]),
});
const WidgetsList = defineList({
  title: "Widgets",
  description: "test list",
  schema: Widget,
  itemTitle: (w) => w.name,
  indexed: ["sku", "size", "colour"],
  unique: ["sku"],
});

function widget(n: number): z.input<typeof Widget> {
  return {
    sku: `W-${String(n).padStart(5, "0")}`,
    name: `Widget ${n}`,
    colour: (["red", "green", "blue"] as const)[n % 3]!,
    weight: n / 4,
    size: n % 10,
    madeOn: `2026-0${(n % 9) + 1}-1${n % 10}`,
    tags: n % 2 ? ["odd"] : [],
  };
}

let site: TestSite;
let store: ListStore<typeof Widget>;

beforeAll(async () => {
  site = await startSite();
  await provisionSite(site.api, site.siteId, [WidgetsList]);
  store = await openListStore(site, WidgetsList);
});
afterAll(async () => site?.stop());

describe("ListStore CRUD", () => {
  it("creates, reads, updates with eTag and deletes, always returning validated values", async () => {
    const created = await store.create(widget(1), { idempotencyKey: "crud-1" });
    expect(created.value).toEqual({ ...widget(1), tags: ["odd"] });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.eTag).toMatch(/^".+,1"$/);

    const read = await store.get(created.id);
    expect(read).toEqual(created);

    const updated = await store.update(created.id, { weight: 99, notes: "heavy" }, { eTag: created.eTag });
    expect(updated.value).toMatchObject({ weight: 99, notes: "heavy", sku: widget(1).sku });
    expect(updated.eTag).not.toBe(created.eTag);

    // Clearing an optional field.
    const cleared = await store.update(created.id, { notes: undefined });
    expect(cleared.value.notes).toBeUndefined();

    expect(await store.delete(created.id)).toBe(true);
    expect(await store.find(created.id)).toBeUndefined();
    expect(await store.delete(created.id)).toBe(false);
    await expect(store.get(created.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("maps a stale eTag (412) to precondition_failed carrying only the current version, never the item", async () => {
    const created = await store.create(widget(2), { idempotencyKey: "etag-2" });
    const mine = await store.update(created.id, { weight: 1 }, { eTag: created.eTag });
    const err = await store.update(created.id, { weight: 2 }, { eTag: created.eTag }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "precondition_failed", status: 412 });
    expect((err as AppError).detail).toEqual({ eTag: mine.eTag });
    await expect(store.delete(created.id, { eTag: created.eTag })).rejects.toMatchObject({ code: "precondition_failed" });
    expect(await store.delete(created.id, { eTag: mine.eTag })).toBe(true);
  });

  it("a create repeated with the same idempotency key returns the first item", async () => {
    const a = await store.create(widget(3), { idempotencyKey: "same-key" });
    const b = await store.create(widget(3), { idempotencyKey: "same-key" });
    expect(b.id).toBe(a.id);
    expect(await store.all({ where: { sku: widget(3).sku } })).toHaveLength(1);
  });

  it("rejects invalid values with field errors before calling Graph", async () => {
    const err = await store.create({ ...widget(4), colour: "purple" as "red" }, { idempotencyKey: "bad" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "validation_failed", fieldErrors: { colour: expect.any(Array) } });
    await expect(store.create(widget(4), { idempotencyKey: "" })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("ListStore queries", () => {
  const N = 2500;
  beforeAll(async () => {
    await store.createMany(Array.from({ length: N }, (_, i) => ({ value: widget(10_000 + i), idempotencyKey: `page-${i}` })));
  }, 60_000);

  it("iterates 2,500 items page by page following nextLink", async () => {
    let count = 0;
    const skus = new Set<string>();
    for await (const item of store.query({ pageSize: 300 })) {
      count++;
      skus.add(item.value.sku);
    }
    expect(skus.size).toBe(count);
    for (let i = 0; i < N; i++) expect(skus.has(widget(10_000 + i).sku)).toBe(true);
  });

  it("filters and orders on indexed columns across pages", async () => {
    const blues = await store.all({ where: { colour: "blue" }, pageSize: 100 });
    expect(blues.length).toBeGreaterThan(800);
    expect(blues.every((w) => w.value.colour === "blue")).toBe(true);
    const bySize: number[] = [];
    for await (const item of store.query({ filter: "fields/size ge 8", orderBy: { field: "size", descending: true }, pageSize: 150 })) {
      bySize.push(item.value.size);
    }
    expect(bySize.length).toBe(500);
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
  });

  it("refuses non-indexed fields unless asked, then sends the Prefer header on every page (§3.3)", async () => {
    await expect(store.all({ where: { name: "Widget 10001" } })).rejects.toMatchObject({ code: "bad_request", message: /not indexed/ });
    const found = await store.all({ where: { name: "Widget 10001" }, allowNonIndexed: true });
    expect(found.map((f) => f.value.sku)).toEqual([widget(10_001).sku]);
    const heavy = await store.all({ filter: "fields/weight gt 600", allowNonIndexed: true, pageSize: 50 });
    expect(heavy.length).toBe(N); // weights of the paging items run from 2,500 up
    expect(heavy.every((h) => h.value.weight > 600)).toBe(true);
  });
});

describe("ListStore batches", () => {
  it("sends $batch in chunks of 20 and returns items in input order", async () => {
    const lines: string[] = [];
    const counted = await startSite({ log: (l) => lines.push(l) });
    try {
      await provisionSite(counted.api, counted.siteId, [WidgetsList]);
      const s = await openListStore(counted, WidgetsList);
      lines.length = 0;
      const created = await s.createMany(Array.from({ length: 45 }, (_, i) => ({ value: widget(i), idempotencyKey: `b-${i}` })));
      expect(lines.filter((l) => l.includes("$batch"))).toHaveLength(3); // 20 + 20 + 5
      expect(created.map((c) => c.value.sku)).toEqual(Array.from({ length: 45 }, (_, i) => widget(i).sku));

      lines.length = 0;
      const updated = await s.updateMany(created.map((c) => ({ id: c.id, eTag: c.eTag, value: { ...c.value, weight: 7 } })));
      expect(lines.filter((l) => l.includes("$batch"))).toHaveLength(3);
      expect(updated.every((u) => u.value.weight === 7)).toBe(true);

      // A stale eTag in a batch fails that entry with the others applied.
      const err = await s.updateMany([
        { id: created[0]!.id, eTag: created[0]!.eTag, value: { ...created[0]!.value, weight: 8 } },
        { id: updated[1]!.id, eTag: updated[1]!.eTag, value: { ...updated[1]!.value, weight: 8 } },
      ]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "upstream_failed", detail: { failures: [{ index: 0, status: 412 }], succeeded: 1 } });

      // Re-running the same createMany (a client retrying the whole call) doubles nothing.
      const again = await s.createMany(Array.from({ length: 45 }, (_, i) => ({ value: widget(i), idempotencyKey: `b-${i}` })));
      expect(again.map((a) => a.id)).toEqual(created.map((c) => c.id));
      expect(await s.all()).toHaveLength(45);
    } finally {
      await counted.stop();
    }
  });
});

describe("ListStore delta", () => {
  it("reports creates, updates and deletes since a token (§5)", async () => {
    const s2 = await startSite();
    try {
      await provisionSite(s2.api, s2.siteId, [WidgetsList]);
      const s = await openListStore(s2, WidgetsList);
      const a = await s.create(widget(1), { idempotencyKey: "d-1" });
      const b = await s.create(widget(2), { idempotencyKey: "d-2" });
      const first = await s.delta();
      expect(first.reset).toBe(false);
      expect(first.changes.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
      expect(first.deleted).toEqual([]);

      const c = await s.create(widget(3), { idempotencyKey: "d-3" });
      await s.update(a.id, { weight: 42 });
      await s.update(a.id, { weight: 43 });
      await s.delete(b.id);
      const second = await s.delta(first.nextToken);
      expect(second.changes.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
      expect(second.changes.find((x) => x.id === a.id)?.value.weight).toBe(43); // latest state only
      expect(second.deleted).toEqual([b.id]);

      const third = await s.delta(second.nextToken);
      expect(third).toMatchObject({ changes: [], deleted: [], reset: false });

      // An unusable token (410) restarts the enumeration and says so.
      const restarted = await s.delta("not-a-token");
      expect(restarted.reset).toBe(true);
      expect(restarted.changes.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    } finally {
      await s2.stop();
    }
  });
});
