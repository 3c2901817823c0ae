/** List items: list (filter, orderby, top, paging), get, create, update fields, delete ([§3](../../../docs/reference/graph-sharepoint-lists.md#3-reading-list-items), [§4](../../../docs/reference/graph-sharepoint-lists.md#4-writing-list-items)). */
import { GraphErrors } from "../errors";
import { noContent, ok } from "../http/respond";
import { nowIso, type EmulatorResponse } from "../http/types";
import { applyFieldWrites, etagOf, fieldValueFor, fieldsForRead, isIndexedField, ListSchema } from "../model/fields";
import { itemJson, project } from "../model/serialize";
import { referencedProperties } from "../query/ast";
import { compareValues, evaluateFilter } from "../query/evaluate";
import { parseExpand, parseOrderBy, parseSelect, parseTop, type ExpandClause } from "../query/options";
import { compileFilter } from "../query/compile";
import type { ItemRecord, ListRecord, SiteRecord } from "../store/types";
import { allowOnly, prefersNonIndexed, requireObject, selfLink, type HandlerContext } from "./context";

export interface ItemView {
  /** undefined: no fields; [] or names: expand=fields with optional select. */
  fields: { select?: string[] } | undefined;
  select?: string[];
}

export function parseItemView(ctx: HandlerContext): ItemView {
  let fields: ItemView["fields"];
  for (const clause of parseExpand(ctx.query.params.get("expand")) as ExpandClause[]) {
    if (clause.name !== "fields") throw GraphErrors.notImplemented(`$expand=${clause.name} on list items (only fields)`);
    fields = { select: clause.select };
  }
  return { fields, select: parseSelect(ctx.query.params.get("select")) };
}

export function renderItem(
  ctx: HandlerContext,
  schema: ListSchema,
  item: ItemRecord,
  list: ListRecord,
  site: SiteRecord,
  view: ItemView,
): Record<string, unknown> {
  const out = project(itemJson(item, list, site), view.select, ["id"]);
  if (view.fields) {
    out["fields@odata.context"] = `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${item.id}')/fields/$entity`;
    out.fields = fieldsForRead(schema, item, view.fields.select);
  }
  return out;
}

export function parseItemId(raw: string): number {
  // [§3.1](../../../docs/reference/graph-sharepoint-lists.md#31-item-endpoints): the integer id as a string; GUID addressing is not implemented.
  if (!/^[1-9]\d{0,9}$/.test(raw)) {
    if (/^[0-9a-f-]{36}$/i.test(raw)) throw GraphErrors.notImplemented("addressing list items by GUID");
    throw GraphErrors.itemNotFound();
  }
  return Number(raw);
}

function getItemOr404(ctx: HandlerContext, list: ListRecord, rawId: string): ItemRecord {
  const item = ctx.store.getItem(list.id, parseItemId(rawId));
  if (!item) throw GraphErrors.itemNotFound();
  return item;
}

/** [§4.2](../../../docs/reference/graph-sharepoint-lists.md#42-updating-fields)/[§4.3](../../../docs/reference/graph-sharepoint-lists.md#43-deleting-an-item): If-Match must equal the current eTag byte-for-byte; `*` matches any. */
function checkIfMatch(ctx: HandlerContext, item: ItemRecord): void {
  const header = ctx.req.headers["if-match"];
  if (header === undefined) return;
  // The eTag itself holds a comma ("guid,version"), so the header is compared whole, not split.
  const tag = header.trim();
  if (tag === "*" || tag === etagOf(item)) return;
  throw GraphErrors.resourceModified();
}

// ---- GET /items ----

interface SkipToken {
  lastId: number;
  sortValues?: unknown[];
}

/** [§3.5](../../../docs/reference/graph-sharepoint-lists.md#35-paging): $skiptoken is unpadded base64 of `Paged=TRUE&p_ID=<lastId>`; with $orderby the sort keys are added (p_<Field>). */
function encodeSkipToken(lastId: number, order: Array<{ name: string }>, values?: unknown[]): string {
  const parts = ["Paged=TRUE"];
  order.forEach((o, i) => parts.push(`p_${o.name}=${encodeURIComponent(JSON.stringify(values?.[i] ?? null))}`));
  parts.push(`p_ID=${lastId}`);
  return Buffer.from(parts.join("&")).toString("base64").replace(/=+$/, "");
}

function decodeSkipToken(token: string, order: Array<{ name: string }>): SkipToken {
  const text = Buffer.from(token, "base64").toString("utf8");
  const params = new URLSearchParams(text);
  const id = params.get("p_ID");
  if (params.get("Paged") !== "TRUE" || id === null || !/^\d+$/.test(id)) throw GraphErrors.invalidRequest("Invalid $skiptoken");
  if (order.length === 0) return { lastId: Number(id) };
  try {
    return { lastId: Number(id), sortValues: order.map((o) => JSON.parse(params.get(`p_${o.name}`) ?? "null") as unknown) };
  } catch (err) {
    throw GraphErrors.invalidRequest(`Invalid $skiptoken: ${(err as Error).message}`);
  }
}

