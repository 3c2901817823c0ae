/**
 * Which list items changed since the last look, through each list's Graph delta query (every write
 * stamps an item with a new version; a deletion leaves a tombstone). The fuzz looks after each
 * request, so a change is pinned on the request that made it.
 */
import type { GraphApi } from "../../src/graph/graph-api";
import { KpiSummaryList } from "../../src/server/features/kpi/lists";

export interface ItemChange {
  list: string;
  id: string;
  deleted: boolean;
}

interface DeltaPage {
  value?: Array<{ id?: string; eTag?: string; "@removed"?: unknown; deleted?: unknown }>;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

interface Watched {
  id: string;
  title: string;
  deltaLink: string;
  /** The list's change counter when its delta was last read (with a `counters` source). */
  seq?: number;
}

/** Each list's change counter by list id, read where the lists are kept (the emulator's store). */
export type ChangeCounters = () => ReadonlyMap<string, number>;

/**
 * Lists whose items a refused request may legitimately add: the audit trail records refusals and
 * every read, so it grows on any answer.
 */
export const APPEND_ONLY_LISTS: ReadonlySet<string> = new Set(["AuditLog"]);

/**
 * Lists the app derives in the background from lists that are checked: the KPI summary list is
 * rewritten by a timed refresh from the returns, districts and term dates, so after an accepted
 * change of structure (a rename, a retirement) its rewrite lands while later, refused requests are
 * answered. A refused request that changed a return or a district is still caught on those lists.
 */
export const DERIVED_LISTS: ReadonlySet<string> = new Set([KpiSummaryList.title]);

export class RecordWatch {
  private watched: Watched[] = [];
  /** Every item id seen, by list title (the fuzz draws path values from them). */
  readonly ids = new Map<string, Set<string>>();
  /** The latest eTag of every item seen, by `list/id` (the fuzz offers them in `eTag` fields). */
  readonly eTags = new Map<string, string>();

  /** Items by list title with their latest eTags. */
  items(): Map<string, Array<{ id: string; eTag?: string }>> {
    return new Map([...this.ids].map(([title, ids]) => [title, [...ids].map((id) => ({ id, ...(this.eTags.has(`${title}/${id}`) ? { eTag: this.eTags.get(`${title}/${id}`) } : {}) }))]));
  }

  /**
   * With `counters`, a look asks the deltas only of lists whose counter moved since their last read:
   * most fuzz requests are refused and write nothing, so most looks are one query instead of a
   * \$batch of forty deltas. The delta still says which items changed.
   */
  constructor(
    private readonly api: GraphApi,
    private readonly siteId: string,
    private readonly counters?: ChangeCounters,
  ) {}

  /** Reads every list once, to the end of its delta, and remembers where that ended. */
  async start(): Promise<void> {
    const lists = await this.api.request<{ value: Array<{ id: string; displayName: string }> }>("GET", `/sites/${this.siteId}/lists?$select=id,displayName`);
    const before = this.counters?.();
    this.watched = await Promise.all(
      lists.value.map(async (list) => {
        const { deltaLink } = await this.follow(list.displayName, `/sites/${this.siteId}/lists/${list.id}/items/delta?$select=id,eTag&$top=500`);
        // The counter read before the delta: a write in between is seen again next time, not missed.
        return { id: list.id, title: list.displayName, deltaLink, ...(before?.has(list.id) ? { seq: before.get(list.id) } : {}) };
      }),
    );
  }

  /**
   * The items changed, added or deleted since the last call, audit trail excepted. The lists are
   * asked in \$batch requests of 20 (one round trip for all of them, not one each).
   */
  async changes(): Promise<ItemChange[]> {
    const now = this.counters?.();
    const watched = this.watched.filter((w) => !APPEND_ONLY_LISTS.has(w.title) && !DERIVED_LISTS.has(w.title) && (now === undefined || w.seq === undefined || now.get(w.id) !== w.seq));
    if (watched.length === 0) return [];
    for (const w of watched) if (now?.has(w.id)) w.seq = now.get(w.id);
    const outcomes = await this.api.batch(watched.map((w) => ({ method: "GET" as const, url: relative(w.deltaLink) })));
    const found = await Promise.all(
      outcomes.map(async (outcome, i) => {
        const w = watched[i] as Watched;
        if (outcome.status !== 200) throw new Error(`The delta of ${w.title} answered ${outcome.status}`);
        const page = outcome.body as DeltaPage;
        const first = this.read(w.title, page);
        // A page that does not end the round (many changes at once) is followed one by one.
        const rest = page["@odata.deltaLink"] ? { changes: [], deltaLink: page["@odata.deltaLink"] } : await this.follow(w.title, page["@odata.nextLink"] ?? "");
        w.deltaLink = rest.deltaLink;
        return [...first, ...rest.changes];
      }),
    );
    return found.flat();
  }

  private read(title: string, page: DeltaPage): ItemChange[] {
    const changes: ItemChange[] = [];
    for (const item of page.value ?? []) {
      if (!item.id) continue;
      const deleted = item["@removed"] !== undefined || item.deleted !== undefined;
      changes.push({ list: title, id: item.id, deleted });
      let known = this.ids.get(title);
      if (!known) this.ids.set(title, (known = new Set()));
      if (deleted) known.delete(item.id);
      else known.add(item.id);
      if (deleted) this.eTags.delete(`${title}/${item.id}`);
      else if (item.eTag) this.eTags.set(`${title}/${item.id}`, item.eTag);
    }
    return changes;
  }

  private async follow(title: string, first: string): Promise<{ changes: ItemChange[]; deltaLink: string }> {
    const changes: ItemChange[] = [];
    let link: string | undefined = first;
    for (;;) {
      const page: DeltaPage = await this.api.request<DeltaPage>("GET", link);
      changes.push(...this.read(title, page));
      if (page["@odata.deltaLink"]) return { changes, deltaLink: page["@odata.deltaLink"] };
      link = page["@odata.nextLink"];
      if (!link) throw new Error(`The delta of ${title} ended without a deltaLink`);
    }
  }
}

/** A deltaLink relative to the Graph version root, as a \$batch step wants it. */
function relative(link: string): string {
  const at = link.indexOf("/v1.0/");
  return at >= 0 ? link.slice(at + "/v1.0".length) : link;
}
