/**
 * Bulk writes for aggregation: few round trips, whatever the latency. ListStore's own
 * createMany/updateMany/deleteMany send one `$batch` of 20 ([§6.1](../../docs/reference/graph-sharepoint-lists.md#61-batch-requests)) at a time; these send several
 * batches at once, with a bounded number in flight.
 */
import type { z } from "zod";
import { BATCH_LIMIT } from "./graph-api";
import type { AnyObjectSchema } from "./list-definition";
import type { Item, ListStore } from "./list-store";

/** The largest page the emulator serves and a safe `$top` for list items ([§3.5](../../docs/reference/graph-sharepoint-lists.md#35-paging)). */
export const LARGE_PAGE = 5000;

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
export async function deleteManyParallel<S extends AnyObjectSchema>(store: ListStore<S>, ids: readonly string[], concurrency: number): Promise<void> {
  await inParallel(chunks(ids).map((c) => () => store.deleteMany(c)), concurrency);
}
