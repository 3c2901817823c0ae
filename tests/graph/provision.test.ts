/** Provisioning against the emulator: idempotent, additive, never loses data. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineList } from "../../src/graph/list-definition";
import { LIFT_LISTS } from "../../src/server/core/lists";
import { formatProvisionReport, provisionSite } from "../../src/graph/provision";
import { openListStore } from "../../src/graph/site";
import { DistrictsList, openListStores } from "../../src/server/core/lists";
import { IDEMPOTENCY_COLUMN, allColumnDefinitions } from "../../src/graph/list-definition";
import { startSite, type TestSite } from "./support";

let site: TestSite;
beforeEach(async () => {
  site = await startSite();
});
afterEach(async () => site?.stop());

async function columnsOf(title: string): Promise<Array<{ name: string; indexed?: boolean; enforceUniqueValues?: boolean; choice?: { allowTextEntry?: boolean; choices?: string[] } }>> {
  const lists = (await site.api.request<{ value: Array<{ id: string; displayName: string }> }>("GET", `/sites/${site.siteId}/lists`)).value;
  const id = lists.find((l) => l.displayName === title)?.id;
  return (await site.api.request<{ value: Array<{ name: string }> }>("GET", `/sites/${site.siteId}/lists/${id}/columns`)).value;
}

describe("provisionSite", () => {
  it("creates every list with its columns, and a second run creates nothing", async () => {
    const first = await provisionSite(site.api, site.siteId, LIFT_LISTS);
    expect(first.createdLists).toEqual(LIFT_LISTS.map((l) => l.title));
    expect(first.warnings).toEqual([]);
    for (const def of LIFT_LISTS) {
      const have = await columnsOf(def.title);
      const names = have.map((c) => c.name);
      expect(names).toContain("Title");
      for (const wanted of allColumnDefinitions(def)) expect(names).toContain(wanted.name);
      expect(have.find((c) => c.name === IDEMPOTENCY_COLUMN)).toMatchObject({ indexed: true, enforceUniqueValues: true });
    }
    expect((await columnsOf("People")).find((c) => c.name === "oid")).toMatchObject({ indexed: true, enforceUniqueValues: true });

    const second = await provisionSite(site.api, site.siteId, LIFT_LISTS);
    expect(second).toEqual({ createdLists: [], addedColumns: [], changedColumns: [], warnings: [] });
    await expect(openListStores(site)).resolves.toBeDefined();
  });

  it("adds a new schema field as a column and keeps the existing items", async () => {
    const v1 = defineList({
      title: "Gadgets",
      description: "",
      schema: z.object({ code: z.string().max(10), size: z.number() }),
      itemTitle: (g) => g.code,
      indexed: ["code"],
    });
    await provisionSite(site.api, site.siteId, [v1]);
    const old = await openListStore(site, v1);
    const a = await old.create({ code: "A", size: 1 }, { idempotencyKey: "a" });
    const b = await old.create({ code: "B", size: 2 }, { idempotencyKey: "b" });

    const v2 = defineList({
      title: "Gadgets",
      description: "",
      schema: z.object({ code: z.string().max(10), size: z.number(), colour: z.enum(["red", "blue"]).optional(), madeOn: z.iso.date().optional() }),
      itemTitle: (g) => g.code,
      indexed: ["code", "colour"],
    });
    const report = await provisionSite(site.api, site.siteId, [v2]);
    expect(report.createdLists).toEqual([]);
    expect(report.addedColumns).toEqual([
      { list: "Gadgets", column: "colour" },
      { list: "Gadgets", column: "madeOn" },
    ]);

    const now = await openListStore(site, v2);
    expect((await now.all()).map((i) => i.value)).toEqual([{ code: "A", size: 1 }, { code: "B", size: 2 }]);
    const updated = await now.update(a.id, { colour: "red", madeOn: "2026-03-02" });
    expect(updated.value).toEqual({ code: "A", size: 1, colour: "red", madeOn: "2026-03-02" });
    expect((await now.get(b.id)).value).toEqual({ code: "B", size: 2 });
    expect(await provisionSite(site.api, site.siteId, [v2])).toEqual({ createdLists: [], addedColumns: [], changedColumns: [], warnings: [] });

    // Going back to v1 never removes a column: provisioning is additive only.
    expect(await provisionSite(site.api, site.siteId, [v1])).toEqual({ createdLists: [], addedColumns: [], changedColumns: [], warnings: [] });
    expect((await columnsOf("Gadgets")).map((c) => c.name)).toContain("colour");
  });

  it("reports an index it cannot add to an existing column instead of changing it", async () => {
    const plain = defineList({ title: "Notes", description: "", schema: z.object({ tag: z.string().max(20) }), itemTitle: (n) => n.tag });
    await provisionSite(site.api, site.siteId, [plain]);
    const indexed = defineList({ title: "Notes", description: "", schema: z.object({ tag: z.string().max(20) }), itemTitle: (n) => n.tag, indexed: ["tag"] });
    const report = await provisionSite(site.api, site.siteId, [indexed]);
    expect(report.warnings).toEqual(["Notes.tag should be indexed but is not"]);
  });
});

describe("provisionSite on a site from before areas were data", () => {
  it("opens the old closed choice column of areas to any text, says so, keeps its values, and then changes nothing", async () => {
    // The Districts list as first provisioned: area a choice of the four original areas.
    const old = defineList({ title: "Districts", description: "", schema: z.object({ code: z.string().max(3), area: z.enum(["East", "West", "North", "South"]) }), itemTitle: (d) => d.code, unique: ["code"] });
    await provisionSite(site.api, site.siteId, [old]);
    const before = await openListStore(site, old);
    const dover = await before.create({ code: "DOV", area: "South" }, { idempotencyKey: "dov" });
    await expect(before.create({ code: "MED", area: "Medway" as "South" }, { idempotencyKey: "med-early" })).rejects.toThrow();

    const report = await provisionSite(site.api, site.siteId, [DistrictsList]);
    expect(report.changedColumns).toEqual([{ list: "Districts", column: "area", change: expect.stringContaining("any text") }]);
    expect(formatProvisionReport(report)).toContain("changed column Districts.area: choice column now takes any text (allowTextEntry), its choices and values kept");
    expect((await columnsOf("Districts")).find((c) => c.name === "area")).toMatchObject({ choice: { allowTextEntry: true, choices: ["East", "West", "North", "South"] } });

    const districts = await openListStore(site, DistrictsList);
    const medway = await districts.create({ code: "MED", slug: "medway", name: "Medway", area: "Medway", aliases: [] }, { idempotencyKey: "med" });
    expect((await districts.get(medway.id)).value.area).toBe("Medway");
    expect((await before.get(dover.id)).value.area).toBe("South");
    expect(await provisionSite(site.api, site.siteId, [DistrictsList])).toMatchObject({ changedColumns: [], warnings: [] });
  });
});
