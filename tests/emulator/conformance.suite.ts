/**
 * The conformance suite: one set of test bodies, run against the emulator and (when configured)
 * a real tenant, only through @microsoft/microsoft-graph-client. Facts cite
 * [graph-sharepoint-lists.md](../../docs/reference/graph-sharepoint-lists.md) by section (§n, also in the test names). Where the contract marks behaviour [UNK],
 * the exact emulator answer is asserted only for the emulator target.
 */
import { BatchRequestContent, BatchResponseContent, PageIterator, type Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREFER_NON_INDEXED, batchCreate, graphError, postBatch, runId, uniqueName, type Target } from "./harness";

interface ListItem {
  id: string;
  eTag: string;
  "@odata.etag": string;
  fields?: Record<string, unknown>;
}
interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

const BOOK_COLUMNS = [
  { name: "Writer", text: {}, indexed: true },
  { name: "PageCount", number: {} },
  { name: "Genre", choice: { choices: ["novel", "poetry", "drama"] } },
  { name: "InPrint", boolean: {} },
  { name: "Published", dateTime: { format: "dateTime" } },
];

export function defineConformance(makeTarget: () => Promise<Target>): void {
  let t: Target;
  let client: Client;

  beforeAll(async () => {
    t = await makeTarget();
    client = t.client;
  });
  afterAll(async () => {
    if (t?.kind === "tenant") {
      // Leave the real site as it was: delete every list this run created.
      const lists = (await client.api(`${t.site}/lists`).select("id,displayName").get()) as Page<{ id: string; displayName: string }>;
      for (const l of lists.value.filter((x) => x.displayName.includes(runId))) await client.api(`${t.site}/lists/${l.id}`).delete();
    }
    await t?.close();
  });

  async function createBookList(): Promise<string> {
    const list = (await client.api(`${t.site}/lists`).post({
      displayName: uniqueName("Books"),
      columns: BOOK_COLUMNS,
      list: { template: "genericList" },
    })) as { id: string };
    return `${t.site}/lists/${list.id}`;
  }

  describe("authentication", () => {
    it("answers 401 InvalidAuthenticationToken in Graph's error format without a token (§7.1)", async () => {
      const err = await graphError(() => t.anonymousClient.api(`${t.site}`).get());
      expect(err.statusCode).toBe(401);
      expect(err.code).toBe("InvalidAuthenticationToken");
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(err.date).toBeInstanceOf(Date);
    });
  });

  describe("sites (§1)", () => {
    it("serves the site by hostname and path with a composite id", async () => {
      const site = (await client.api(`/sites/${t.hostname}:${t.sitePath}`).get()) as Record<string, unknown>;
      expect(String(site.id).split(",")).toHaveLength(3);
      expect(String(site.id).split(",")[0]).toBe(t.hostname);
      expect(site.webUrl).toBe(`https://${t.hostname}${t.sitePath}`);
    });

    it("resolves the composite id, the {hostname},{site-id} form and the trailing-colon path form to the same site", async () => {
      const [host, siteGuid] = t.siteId.split(",");
      const byId = (await client.api(`/sites/${t.siteId}`).get()) as { id: string };
      const byCollection = (await client.api(`/sites/${host},${siteGuid}`).get()) as { id: string };
      const lists = (await client.api(`/sites/${t.hostname}:${t.sitePath}:/lists`).get()) as Page<unknown>;
      expect(byId.id).toBe(t.siteId);
      expect(byCollection.id).toBe(t.siteId);
      expect(Array.isArray(lists.value)).toBe(true);
    });

    it("serves /sites/root with the root facet", async () => {
      const root = (await client.api("/sites/root").get()) as Record<string, unknown>;
      expect(root.root).toEqual({});
      expect(root.siteCollection).toMatchObject({ hostname: t.hostname });
    });

    it("answers 404 itemNotFound for an unknown site path", async () => {
      const err = await graphError(() => client.api(`/sites/${t.hostname}:/sites/${uniqueName("missing")}`).get());
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe("itemNotFound");
    });
  });

  describe("lists and columns (§2)", () => {
    it("creates a list with columns (201) and gets it by id and by title", async () => {
      const displayName = uniqueName("Referrals");
      const created = (await client.api(`${t.site}/lists`).post({
        displayName,
        columns: [{ name: "Status", text: {} }],
      })) as Record<string, unknown>;
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/i);
      expect(created.displayName).toBe(displayName);
      expect(created.list).toMatchObject({ template: "genericList" });
      const byId = (await client.api(`${t.site}/lists/${String(created.id)}`).get()) as { id: string };
      const byTitle = (await client.api(`${t.site}/lists/${encodeURIComponent(displayName)}`).get()) as { id: string };
      expect(byId.id).toBe(created.id);
      expect(byTitle.id).toBe(created.id);
      const all = (await client.api(`${t.site}/lists`).get()) as Page<{ id: string }>;
      expect(all.value.map((l) => l.id)).toContain(created.id);
      const filtered = (await client.api(`${t.site}/lists`).filter(`displayName eq '${displayName}'`).get()) as Page<{ id: string }>;
      expect(filtered.value.map((l) => l.id)).toEqual([created.id]);
    });

    it("lists columns with the implicit Title column, and creates a column (201)", async () => {
      const listPath = await createBookList();
      const cols = (await client.api(`${listPath}/columns`).get()) as Page<Record<string, unknown>>;
      const byName = new Map(cols.value.map((c) => [c.name, c]));
      expect(byName.get("Title")).toMatchObject({ required: true, text: expect.any(Object) });
      expect(byName.get("Writer")).toMatchObject({ indexed: true, text: expect.any(Object) });
      expect(byName.get("PageCount")).toMatchObject({ number: expect.any(Object) });
      const col = (await client.api(`${listPath}/columns`).post({ name: "Notes", text: { allowMultipleLines: true } })) as Record<string, unknown>;
      expect(col.name).toBe("Notes");
      expect(col.id).toMatch(/^[0-9a-f-]{36}$/i);
      const again = (await client.api(`${listPath}/columns`).get()) as Page<{ name: string }>;
      expect(again.value.map((c) => c.name)).toContain("Notes");
    });

    it("lets a closed choice column take any text by PATCHing its choice facet's allowTextEntry, keeping its choices (§2.4 Changing a column)", async () => {
      const list = (await client.api(`${t.site}/lists`).post({
        displayName: uniqueName("Districts"),
        columns: [{ name: "area", choice: { choices: ["East", "West"], allowTextEntry: false, displayAs: "dropDownMenu" } }],
      })) as { id: string };
      const listPath = `${t.site}/lists/${list.id}`;
      const area = ((await client.api(`${listPath}/columns`).get()) as Page<{ id: string; name: string }>).value.find((c) => c.name === "area")!;
      const refused = await graphError(() => client.api(`${listPath}/items`).post({ fields: { Title: "x", area: "Medway" } }));
      expect(refused.statusCode).toBe(400);
      const changed = (await client.api(`${listPath}/columns/${area.id}`).patch({ choice: { choices: ["East", "West"], allowTextEntry: true, displayAs: "dropDownMenu" } })) as Record<string, unknown>;
      expect(changed).toMatchObject({ id: area.id, name: "area", choice: { allowTextEntry: true, choices: ["East", "West"] } });
      const read = ((await client.api(`${listPath}/columns`).get()) as Page<{ name: string; choice?: { allowTextEntry?: boolean; choices?: string[] } }>).value.find((c) => c.name === "area");
      expect(read?.choice).toMatchObject({ allowTextEntry: true, choices: ["East", "West"] });
      const item = (await client.api(`${listPath}/items`).post({ fields: { Title: "x", area: "Medway" } })) as { id: string };
      const back = (await client.api(`${listPath}/items/${item.id}`).expand("fields").get()) as ListItem;
      expect(back.fields?.area).toBe("Medway");
      // Whether Graph turns a column into another type is not settled (§2.4): the emulator refuses, so no code relies on it.
      if (t.kind === "emulator") expect((await graphError(() => client.api(`${listPath}/columns/${area.id}`).patch({ text: {} }))).statusCode).toBe(501);
    });

    it("rejects a list 'name' and asks for displayName (§2.3)", async () => {
      const err = await graphError(() => client.api(`${t.site}/lists`).post({ name: "x", displayName: uniqueName("x") }));
      expect(err.statusCode).toBe(400);
      if (t.kind === "emulator") expect(err.message).toContain("provide 'displayName'");
    });

    it("answers 404 itemNotFound for an unknown list", async () => {
      const err = await graphError(() => client.api(`${t.site}/lists/${uniqueName("nope")}`).get());
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe("itemNotFound");
    });
  });

  describe("items (§3, §4)", () => {
    let listPath: string;
    beforeAll(async () => {
      listPath = await createBookList();
    });

    it("creates an item: 201 with string id, quoted eTag and typed fields", async () => {
      const item = (await client.api(`${listPath}/items`).post({
        fields: { Title: "Dune", Writer: "Herbert", PageCount: 412, InPrint: true, Genre: "novel", Published: "1965-08-01T00:00:00Z" },
      })) as ListItem;
      expect(typeof item.id).toBe("string");
      expect(item.eTag).toMatch(/^"[^"]+,1"$/);
      expect(item["@odata.etag"]).toBe(item.eTag);
      expect(item.fields?.["@odata.etag"]).toBe(item.eTag);
      expect(item.fields).toMatchObject({ Title: "Dune", Writer: "Herbert", PageCount: 412, InPrint: true, id: item.id });
      expect(item.fields?.Published).toBe("1965-08-01T00:00:00Z");
    });

    it("gets an item with and without expand=fields, and with fields(select=…) / fields($select=…)", async () => {
      const created = (await client.api(`${listPath}/items`).post({ fields: { Title: "Emma", Writer: "Austen", PageCount: 474 } })) as ListItem;
      const bare = (await client.api(`${listPath}/items/${created.id}`).get()) as ListItem;
      expect(bare.id).toBe(created.id);
      expect(bare.fields).toBeUndefined();
      const full = (await client.api(`${listPath}/items/${created.id}`).expand("fields").get()) as ListItem;
      expect(full.fields).toMatchObject({ Title: "Emma", Writer: "Austen", PageCount: 474 });
      const sel = (await client.api(`${listPath}/items/${created.id}?expand=fields(select=Title,PageCount)`).get()) as ListItem;
      expect(Object.keys(sel.fields ?? {}).filter((k) => !k.startsWith("@")).sort()).toEqual(["PageCount", "Title"]);
      const sel2 = (await client.api(`${listPath}/items/${created.id}?$expand=fields($select=Writer)`).get()) as ListItem;
      expect(sel2.fields?.Writer).toBe("Austen");
      expect(sel2.fields?.Title).toBeUndefined();
    });

    it("updates fields: 200 with the whole fieldValueSet and a new eTag version (§4.2)", async () => {
      const created = (await client.api(`${listPath}/items`).post({ fields: { Title: "Ulysses", PageCount: 730 } })) as ListItem;
      const updated = (await client.api(`${listPath}/items/${created.id}/fields`).patch({ PageCount: 732 })) as Record<string, unknown>;
      expect(updated.PageCount).toBe(732);
      expect(updated.Title).toBe("Ulysses");
      expect(updated["@odata.etag"]).toMatch(/,2"$/);
      expect(updated["@odata.etag"]).not.toBe(created.eTag);
    });

    it("deletes an item: 204, then 404 itemNotFound (§4.3)", async () => {
      const created = (await client.api(`${listPath}/items`).post({ fields: { Title: "Temp" } })) as ListItem;
      const res: unknown = await client.api(`${listPath}/items/${created.id}`).delete();
      expect(res).toBeUndefined();
      const err = await graphError(() => client.api(`${listPath}/items/${created.id}`).get());
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe("itemNotFound");
    });

    it("returns a hidden column's value only when it is named in fields(select=…) (§3.2)", async () => {
      const list = (await client.api(`${t.site}/lists`).post({
        displayName: uniqueName("Hidden"),
        columns: [{ name: "Secret", text: {}, hidden: true }],
      })) as { id: string };
      const path = `${t.site}/lists/${list.id}`;
      const created = (await client.api(`${path}/items`).post({ fields: { Title: "h", Secret: "s3" } })) as ListItem;
      const plain = (await client.api(`${path}/items/${created.id}`).expand("fields").get()) as ListItem;
      expect(plain.fields?.Title).toBe("h");
      expect(plain.fields).not.toHaveProperty("Secret");
      const selected = (await client.api(`${path}/items/${created.id}`).expand("fields(select=Title,Secret)").get()) as ListItem;
      expect(selected.fields).toMatchObject({ Title: "h", Secret: "s3" });
    });

    it("rejects an unknown field with 400 invalidRequest naming the field (§4.1)", async () => {
      const err = await graphError(() => client.api(`${listPath}/items`).post({ fields: { Title: "x", Nonexistent: 1 } }));
      expect(err.statusCode).toBe(400);
      expect(err.code).toBe("invalidRequest");
      expect(err.message).toContain("Nonexistent");
      const created = (await client.api(`${listPath}/items`).post({ fields: { Title: "y" } })) as ListItem;
      const err2 = await graphError(() => client.api(`${listPath}/items/${created.id}/fields`).patch({ Bogus: "z" }));
      expect(err2.statusCode).toBe(400);
      expect(err2.message).toContain("Bogus");
    });
  });

  describe("eTags and If-Match (§4.2)", () => {
    it("answers 412 for a stale eTag on PATCH and DELETE, and accepts the current one", async () => {
      const listPath = await createBookList();
      const created = (await client.api(`${listPath}/items`).post({ fields: { Title: "v1" } })) as ListItem;
      const v2 = (await client.api(`${listPath}/items/${created.id}/fields`).header("If-Match", created.eTag).patch({ Title: "v2" })) as Record<string, unknown>;
      expect(v2.Title).toBe("v2");
      const stale = await graphError(() => client.api(`${listPath}/items/${created.id}/fields`).header("If-Match", created.eTag).patch({ Title: "v3" }));
      expect(stale.statusCode).toBe(412);
      const staleDelete = await graphError(() => client.api(`${listPath}/items/${created.id}`).header("If-Match", created.eTag).delete());
      expect(staleDelete.statusCode).toBe(412);
      const current = (await client.api(`${listPath}/items/${created.id}`).expand("fields").get()) as ListItem;
      expect(current.fields?.Title).toBe("v2");
      await client.api(`${listPath}/items/${created.id}`).header("If-Match", current.eTag).delete();
    });
  });

  describe("unique-value columns", () => {
    it("refuses a duplicate value in an enforceUniqueValues column, on create and on update", async () => {
      const list = (await client.api(`${t.site}/lists`).post({
        displayName: uniqueName("Submissions"),
        columns: [{ name: "SubmissionKey", text: {}, indexed: true, enforceUniqueValues: true }],
      })) as { id: string };
      const listPath = `${t.site}/lists/${list.id}`;
      await client.api(`${listPath}/items`).post({ fields: { Title: "a", SubmissionKey: "k-1" } });
      const other = (await client.api(`${listPath}/items`).post({ fields: { Title: "b", SubmissionKey: "k-2" } })) as ListItem;
      const dup = await graphError(() => client.api(`${listPath}/items`).post({ fields: { Title: "c", SubmissionKey: "k-1" } }));
      expect(dup.statusCode).toBeGreaterThanOrEqual(400);
      expect(dup.statusCode).toBeLessThan(500);
      const dupUpdate = await graphError(() => client.api(`${listPath}/items/${other.id}/fields`).patch({ SubmissionKey: "k-1" }));
      expect(dupUpdate.statusCode).toBe(dup.statusCode);
      if (t.kind === "emulator") {
        expect(dup.statusCode).toBe(409);
        expect(dup.code).toBe("nameAlreadyExists");
        expect(dup.message).toContain("SubmissionKey");
      }
      // The value is free again once its owner changes it.
      await client.api(`${listPath}/items/${other.id}/fields`).patch({ SubmissionKey: "k-3" });
      const reuse = (await client.api(`${listPath}/items`).post({ fields: { Title: "d", SubmissionKey: "k-2" } })) as ListItem;
      expect(reuse.fields?.SubmissionKey).toBe("k-2");
    });
  });

  describe("paging, $filter and $orderby on a 2,500-item list (§3.3–3.5)", () => {
    const COUNT = 2500;
    let listPath: string;
    beforeAll(async () => {
      listPath = await createBookList();
      const genres = ["novel", "poetry", "drama"];
      await batchCreate(client, listPath, COUNT, (i) => ({
        Title: `Book ${String(i).padStart(4, "0")}`,
        Writer: `Author ${i % 50}`,
        PageCount: i,
        Genre: genres[i % 3],
        InPrint: i % 2 === 0,
      }));
    }, 120_000);

    it("pages through thousands of items with absolute nextLinks carrying $skiptoken", async () => {
      const first = (await client.api(`${listPath}/items`).top(1000).expand("fields(select=Title)").get()) as Page<ListItem>;
      expect(first.value).toHaveLength(1000);
      const next = first["@odata.nextLink"] as string;
      expect(next.startsWith(`${t.baseUrl}/v1.0/`)).toBe(true);
      expect(next).toContain("$skiptoken=");
      expect(next).toContain("top=1000");
      const ids = new Set<string>();
      const iterator = new PageIterator(client, first, (item: ListItem) => {
        ids.add(item.id);
        expect(item.fields?.Title).toMatch(/^Book /);
        return true;
      });
      await iterator.iterate();
      expect(iterator.isComplete()).toBe(true);
      expect(ids.size).toBe(COUNT);
    });

    it("defaults to a page smaller than the list and says so with a nextLink", async () => {
      const page = (await client.api(`${listPath}/items`).get()) as Page<ListItem>;
      expect(page.value.length).toBeGreaterThan(0);
      expect(page.value.length).toBeLessThan(COUNT);
      expect(page["@odata.nextLink"]).toBeDefined();
      if (t.kind === "emulator") expect(page.value).toHaveLength(200);
    });

    it("filters on an indexed column without the Prefer header", async () => {
      const page = (await client.api(`${listPath}/items`).expand("fields").filter("fields/Writer eq 'Author 7'").top(500).get()) as Page<ListItem>;
      expect(page.value).toHaveLength(COUNT / 50);
      expect(page.value.every((i) => i.fields?.Writer === "Author 7")).toBe(true);
    });

    it("refuses a filter or orderby on a non-indexed column without Prefer: 400 invalidRequest (§3.3)", async () => {
      const err = await graphError(() => client.api(`${listPath}/items`).filter("fields/PageCount lt 10").get());
      expect(err.statusCode).toBe(400);
      expect(err.code).toBe("invalidRequest");
      expect(err.message).toContain("Field 'PageCount' cannot be referenced in filter or orderby as it is not indexed");
      expect(err.message).toContain("HonorNonIndexedQueriesWarningMayFailRandomly");
      const err2 = await graphError(() => client.api(`${listPath}/items`).orderby("fields/PageCount desc").get());
      expect(err2.statusCode).toBe(400);
      expect(err2.message).toContain("PageCount");
    });

    it("filters on non-indexed columns with the Prefer header: lt, gt, le, ge, ne, startswith, and, or, parentheses", async () => {
      const count = async (filter: string) => {
        let n = 0;
        const first = (await client.api(`${listPath}/items`).headers(PREFER_NON_INDEXED).expand("fields").filter(filter).top(1000).get()) as Page<ListItem>;
        await new PageIterator(client, first, () => ++n > 0, { headers: PREFER_NON_INDEXED }).iterate();
        return n;
      };
      expect(await count("fields/PageCount lt 10")).toBe(10);
      expect(await count("fields/PageCount le 10")).toBe(11);
      expect(await count("fields/PageCount gt 2489")).toBe(10);
      expect(await count("fields/PageCount ge 2489")).toBe(11);
      expect(await count("fields/Genre ne 'novel'")).toBe(COUNT - Math.ceil(COUNT / 3));
      expect(await count("startswith(fields/Title,'Book 00')")).toBe(100);
      expect(await count("fields/PageCount lt 100 and fields/Genre eq 'poetry'")).toBe(33);
      expect(await count("fields/PageCount lt 5 or fields/PageCount gt 2494")).toBe(10);
      expect(await count("(fields/PageCount lt 5 or fields/PageCount gt 2494) and fields/InPrint eq true")).toBe(5);
    });

    it("orders by a field (desc) across pages with Prefer", async () => {
      const first = (await client
        .api(`${listPath}/items`)
        .headers(PREFER_NON_INDEXED)
        .expand("fields(select=PageCount)")
        .filter("fields/PageCount ge 2000")
        .orderby("fields/PageCount desc")
        .top(150)
        .get()) as Page<ListItem>;
      const seen: number[] = [];
      await new PageIterator(client, first, (i: ListItem) => seen.push(i.fields?.PageCount as number) > 0, { headers: PREFER_NON_INDEXED }).iterate();
      expect(seen).toHaveLength(500);
      expect(seen[0]).toBe(2499);
      expect(seen.at(-1)).toBe(2000);
      expect(seen.every((v, i) => i === 0 || (seen[i - 1] as number) > v)).toBe(true);
    });

    it("enforces the Prefer header on every page (the contract's strict choice, §3.3)", async () => {
      const first = (await client.api(`${listPath}/items`).headers(PREFER_NON_INDEXED).filter("fields/PageCount lt 600").top(100).get()) as Page<ListItem>;
      const next = first["@odata.nextLink"] as string;
      expect(next).toBeDefined();
      if (t.kind === "emulator") {
        const err = await graphError(() => client.api(next).get());
        expect(err.statusCode).toBe(400);
      }
      const page2 = (await client.api(next).headers(PREFER_NON_INDEXED).get()) as Page<ListItem>;
      expect(page2.value).toHaveLength(100);
    });
  });

  describe("delta (§5)", () => {
    it("enumerates, then reports creates, updates and deletions since the deltaLink", async () => {
      const listPath = await createBookList();
      const a = (await client.api(`${listPath}/items`).post({ fields: { Title: "a" } })) as ListItem;
      const b = (await client.api(`${listPath}/items`).post({ fields: { Title: "b" } })) as ListItem;
      const c = (await client.api(`${listPath}/items`).post({ fields: { Title: "c" } })) as ListItem;

      const seen: ListItem[] = [];
      const first = (await client.api(`${listPath}/items/delta`).top(2).expand("fields").get()) as Page<ListItem>;
      expect(first["@odata.nextLink"]).toBeDefined();
      const it1 = new PageIterator(client, first, (i: ListItem) => seen.push(i) > 0);
      await it1.iterate();
      expect(seen.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
      const deltaLink = it1.getDeltaLink() as string;
      expect(deltaLink.startsWith(`${t.baseUrl}/v1.0/`)).toBe(true);

      const latest = (await client.api(`${listPath}/items/delta?token=latest`).get()) as Page<ListItem>;
      expect(latest.value).toEqual([]);
      expect(latest["@odata.deltaLink"]).toContain("token=");

      await client.api(`${listPath}/items/${b.id}/fields`).patch({ Title: "b2" });
      await client.api(`${listPath}/items/${c.id}`).delete();
      const d = (await client.api(`${listPath}/items`).post({ fields: { Title: "d" } })) as ListItem;

      const changes = new Map<string, Record<string, unknown>>();
      let page = (await client.api(deltaLink).get()) as Page<Record<string, unknown>>;
      for (;;) {
        for (const v of page.value) changes.set(String(v.id), v); // [§5](../../docs/reference/graph-sharepoint-lists.md#5-delta): use the last occurrence
        if (!page["@odata.nextLink"]) break;
        page = (await client.api(page["@odata.nextLink"]).get()) as Page<Record<string, unknown>>;
      }
      expect(page["@odata.deltaLink"]).toBeDefined();
      expect(changes.has(a.id)).toBe(false);
      expect(changes.get(b.id)?.deleted).toBeUndefined();
      expect(changes.get(c.id)?.deleted).toEqual({ state: "deleted" });
      expect(changes.has(d.id)).toBe(true);

      // From the `latest` token the same three changes are visible.
      const sinceLatest = (await client.api(latest["@odata.deltaLink"] as string).get()) as Page<{ id: string }>;
      expect(new Set(sinceLatest.value.map((v) => v.id))).toEqual(new Set([b.id, c.id, d.id]));
    });

    it("answers 410 to an invalid token", async () => {
      const listPath = await createBookList();
      const err = await graphError(() => client.api(`${listPath}/items/delta?token=bm90LWEtdG9rZW4`).get());
      expect(err.statusCode).toBe(410);
    });
  });

  describe("JSON $batch (§6)", () => {
    it("runs up to 20 requests with per-request status and Content-Type for the JS BatchResponseContent", async () => {
      const listPath = await createBookList();
      const content = new BatchRequestContent();
      for (let i = 1; i <= 19; i++) {
        content.addRequest({
          id: String(i),
          request: new Request(`${t.baseUrl}/v1.0${listPath}/items`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ fields: { Title: `batch ${i}` } }),
          }),
        });
      }
      content.addRequest({ id: "20", request: new Request(`${t.baseUrl}/v1.0${listPath}/items/999999`) });
      const raw: unknown = await client.api("/$batch").post(await content.getContent());
      const responses = new BatchResponseContent(raw as never);
      const created = (await responses.getResponseById("1").json()) as ListItem;
      expect(responses.getResponseById("1").status).toBe(201);
      expect(created.fields?.Title).toBe("batch 1");
      expect(responses.getResponseById("20").status).toBe(404);
      const notFound = (await responses.getResponseById("20").json()) as { error: { code: string } };
      expect(notFound.error.code).toBe("itemNotFound");
    });

    it("refuses more than 20 requests, duplicate ids, and a body without Content-Type", async () => {
      const get = (id: string) => ({ id, method: "GET", url: `${t.site}/lists` });
      const tooMany = await graphError(() => postBatch(client, Array.from({ length: 21 }, (_, i) => get(String(i + 1)))));
      expect(tooMany.statusCode).toBe(400);
      if (t.kind === "emulator") expect(tooMany.message).toBe("Number of requests inside batch exceeds the limit.");
      const dup = await graphError(() => postBatch(client, [get("a"), get("A")]));
      expect(dup.statusCode).toBe(400);
      const noType = await graphError(() => postBatch(client, [{ id: "1", method: "POST", url: `${t.site}/lists`, body: { displayName: "x" } }]));
      expect(noType.statusCode).toBe(400);
    });

    it("follows dependsOn and fails dependents of a failed request with 424", async () => {
      const listPath = await createBookList();
      // Dependents come first in the array: only dependsOn, not array order, may decide what runs first.
      const responses = await postBatch(client, [
        { id: "2", dependsOn: ["1"], method: "GET", url: `${listPath}/items?$top=5&expand=fields` },
        { id: "1", method: "POST", url: `${listPath}/items`, headers: { "Content-Type": "application/json" }, body: { fields: { Title: "one" } } },
        { id: "4", dependsOn: ["3"], method: "DELETE", url: `${listPath}/items/1` },
        { id: "3", method: "GET", url: `${listPath}/items/424242` },
      ]);
      const byId = new Map(responses.map((r) => [r.id, r]));
      expect(byId.get("1")?.status).toBe(201);
      expect(byId.get("2")?.status).toBe(200);
      expect((byId.get("2")?.body?.value as ListItem[]).map((i) => i.fields?.Title)).toContain("one");
      expect(byId.get("3")?.status).toBe(404);
      expect(byId.get("4")?.status).toBe(424);
      const list = (await client.api(`${listPath}/items`).get()) as Page<ListItem>;
      expect(list.value).toHaveLength(1);
    });
  });

  describe("persistence across a restart", () => {
    // Last on purpose: the emulator target is stopped and started again on the same data directory.
    it("keeps lists, items, eTags, ids and delta tokens after stop and start", async () => {
      const listPath = await createBookList();
      const list = (await client.api(listPath).get()) as { id: string; displayName: string };
      const item = (await client.api(`${listPath}/items`).post({ fields: { Title: "kept", Writer: "Woolf", PageCount: 7 } })) as ListItem;
      const latest = (await client.api(`${listPath}/items/delta?token=latest`).get()) as Page<ListItem>;

      await t.restart();
      client = t.client;

      const byTitle = (await client.api(`${t.site}/lists/${encodeURIComponent(list.displayName)}`).get()) as { id: string };
      expect(byTitle.id).toBe(list.id);
      const again = (await client.api(`${listPath}/items/${item.id}`).expand("fields").get()) as ListItem;
      expect(again.eTag).toBe(item.eTag);
      expect(again.fields).toMatchObject({ Title: "kept", Writer: "Woolf", PageCount: 7 });
      const next = (await client.api(`${listPath}/items`).post({ fields: { Title: "after" } })) as ListItem;
      expect(Number(next.id)).toBeGreaterThan(Number(item.id));
      const changes = (await client.api(latest["@odata.deltaLink"] as string).get()) as Page<ListItem>;
      expect(changes.value.map((v) => v.id)).toEqual([next.id]);
    });
  });
}
