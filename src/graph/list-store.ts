/**
 * A typed store over one SharePoint list. Values go in and come out as plain objects validated by
 * the list's zod schema; Graph JSON never leaves this file.
 *
 * Nothing lost, nothing twice ([principle 5](../../docs/reference/architecture.md#5-nothing-lost-nothing-twice)):
 * - every create carries an idempotency key stored in the list's unique IdempotencyKey column; a
 *   create that fails after a retry (the first try may have been applied, [§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)) or hits the unique
 *   constraint looks the key up and returns the item it finds;
 * - updates send If-Match ([§4.2](../../docs/reference/graph-sharepoint-lists.md#42-updating-fields)); a retried PATCH that meets 412 re-reads the item and succeeds if
 *   the item already holds what it wrote;
 * - a retried DELETE that meets 404 has done its job.
 */
import type { z } from "zod";
import { AppError, fieldErrorsFromIssues } from "../errors";
import type { RowReports } from "./row-reports";
import { GraphApi, statusOf, subError, toAppError, type BatchOutcome, type BatchStep } from "./graph-api";
import {
  IDEMPOTENCY_COLUMN,
  IDEMPOTENCY_KEY_MAX,
  filterLiteral,
  fromFields,
  toFields,
  validateValue,
  type AnyObjectSchema,
  type ColumnSpec,
  type FieldMappingOptions,
  type ListDefinition,
} from "./list-definition";

/** A stored record: the list item's identity and version around the validated value. */
export interface Item<T> {
  /** The list item id ([§3.2](../../docs/reference/graph-sharepoint-lists.md#32-the-listitem-resource): an integer as a string). */
  id: string;
  /** Opaque version tag; send it back to `update`/`delete` to detect concurrent edits ([§4.2](../../docs/reference/graph-sharepoint-lists.md#42-updating-fields)). */
  eTag: string;
  createdAt: string;
  modifiedAt: string;
  value: T;
}

export interface QueryOptions<T> {
  /** Equality on fields, joined with `and`. Fields should be indexed ([§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering)). */
  where?: { [K in keyof T]?: T[K] };
  /** A raw `$filter` over column names, e.g. `fields/start ge '2026-01-01T00:00:00Z'`. */
  filter?: string;
  orderBy?: { field: keyof T & string; descending?: boolean };
  /** Items per page (`$top`). */
  pageSize?: number;
  /**
   * Send `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` ([§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering)). Only for small lists: such
   * queries "may fail on large lists". Without it, naming a non-indexed field is refused here.
   */
  allowNonIndexed?: boolean;
}

export interface DeltaResult<T> {
  /** Items created or changed since the token (latest state of each, [§5](../../docs/reference/graph-sharepoint-lists.md#5-delta)). */
  changes: Item<T>[];
  /** Ids of items deleted since the token. */
  deleted: string[];
  /** Pass to the next `delta` call. */
  nextToken: string;
  /** True when the old token was refused (410) and this is a full enumeration: replace, don't merge. */
  reset: boolean;
}

interface GraphListItem {
  id?: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
  deleted?: { state?: string };
}

