/**
 * A row that does not match its list's schema (typed in SharePoint by hand, or left by an older
 * version) is skipped and reported by id on every read by query or delta; the other rows are read
 * as usual, and writes are still validated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineList } from "../../src/graph/list-definition";
import { ListStore } from "../../src/graph/list-store";
import type { InvalidRow } from "../../src/graph/row-reports";
import { provisionSite } from "../../src/graph/provision";
import { openListStore } from "../../src/graph/site";
import { startSite, type TestSite } from "./support";

const Gadget = z.object({ code: z.string().max(20), size: z.number().int(), kind: z.enum(["small", "large"]) });
const GadgetsList = defineList({ title: "Gadgets", description: "test list", schema: Gadget, itemTitle: (g) => g.code, indexed: ["kind"] });

let site: TestSite;
let store: ListStore<typeof Gadget>;
const reported: InvalidRow[] = [];
let badId: string;

beforeAll(async () => {
  site = await startSite();
  await provisionSite(site.api, site.siteId, [GadgetsList]);
  store = await openListStore({ ...site, rows: { invalid: (row) => reported.push(row) } }, GadgetsList);
  for (const n of [1, 2, 3]) await store.create({ code: `G-${n}`, size: n, kind: "small" }, { idempotencyKey: `gadget-${n}` });
  // Written past the store, as a person editing the list in SharePoint could: 1.5 is no integer.
  const raw = await site.api.request<{ id: string }>("POST", `/sites/${site.siteId}/lists/${store.listId}/items`, {
    body: { fields: { Title: "G-bad", code: "G-bad", size: 1.5, kind: "small", IdempotencyKey: "gadget-bad" } },
  });
  badId = raw.id;
});
afterAll(async () => site?.stop());

describe("reads that survive a row that does not match its schema", () => {
  it("a query skips the row, returns the others and reports the list and item id", async () => {
    reported.length = 0;
    const items = await store.all({ where: { kind: "small" } });
    expect(items.map((i) => i.value.code).sort()).toEqual(["G-1", "G-2", "G-3"]);
    expect(reported).toEqual([{ list: "Gadgets", itemId: badId, fields: ["size"] }]);
  });

  it("a delta skips the row and counts it as gone, reporting it", async () => {
    reported.length = 0;
    const result = await store.delta();
    expect(result.changes.map((i) => i.value.code).sort()).toEqual(["G-1", "G-2", "G-3"]);
    expect(result.deleted).toContain(badId);
    expect(reported.map((r) => r.itemId)).toEqual([badId]);
  });

  it("writes are still validated before they are sent", async () => {
    await expect(store.create({ code: "G-9", size: 1.5, kind: "small" }, { idempotencyKey: "gadget-9" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
