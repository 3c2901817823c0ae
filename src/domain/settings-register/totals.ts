/**
 * The "% of settings" denominators and numerators from the register (KPI 1.2 and the reach and
 * LIFT measures of the catalogue, src/domain/kpi/catalogue.ts). Rules:
 * - **In the district's total**: a mainstream setting (not special, post-16 or independent) of the
 *   district, open on the day the figure is taken (the term's last day, or today while it runs):
 *   opened by then and not closed, or closed after it.
 * - **Phase**: early years, primary or secondary as the register says; an all-through school is both
 *   a primary and a secondary school, so it is in both totals (and supported in both).
 * - **Supported**: a setting of the district's total that the district's STLS worked with in the
 *   term (engagement.ts). It can never exceed the total. A setting of another district that the
 *   district's STLS worked with is counted apart, as supported from outside the district, and never
 *   in the district's own figures.
 */
import type { Setting } from "../../schemas/reference/setting";

export type KpiPhase = "ey" | "primary" | "secondary";
export const KPI_PHASES: readonly KpiPhase[] = ["ey", "primary", "secondary"];

/** The totals a setting belongs to (none for special, post-16 and independent settings). */
export function kpiPhasesOf(s: Setting): KpiPhase[] {
  if (s.mainstream === false) return [];
  switch (s.registerPhase ?? s.phase) {
    case "early-years":
      return ["ey"];
    case "primary":
      return ["primary"];
    case "secondary":
      return ["secondary"];
    case "all-through":
      return ["primary", "secondary"];
    default:
      return [];
  }
}

/** Open on this ISO date. A closed setting with no closing date is taken as closed before it. */
export function isOpenOn(s: Setting, date: string): boolean {
  if (s.openedOn && s.openedOn > date) return false;
  if (s.status !== "closed") return true;
  return s.closedOn !== undefined && s.closedOn > date;
}

export type PhaseCounts = Record<KpiPhase, number>;

function countBy(settings: readonly Setting[], keep: (s: Setting) => boolean): PhaseCounts {
  const out: PhaseCounts = { ey: 0, primary: 0, secondary: 0 };
  for (const s of settings) if (keep(s)) for (const p of kpiPhasesOf(s)) out[p]++;
  return out;
}

/** The district's own total of settings by phase on a date. */
export function settingsInDistrict(settings: readonly Setting[], districtSlug: string, date: string): PhaseCounts {
  return countBy(settings, (s) => s.districtSlug === districtSlug && isOpenOn(s, date));
}

export interface SupportedCounts {
  /** Settings of the district's own total worked with, by phase. */
  byPhase: PhaseCounts;
  /** Different settings of other districts worked with. */
  outOfDistrict: number;
  /** Settings of the district worked with that are in no total (special, post-16, independent, closed). */
  notInTotals: number;
  /** Setting ids not in the register at all. */
  unknown: number;
}

export function settingsSupported(settings: readonly Setting[], districtSlug: string, date: string, engaged: ReadonlySet<string>): SupportedCounts {
  const byId = new Map(settings.map((s) => [s.id, s]));
  const ours: Setting[] = [];
  let outOfDistrict = 0;
  let notInTotals = 0;
  let unknown = 0;
  for (const id of engaged) {
    const s = byId.get(id);
    if (!s) unknown++;
    else if (s.districtSlug !== districtSlug) outOfDistrict++;
    else if (!isOpenOn(s, date) || kpiPhasesOf(s).length === 0) notInTotals++;
    else ours.push(s);
  }
  return { byPhase: countBy(ours, () => true), outOfDistrict, notInTotals, unknown };
}
