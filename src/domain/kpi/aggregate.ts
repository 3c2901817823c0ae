/**
 * Aggregation of district returns into the KPI summary: per district, per area and for the county,
 * per term (T1…T6) and per academic year. Pure: a function of the districts, the terms in scope and
 * the submitted return versions; the caller stores the rows (a SharePoint summary list that Excel and
 * Power BI read) and refreshes them with `diffSummaryRows`.
 *
 * Rules (README.md):
 * - the latest submitted version of a district's return for a term counts (amended returns replace
 *   earlier ones);
 * - counts are summed over the districts that reported; a district that did not report is missing,
 *   never 0 (`districtsReporting`, `missing`);
 * - a district is expected only in the terms it was open for (`expectedIn`, src/domain/structure/lifetime.ts):
 *   in a term before it started or after it retired it is neither missing nor reporting, and its
 *   return for such a term (if one was ever made) is ignored (`not_open`); a year row expects the
 *   districts expected in at least one of its terms;
 * - percents are Σ numerator / Σ denominator over the districts that reported both, never an average
 *   of percentages; rated on the unrounded value;
 * - a district's year value rolls its terms up by the measure's rule (sum / latest / max);
 * - out-of-district schools are their own measure and are never added to any other.
 */
import type { TermDates, TermNumber } from "../time/calendar";
import { expectedInTerm, type Lifetime } from "../structure/lifetime";
import type { AcademicYear } from "../time/academic-year";
import { academicYearStart, measureById, measuresFor, type Measure } from "./catalogue";
import { percentOf, ragFor, type Rag } from "./rag";

export type Level = "county" | "area" | "district";
export type TermPeriod = "T1" | "T2" | "T3" | "T4" | "T5" | "T6";
export type Period = TermPeriod | "year";

export interface DistrictRef extends Lifetime {
  slug: string;
  name: string;
  area: string;
}

export interface TermRef {
  academicYear: AcademicYear;
  term: TermNumber;
}

/** One submitted version of a district's termly return. */
export interface ReturnVersion {
  districtSlug: string;
  academicYear: AcademicYear;
  term: TermNumber;
  /** 1, 2, …: a higher version replaces a lower one (ties broken by the later `submittedAt`). */
  version: number;
  /** ISO instant. */
  submittedAt: string;
  /** Count measures only; null or absent = not reported. */
  values: Readonly<Record<string, number | null | undefined>>;
}

export interface SummaryRow {
  /** Stable identity of the row: level|district slug, area or "county"|academic year|period|measure. */
  key: string;
  level: Level;
  /** District name, area name or the county's name. */
  name: string;
  academicYear: AcademicYear;
  period: Period;
  measure: string;
  /** Count: the total; percent: the unrounded percentage; null when no district reported it. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Unrounded percentage (0–100; over 100 only for bad data); null for counts or a 0 denominator. */
  percent: number | null;
  rag: Rag;
  /**
   * Questionnaire-based percent measures: questionnaires sent (Σ `askedId`) over the districts in
   * the percentage, so the figure shows "answered X of Y asked"; null for other rows, and when any of
   * those districts did not say how many were asked (unknown, never guessed).
   */
  asked: number | null;
  districtsReporting: number;
  districtsExpected: number;
  /** Slugs of the districts in scope that did not report this measure (in any term, for year rows). */
  missing: string[];
  /** Year rows: slugs of districts that reported the measure in some but not all terms in scope. */
  partial: string[];
}

export interface Completeness {
  academicYear: AcademicYear;
  term: TermNumber;
  /** Slugs of districts expected in the term with no submitted return for it. */
  missingDistricts: string[];
  submittedDistricts: string[];
  /** Slugs of districts that were not a district in this term (it began after it, or was retired before it). */
  notExpectedDistricts: string[];
}

export type AnomalyKind = "numerator_over_denominator" | "percent_over_100" | "jump";

export interface Anomaly {
  level: Level;
  /** District slug, area name or "county". */
  scope: string;
  /** Set for district-level anomalies. */
  districtSlug?: string;
  academicYear: AcademicYear;
  period: Period;
  measure: string;
  kind: AnomalyKind;
  detail: string;
}

export interface IgnoredInput {
  districtSlug: string;
  academicYear: AcademicYear;
  term: TermNumber;
  measure?: string;
  reason: "unknown_district" | "not_open" | "unknown_measure" | "not_applicable" | "not_a_number" | "percent_typed";
}

