/**
 * `npm run export:summary -- --year 2025-26 --format csv|xlsx --out summary.csv`: the KPI summary of
 * an academic year in long format (level, name, academic_year, period, measure, value, numerator,
 * denominator, percent, rag, districts_reporting), the same file as the export on the summary tab.
 * Also brings the KpiSummary list up to date.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { AppError } from "../src/errors";
import { isAcademicYear } from "../src/domain/kpi/catalogue";
import { summaryFile } from "../src/server/features/kpi/files";
import { runCommand, withKpiServices } from "./kpi-cli";

runCommand("Export", async () => {
  const { values } = parseArgs({ options: { year: { type: "string" }, format: { type: "string", default: "csv" }, out: { type: "string" } }, allowPositionals: false });
  const year = values.year ?? "";
  if (!isAcademicYear(year)) throw new AppError("bad_request", `--year must be an academic year such as 2025-26 (got "${year}")`);
  const format = values.format;
  if (format !== "csv" && format !== "xlsx") throw new AppError("bad_request", `--format must be csv or xlsx (got "${format}")`);
  const out = values.out ?? `kpi-summary-${year}.${format}`;
  return withKpiServices(async ({ service, nudge }) => {
    const rows = await service.summaryRows(undefined, year);
    await writeFile(out, await summaryFile(rows, format));
    const reporting = rows.filter((r) => r.districtsReporting > 0).length;
    console.log(`Wrote ${rows.length} summary rows for ${year} (${reporting} with figures) to ${out}.`);
    const report = await nudge();
    if (!report) throw new AppError("upstream_failed", "The KpiSummary list could not be refreshed (see the log above); run the command again.");
    console.log(`KpiSummary list: ${report.created} items created, ${report.updated} updated, ${report.deleted} deleted, ${report.unchanged} unchanged.`);
    return 0;
  });
});