interface GraphPage {
  value?: GraphListItem[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

const PREFER_NON_INDEXED = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
const DEFAULT_PAGE_SIZE = 200;

export class ListStore<S extends AnyObjectSchema> {
  private readonly itemsPath: string;
  private readonly columnsByField: Map<string, ColumnSpec>;

  constructor(
    private readonly api: GraphApi,
    readonly siteId: string,
    readonly listId: string,
    readonly definition: ListDefinition<S>,
    private readonly mapping: FieldMappingOptions = {},
    /** Told about rows skipped by `query` and `delta` because they do not match the schema. */
    private readonly rows?: RowReports,
  ) {
    this.itemsPath = `/sites/${siteId}/lists/${listId}/items`;
    this.columnsByField = new Map(definition.columns.map((c) => [c.field, c]));
  }

  get title(): string {
    return this.definition.title;
  }

  // ---- create ----

  /** Creates an item. Calling again with the same key returns the first item instead of a second. */
  async create(value: z.input<S>, options: { idempotencyKey: string }): Promise<Item<z.infer<S>>> {
    const key = checkKey(options.idempotencyKey);
    const valid = validateValue(this.definition, value);
    const fields = { ...toFields(this.definition, valid, "create"), [IDEMPOTENCY_COLUMN]: key };
    try {
      const created = await this.api.request<GraphListItem>("POST", this.itemsPath, { body: { fields } });
      return this.toItem(created);
    } catch (err) {
      // The unique-key violation's status is [UNK] on the real service ([§4.1](../../docs/reference/graph-sharepoint-lists.md#41-creating-an-item) "validation errors"),
      // and a create that failed after retries may still have been applied ([§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)), so any failure
      // looks the key up before giving up.
      const existing = await this.findByKey(key);
      if (existing) return existing;
      throw toAppError(err, `Creating an item in ${this.title}`);
    }
  }

  /** Creates many items through `$batch`, 20 per request ([§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests)), each with its own key. */
  async createMany(entries: ReadonlyArray<{ value: z.input<S>; idempotencyKey: string }>): Promise<Item<z.infer<S>>[]> {
    const prepared = entries.map((e, i) => {
      const key = checkKey(e.idempotencyKey);
      try {
        const valid = validateValue(this.definition, e.value);
        return { key, fields: { ...toFields(this.definition, valid, "create"), [IDEMPOTENCY_COLUMN]: key } };
      } catch (err) {
        throw prefixFieldErrors(err, i);
      }
    });
    const outcomes = await this.api.batch(prepared.map((p) => ({ method: "POST", url: this.itemsPath, body: { fields: p.fields } })));
    const results: Item<z.infer<S>>[] = [];
    const failures: Array<{ index: number; status: number; code?: string; message?: string }> = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 201 || outcome.status === 200) {
        results[i] = this.toItem(outcome.body as GraphListItem);
        continue;
      }
      // Same reasoning as `create`: a conflict or a failed retry may mean the item exists.
      const existing = await this.findByKey((prepared[i] as { key: string }).key);
      if (existing) results[i] = existing;
      else failures.push({ index: i, status: outcome.status, ...subError(outcome.body) });
    }
    if (failures.length > 0) throw batchError(`Creating items in ${this.title}`, failures, results);
    return results;
  }

  // ---- read ----

  async get(id: string): Promise<Item<z.infer<S>>> {
    const found = await this.find(id);
    if (!found) throw new AppError("not_found", `${this.title} item ${id} was not found`);
    return found;
  }

  async find(id: string): Promise<Item<z.infer<S>> | undefined> {
    try {
      return this.toItem(await this.api.request<GraphListItem>("GET", `${this.itemsPath}/${encodeURIComponent(id)}?$expand=fields`));
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw toAppError(err, `Reading ${this.title} item ${id}`);
    }
  }

  /** The item created with this idempotency key (or natural key, for reference data). */
  async findByKey(key: string): Promise<Item<z.infer<S>> | undefined> {
    const filter = `fields/${IDEMPOTENCY_COLUMN} eq '${checkKey(key).replace(/'/g, "''")}'`;
    for await (const item of this.query({ filter, pageSize: 2 })) return item;
    return undefined;
  }

  /** Items matching the query, page by page, following each absolute `@odata.nextLink` ([§3.5](../../docs/reference/graph-sharepoint-lists.md#35-paging)). */
  async *query(options: QueryOptions<z.infer<S>> = {}): AsyncIterable<Item<z.infer<S>>> {
    for await (const raw of this.rawItems(options)) {
      const item = this.readRow(raw);
      if (item) yield item;
    }
  }