export interface AggregateInput {
  districts: readonly DistrictRef[];
  /** The terms to summarise. Year rows are produced for each academic year that has a term here. */
  terms: readonly TermRef[];
  /**
   * The calendar's terms with their dates, which say which districts were open in which term
   * (`expectedInTerm`); a term missing here is dated as its whole academic year.
   */
  termDates?: readonly (TermRef & TermDates)[];
  /** Submitted versions (any number per district and term; only the latest counts). */
  returns: readonly ReturnVersion[];
  /** Name on county rows. */
  countyName?: string;
  /** A jump is a change of more than this fraction of the previous term's value (default 0.5). */
  jumpThreshold?: number;
  /**
   * Only these scopes' rows and anomalies (`level|id`: `county|county`, `area|<area>`,
   * `district|<slug>`); all when absent. A refresh that rewrites a few scopes computes only those.
   */
  scopes?: ReadonlySet<string>;
}

export interface KpiSummary {
  rows: SummaryRow[];
  completeness: Completeness[];
  anomalies: Anomaly[];
  ignored: IgnoredInput[];
}

export const TERM_PERIODS: readonly TermPeriod[] = ["T1", "T2", "T3", "T4", "T5", "T6"];

export function periodOf(term: TermNumber): TermPeriod {
  return `T${term}` as TermPeriod;
}

function returnKey(districtSlug: string, academicYear: AcademicYear, term: number): string {
  return `${districtSlug}|${academicYear}|${term}`;
}

function isLater(a: ReturnVersion, b: ReturnVersion): boolean {
  if (a.version !== b.version) return a.version > b.version;
  return Date.parse(a.submittedAt) > Date.parse(b.submittedAt);
}

/** The latest submitted version per district and term (amended returns replace earlier ones). */
export function latestVersions(returns: readonly ReturnVersion[]): ReturnVersion[] {
  const latest = new Map<string, ReturnVersion>();
  for (const r of returns) {
    const key = returnKey(r.districtSlug, r.academicYear, r.term);
    const current = latest.get(key);
    if (!current || isLater(r, current)) latest.set(key, r);
  }
  return [...latest.values()];
}

function previousTerm(ref: TermRef): TermRef | undefined {
  if (ref.term > 1) return { academicYear: ref.academicYear, term: (ref.term - 1) as TermNumber };
  const start = academicYearStart(ref.academicYear);
  if (Number.isNaN(start)) return undefined;
  return { academicYear: `${start - 1}-${String(start % 100).padStart(2, "0")}`, term: 6 };
}

function rowKey(level: Level, id: string, academicYear: AcademicYear, period: Period, measure: string): string {
  return `${level}|${id}|${academicYear}|${period}|${measure}`;
}

