/**
 * Time to support on the commissioners' summary and its export: the days a child waits from the
 * referral being submitted to LIFT, from LIFT to a specialist teacher's allocation, and from the
 * allocation to the first visit — the median and how many waits, per district and term. The KPI
 * feature does not keep these: the composition root passes a source over the casework records.
 */
import { formatCsvNumber } from "../../../domain/kpi/csv";
import type { TermNumber } from "../../../domain/time/calendar";
import type { SupportWait } from "../../../schemas/kpi/api";

export type { SupportStage, SupportWait } from "../../../schemas/kpi/api";

export interface TimeToSupportSource {
  /** The waits of these districts in the terms of `year` (all six when `terms` is absent). */
  waits(districtSlugs: readonly string[], year: string, terms?: readonly TermNumber[]): Promise<SupportWait[]>;
}

/** For the commands and tests that build the KPI feature without casework: no rows. */
export const noTimeToSupport: TimeToSupportSource = { waits: async () => [] };

/** The stage's measure name in the export: days_<stage>_median and days_<stage>_count. */
export const waitMeasure = (stage: SupportWait["stage"], what: "median" | "count"): string => `days_${stage.replaceAll("-", "_")}_${what}`;

/**
 * The waits as summary rows (the summary's long format: level, name, year, period, measure,
 * value…): per district and term, each stage's median days and its count. A median with no waits
 * is blank (missing, not zero).
 */
export function waitsToCsvRows(waits: readonly SupportWait[], year: string, columns: number, districtName: (slug: string) => string): string[][] {
  const rows: string[][] = [];
  const sorted = [...waits].sort((a, b) => a.districtSlug.localeCompare(b.districtSlug) || a.term - b.term || a.stage.localeCompare(b.stage));
  for (const w of sorted) {
    for (const [what, value] of [["median", w.medianDays], ["count", w.count]] as const) {
      const fields = ["district", districtName(w.districtSlug), year, `T${w.term}`, waitMeasure(w.stage, what), formatCsvNumber(value)];
      while (fields.length < columns) fields.push("");
      rows.push(fields);
    }
  }
  return rows;
}
