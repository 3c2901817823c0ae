/**
 * `npm run export:summary -- --year 2025-26 --format csv|xlsx --out summary.csv`: the KPI summary of
 * an academic year in long format (level, name, academic_year, period, measure, value, numerator,
 * denominator, percent, rag, districts_reporting), the same file as the export on the summary tab.
 * Also brings the KpiSummary list up to date.
 */
import { writeFile } from "node:fs/promises";
import { AppError } from "../src/errors";
import { isAcademicYear } from "../src/domain/kpi/catalogue";
import { summaryFile } from "../src/server/features/kpi/files";
import { parseOptions, UsageError, type Command } from "./command-support";
import { withKpiServices } from "./kpi-cli";

export const command: Command = {
  what: "Export",
  usage: "--year <yyyy-yy> [--format csv|xlsx] [--out <file>]",
  help: `Writes the KPI summary of an academic year in long format (level, name, academic_year, period,
measure, value, numerator, denominator, percent, rag, districts_reporting), the same file as the
export on the summary tab, and brings the KpiSummary list up to date.

  --year <yyyy-yy>     the academic year, e.g. 2025-26 (required)
  --format csv|xlsx    the file's format (default csv)
  --out <file>         where to write it (default kpi-summary-<year>.<format>)`,
  async run(argv) {
    const { values } = parseOptions(argv, { year: { type: "string" }, format: { type: "string", default: "csv" }, out: { type: "string" } });
    if (values.year === undefined) throw new UsageError("--year is required, an academic year such as 2025-26");
    const year = values.year;
    if (!isAcademicYear(year)) throw new UsageError(`--year must be an academic year such as 2025-26 (got "${year}")`);
    const format = values.format;
    if (format !== "csv" && format !== "xlsx") throw new UsageError(`--format must be csv or xlsx (got "${format}")`);
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
  },
};