/** [§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering): only `fields/<name>` is filterable here; unknown fields are 400; non-indexed need Prefer. */
function checkFieldRefs(ctx: HandlerContext, schema: ListSchema, paths: string[][], what: string): void {
  const prefer = prefersNonIndexed(ctx.req);
  for (const path of paths) {
    if (path[0] === "fields" && path.length !== 2) {
      throw GraphErrors.invalidRequest(`Invalid property '${path.join("/")}' in ${what}: use fields/<column name>`);
    }
    if (path[0] !== "fields") {
      // [§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering) says listItem properties can be filtered, but how (literal syntax, which ones) is [UNK].
      throw GraphErrors.notImplemented(`${what} on '${path.join("/")}' (use fields/<column name>)`);
    }
    const name = path[1] as string;
    if (!["ID", "id", "Created", "Modified", "AuthorLookupId", "EditorLookupId"].includes(name)) {
      const resolved = schema.resolve(name);
      if (!resolved || (resolved.column.type !== "counter" && isLookupByName(resolved))) throw GraphErrors.fieldNotRecognized(name);
    }
    if (!prefer && !isIndexedField(schema, name)) throw GraphErrors.notIndexed(name);
  }
}

function isLookupByName(r: { column: { type: string }; viaLookupId: boolean }): boolean {
  return (r.column.type === "lookup" || r.column.type === "personOrGroup") && !r.viaLookupId;
}

export function listItems(ctx: HandlerContext, site: SiteRecord, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, ["expand", "select", "filter", "orderby", "top", "skiptoken"]);
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const view = parseItemView(ctx);
  const filter = compileFilter(ctx.query.params.get("filter"));
  // [§3.4](../../../docs/reference/graph-sharepoint-lists.md#34-ordering): orderby on item properties is silently ignored; only fields/X sorts.
  const order = parseOrderBy(ctx.query.params.get("orderby"))
    .filter((o) => o.path[0] === "fields")
    .map((o) => ({ name: o.path[1] ?? "", path: o.path, descending: o.descending }));
  checkFieldRefs(ctx, schema, filter ? referencedProperties(filter).map((p) => p.path) : [], "filtering");
  checkFieldRefs(ctx, schema, order.map((o) => o.path), "ordering");
  const top = parseTop(ctx.query.params.get("top"));
  const skipRaw = ctx.query.params.get("skiptoken");
  const skip = skipRaw === undefined ? { lastId: 0 } : decodeSkipToken(skipRaw, order);

  const matches = (item: ItemRecord) =>
    !filter ||
    evaluateFilter(filter, (p) => fieldValueFor(schema, item, p.path[1] as string) ?? { value: undefined, kind: "text" });

  let page: ItemRecord[];
  let more: boolean;
  if (order.length === 0) {
    page = [];
    if (!filter) {
      page = ctx.store.pageItems(list.id, skip.lastId, top + 1);
    } else {
      // Stream in ID order and stop one match past the page, so we know whether a next page exists.
      for (const item of ctx.store.iterateItems(list.id, skip.lastId)) {
        if (!matches(item)) continue;
        page.push(item);
        if (page.length > top) break;
      }
    }
    more = page.length > top;
    page = page.slice(0, top);
  } else {
    const keyOf = (item: ItemRecord) => order.map((o) => fieldValueFor(schema, item, o.name) ?? { value: undefined, kind: "text" as const });
    const cmp = (a: ItemRecord, b: ItemRecord) => compareKeys(keyOf(a), keyOf(b), order, a.id, b.id);
    const all: ItemRecord[] = [];
    for (const item of ctx.store.iterateItems(list.id, 0)) if (matches(item)) all.push(item);
    all.sort(cmp);
    let start = 0;
    if (skip.sortValues) {
      const sv = skip.sortValues;
      const kinds = all[0] ? keyOf(all[0]).map((k) => k.kind) : order.map(() => "text" as const);
      const lastKey = sv.map((value, i) => ({ value, kind: kinds[i] ?? "text" }));
      start = all.findIndex((it) => compareKeys(keyOf(it), lastKey, order, it.id, skip.lastId) > 0);
      if (start < 0) start = all.length;
    }
    page = all.slice(start, start + top);
    more = start + top < all.length;
  }

  const value = page.map((item) => renderItem(ctx, schema, item, list, site, view));
  const body: Record<string, unknown> = {
    "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items`,
    value,
  };
  const last = page[page.length - 1];
  if (more && last) {
    const values = order.map((o) => fieldValueFor(schema, last, o.name)?.value ?? null);
    body["@odata.nextLink"] = selfLink(ctx, [`$skiptoken=${encodeURIComponent(encodeSkipToken(last.id, order, values))}`]);
  }
  return ok(body);
}