  /**
   * Only these fields of every item matching the query (`$expand=fields($select=…)`), not validated:
   * a partial row cannot pass the schema. For reading the keys and fingerprints of a list this app
   * writes itself without its large columns.
   */
  async pick<K extends keyof z.infer<S> & string>(fields: readonly K[], options: QueryOptions<z.infer<S>> = {}): Promise<Item<Partial<Pick<z.infer<S>, K>>>[]> {
    const names = fields.map((f) => this.column(f, true).name);
    const out: Item<Partial<Pick<z.infer<S>, K>>>[] = [];
    for await (const raw of this.rawItems(options, names)) {
      const value = fromFields(this.definition, raw.fields ?? {}, this.mapping) as Partial<Pick<z.infer<S>, K>>;
      out.push(this.itemOf(raw, value));
    }
    return out;
  }

  private async *rawItems(options: QueryOptions<z.infer<S>>, select?: readonly string[]): AsyncIterable<GraphListItem> {
    const expand = select ? `$expand=fields($select=${select.map(encodeURIComponent).join(",")})` : `$expand=fields`;
    const params = [expand, `$top=${options.pageSize ?? DEFAULT_PAGE_SIZE}`];
    const clauses: string[] = [];
    for (const [field, value] of Object.entries(options.where ?? {})) {
      if (value === undefined) continue;
      const c = this.column(field, options.allowNonIndexed);
      clauses.push(`fields/${c.name} eq ${filterLiteral(c, value)}`);
    }
    if (options.filter) clauses.push(`(${options.filter})`);
    if (clauses.length > 0) params.push(`$filter=${encodeURIComponent(clauses.join(" and "))}`);
    if (options.orderBy) {
      const c = this.column(options.orderBy.field, options.allowNonIndexed);
      params.push(`$orderby=${encodeURIComponent(`fields/${c.name} ${options.orderBy.descending ? "desc" : "asc"}`)}`);
    }
    // [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering): the client does not resend headers on nextLink pages by itself, so pass them every time.
    const headers = options.allowNonIndexed ? PREFER_NON_INDEXED : undefined;
    let url: string | undefined = `${this.itemsPath}?${params.join("&")}`;
    while (url) {
      let page: GraphPage;
      try {
        page = await this.api.request<GraphPage>("GET", url, { headers });
      } catch (err) {
        throw toAppError(err, `Querying ${this.title}`);
      }
      yield* page.value ?? [];
      url = page["@odata.nextLink"];
    }
  }

  /** Every item matching the query, collected. */
  async all(options: QueryOptions<z.infer<S>> = {}): Promise<Item<z.infer<S>>[]> {
    const out: Item<z.infer<S>>[] = [];
    for await (const item of this.query(options)) out.push(item);
    return out;
  }

  // ---- update ----

  /**
   * Changes some fields. With `eTag`, fails with `precondition_failed` (carrying the current version
   * as `detail.eTag`, never the item) when the item changed since that version was read. Without it, the patch is
   * merged into the latest version (still sent with If-Match, so no concurrent write is lost).
   */
  async update(id: string, patch: Partial<z.input<S>>, options: { eTag?: string } = {}): Promise<Item<z.infer<S>>> {
    for (let round = 1; ; round++) {
      const current = await this.get(id);
      if (options.eTag !== undefined && options.eTag !== current.eTag) throw this.preconditionFailed(id, current);
      const merged = validateValue(this.definition, { ...current.value, ...patch });
      const result = await this.patchFields(id, merged, current.eTag);
      if (result.ok) return result.item;
      // 412 from a concurrent writer between our read and our PATCH.
      if (options.eTag !== undefined) throw this.preconditionFailed(id, result.current);
      if (round >= 5) throw this.preconditionFailed(id, result.current);
    }
  }

