/**
 * The Graph side of KPI aggregation: reads the returns list with paged delta, computes with the pure
 * `aggregateKpis` (src/domain/kpi), and keeps the KpiSummary list up to date by writing only the
 * rows that changed (`diffSummaryRows`), in parallel `$batch` requests.
 *
 * State kept in memory between calls:
 * - every KpiReturns item, refreshed by one delta request per `sync()` (a cold start is one paged
 *   enumeration with `$top=5000`);
 * - per academic year, the stored summary items' ids and input fingerprints (summary-inputs.ts),
 *   read once, for every year in one query beside the first delta, without their measures.
 *
 * Refresh: delta on the returns → the academic years of the changed items → for each, the
 * fingerprints of its items; a year whose stored fingerprints all match is not recomputed (a cold
 * start over an up-to-date list computes nothing) → otherwise recompute the year and rewrite only the
 * items whose fingerprint changed, with createMany / updateMany / delete in parallel `$batch` requests.
 */
import type { Term, TermNumber } from "../../../domain/time/calendar";
import type { AcademicYear } from "../../../domain/time/academic-year";
import {
  aggregateKpis,
  type DistrictRef,
  type KpiSummary,
  type ReturnVersion,
  type SummaryRow,
} from "../../../domain/kpi/aggregate";
import { academicYearStart } from "../../../domain/kpi/catalogue";
import type { GraphApi } from "../../../graph/graph-api";
import { createManyParallel, deleteManyParallel, inParallel, LARGE_PAGE, updateManyParallel } from "../../../graph/bulk-io";
import type { KpiReturnItem, KpiReturnsList, KpiSummaryItem, KpiSummaryList } from "./lists";
import { summaryInputs } from "./summary-inputs";
import type { Item, ListStore } from "../../../graph/list-store";

export type ReturnsStore = ListStore<typeof KpiReturnsList.schema>;
export type SummaryStore = ListStore<typeof KpiSummaryList.schema>;

