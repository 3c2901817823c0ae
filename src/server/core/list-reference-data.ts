/**
 * Districts, settings and the reporting calendar as the server reads them once the lists exist
 * (src/server/reference-data.ts). Reference data changes rarely, so each list is read whole and
 * kept for `ttlMs`.
 */
import type { z } from "zod";
import type { ReferenceData } from "./reference-data";
import type { BankHoliday } from "../../schemas/reference/bank-holiday";
import type { District } from "../../schemas/reference/district";
import type { Setting } from "../../schemas/reference/setting";
import type { Term } from "../../schemas/reference/term";
import type { AnyObjectSchema } from "../../graph/list-definition";
import type { ListStore } from "../../graph/list-store";
import type { LiftStores } from "./lists";

class Cached<S extends AnyObjectSchema> {
  private value?: { at: number; items: Promise<z.infer<S>[]> };
  constructor(
    private readonly store: ListStore<S>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(): Promise<z.infer<S>[]> {
    const v = this.value;
    if (v && this.now() - v.at <= this.ttlMs) return v.items;
    const items = this.store.all().then((all) => all.map((i) => i.value));
    // A failed read is not cached: the next call tries again.
    items.catch(() => {
      if (this.value?.items === items) this.value = undefined;
    });
    this.value = { at: this.now(), items };
    return items;
  }

  invalidate(): void {
    this.value = undefined;
  }
}

export class ListReferenceData implements ReferenceData {
  private readonly cache;

  constructor(stores: Pick<LiftStores, "districts" | "settings" | "terms" | "bankHolidays">, options: { ttlMs?: number; now?: () => number } = {}) {
    const ttl = options.ttlMs ?? 5 * 60_000;
    const now = options.now ?? Date.now;
    this.cache = {
      districts: new Cached(stores.districts, ttl, now),
      settings: new Cached(stores.settings, ttl, now),
      terms: new Cached(stores.terms, ttl, now),
      bankHolidays: new Cached(stores.bankHolidays, ttl, now),
    };
  }

  async districts(): Promise<District[]> {
    return [...(await this.cache.districts.get())].sort((a, b) => a.name.localeCompare(b.name));
  }

  async settings(): Promise<Setting[]> {
    return [...(await this.cache.settings.get())].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Terms in date order. */
  async terms(): Promise<Term[]> {
    return [...(await this.cache.terms.get())].sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Bank holidays in date order. */
  async bankHolidays(): Promise<BankHoliday[]> {
    return [...(await this.cache.bankHolidays.get())].sort((a, b) => a.date.localeCompare(b.date));
  }

  invalidate(): void {
    for (const c of Object.values(this.cache)) c.invalidate();
  }
}