  /** Replaces whole values through `$batch`. Each entry may carry the eTag it was read with. */
  async updateMany(entries: ReadonlyArray<{ id: string; value: z.input<S>; eTag?: string }>): Promise<Item<z.infer<S>>[]> {
    const prepared = entries.map((e, i) => {
      try {
        return { id: e.id, eTag: e.eTag, valid: validateValue(this.definition, e.value) };
      } catch (err) {
        throw prefixFieldErrors(err, i);
      }
    });
    const steps: BatchStep[] = prepared.map((p) => ({
      method: "PATCH",
      url: `${this.itemsPath}/${encodeURIComponent(p.id)}/fields`,
      body: toFields(this.definition, p.valid, "update"),
      headers: p.eTag ? { "If-Match": p.eTag } : undefined,
    }));
    const outcomes = await this.api.batch(steps);
    const results: Item<z.infer<S>>[] = [];
    const failures: Array<{ index: number; status: number; code?: string; message?: string }> = [];
    for (const [i, outcome] of outcomes.entries()) {
      const p = prepared[i] as (typeof prepared)[number];
      if (outcome.status === 200) {
        results[i] = this.toItem(fieldsAsItem(outcome.body));
        continue;
      }
      const settled = await this.settleFailedPatch(p.id, p.valid, outcome);
      if (settled) results[i] = settled;
      else failures.push({ index: i, status: outcome.status, ...subError(outcome.body) });
    }
    if (failures.length > 0) throw batchError(`Updating items in ${this.title}`, failures, results);
    return results;
  }

  /** PATCH /fields with If-Match ([§4.2](../../docs/reference/graph-sharepoint-lists.md#42-updating-fields)). A 412 on a retry is checked against what we wrote. */
  private async patchFields(
    id: string,
    value: z.infer<S>,
    eTag: string,
  ): Promise<{ ok: true; item: Item<z.infer<S>> } | { ok: false; current: Item<z.infer<S>> }> {
    let attempts = 0;
    try {
      const fields = await this.api.request<Record<string, unknown>>(
        "PATCH",
        `${this.itemsPath}/${encodeURIComponent(id)}/fields`,
        { body: toFields(this.definition, value, "update"), headers: { "If-Match": eTag } },
        (n) => (attempts = n),
      );
      return { ok: true, item: this.toItem(fieldsAsItem(fields)) };
    } catch (err) {
      const status = statusOf(err);
      if (status !== 412 && status !== 404) throw toAppError(err, `Updating ${this.title} item ${id}`);
      if (status === 404) throw new AppError("not_found", `${this.title} item ${id} was not found`, { cause: err });
      const current = await this.get(id);
      // [§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do): an earlier attempt may have been applied before its answer was lost.
      if (attempts > 1 && sameValue(current.value, this.roundTrip(value))) return { ok: true, item: current };
      return { ok: false, current };
    }
  }

  private async settleFailedPatch(id: string, value: z.infer<S>, outcome: BatchOutcome): Promise<Item<z.infer<S>> | undefined> {
    if (outcome.status === 412) {
      const current = await this.find(id);
      if (current && outcome.attempts > 1 && sameValue(current.value, this.roundTrip(value))) return current;
    }
    return undefined;
  }

  private preconditionFailed(id: string, current: Item<z.infer<S>>): AppError {
    return new AppError("precondition_failed", `${this.title} item ${id} was changed by someone else; reload it and try again`, {
      // Only the version: the item is the store's, not a caller's view of it (a feature that offers
      // the caller the current record builds that view itself).
      detail: { eTag: current.eTag },
    });
  }

  // ---- delete ----

  /** Deletes an item. Returns false when it was already gone (deleting twice is not an error). */
  async delete(id: string, options: { eTag?: string } = {}): Promise<boolean> {
    let attempts = 0;
    try {
      await this.api.request(
        "DELETE",
        `${this.itemsPath}/${encodeURIComponent(id)}`,
        { headers: options.eTag ? { "If-Match": options.eTag } : undefined },
        (n) => (attempts = n),
      );
      return true;
    } catch (err) {
      const status = statusOf(err);
      // 404 on a retry: an earlier attempt deleted it and its answer was lost ([§7.4](../../docs/reference/graph-sharepoint-lists.md#74-what-a-client-should-do)).
      if (status === 404) return attempts > 1;
      if (status === 412) {
        const current = await this.find(id);
        if (!current) return false;
        throw this.preconditionFailed(id, current);
      }
      throw toAppError(err, `Deleting ${this.title} item ${id}`);
    }
  }

