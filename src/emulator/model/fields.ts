/**
 * Field values: validating writes ([§4.1](../../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item), [§4.2](../../../docs/reference/graph-sharepoint-lists.md#42-updating-fields)) and building the fieldValueSet reads return ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)).
 */
import { GraphErrors } from "../errors";
import type { ValueKind } from "../query/evaluate";
import type { ColumnRecord, ItemRecord } from "../store/types";
import { isLookup, isMulti } from "./columns";

/** "SharePoint App" is the identity app-only writes are recorded under; 1073741822 is its user id. */
export const APP_USER_LOOKUP_ID = "1073741822";

/** Fields every item carries that are computed, never written ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource) sample). */
const COMPUTED = new Set([
  "id",
  "ContentType",
  "_UIVersionString",
  "Edit",
  "LinkTitleNoMenu",
  "LinkTitle",
  "ItemChildCount",
  "FolderChildCount",
  "_ComplianceFlags",
  "_ComplianceTag",
  "_ComplianceTagWrittenTime",
  "_ComplianceTagUserId",
  "AuthorLookupId",
  "EditorLookupId",
]);

export class ListSchema {
  readonly byName = new Map<string, ColumnRecord>();
  constructor(readonly columns: ColumnRecord[]) {
    for (const c of columns) this.byName.set(c.name, c);
  }

  /**
   * Resolves a field name as clients write it: a column name, or `<Lookup>LookupId` for
   * lookup/person columns (fieldvalueset.md: "the original field name followed by LookupId").
   */
  resolve(name: string): { column: ColumnRecord; viaLookupId: boolean } | undefined {
    const direct = this.byName.get(name);
    if (direct) return { column: direct, viaLookupId: false };
    if (name.endsWith("LookupId")) {
      const c = this.byName.get(name.slice(0, -"LookupId".length));
      if (c && isLookup(c)) return { column: c, viaLookupId: true };
    }
    return undefined;
  }

  uniqueColumns(): ColumnRecord[] {
    return this.columns.filter((c) => c.definition.enforceUniqueValues === true);
  }
}

/**
 * Applies a POST `fields` or PATCH fieldValueSet body to the stored values and returns the new
 * stored values. Unknown field → 400 "Field 'X' is not recognized" ([§4.1](../../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item), [§10.9](../../../docs/reference/graph-sharepoint-lists.md#109-unknown-fields)).
 */
export function applyFieldWrites(
  schema: ListSchema,
  current: Record<string, unknown>,
  body: unknown,
  isCreate: boolean,
): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw GraphErrors.invalidRequest("The fields must be a JSON object");
  }
  const input = body as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  for (const [key, raw] of Object.entries(input)) {
    if (key === "@odata.etag" || key === "@odata.context") continue;
    const at = key.indexOf("@odata.type");
    if (at > 0) {
      checkTypeAnnotation(schema, key.slice(0, at), raw);
      continue;
    }
    const resolved = schema.resolve(key);
    if (!resolved) {
      if (COMPUTED.has(key)) throw GraphErrors.invalidRequest(`Field '${key}' is read-only`);
      throw GraphErrors.fieldNotRecognized(key);
    }
    const { column, viaLookupId } = resolved;
    if (column.definition.readOnly === true) throw GraphErrors.invalidRequest(`Field '${key}' is read-only`);
    if (isLookup(column) && !viaLookupId) {
      throw GraphErrors.invalidRequest(`Field '${key}' is a ${column.type} column; write '${column.name}LookupId' instead`);
    }
    if (raw === null) {
      delete next[column.name];
      continue;
    }
    if (Array.isArray(raw) && !(`${key}@odata.type` in input)) {
      // [§4.1](../../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item): multi-value writes need the Collection(...) annotation; without it the service fails.
      throw GraphErrors.invalidRequest(`Field '${key}' takes several values: add '${key}@odata.type': 'Collection(Edm.String)' or 'Collection(Edm.Int32)'`);
    }
    next[column.name] = convertValue(column, key, raw);
  }
  if (isCreate) {
    for (const c of schema.columns) {
      if (!c.builtIn && next[c.name] === undefined && c.definition.defaultValue !== undefined) {
        const dv = (c.definition.defaultValue as { value?: unknown }).value;
        if (dv !== undefined && dv !== null && dv !== "") next[c.name] = convertValue(c, c.name, dv);
      }
    }
  }
  return next;
}