function compareKeys(
  a: Array<{ value: unknown; kind: import("../query/evaluate").ValueKind }>,
  b: Array<{ value: unknown }>,
  order: Array<{ descending: boolean }>,
  aId: number,
  bId: number,
): number {
  for (let i = 0; i < order.length; i++) {
    const ka = a[i];
    const c = compareValues(ka?.value, b[i]?.value, ka?.kind ?? "text");
    if (c !== 0) return order[i]?.descending ? -c : c;
  }
  return aId - bId;
}

// ---- single item ----

export function getItem(ctx: HandlerContext, site: SiteRecord, list: ListRecord, rawId: string): EmulatorResponse {
  allowOnly(ctx, ["expand", "select"]);
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const view = parseItemView(ctx);
  const item = getItemOr404(ctx, list, rawId);
  return ok({
    "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items/$entity`,
    ...renderItem(ctx, schema, item, list, site, view),
  });
}

export function getItemFields(ctx: HandlerContext, site: SiteRecord, list: ListRecord, rawId: string): EmulatorResponse {
  allowOnly(ctx, ["select"]);
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const item = getItemOr404(ctx, list, rawId);
  return ok({
    "@odata.context": fieldsContext(ctx, site, list, item.id),
    ...fieldsForRead(schema, item, parseSelect(ctx.query.params.get("select"))),
  });
}

function fieldsContext(ctx: HandlerContext, site: SiteRecord, list: ListRecord, id: number): string {
  return `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items('${id}')/fields/$entity`;
}

/** enforceUniqueValues: SharePoint compares case-insensitively; one index lookup per unique column. */
function uniqueKey(value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" ? value.toLowerCase() : JSON.stringify(value);
}

function enforceUnique(ctx: HandlerContext, schema: ListSchema, list: ListRecord, itemId: number | undefined, fields: Record<string, unknown>): void {
  for (const c of schema.uniqueColumns()) {
    const key = uniqueKey(fields[c.name]);
    if (key === undefined) continue;
    const owner = ctx.store.uniqueOwner(list.id, c.name, key);
    if (owner !== undefined && owner !== itemId) {
      // SharePoint's wording; the Graph status/code for this is [UNK] (see errors.ts).
      throw GraphErrors.nameAlreadyExists(
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`,
      );
    }
  }
}

function recordUnique(ctx: HandlerContext, schema: ListSchema, list: ListRecord, itemId: number, fields: Record<string, unknown>): void {
  for (const c of schema.uniqueColumns()) ctx.store.setUniqueValue(list.id, c.name, uniqueKey(fields[c.name]), itemId);
}

export function createItem(ctx: HandlerContext, site: SiteRecord, list: ListRecord): EmulatorResponse {
  allowOnly(ctx, []);
  const body = requireObject(ctx.req.body, "The listItem");
  for (const key of Object.keys(body)) {
    if (key !== "fields") throw GraphErrors.notImplemented(`setting '${key}' when creating a list item (only fields)`);
  }
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const fields = applyFieldWrites(schema, {}, body.fields ?? {}, true);
  const item = ctx.store.transaction(() => {
    enforceUnique(ctx, schema, list, undefined, fields);
    const now = nowIso();
    const created = ctx.store.createItem(list.id, fields, now);
    recordUnique(ctx, schema, list, created.id, fields);
    return created;
  });
  // [§4.1](../../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item): 201 with the full item and its full fields.
  return ok(
    {
      "@odata.context": `${ctx.req.origin}/v1.0/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items/$entity`,
      ...renderItem(ctx, schema, item, list, site, { fields: {} }),
    },
    201,
  );
}

export function updateItemFields(ctx: HandlerContext, site: SiteRecord, list: ListRecord, rawId: string): EmulatorResponse {
  allowOnly(ctx, []);
  const schema = new ListSchema(ctx.store.columnsOf(list.id));
  const id = parseItemId(rawId);
  const updated = ctx.store.transaction(() => {
    const item = ctx.store.getItem(list.id, id);
    if (!item) throw GraphErrors.itemNotFound();
    checkIfMatch(ctx, item);
    const fields = applyFieldWrites(schema, item.fields, ctx.req.body, false);
    enforceUnique(ctx, schema, list, item.id, fields);
    const next = ctx.store.updateItem(item, fields, nowIso());
    recordUnique(ctx, schema, list, item.id, fields);
    return next;
  });
  // [§4.2](../../../docs/reference/graph-sharepoint-lists.md#42-updating-fields): 200 with the whole fieldValueSet after the update.
  return ok({ "@odata.context": fieldsContext(ctx, site, list, updated.id), ...fieldsForRead(schema, updated) });
}

export function deleteItem(ctx: HandlerContext, list: ListRecord, rawId: string): EmulatorResponse {
  allowOnly(ctx, []);
  const id = parseItemId(rawId);
  ctx.store.transaction(() => {
    const item = ctx.store.getItem(list.id, id);
    if (!item) throw GraphErrors.itemNotFound();
    checkIfMatch(ctx, item);
    ctx.store.deleteItem(list.id, id);
  });
  return noContent(); // [§4.3](../../../docs/reference/graph-sharepoint-lists.md#43-deleting-an-item)
}