  /** Deletes up to 20 items in one `$batch` ([§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests)); an item already gone (404) counts as deleted. */
  async deleteMany(ids: readonly string[]): Promise<void> {
    const outcomes = await this.api.batch(ids.map((id) => ({ method: "DELETE", url: `${this.itemsPath}/${encodeURIComponent(id)}` })));
    const failed = outcomes.map((o, i) => ({ o, id: ids[i] })).filter(({ o }) => o.status !== 204 && o.status !== 200 && o.status !== 404);
    if (failed.length > 0) {
      throw new AppError("upstream_failed", `Deleting ${failed.length} items of ${this.title} failed`, {
        detail: { failures: failed.map(({ o, id }) => ({ id, status: o.status })) },
      });
    }
  }

  // ---- delta ----

  /**
   * Changes since `token` ([§5](../../docs/reference/graph-sharepoint-lists.md#5-delta)), or every item when there is none. Follows nextLinks to the
   * deltaLink. An expired token (410) restarts the enumeration and says so with `reset`.
   */
  async delta(token?: string, options: { top?: number } = {}): Promise<DeltaResult<z.infer<S>>> {
    try {
      return await this.deltaFrom(token, false, options.top);
    } catch (err) {
      if (token !== undefined && statusOf(err) === 410) return this.deltaFrom(undefined, true, options.top);
      throw toAppError(err, `Reading changes of ${this.title}`);
    }
  }

  private async deltaFrom(token: string | undefined, reset: boolean, top: number | undefined): Promise<DeltaResult<z.infer<S>>> {
    // [§5](../../docs/reference/graph-sharepoint-lists.md#5-delta): "The same item might appear more than once … use the last occurrence you see."
    const latest = new Map<string, Item<z.infer<S>> | null>();
    // A large `$top` makes a cold enumeration of a few thousand items one or two requests ([§3.5](../../docs/reference/graph-sharepoint-lists.md#35-paging)).
    const first = `${this.itemsPath}/delta?$expand=fields${top ? `&$top=${top}` : ""}${token === undefined ? "" : `&token=${encodeURIComponent(token)}`}`;
    let url: string | undefined = first;
    let deltaLink: string | undefined;
    while (url) {
      const page: GraphPage = await this.api.request<GraphPage>("GET", url);
      for (const raw of page.value ?? []) {
        const id = String(raw.id);
        latest.delete(id);
        // A row that no longer matches its schema is skipped like a deleted one: its last readable
        // state cannot be trusted any more (for People, keeping it would keep an outdated role).
        latest.set(id, raw.deleted ? null : (this.readRow(raw) ?? null));
      }
      url = page["@odata.nextLink"];
      deltaLink = page["@odata.deltaLink"];
    }
    const nextToken = deltaLink ? new URL(deltaLink).searchParams.get("token") : null;
    if (!nextToken) throw new AppError("upstream_failed", `The delta of ${this.title} ended without a deltaLink token`);
    const changes: Item<z.infer<S>>[] = [];
    const deleted: string[] = [];
    for (const [id, item] of latest) {
      if (item) changes.push(item);
      else deleted.push(id);
    }
    return { changes, deleted, nextToken, reset };
  }

  // ---- mapping ----

  /** A value as it reads back after a write (e.g. date-times lose sub-second digits, [§0](../../docs/reference/graph-sharepoint-lists.md#0-rules-for-every-endpoint)). */
  private roundTrip(value: z.infer<S>): unknown {
    const fields = toFields(this.definition, value, "create");
    return this.definition.schema.parse(fromFields(this.definition, fields, this.mapping));
  }