export interface KpiAggregatorOptions {
  api: GraphApi;
  returns: ReturnsStore;
  summary: SummaryStore;
  districts: () => Promise<DistrictRef[]>;
  /** The calendar's terms, whose dates say which districts are expected in a term (none: whole academic years). */
  terms?: () => Promise<readonly Term[]>;
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
  /** The fingerprint the item was written with (absent on items older than fingerprints). */
  inputs?: string;
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

/** `level|scope` of a set key (`level|scope|year|period`): the scope `aggregateKpis` computes it in. */
function scopeOf(setKey: string): string {
  const parts = setKey.split("|");
  return `${parts[0]}|${parts[1]}`;
}

/** Rows of one level × scope × year × period → one summary list item. */
export function rowsToItem(rows: readonly SummaryRow[], inputs?: string): KpiSummaryItem {
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
    ...(inputs ? { inputs } : {}),
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
  /** Rows of the years this aggregator computed and wrote (what the list holds for them). */
  private readonly written = new Map<AcademicYear, SummaryRow[]>();
  /**
   * The first read of the stored items (every year in one query), run beside the first delta so a
   * cold refresh costs one round trip of reads. Once it has succeeded, a year missing from `stored`
   * has no items.
   */
  private preload: Promise<void> | undefined;
  private allStoredKnown = false;
  /** The districts (with their dates) and term dates of the last refresh: when they change, every year is rechecked. */
  private structureSeen: string | undefined;

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
  async compute(year: AcademicYear, terms: readonly TermNumber[] = ALL_TERMS, scopes?: ReadonlySet<string>): Promise<KpiSummary> {
    const previous = previousYear(year);
    const returns = [...this.items.values()]
      .map((i) => i.value)
      .filter((v) => countsInSummary(v) && (v.academicYear === year || (v.academicYear === previous && v.term === 6)))
      .map(toReturnVersion);
    return aggregateKpis({
      districts: await this.options.districts(),
      terms: terms.map((term) => ({ academicYear: year, term })),
      termDates: await this.termDates(),
      returns,
      countyName: this.options.countyName,
      scopes,
    });
  }

  private async termDates(): Promise<readonly Term[]> {
    return (await this.options.terms?.()) ?? [];
  }

  /**
   * Incremental: sync the returns, then refresh the summary list for the years that changed since
   * the last refresh (every year with returns, the first time).
   */
  async refresh(): Promise<RefreshReport> {
    // Independent reads, side by side: the returns' delta and (the first time) the stored items.
    await Promise.all([this.sync(), this.preloadStored()]);
    // A split, a retirement or new term dates change which districts each year expects, though no
    // return changed: every year is rechecked, and the fingerprints keep the rewrite to what changed.
    const structure = JSON.stringify([await this.options.districts(), await this.termDates()]);
    if (this.structureSeen !== undefined && structure !== this.structureSeen) for (const y of this.years()) this.dirty.add(y);
    this.structureSeen = structure;
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
    await this.preload?.catch(() => undefined);
    // Stored items of years not read yet (the first read failed, or a write did): those years at once.
    await this.loadStored(years.filter((y) => !this.stored.has(y) && !this.allStoredKnown));
    const creates: Array<{ value: KpiSummaryItem; idempotencyKey: string }> = [];
    const updates: Array<{ id: string; value: KpiSummaryItem }> = [];
    const deletes: Array<{ year: AcademicYear; key: string; id: string }> = [];
    const districts = await this.options.districts();
    const termDates = await this.termDates();
    const counted = [...this.items.values()].filter((i) => countsInSummary(i.value));
    for (const year of report.years) {
      const stored = this.stored.get(year) ?? new Map<string, StoredSet>();
      this.stored.set(year, stored);
      const inputs = summaryInputs(year, counted, districts, this.options.countyName, termDates);
      const upToDate = stored.size === inputs.size && [...inputs].every(([key, fp]) => stored.get(key)?.inputs === fp);
      if (upToDate) {
        report.unchanged += inputs.size;
        continue;
      }
      // Only items whose inputs changed are rewritten: at most six per amended return (district,
      // area and county × its term and the year), and only their scopes are computed.
      const changed = [...inputs].filter(([key, fp]) => stored.get(key)?.inputs !== fp).map(([key]) => key);
      const whole = changed.length === inputs.size;
      const scopes = whole ? undefined : new Set(changed.map(scopeOf));
      const next = (await this.compute(year, ALL_TERMS, scopes)).rows.map(normaliseRow);
      const bySet = new Map<string, SummaryRow[]>();
      for (const row of next) {
        const key = setKeyOf(row);
        const list = bySet.get(key);
        if (list) list.push(row);
        else bySet.set(key, [row]);
      }
      let rewritten = 0;
      for (const [key, rows] of bySet) {
        const fp = inputs.get(key);
        const existing = stored.get(key);
        if (existing && fp !== undefined && existing.inputs === fp) continue;
        rewritten++;
        if (existing) updates.push({ id: existing.id, value: rowsToItem(rows, fp) });
        else creates.push({ value: rowsToItem(rows, fp), idempotencyKey: `kpi-summary:${key}` });
      }
      report.unchanged += Math.max(0, inputs.size - rewritten);
      for (const [key, existing] of stored) {
        if (!inputs.has(key)) deletes.push({ year, key, id: existing.id });
      }
      const before = this.written.get(year);
      if (whole) this.written.set(year, next);
      else if (before) this.written.set(year, [...before.filter((r) => !scopes!.has(scopeOf(setKeyOf(r)))), ...next]);
    }
    const c = this.concurrency;
    try {
      const [created, updated] = await Promise.all([
        createManyParallel(this.options.summary, creates, c),
        updateManyParallel(this.options.summary, updates, c),
        deleteManyParallel(this.options.summary, deletes.map((d) => d.id), c),
      ]);
      for (const item of [...created, ...updated]) {
        this.stored.get(item.value.academicYear)?.set(item.value.setKey, { id: item.id, inputs: item.value.inputs });
      }
      for (const d of deletes) this.stored.get(d.year)?.delete(d.key);
    } catch (err) {
      // Someone else changed the list under us (another process refreshing): read it again next time.
      for (const year of years) {
        this.stored.delete(year);
        this.written.delete(year);
      }
      this.allStoredKnown = false;
      throw err;
    }
    report.created = creates.length;
    report.updated = updates.length;
    report.deleted = deletes.length;
    return report;
  }

  /** Reads the keys and fingerprints of every stored item once (one query), the first time it is called. */
  private preloadStored(): Promise<void> {
    this.preload ??= this.readStored({}).then(
      () => {
        this.allStoredKnown = true;
      },
      (err: unknown) => {
        this.preload = undefined;
        throw err;
      },
    );
    return this.preload;
  }

  /** Reads the stored items of these years: one query per year, in parallel. */
  private async loadStored(years: readonly AcademicYear[]): Promise<void> {
    if (years.length === 0) return;
    await inParallel(
      years.map((year) => () => this.readStored({ academicYear: year })),
      Math.max(this.concurrency, years.length),
    );
  }

  /** Item ids and fingerprints only: the measures (~18 KB an item) are never needed to decide what to write. */
  private async readStored(where: { academicYear?: AcademicYear }): Promise<void> {
    const items = await this.options.summary.pick(["setKey", "academicYear", "inputs"], { where, pageSize: LARGE_PAGE });
    if (where.academicYear) this.stored.set(where.academicYear, new Map());
    for (const item of items) {
      const { setKey, academicYear, inputs } = item.value;
      if (!setKey || !academicYear) continue;
      let year = this.stored.get(academicYear);
      if (!year) this.stored.set(academicYear, (year = new Map()));
      year.set(setKey, { id: item.id, inputs });
    }
  }

  /**
   * The rows this aggregator last computed and wrote for a year (what the list holds for it), or
   * undefined when it has not had to (the stored year was up to date).
   */
  storedRows(year: AcademicYear): SummaryRow[] | undefined {
    return this.written.get(year);
  }
}