function checkTypeAnnotation(schema: ListSchema, key: string, value: unknown): void {
  const resolved = schema.resolve(key);
  if (!resolved) throw GraphErrors.fieldNotRecognized(key);
  if (value !== "Collection(Edm.String)" && value !== "Collection(Edm.Int32)") {
    throw GraphErrors.invalidRequest(`Unsupported type annotation '${String(value)}' on field '${key}'`);
  }
  if (!isMulti(resolved.column)) throw GraphErrors.invalidRequest(`Field '${key}' does not take several values`);
}

function convertValue(c: ColumnRecord, key: string, raw: unknown): unknown {
  const bad = (expected: string) => GraphErrors.invalidRequest(`Field '${key}' expects ${expected}`);
  const facet = (c.definition[c.type] ?? {}) as Record<string, unknown>;
  if (isMulti(c)) {
    if (!Array.isArray(raw)) throw bad("an array of values with a Collection(...) @odata.type annotation");
    return raw.map((v) => convertSingle(c, key, v, facet, bad));
  }
  if (Array.isArray(raw)) throw bad("a single value");
  return convertSingle(c, key, raw, facet, bad);
}

function convertSingle(
  c: ColumnRecord,
  _key: string,
  raw: unknown,
  facet: Record<string, unknown>,
  bad: (expected: string) => Error,
): unknown {
  switch (c.type) {
    case "text": {
      if (typeof raw !== "string") throw bad("a string");
      const max = typeof facet.maxLength === "number" ? facet.maxLength : 255;
      if (facet.allowMultipleLines !== true && raw.length > max) throw bad(`at most ${max} characters`);
      return raw;
    }
    case "choice":
      if (typeof raw !== "string") throw bad("a string");
      if (facet.allowTextEntry === false && Array.isArray(facet.choices) && !facet.choices.includes(raw)) {
        throw bad(`one of ${JSON.stringify(facet.choices)}`);
      }
      return raw;
    case "number":
    case "currency":
      // Numbers are JSON numbers on the wire ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource) table); the emulator does not coerce strings.
      if (typeof raw !== "number" || !Number.isFinite(raw)) throw bad("a number");
      if (typeof facet.minimum === "number" && raw < facet.minimum) throw bad(`a number ≥ ${facet.minimum}`);
      if (typeof facet.maximum === "number" && raw > facet.maximum) throw bad(`a number ≤ ${facet.maximum}`);
      return raw;
    case "boolean":
      if (typeof raw !== "boolean") throw bad("true or false");
      return raw;
    case "dateTime": {
      if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) || isNaN(Date.parse(raw))) {
        throw bad("an ISO-8601 date-time string such as 2026-03-10T00:00:00Z");
      }
      const iso = new Date(raw).toISOString().replace(/\.\d{3}Z$/, "Z");
      // [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)/[§10.10](../../../docs/reference/graph-sharepoint-lists.md#1010-date-only-values): a date-only column returns midnight of the site's time zone in UTC. The emulator's
      // sites are in UTC, so that is T00:00:00Z of the given day.
      return facet.format === "dateOnly" ? `${raw.slice(0, 10)}T00:00:00Z` : iso;
    }
    case "lookup":
    case "personOrGroup": {
      // [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): LookupIds are strings in responses; integers are accepted in requests.
      const s = typeof raw === "number" && Number.isInteger(raw) && raw > 0 ? String(raw) : raw;
      if (typeof s !== "string" || !/^[1-9]\d*$/.test(s)) throw bad("a positive integer lookup id");
      return s;
    }
    case "hyperlinkOrPicture": {
      // [UNK] [§4.1](../../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item): the write shape via Graph is undocumented; the SharePoint REST shape is accepted.
      const o = raw as Record<string, unknown>;
      if (typeof raw !== "object" || raw === null || typeof o.Url !== "string") throw bad("an object {Url, Description}");
      return { Description: typeof o.Description === "string" ? o.Description : o.Url, Url: o.Url };
    }
    case "counter":
      throw bad("nothing: it is read-only");
  }
}