  private column(field: string, allowNonIndexed: boolean | undefined): ColumnSpec {
    const c = this.columnsByField.get(field);
    if (!c) throw new AppError("bad_request", `${this.title} has no field '${field}'`);
    if (!c.indexed && !allowNonIndexed) {
      // [§3.3](../../docs/reference/graph-sharepoint-lists.md#33-filtering): SharePoint refuses filter/orderby on non-indexed columns without the Prefer header.
      throw new AppError("bad_request", `${this.title}.${field} is not indexed; index it in lists.ts or pass allowNonIndexed for a small list`);
    }
    return c;
  }

  /**
   * A row read by `query` or `delta`: the item, or undefined (reported, never thrown) when it does
   * not match the schema, so one bad row does not fail the rest of the list.
   */
  private readRow(raw: GraphListItem): Item<z.infer<S>> | undefined {
    const id = String(raw.id ?? raw.fields?.id);
    const parsed = this.definition.schema.safeParse(fromFields(this.definition, raw.fields ?? {}, this.mapping));
    if (!parsed.success) {
      this.rows?.invalid({ list: this.title, itemId: id, fields: Object.keys(fieldErrorsFromIssues(parsed.error.issues)) });
      return undefined;
    }
    this.rows?.valid?.(this.title, id);
    return this.itemOf(raw, parsed.data);
  }

  private toItem(raw: GraphListItem): Item<z.infer<S>> {
    const fields = raw.fields ?? {};
    const parsed = this.definition.schema.safeParse(fromFields(this.definition, fields, this.mapping));
    if (!parsed.success) {
      throw new AppError("upstream_failed", `${this.title} item ${raw.id} does not match its schema`, {
        fieldErrors: fieldErrorsFromIssues(parsed.error.issues),
      });
    }
    return this.itemOf(raw, parsed.data);
  }

  private itemOf<V = z.infer<S>>(raw: GraphListItem, value: V): Item<V> {
    const fields = raw.fields ?? {};
    return {
      id: String(raw.id ?? fields.id),
      eTag: String(raw.eTag ?? fields["@odata.etag"]),
      createdAt: String(raw.createdDateTime ?? fields.Created),
      modifiedAt: String(raw.lastModifiedDateTime ?? fields.Modified),
      value,
    };
  }
}

/** [§4.2](../../docs/reference/graph-sharepoint-lists.md#42-updating-fields): PATCH /fields answers with the fieldValueSet; it carries id, @odata.etag, Created, Modified. */
function fieldsAsItem(fields: unknown): GraphListItem {
  const f = (fields ?? {}) as Record<string, unknown>;
  return {
    id: String(f.id),
    eTag: typeof f["@odata.etag"] === "string" ? f["@odata.etag"] : undefined,
    createdDateTime: typeof f.Created === "string" ? f.Created : undefined,
    lastModifiedDateTime: typeof f.Modified === "string" ? f.Modified : undefined,
    fields: f,
  };
}

function checkKey(key: string): string {
  if (typeof key !== "string" || key.trim() === "" || key.length > IDEMPOTENCY_KEY_MAX) {
    throw new AppError("bad_request", `An idempotency key of 1 to ${IDEMPOTENCY_KEY_MAX} characters is required`);
  }
  return key;
}

function prefixFieldErrors(err: unknown, index: number): unknown {
  if (!AppError.isAppError(err) || !err.fieldErrors) return err;
  const fieldErrors = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k ? `${index}.${k}` : String(index), v]));
  return new AppError(err.code, `${err.message} (entry ${index})`, { fieldErrors, cause: err });
}

function batchError(what: string, failures: Array<{ index: number; status: number; code?: string; message?: string }>, done: unknown[]): AppError {
  const throttled = failures.every((f) => f.status === 429 || f.status === 503);
  const first = failures[0];
  return new AppError(
    throttled ? "too_many_requests" : "upstream_failed",
    `${what}: ${failures.length} of the requests failed (first: entry ${first?.index}, ${first?.status} ${first?.code ?? ""} ${first?.message ?? ""})`.trim(),
    { detail: { failures, succeeded: done.filter(Boolean).length } },
  );
}

/** Equality of two validated values regardless of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

