/**
 * Bulk reads and writes for aggregation: few round trips, whatever the latency.
 *
 * - `deltaPaged`: the list's delta (§5) with a large `$top`, so a cold enumeration of a few thousand
 *   items is one or two requests (ListStore.delta uses the service's default page size).
 * - `inParallel`: runs tasks with a bounded number in flight.
 * - `createManyParallel` / `updateManyParallel` / `deleteManyParallel`: `$batch` requests of 20
 *   (§6.1) sent several at a time; ListStore's own createMany/updateMany send their chunks one after
 *   the other.
 */
import type { z } from "zod";
import { AppError, fieldErrorsFromIssues } from "../errors";
import { BATCH_LIMIT, statusOf, toAppError, type GraphApi } from "./graph-api";
import { fromFields, type AnyObjectSchema } from "./list-definition";
import type { DeltaResult, Item, ListStore } from "./list-store";

/** The largest page the emulator serves and a safe `$top` for list items (§3.5). */
export const LARGE_PAGE = 5000;

interface RawItem {
  id?: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
  deleted?: { state?: string };
}

interface RawPage {
  value?: RawItem[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

function itemsPath<S extends AnyObjectSchema>(store: ListStore<S>): string {
  return `/sites/${store.siteId}/lists/${store.listId}/items`;
}

export function parseItem<S extends AnyObjectSchema>(store: ListStore<S>, raw: RawItem): Item<z.infer<S>> {
  const fields = raw.fields ?? {};
  const parsed = store.definition.schema.safeParse(fromFields(store.definition, fields));
  if (!parsed.success) {
    throw new AppError("upstream_failed", `${store.title} item ${raw.id} does not match its schema`, {
      fieldErrors: fieldErrorsFromIssues(parsed.error.issues),
    });
  }
  return {
    id: String(raw.id ?? fields.id),
    eTag: String(raw.eTag ?? fields["@odata.etag"]),
    createdAt: String(raw.createdDateTime ?? fields.Created),
    modifiedAt: String(raw.lastModifiedDateTime ?? fields.Modified),
    value: parsed.data,
  };
}

/** Changes since `token` (every item when none), `top` items per page; a refused token (410) restarts with `reset`. */
export async function deltaPaged<S extends AnyObjectSchema>(
  api: GraphApi,
  store: ListStore<S>,
  token: string | undefined,
  top = LARGE_PAGE,
): Promise<DeltaResult<z.infer<S>>> {
  try {
    return await deltaFrom(api, store, token, top, false);
  } catch (err) {
    if (token !== undefined && statusOf(err) === 410) return deltaFrom(api, store, undefined, top, true);
    throw toAppError(err, `Reading changes of ${store.title}`);
  }
}

async function deltaFrom<S extends AnyObjectSchema>(
  api: GraphApi,
  store: ListStore<S>,
  token: string | undefined,
  top: number,
  reset: boolean,
): Promise<DeltaResult<z.infer<S>>> {
  // §5: the same item may appear more than once; the last occurrence is its state.
  const latest = new Map<string, Item<z.infer<S>> | null>();
  let url: string | undefined = `${itemsPath(store)}/delta?$expand=fields&$top=${top}${token === undefined ? "" : `&token=${encodeURIComponent(token)}`}`;
  let deltaLink: string | undefined;
  while (url) {
    const page: RawPage = await api.request<RawPage>("GET", url);
    for (const raw of page.value ?? []) {
      const id = String(raw.id);
      latest.delete(id);
      latest.set(id, raw.deleted ? null : parseItem(store, raw));
    }
    url = page["@odata.nextLink"];
    deltaLink = page["@odata.deltaLink"];
  }
  const nextToken = deltaLink ? new URL(deltaLink).searchParams.get("token") : null;
  if (!nextToken) throw new AppError("upstream_failed", `The delta of ${store.title} ended without a deltaLink token`);
  const changes: Item<z.infer<S>>[] = [];
  const deleted: string[] = [];
  for (const [id, item] of latest) {
    if (item) changes.push(item);
    else deleted.push(id);
  }
  return { changes, deleted, nextToken, reset };
}

/** Runs the tasks with at most `limit` in flight; results in task order. The first failure is thrown after all settle. */
export async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = await (tasks[i] as () => Promise<T>)();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function createManyParallel<S extends AnyObjectSchema>(
  store: ListStore<S>,
  entries: ReadonlyArray<{ value: z.input<S>; idempotencyKey: string }>,
  concurrency: number,
): Promise<Item<z.infer<S>>[]> {
  const parts = await inParallel(chunks(entries).map((c) => () => store.createMany(c)), concurrency);
  return parts.flat();
}

export async function updateManyParallel<S extends AnyObjectSchema>(
  store: ListStore<S>,
  entries: ReadonlyArray<{ id: string; value: z.input<S>; eTag?: string }>,
  concurrency: number,
): Promise<Item<z.infer<S>>[]> {
  const parts = await inParallel(chunks(entries).map((c) => () => store.updateMany(c)), concurrency);
  return parts.flat();
}

/** Deletes items through `$batch`; an item already gone (404) counts as deleted. */
export async function deleteManyParallel<S extends AnyObjectSchema>(api: GraphApi, store: ListStore<S>, ids: readonly string[], concurrency: number): Promise<void> {
  const path = itemsPath(store);
  await inParallel(
    chunks(ids).map((c) => async () => {
      const outcomes = await api.batch(c.map((id) => ({ method: "DELETE", url: `${path}/${encodeURIComponent(id)}` })));
      const failed = outcomes.map((o, i) => ({ o, id: c[i] })).filter(({ o }) => o.status !== 204 && o.status !== 200 && o.status !== 404);
      if (failed.length > 0) {
        throw new AppError("upstream_failed", `Deleting ${failed.length} items of ${store.title} failed`, {
          detail: { failures: failed.map(({ o, id }) => ({ id, status: o.status })) },
        });
      }
    }),
    concurrency,
  );
}
