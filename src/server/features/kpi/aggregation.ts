/**
 * The Graph side of KPI aggregation: reads the returns list with paged delta, computes with the pure
 * `aggregateKpis` (src/domain/kpi), and keeps the KpiSummary list up to date by writing only the
 * rows that changed (`diffSummaryRows`), in parallel `$batch` requests.
 *
 * State kept in memory between calls:
 * - every KpiReturns item, refreshed by one delta request per `sync()` (a cold start is one paged
 *   enumeration with `$top=5000`);
 * - per academic year, the stored summary items (level × scope × period → item id and rows), read
 *   once per year (years in parallel) the first time that year is refreshed.
 *
 * Incremental refresh: delta on the returns → the academic years of the changed items → recompute
 * those years only → diffSummaryRows against the stored rows → rewrite only the items holding changed
 * rows, with createMany / updateMany / delete in parallel `$batch` requests.
 */
import type { TermNumber } from "../../../domain/time/calendar";
import type { AcademicYear } from "../../../domain/time/academic-year";
import {
  aggregateKpis,
  diffSummaryRows,
  type DistrictRef,
  type KpiSummary,
  type ReturnVersion,
  type SummaryRow,
} from "../../../domain/kpi/aggregate";
import { academicYearStart } from "../../../domain/kpi/catalogue";
import type { GraphApi } from "../../../graph/graph-api";
import { createManyParallel, deleteManyParallel, inParallel, LARGE_PAGE, updateManyParallel } from "../../../graph/bulk-io";
import type { KpiReturnItem, KpiReturnsList, KpiSummaryItem, KpiSummaryList } from "./lists";
import type { Item, ListStore } from "../../../graph/list-store";

export type ReturnsStore = ListStore<typeof KpiReturnsList.schema>;
export type SummaryStore = ListStore<typeof KpiSummaryList.schema>;

export interface KpiAggregatorOptions {
  api: GraphApi;
  returns: ReturnsStore;
  summary: SummaryStore;
  districts: () => Promise<DistrictRef[]>;
  countyName?: string;
  /** `$batch` requests (or queries) in flight at once (default 8). */
  concurrency?: number;
}