function roundFte(measure: Measure, value: number): number {
  return measure.unit === "fte" ? Math.round(value * 100) / 100 : value;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

type RowIdentity = Pick<SummaryRow, "key" | "level" | "name" | "academicYear" | "period" | "measure" | "districtsExpected">;
type RowFigures = Omit<SummaryRow, keyof RowIdentity>;

/** One object literal with every field (spreading into a 15-field literal is several times slower in V8). */
function makeRow(id: RowIdentity, f: RowFigures): SummaryRow {
  return {
    key: id.key,
    level: id.level,
    name: id.name,
    academicYear: id.academicYear,
    period: id.period,
    measure: id.measure,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    percent: f.percent,
    rag: f.rag,
    asked: f.asked,
    districtsReporting: f.districtsReporting,
    districtsExpected: id.districtsExpected,
    missing: f.missing,
    partial: f.partial,
  };
}

/** District-level values for one district and period: count measure id → value (absent = missing). */
type DistrictValues = Map<string, number>;

interface Group {
  level: Level;
  id: string;
  name: string;
  districts: readonly DistrictRef[];
}

export function aggregateKpis(input: AggregateInput): KpiSummary {
  const { districts } = input;
  const countyName = input.countyName ?? "Kent";
  const jumpThreshold = input.jumpThreshold ?? 0.5;
  const known = new Set(districts.map((d) => d.slug));
  const ignored: IgnoredInput[] = [];
  const termDates = input.termDates ?? [];
  const expectedCache = new Map<string, boolean>();
  /** Whether the district was open in the term (one rule: src/domain/structure/lifetime.ts). */
  const expected = (d: DistrictRef, ref: TermRef): boolean => {
    const key = returnKey(d.slug, ref.academicYear, ref.term);
    let answer = expectedCache.get(key);
    if (answer === undefined) expectedCache.set(key, (answer = expectedInTerm(d, ref, termDates)));
    return answer;
  };

  const latest = new Map<string, ReturnVersion>();
  for (const r of latestVersions(input.returns)) {
    if (!known.has(r.districtSlug)) {
      ignored.push({ districtSlug: r.districtSlug, academicYear: r.academicYear, term: r.term, reason: "unknown_district" });
      continue;
    }
    latest.set(returnKey(r.districtSlug, r.academicYear, r.term), r);
  }

  /** Usable count values of a district's latest return for a term (undefined: no return). */
  const cleanCache = new Map<string, DistrictValues | undefined>();
  const valuesOf = (slug: string, ref: TermRef, record: boolean): DistrictValues | undefined => {
    const key = returnKey(slug, ref.academicYear, ref.term);
    if (cleanCache.has(key)) return cleanCache.get(key);
    const ret = latest.get(key);
    let clean: DistrictValues | undefined;
    if (ret) {
      clean = new Map();
      const applicable = new Set(measuresFor(ref.academicYear).map((m) => m.id));
      for (const [id, value] of Object.entries(ret.values)) {
        if (value === null || value === undefined) continue;
        const measure = measureById(id);
        const note = (reason: IgnoredInput["reason"]) => {
          if (record) ignored.push({ districtSlug: slug, academicYear: ref.academicYear, term: ref.term, measure: id, reason });
        };
        if (!measure) note("unknown_measure");
        else if (measure.kind === "percent") note("percent_typed");
        else if (!applicable.has(id)) note("not_applicable");
        else if (typeof value !== "number" || !Number.isFinite(value)) note("not_a_number");
        else clean.set(id, value);
      }
    }
    if (record) cleanCache.set(key, clean);
    return clean;
  };

  // Terms in scope, grouped by academic year, in order.
  const years = new Map<AcademicYear, TermNumber[]>();
  for (const t of input.terms) {
    const list = years.get(t.academicYear) ?? [];
    if (!list.includes(t.term)) list.push(t.term);
    years.set(t.academicYear, list);
  }
  const orderedYears = [...years.keys()].sort((a, b) => academicYearStart(a) - academicYearStart(b));

  const areas: string[] = [];
  for (const d of districts) if (!areas.includes(d.area)) areas.push(d.area);
  const allGroups: Group[] = [
    { level: "county", id: "county", name: countyName, districts },
    ...areas.map((a): Group => ({ level: "area", id: a, name: a, districts: districts.filter((d) => d.area === a) })),
    ...districts.map((d): Group => ({ level: "district", id: d.slug, name: d.name, districts: [d] })),
  ];
  const groups = input.scopes ? allGroups.filter((g) => input.scopes!.has(`${g.level}|${g.id}`)) : allGroups;

  const rows: SummaryRow[] = [];
  const completeness: Completeness[] = [];
  const anomalies: Anomaly[] = [];

  for (const academicYear of orderedYears) {
    const terms = [...(years.get(academicYear) ?? [])].sort((a, b) => a - b);
    const measures = measuresFor(academicYear);
    const counts = measures.filter((m) => m.kind === "count");

    // District values per term, then per year.
    const termValues = new Map<TermNumber, Map<string, DistrictValues | undefined>>();
    const expectedTerms = new Map<string, number>(); // slug → number of terms in scope it was open in
    for (const term of terms) {
      const perDistrict = new Map<string, DistrictValues | undefined>();
      const open = districts.filter((d) => expected(d, { academicYear, term }));
      for (const d of districts) {
        if (open.includes(d)) {
          perDistrict.set(d.slug, valuesOf(d.slug, { academicYear, term }, true));
          expectedTerms.set(d.slug, (expectedTerms.get(d.slug) ?? 0) + 1);
        } else if (latest.has(returnKey(d.slug, academicYear, term))) {
          ignored.push({ districtSlug: d.slug, academicYear, term, reason: "not_open" });
        }
      }
      termValues.set(term, perDistrict);
      completeness.push({
        academicYear,
        term,
        missingDistricts: open.filter((d) => perDistrict.get(d.slug) === undefined).map((d) => d.slug),
        submittedDistricts: open.filter((d) => perDistrict.get(d.slug) !== undefined).map((d) => d.slug),
        notExpectedDistricts: districts.filter((d) => !open.includes(d)).map((d) => d.slug),
      });
    }
    const yearValues = new Map<string, DistrictValues>();
    const termsReported = new Map<string, Map<string, number>>(); // slug → measure → number of terms with a value
    for (const d of districts) {
      const year: DistrictValues = new Map();
      const reported = new Map<string, number>();
      for (const m of counts) {
        const series: number[] = [];
        for (const term of terms) {
          const v = termValues.get(term)?.get(d.slug)?.get(m.id);
          if (v !== undefined) series.push(v);
        }
        reported.set(m.id, series.length);
        if (series.length === 0) continue;
        const rollup = m.yearRollup ?? "sum";
        const value = rollup === "sum" ? series.reduce((a, b) => a + b, 0) : rollup === "max" ? Math.max(...series) : series[series.length - 1]!;
        year.set(m.id, roundFte(m, value));
      }
      yearValues.set(d.slug, year);
      termsReported.set(d.slug, reported);
    }

    // Who is expected in each period: a term's open districts; for the year, those open in any of its terms.
    const periods: { period: Period; values: (slug: string) => DistrictValues | undefined; expects: (d: DistrictRef) => boolean }[] = [
      ...terms.map((term) => ({ period: periodOf(term) as Period, values: (slug: string) => termValues.get(term)?.get(slug), expects: (d: DistrictRef) => expected(d, { academicYear, term }) })),
      { period: "year", values: (slug: string) => yearValues.get(slug), expects: (d: DistrictRef) => (expectedTerms.get(d.slug) ?? 0) > 0 },
    ];

    // A district's year "asked" counts only if it was given with every term's answers, so a year
    // mixing old terms (no asked) and new ones never shows an inflated response rate.
    const askedInEveryTerm = (slug: string, m: Measure, period: Period): boolean =>
      period !== "year" ||
      terms.every((t) => {
        const tv = termValues.get(t)?.get(slug);
        return !tv || !tv.has(m.numeratorId!) || !tv.has(m.denominatorId!) || tv.has(m.askedId!);
      });

    for (const { period, values, expects } of periods) {
      for (const group of groups) {
        const members = group.districts.filter(expects);
        const partialFor = (ids: string[]): string[] =>
          period !== "year"
            ? []
            : members
                .filter((d) => {
                  const n = Math.min(...ids.map((id) => termsReported.get(d.slug)?.get(id) ?? 0));
                  return n > 0 && n < (expectedTerms.get(d.slug) ?? 0);
                })
                .map((d) => d.slug);

        for (const m of measures) {
          const base: RowIdentity = {
            key: rowKey(group.level, group.id, academicYear, period, m.id),
            level: group.level,
            name: group.name,
            academicYear,
            period,
            measure: m.id,
            districtsExpected: members.length,
          };
          if (m.kind === "count") {
            let total = 0;
            const reporting: string[] = [];
            const missing: string[] = [];
            for (const d of members) {
              const v = values(d.slug)?.get(m.id);
              if (v === undefined) missing.push(d.slug);
              else {
                total += v;
                reporting.push(d.slug);
              }
            }
            rows.push(
              makeRow(base, {
                value: reporting.length > 0 ? roundFte(m, total) : null,
                numerator: null,
                denominator: null,
                percent: null,
                rag: "na",
                asked: null,
                districtsReporting: reporting.length,
                missing,
                partial: partialFor([m.id]),
              }),
            );
            continue;
          }
          // Percent: Σ numerator / Σ denominator over districts reporting both (and Σ asked over the same districts).
          const numId = m.numeratorId!;
          const denId = m.denominatorId!;
          let num = 0;
          let den = 0;
          let asked: number | null = m.askedId ? 0 : null;
          let reporting = 0;
          const missing: string[] = [];
          for (const d of members) {
            const dv = values(d.slug);
            const n = dv?.get(numId);
            const dd = dv?.get(denId);
            if (n === undefined || dd === undefined) missing.push(d.slug);
            else {
              num += n;
              den += dd;
              reporting += 1;
              const a = m.askedId && askedInEveryTerm(d.slug, m, period) ? dv?.get(m.askedId) : undefined;
              asked = asked === null || a === undefined ? null : asked + a;
            }
          }
          const pct = reporting > 0 ? percentOf(num, den) : null;
          const row = makeRow(base, {
            value: pct,
            numerator: reporting > 0 ? num : null,
            denominator: reporting > 0 ? den : null,
            percent: pct,
            // A county or area total is rated on all its answers together, so it may be rated when each district alone has too few.
            rag: reporting > 0 ? ragFor(m, num, den) : "na",
            asked: reporting > 0 ? asked : null,
            districtsReporting: reporting,
            missing,
            partial: partialFor([numId, denId]),
          });
          rows.push(row);
          if (row.numerator !== null && row.denominator !== null && row.numerator > row.denominator) {
            const isDistrictTerm = group.level === "district" && period !== "year";
            anomalies.push({
              level: group.level,
              scope: group.id,
              ...(group.level === "district" ? { districtSlug: group.id } : {}),
              academicYear,
              period,
              measure: m.id,
              kind: isDistrictTerm ? "numerator_over_denominator" : "percent_over_100",
              detail: isDistrictTerm
                ? `${measureById(numId)?.label ?? numId} (${formatNumber(row.numerator)}) is more than ${measureById(denId)?.label ?? denId} (${formatNumber(row.denominator)}).`
                : `${m.label} is ${row.percent === null ? "over 100" : formatNumber(row.percent)}% (${formatNumber(row.numerator)} out of ${formatNumber(row.denominator)}).`,
            });
          }
        }
      }
    }

    // Jumps: a district's count against its previous term (when both were reported).
    for (const term of terms) {
      const ref: TermRef = { academicYear, term };
      const prevRef = previousTerm(ref);
      for (const d of districts) {
        if (input.scopes && !input.scopes.has(`district|${d.slug}`)) continue;
        const current = termValues.get(term)?.get(d.slug);
        const previous = prevRef && expected(d, prevRef) ? valuesOf(d.slug, prevRef, false) : undefined;
        if (!current || !previous || !prevRef) continue;
        for (const m of counts) {
          const now = current.get(m.id);
          const before = previous.get(m.id);
          if (now === undefined || before === undefined || before <= 0) continue;
          const change = now - before;
          if (Math.abs(change) > jumpThreshold * before) {
            anomalies.push({
              level: "district",
              scope: d.slug,
              districtSlug: d.slug,
              academicYear,
              period: periodOf(term),
              measure: m.id,
              kind: "jump",
              detail: `${m.label} ${change > 0 ? "rose" : "fell"} from ${formatNumber(before)} in ${prevRef.academicYear} term ${prevRef.term} to ${formatNumber(now)} (${change > 0 ? "+" : ""}${formatNumber((change * 100) / before)}%).`,
            });
          }
        }
      }
    }
  }

  return { rows, completeness, anomalies, ignored };
}

// ---------------------------------------------------------------------------------------------
// Incremental refresh of the stored summary list

export interface SummaryDiff {
  /** Rows that are new or whose contents changed. */
  upsert: SummaryRow[];
  /** Keys of stored rows that are no longer produced. */
  delete: string[];
}

function sameRow(a: SummaryRow, b: SummaryRow): boolean {
  return (
    a.level === b.level &&
    a.name === b.name &&
    a.academicYear === b.academicYear &&
    a.period === b.period &&
    a.measure === b.measure &&
    a.value === b.value &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.percent === b.percent &&
    a.rag === b.rag &&
    a.asked === b.asked &&
    a.districtsReporting === b.districtsReporting &&
    a.districtsExpected === b.districtsExpected &&
    a.missing.join(",") === b.missing.join(",") &&
    a.partial.join(",") === b.partial.join(",")
  );
}

/**
 * What to write to bring the stored rows (`old`) up to date with freshly computed ones (`next`).
 * Pass the stored rows of the same scope (e.g. one academic year) that `next` was computed for.
 */
export function diffSummaryRows(old: readonly SummaryRow[], next: readonly SummaryRow[]): SummaryDiff {
  const before = new Map(old.map((r) => [r.key, r]));
  const after = new Set(next.map((r) => r.key));
  const upsert = next.filter((r) => {
    const prior = before.get(r.key);
    return !prior || !sameRow(prior, r);
  });
  const removed = old.filter((r) => !after.has(r.key)).map((r) => r.key);
  return { upsert, delete: removed };
}
