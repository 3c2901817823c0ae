/**
 * The people directory read from the People list: every request's access check looks a user up
 * here (src/auth/people-directory.ts). Lookups are served from memory; the copy is refreshed with a
 * delta query ([§5](../../../docs/reference/graph-sharepoint-lists.md#5-delta): 1 resource unit with a token, [§7.3](../../../docs/reference/graph-sharepoint-lists.md#73-sharepoint-throttling)) at most once per `ttlMs`, so a change in the
 * list reaches access checks within that time; the app's own changes (the admin feature) call
 * `invalidate()` so they apply at the next sign-in. Lookups by id still find a deactivated person, so
 * sign-in can refuse them with a clear reason; `list()` leaves them out.
 */
import type { PeopleDirectory } from "../../auth/people-directory";
import { AppError } from "../../errors";
import type { Person } from "../../schemas/reference/person";
import type { ListStore } from "../../graph/list-store";
import type { PeopleList } from "./lists";

export interface ListPeopleDirectoryOptions {
  /** How old the copy may be before a lookup refreshes it. */
  ttlMs?: number;
  /**
   * When a refresh fails, keep answering from a copy up to this old; beyond it lookups fail rather
   * than grant access on outdated roles.
   */
  maxStaleMs?: number;
  now?: () => number;
}

export class ListPeopleDirectory implements PeopleDirectory {
  private readonly ttlMs: number;
  private readonly maxStaleMs: number;
  private readonly now: () => number;
  private byItemId = new Map<string, Person>();
  private byOidIndex = new Map<string, Person>();
  private byUpnIndex = new Map<string, Person>();
  private token?: string;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private refreshing?: Promise<void>;

  constructor(
    private readonly store: ListStore<typeof PeopleList.schema>,
    options: ListPeopleDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxStaleMs = options.maxStaleMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async byOid(oid: string): Promise<Person | undefined> {
    await this.fresh();
    return this.byOidIndex.get(oid.toLowerCase());
  }

  async byUpn(upn: string): Promise<Person | undefined> {
    await this.fresh();
    return this.byUpnIndex.get(upn.trim().toLowerCase());
  }

  /** Everyone who may use the app now: people switched off (`deactivatedAt`) are left out. */
  async list(): Promise<Person[]> {
    await this.fresh();
    return [...this.byItemId.values()].filter((p) => !p.deactivatedAt);
  }

  /** Makes the next lookup read the list's changes (e.g. right after the app changed a person). */
  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async fresh(): Promise<void> {
    if (this.now() - this.loadedAt <= this.ttlMs) return;
    // One refresh at a time; concurrent lookups wait for it.
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    try {
      await this.refreshing;
    } catch (err) {
      if (this.now() - this.loadedAt > this.maxStaleMs) {
        throw new AppError("upstream_failed", "The People list cannot be read, so nobody's role can be checked", { cause: err });
      }
    }
  }

  private async refresh(): Promise<void> {
    const result = await this.store.delta(this.token);
    if (result.reset || this.token === undefined) this.byItemId = new Map();
    for (const item of result.changes) this.byItemId.set(item.id, item.value);
    for (const id of result.deleted) this.byItemId.delete(id);
    const byOid = new Map<string, Person>();
    const byUpn = new Map<string, Person>();
    for (const p of this.byItemId.values()) {
      byOid.set(p.oid.toLowerCase(), p);
      byUpn.set(p.upn.toLowerCase(), p);
    }
    this.byOidIndex = byOid;
    this.byUpnIndex = byUpn;
    this.token = result.nextToken;
    this.loadedAt = this.now();
  }
}
