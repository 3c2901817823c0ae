/**
 * `npm run import:kpi -- <file.csv|file.xlsx>`: imports past KPI returns (columns district,
 * academic_year, term, then one per measure id; the template is on the KPI return tab). Every row is
 * checked first: any error is printed by row and column and nothing is imported. Importing the same
 * file twice changes nothing. Then the KpiSummary list is brought up to date.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { AppError } from "../src/errors";
import { COMMAND_USER, runCommand, withKpiServices } from "./kpi-cli";

runCommand("Import", async () => {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) throw new AppError("bad_request", "Give the file to import: npm run import:kpi -- returns.csv");
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") throw new AppError("bad_request", `${file}: expected a .csv or .xlsx file`);
  const data = await readFile(file).catch((err: unknown) => {
    throw new AppError("bad_request", `Cannot read ${file}: ${(err as Error).message}`);
  });
  return withKpiServices(async ({ service, nudge }) => {
    const result = await service.importFile(COMMAND_USER, ext === ".csv" ? "csv" : "xlsx", data);
    console.log(`Imported ${result.imported} return${result.imported === 1 ? "" : "s"} from ${file}; ${result.unchanged} unchanged.`);
    const report = await nudge();
    if (!report) throw new AppError("upstream_failed", "The KpiSummary list could not be refreshed (see the log above); run the command again.");
    console.log(`KpiSummary list: ${report.created} items created, ${report.updated} updated, ${report.deleted} deleted, ${report.unchanged} unchanged${report.years.length ? ` (${report.years.join(", ")})` : ""}.`);
    return 0;
  });
});
