/**
 * `npm run import:kpi -- <file.csv|file.xlsx>`: imports past KPI returns (columns district,
 * academic_year, term, then one per measure id; the template is on the KPI return tab). Every row is
 * checked first: any error is printed by row and column and nothing is imported. Importing the same
 * file twice changes nothing. Then the KpiSummary list is brought up to date.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { AppError } from "../src/errors";
import { parseOptions, UsageError, type Command } from "./command-support";
import { COMMAND_USER, withKpiServices } from "./kpi-cli";

export const command: Command = {
  what: "Import",
  usage: "<file.csv|file.xlsx>",
  help: `Imports past KPI returns (columns district, academic_year, term, then one per measure id; the
template is on the KPI return tab). Every row is checked first: any error is printed by row and
column and nothing is imported. Importing the same file twice changes nothing. Then the KpiSummary
list is brought up to date.`,
  async run(argv) {
    const file = parseOptions(argv, {}, 1).positionals[0];
    if (!file) throw new UsageError("give the file to import, a .csv or .xlsx file");
    const ext = extname(file).toLowerCase();
    if (ext !== ".csv" && ext !== ".xlsx") throw new UsageError(`${file}: expected a .csv or .xlsx file`);
    const data = await readFile(file).catch((err: unknown) => {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    });
    return withKpiServices(async ({ service, nudge }) => {
      const result = await service.importFile(COMMAND_USER, ext === ".csv" ? "csv" : "xlsx", data);
      console.log(`Imported ${result.imported} return${result.imported === 1 ? "" : "s"} from ${file}; ${result.unchanged} unchanged.`);
      const report = await nudge();
      if (!report) throw new AppError("upstream_failed", "The KpiSummary list could not be refreshed (see the log above); run the command again.");
      console.log(`KpiSummary list: ${report.created} items created, ${report.updated} updated, ${report.deleted} deleted, ${report.unchanged} unchanged${report.years.length ? ` (${report.years.join(", ")})` : ""}.`);
      return 0;
    });
  },
};
