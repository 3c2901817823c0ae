/**
 * The two lists behind KPI returns and their summary (records: src/schemas/kpi/records.ts), read
 * and written by the summary aggregation (aggregation.ts).
 *
 * - `KpiReturns`: one item per district × academic year × term × version. A version is a draft
 *   until it is submitted; a submitted version is never changed again except to mark it returned
 *   (with the commissioner's comment). Amending after submission starts the next version, so every
 *   version is kept. `ReturnKey` (`slug|year|term|vN`) is unique, so two writers can never create
 *   the same version twice.
 * - `KpiSummary`: one item per summary row key (`level|scope|year|period|measure`), columns
 *   mirroring the CSV export, so Excel and Power BI can read the list directly.
 */
import { defineList } from "../../../graph/list-definition";
import { KpiReturnItem, KpiSummaryItem } from "../../../schemas/kpi/records";

export { KPI_RETURN_STATUSES, KpiReturnItem, KpiSummaryItem, KpiSummaryMeasure, returnVersionKey, type KpiReturnItemStatus } from "../../../schemas/kpi/records";

export const KpiReturnsList = defineList({
  title: "KpiReturns",
  description: "Termly KPI returns of each district, one item per version (drafts, submissions, returned submissions).",
  schema: KpiReturnItem,
  itemTitle: (r) => `${r.districtSlug} ${r.academicYear} T${r.term} v${r.version} (${r.status})`,
  indexed: ["districtSlug", "academicYear", "term", "status"],
  unique: ["returnKey"],
  // `Version` is a built-in SharePoint column.
  columns: { version: { name: "ReturnVersion" } },
});

export const KpiSummaryList = defineList({
  title: "KpiSummary",
  description: "KPI summary per district, area and county, per term and academic year; each item holds its measures as JSON (the CSV export's columns). Written by LIFT Hub; read by Excel and Power BI.",
  schema: KpiSummaryItem,
  itemTitle: (r) => r.setKey,
  indexed: ["academicYear", "period", "level"],
  unique: ["setKey"],
  columns: { name: { name: "ScopeName" }, level: { name: "RowLevel" } },
});
