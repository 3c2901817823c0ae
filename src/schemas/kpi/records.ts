/** The records of the kpi feature as its lists keep them (list declarations: src/server/features/kpi/lists.ts). */
import { z } from "zod";
import { DistrictSlug as Slug } from "../reference/district";
const Year = z.string().regex(/^\d{4}-\d{2}$/).max(7);

export const KPI_RETURN_STATUSES = ["draft", "submitted", "returned"] as const;
export type KpiReturnItemStatus = (typeof KPI_RETURN_STATUSES)[number];

export const KpiReturnItem = z.object({
  returnKey: z.string().max(120),
  districtSlug: Slug,
  academicYear: Year,
  term: z.number().int().min(1).max(6),
  version: z.number().int().min(1).max(10_000),
  status: z.enum(KPI_RETURN_STATUSES),
  /** Count measure id → value; null = left blank (missing, never 0). */
  values: z.record(z.string().max(64), z.number().nullable()),
  // An empty text column reads back as absent (list-definition fromFieldValue).
  narrative: z.string().max(20_000).default(""),
  source: z.enum(["form", "import", "demo"]),
  savedAt: z.iso.datetime(),
  savedByName: z.string().max(120),
  submittedAt: z.iso.datetime().optional(),
  submittedByName: z.string().max(120).optional(),
  returnedAt: z.iso.datetime().optional(),
  returnedByName: z.string().max(120).optional(),
  comment: z.string().max(4000).optional(),
});
export type KpiReturnItem = z.infer<typeof KpiReturnItem>;

export function returnVersionKey(districtSlug: string, academicYear: string, term: number, version: number): string {
  return `${districtSlug}|${academicYear}|${term}|v${version}`;
}

/** One measure of a summary item: the CSV's per-measure columns (plus who did not report). */
export const KpiSummaryMeasure = z.object({
  measure: z.string().max(64),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.number().nullable(),
  rag: z.enum(["green", "amber", "red", "na", "too_few"]),
  /** Questionnaires sent over the districts in the figure; absent in items written before it was kept (read as unknown). */
  asked: z.number().nullable().optional(),
  districtsReporting: z.number().int().min(0),
  missing: z.array(z.string().max(60)).max(100),
  partial: z.array(z.string().max(60)).max(100),
});
export type KpiSummaryMeasure = z.infer<typeof KpiSummaryMeasure>;

/**
 * One item per level × scope × academic year × period (17 scopes × 7 periods ≈ 120 items a year),
 * holding that scope's measures as JSON. One item per measure would be ~11,000 items a year: too
 * many writes for a first refresh over Graph (and for every test start with demo data), while an
 * amended return still touches at most six items here (district, area and county × term and year).
 * Power Query reads it with `Json.Document([Measures])` and expands to the CSV's long format.
 */
export const KpiSummaryItem = z.object({
  /** `level|scope|academicYear|period` (scope: district slug, area name or "county"). */
  setKey: z.string().max(200),
  level: z.enum(["county", "area", "district"]),
  name: z.string().max(120),
  academicYear: Year,
  period: z.enum(["T1", "T2", "T3", "T4", "T5", "T6", "year"]),
  districtsExpected: z.number().int().min(0),
  measures: z.array(KpiSummaryMeasure).max(500),
  /**
   * Fingerprint of what the measures were computed from (the rules' version, the catalogue, the
   * scope's districts and the return versions that count): a refresh recomputes a year only when a
   * fingerprint differs. Absent on items written before it existed (they are rewritten once).
   */
  inputs: z.string().max(100).optional(),
});
export type KpiSummaryItem = z.infer<typeof KpiSummaryItem>;