/** The key and comparable kind a field has in $filter/$orderby, and its value on an item. */
export function fieldValueFor(schema: ListSchema, item: ItemRecord, name: string): { value: unknown; kind: ValueKind } | undefined {
  switch (name) {
    case "ID":
    case "id":
      return { value: item.id, kind: "number" };
    case "Created":
      return { value: item.created, kind: "dateTime" };
    case "Modified":
      return { value: item.modified, kind: "dateTime" };
    case "AuthorLookupId":
    case "EditorLookupId":
      return { value: APP_USER_LOOKUP_ID, kind: "number" };
  }
  const resolved = schema.resolve(name);
  if (!resolved) return undefined;
  const { column, viaLookupId } = resolved;
  if (isLookup(column) && !viaLookupId) return undefined;
  return { value: item.fields[column.name], kind: kindOf(column) };
}

export function kindOf(c: ColumnRecord): ValueKind {
  switch (c.type) {
    case "number":
    case "currency":
    case "counter":
    case "lookup":
    case "personOrGroup":
      return "number";
    case "boolean":
      return "boolean";
    case "dateTime":
      return "dateTime";
    default:
      return "text";
  }
}

/** Whether `name` may be used in $filter/$orderby without the Prefer header ([§3.3](../../../docs/reference/graph-sharepoint-lists.md#33-filtering)). */
export function isIndexedField(schema: ListSchema, name: string): boolean {
  if (name === "ID" || name === "id") return true;
  const resolved = schema.resolve(name);
  return resolved?.column.definition.indexed === true;
}

export function etagOf(item: ItemRecord): string {
  return `"${item.uid},${item.version}"`;
}

/**
 * The fieldValueSet ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource)): @odata.etag first, then custom values (empty ones omitted), then the
 * system fields. With `select`, only the named fields (plus @odata.etag). Hidden columns' values
 * appear only when named in `select` ([§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource) "Hidden field values are returned only if named").
 */
export function fieldsForRead(schema: ListSchema, item: ItemRecord, select?: string[]): Record<string, unknown> {
  const all = allFields(schema, item);
  if (!select) return all;
  const out: Record<string, unknown> = { "@odata.etag": all["@odata.etag"] };
  for (const name of select) {
    if (Object.hasOwn(all, name)) {
      out[name] = all[name];
      continue;
    }
    const resolved = schema.resolve(name);
    if (!resolved && name !== "ID") throw GraphErrors.fieldNotRecognized(name);
    if (resolved && isLookup(resolved.column) && !resolved.viaLookupId) {
      // [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): selecting a lookup by name returns its looked-up value; the emulator keeps no user list.
      throw GraphErrors.notImplemented(`selecting the lookup value of '${name}'; select '${name}LookupId'`);
    }
    if (name === "ID") out.ID = item.id; // [UNK] [§3.2](../../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): explicit ID selection; served as the number SharePoint stores
    else if (resolved && resolved.column.definition.hidden === true && item.fields[resolved.column.name] !== undefined) {
      out[name] = item.fields[resolved.column.name];
    }
  }
  return out;
}

function allFields(schema: ListSchema, item: ItemRecord): Record<string, unknown> {
  const etag = etagOf(item);
  const out: Record<string, unknown> = { "@odata.etag": etag };
  for (const c of schema.columns) {
    if (c.builtIn || c.definition.hidden === true) continue;
    const v = item.fields[c.name];
    if (c.name === "Title") continue;
    if (v === undefined) continue;
    out[isLookup(c) ? `${c.name}LookupId` : c.name] = v;
  }
  const title = item.fields.Title;
  const withTitle: Record<string, unknown> = { "@odata.etag": etag };
  if (typeof title === "string") withTitle.Title = title;
  Object.assign(withTitle, out, {
    id: String(item.id),
    ContentType: "Item",
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: APP_USER_LOOKUP_ID,
    EditorLookupId: APP_USER_LOOKUP_ID,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: "",
    LinkTitleNoMenu: typeof title === "string" ? title : "",
    LinkTitle: typeof title === "string" ? title : "",
    ItemChildCount: "0",
    FolderChildCount: "0",
    _ComplianceFlags: "",
    _ComplianceTag: "",
    _ComplianceTagWrittenTime: "",
    _ComplianceTagUserId: "",
  });
  return withTitle;
}
