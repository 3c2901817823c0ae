/**
 * Fingerprints of what each KpiSummary item is computed from, so a refresh recomputes only the years
 * whose inputs changed and a cold start with an up-to-date list computes nothing.
 *
 * An item (level × scope × year × period) holds rows that depend only on: the aggregation rules, the
 * year's measure catalogue, the scope's name and districts, and the latest counted version of each
 * of those districts' returns for the period's terms (jumps against the previous year are anomalies,
 * never stored), and which of those districts were open in each term (a split or a retirement
 * changes who is expected, so it changes the fingerprint). The fingerprint hashes exactly those, naming each counted version by its item id
 * and eTag, so any write to it (an amendment, a status change) changes the fingerprint.
 */
import { createHash } from "node:crypto";
import type { Term, TermNumber } from "../../../domain/time/calendar";
import { expectedInTerm } from "../../../domain/structure/lifetime";
import type { AcademicYear } from "../../../domain/time/academic-year";
import { measuresFor } from "../../../domain/kpi/catalogue";
import type { DistrictRef } from "../../../domain/kpi/aggregate";
import type { Item } from "../../../graph/list-store";
import type { KpiReturnItem } from "./lists";

/**
 * Bump when `aggregateKpis` (src/domain/kpi/aggregate.ts) or the row normalisation changes what a
 * stored row holds: every item's fingerprint then differs, so each year is recomputed and rewritten once.
 */
export const SUMMARY_RULES_VERSION = 2;

const TERMS: readonly TermNumber[] = [1, 2, 3, 4, 5, 6];

function isLater(a: KpiReturnItem, b: KpiReturnItem): boolean {
  if (a.version !== b.version) return a.version > b.version;
  return Date.parse(a.submittedAt ?? a.savedAt) > Date.parse(b.submittedAt ?? b.savedAt);
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 32);
}

/**
 * Fingerprint of each item a full-year `aggregateKpis` produces for `year` (set key → fingerprint),
 * from the return items that count (submitted or returned). Scopes and their order are
 * aggregateKpis's: the county, the areas, the districts.
 */
export function summaryInputs(
  year: AcademicYear,
  counted: Iterable<Item<KpiReturnItem>>,
  districts: readonly DistrictRef[],
  countyName = "Kent",
  termDates: readonly Term[] = [],
): Map<string, string> {
  const out = new Map<string, string>();
  const measures = measuresFor(year);
  if (measures.length === 0) return out;
  const latest = new Map<string, Item<KpiReturnItem>>();
  for (const item of counted) {
    const v = item.value;
    if (v.academicYear !== year) continue;
    const key = `${v.districtSlug}|${v.term}`;
    const current = latest.get(key);
    if (!current || isLater(v, current.value)) latest.set(key, item);
  }
  const versionOf = (d: DistrictRef, term: TermNumber) => {
    if (!expectedInTerm(d, { academicYear: year, term }, termDates)) return "x";
    const item = latest.get(`${d.slug}|${term}`);
    return item ? `${item.id}@${item.eTag}` : "-";
  };
  const common = `v${SUMMARY_RULES_VERSION}|${hash(JSON.stringify(measures))}`;
  const areas: string[] = [];
  for (const d of districts) if (!areas.includes(d.area)) areas.push(d.area);
  const groups = [
    { level: "county", id: "county", name: countyName, members: districts },
    ...areas.map((a) => ({ level: "area", id: a, name: a, members: districts.filter((d) => d.area === a) })),
    ...districts.map((d) => ({ level: "district", id: d.slug, name: d.name, members: [d] })),
  ];
  for (const g of groups) {
    const perTerm = TERMS.map((t) => g.members.map((d) => `${d.slug}:${versionOf(d, t)}`).join(","));
    for (const [i, term] of TERMS.entries()) {
      out.set(`${g.level}|${g.id}|${year}|T${term}`, hash(`${common}|${g.level}|${g.id}|${g.name}|T${term}|${perTerm[i]}`));
    }
    out.set(`${g.level}|${g.id}|${year}|year`, hash(`${common}|${g.level}|${g.id}|${g.name}|year|${perTerm.join(";")}`));
  }
  return out;
}
