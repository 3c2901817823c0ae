/**
 * Picking the summary's rows apart for the table, the charts and the pack. The rows come from the
 * server's aggregateKpis (src/domain/kpi/aggregate.ts): one per level × name × period × measure.
 */
import { measuresFor, type Measure } from "../../../src/domain/kpi/catalogue";
import type { SummaryRow } from "../api";

/** The headline KPIs (the framework's numbers, not their numerator/denominator/questionnaires-sent parts), in catalogue order. */
export function headlineKpis(year: string): Measure[] {
  return measuresFor(year).filter((m) => m.group === "kpi" && !/_(num|den|asked)$/.test(m.id));
}

export function rowKey(level: string, name: string, period: string, measure: string): string {
  return `${level}|${name}|${period}|${measure}`;
}

/** Index rows by level|name|period|measure (names: district name, area or county name). */
export function indexRows(rows: readonly SummaryRow[]): Map<string, SummaryRow> {
  return new Map(rows.map((r) => [rowKey(r.level, r.name, r.period, r.measure), r]));
}

/** Periods present in the rows, in order (T1…T6 then year). */
export function periodsIn(rows: readonly SummaryRow[]): string[] {
  const set = new Set(rows.map((r) => r.period));
  return ["T1", "T2", "T3", "T4", "T5", "T6", "year"].filter((p) => set.has(p as SummaryRow["period"]));
}

/** The rows' scopes for the table: districts (A–Z), then areas, then the county. */
export function scopesIn(rows: readonly SummaryRow[]): { level: SummaryRow["level"]; name: string }[] {
  const seen = new Map<string, { level: SummaryRow["level"]; name: string }>();
  for (const r of rows) seen.set(`${r.level}|${r.name}`, { level: r.level, name: r.name });
  const order = { district: 0, area: 1, county: 2 } as const;
  return [...seen.values()].sort((a, b) => order[a.level] - order[b.level] || a.name.localeCompare(b.name));
}