export interface RefreshReport {
  years: AcademicYear[];
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

interface StoredSet {
  id: string;
  rows: SummaryRow[];
}

const ALL_TERMS: readonly TermNumber[] = [1, 2, 3, 4, 5, 6];

/** Versions that count in the summary: submitted ones (a returned submission stands until a new version is submitted). */
export function countsInSummary(item: KpiReturnItem): boolean {
  return item.status === "submitted" || item.status === "returned";
}

export function toReturnVersion(item: KpiReturnItem): ReturnVersion {
  return {
    districtSlug: item.districtSlug,
    academicYear: item.academicYear,
    term: item.term as TermNumber,
    version: item.version,
    submittedAt: item.submittedAt ?? item.savedAt,
    values: item.values,
  };
}

/** Percentages are stored rounded to 6 decimal places, so a stored row compares equal to a recomputed one. */
function round6(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

export function normaliseRow(row: SummaryRow): SummaryRow {
  return { ...row, value: round6(row.value), percent: round6(row.percent), numerator: round6(row.numerator), denominator: round6(row.denominator), asked: round6(row.asked) };
}

/** `level|scope|year|period`: the summary item a row belongs to (its key without the measure). */
export function setKeyOf(row: SummaryRow): string {
  return row.key.slice(0, row.key.lastIndexOf("|"));
}

/** Rows of one level × scope × year × period → one summary list item. */
export function rowsToItem(rows: readonly SummaryRow[]): KpiSummaryItem {
  const first = rows[0];
  if (!first) throw new Error("a summary item needs at least one row");
  return {
    setKey: setKeyOf(first),
    level: first.level,
    name: first.name,
    academicYear: first.academicYear,
    period: first.period,
    districtsExpected: first.districtsExpected,
    measures: rows.map((r) => ({
      measure: r.measure,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      percent: r.percent,
      rag: r.rag,
      asked: r.asked,
      districtsReporting: r.districtsReporting,
      missing: r.missing,
      partial: r.partial,
    })),
  };
}

export function itemToRows(item: KpiSummaryItem): SummaryRow[] {
  return item.measures.map((m) => ({
    key: `${item.setKey}|${m.measure}`,
    level: item.level,
    name: item.name,
    academicYear: item.academicYear,
    period: item.period,
    measure: m.measure,
    value: m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    percent: m.percent,
    rag: m.rag,
    asked: m.asked ?? null,
    districtsReporting: m.districtsReporting,
    districtsExpected: item.districtsExpected,
    missing: m.missing,
    partial: m.partial,
  }));
}

function previousYear(year: AcademicYear): AcademicYear {
  const start = academicYearStart(year) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export class KpiAggregator {
  private readonly items = new Map<string, Item<KpiReturnItem>>();
  private token: string | undefined;
  private readonly stored = new Map<AcademicYear, Map<string, StoredSet>>();
  private syncChain: Promise<unknown> = Promise.resolve();
  /** The next sync, not started yet (see `sync`). */
  private queuedSync: Promise<Set<AcademicYear>> | undefined;
  private refreshChain: Promise<unknown> = Promise.resolve();
  private readonly concurrency: number;
  /** Years whose returns changed since the summary list was last refreshed for them. */
  private readonly dirty = new Set<AcademicYear>();

  constructor(private readonly options: KpiAggregatorOptions) {
    this.concurrency = options.concurrency ?? 8;
  }

  /**
   * Brings the in-memory copy of the returns list up to date (one delta request when nothing
   * changed). Returns the academic years whose items changed (all years on a cold start).
   */
  sync(): Promise<Set<AcademicYear>> {
    // Callers that arrive while a sync waits its turn join it: it starts after all of their calls,
    // so each still sees every write made before it asked, and a burst of readers (a reminder pass
    // building hundreds of cards) costs one delta request, not one each. Changed years are also
    // kept in `dirty`, so a joined caller loses nothing the summary refresh needs.
    if (this.queuedSync) return this.queuedSync;
    const run = this.syncChain.then(() => {
      this.queuedSync = undefined;
      return this.syncOnce();
    });
    this.queuedSync = run;
    this.syncChain = run.catch(() => undefined);
    return run;
  }

  private async syncOnce(): Promise<Set<AcademicYear>> {
    const result = await this.options.returns.delta(this.token, { top: LARGE_PAGE });
    const years = new Set<AcademicYear>();
    if (result.reset) {
      for (const item of this.items.values()) years.add(item.value.academicYear);
      this.items.clear();
    }
    for (const id of result.deleted) {
      const gone = this.items.get(id);
      if (gone) years.add(gone.value.academicYear);
      this.items.delete(id);
    }
    for (const item of result.changes) {
      const before = this.items.get(item.id);
      if (before) years.add(before.value.academicYear);
      years.add(item.value.academicYear);
      this.items.set(item.id, item);
    }
    this.token = result.nextToken;
    for (const y of years) this.dirty.add(y);
    return years;
  }

  /** Every return version known after the last sync. */
  returnItems(): Item<KpiReturnItem>[] {
    return [...this.items.values()];
  }

  /** Academic years that have any return item. */
  years(): AcademicYear[] {
    return [...new Set([...this.items.values()].map((i) => i.value.academicYear))].sort();
  }

  /** The summary of one academic year (all six terms, or those given) from the synced returns. */
  async compute(year: AcademicYear, terms: readonly TermNumber[] = ALL_TERMS): Promise<KpiSummary> {
    const previous = previousYear(year);
    const returns = [...this.items.values()]
      .map((i) => i.value)
      .filter((v) => countsInSummary(v) && (v.academicYear === year || (v.academicYear === previous && v.term === 6)))
      .map(toReturnVersion);
    return aggregateKpis({
      districts: await this.options.districts(),
      terms: terms.map((term) => ({ academicYear: year, term })),
      returns,
      countyName: this.options.countyName,
    });
  }

  /**
   * Incremental: sync the returns, then refresh the summary list for the years that changed since
   * the last refresh (every year with returns, the first time).
   */
  async refresh(): Promise<RefreshReport> {
    await this.sync();
    const years = [...this.dirty];
    for (const y of years) this.dirty.delete(y);
    try {
      return await this.refreshYears(years);
    } catch (err) {
      for (const y of years) this.dirty.add(y);
      throw err;
    }
  }

  /** Recomputes these years and writes only what changed to the summary list. */
  refreshYears(years: readonly AcademicYear[]): Promise<RefreshReport> {
    const run = this.refreshChain.then(() => this.refreshYearsOnce(years));
    this.refreshChain = run.catch(() => undefined);
    return run;
  }

  private async refreshYearsOnce(years: readonly AcademicYear[]): Promise<RefreshReport> {
    const report: RefreshReport = { years: [...years].sort(), created: 0, updated: 0, deleted: 0, unchanged: 0 };
    // Stored items of years not read yet: all years at once.
    await this.loadStored(years.filter((y) => !this.stored.has(y)));
    const creates: Array<{ value: KpiSummaryItem; idempotencyKey: string }> = [];
    const updates: Array<{ id: string; value: KpiSummaryItem }> = [];
    const deletes: Array<{ year: AcademicYear; key: string; id: string }> = [];
    for (const year of report.years) {
      const stored = this.stored.get(year) ?? new Map<string, StoredSet>();
      this.stored.set(year, stored);
      const next = (await this.compute(year)).rows.map(normaliseRow);
      const diff = diffSummaryRows(
        [...stored.values()].flatMap((s) => s.rows),
        next,
      );
      // A changed row rewrites its whole item (level × scope × period): at most six items per amended return.
      const changedSets = new Set([...diff.upsert.map(setKeyOf), ...diff.delete.map((k) => k.slice(0, k.lastIndexOf("|")))]);
      const bySet = new Map<string, SummaryRow[]>();
      for (const row of next) {
        const key = setKeyOf(row);
        if (!changedSets.has(key)) continue;
        const list = bySet.get(key) ?? [];
        list.push(row);
        bySet.set(key, list);
      }
      const produced = new Set(next.map(setKeyOf));
      report.unchanged += produced.size - [...changedSets].filter((k) => produced.has(k)).length;
      for (const [key, rows] of bySet) {
        const existing = stored.get(key);
        if (existing) updates.push({ id: existing.id, value: rowsToItem(rows) });
        else creates.push({ value: rowsToItem(rows), idempotencyKey: `kpi-summary:${key}` });
      }
      for (const key of changedSets) {
        const existing = stored.get(key);
        if (existing && !produced.has(key)) deletes.push({ year, key, id: existing.id });
      }
    }
    const c = this.concurrency;
    try {
      const [created, updated] = await Promise.all([
        createManyParallel(this.options.summary, creates, c),
        updateManyParallel(this.options.summary, updates, c),
        deleteManyParallel(this.options.summary, deletes.map((d) => d.id), c),
      ]);
      for (const item of [...created, ...updated]) {
        this.stored.get(item.value.academicYear)?.set(item.value.setKey, { id: item.id, rows: itemToRows(item.value) });
      }
      for (const d of deletes) this.stored.get(d.year)?.delete(d.key);
    } catch (err) {
      // Someone else changed the list under us (another process refreshing): read it again next time.
      for (const year of years) this.stored.delete(year);
      throw err;
    }
    report.created = creates.length;
    report.updated = updates.length;
    report.deleted = deletes.length;
    return report;
  }

  /** Reads the stored summary items of these years: one query per year, in parallel. */
  private async loadStored(years: readonly AcademicYear[]): Promise<void> {
    if (years.length === 0) return;
    const results = await inParallel(
      years.map((year) => () => this.options.summary.all({ where: { academicYear: year }, pageSize: LARGE_PAGE })),
      Math.max(this.concurrency, years.length),
    );
    for (const year of years) this.stored.set(year, new Map());
    for (const items of results) {
      for (const item of items) this.stored.get(item.value.academicYear)?.set(item.value.setKey, { id: item.id, rows: itemToRows(item.value) });
    }
  }

  /** The stored rows of a year (after a refresh), e.g. to export what Power BI sees. */
  storedRows(year: AcademicYear): SummaryRow[] | undefined {
    const stored = this.stored.get(year);
    return stored ? [...stored.values()].flatMap((s) => s.rows) : undefined;
  }
}
