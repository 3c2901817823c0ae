/**
 * `npm run import:settings -- --gias establishments.csv [--early-years providers.csv] [--dry-run] [--council Kent]`:
 * imports the council's schools from the DfE "Get Information about Schools" establishment CSV and
 * its early years providers from the provider list (layout: src/server/features/settings-register/README.md)
 * into the Settings list, keyed by URN. Each file is checked whole first: any error is printed by row
 * and column and nothing of that file is imported. Importing the same files again changes nothing.
 * `--dry-run` prints what would change and writes nothing.
 */
import { readFile } from "node:fs/promises";
import { loadConfig } from "../src/config/config";
import { AppError } from "../src/errors";
import { createSettingsRegisterFeature } from "../src/server/features/settings-register";
import type { RegisterSource } from "../src/server/features/settings-register/service";
import type { Person } from "../src/schemas/reference/person";
import type { BotMessenger } from "../bot/bot-port";
import { parseOptions, UsageError, withFeatureContext, type Command } from "./command-support";

const COMMAND_USER = { oid: "00000000-0000-4000-8000-00000000c0df", upn: "settings-command@lift.local", displayName: "Settings register command line", role: "commissioner" } as Person;

/** The bot is not running in a command: nothing may try to send. */
const refuse = () => Promise.reject(new AppError("internal", "The import command does not send Teams messages"));
const NO_BOT: BotMessenger = { sendCard: refuse, sendText: refuse, updateCard: refuse };

export const command: Command = {
  what: "Import",
  usage: "--gias <establishments.csv> [--early-years <providers.csv>] [--dry-run] [--council <name>]",
  help: `Imports the council's schools from the DfE "Get Information about Schools" establishment CSV and
its early years providers from the provider list into the Settings list, keyed by URN. Each file is
checked whole first: any error is printed by row and column and nothing of that file is imported.
Importing the same files again changes nothing.

  --gias <file>          the GIAS establishment CSV
  --early-years <file>   the early years provider list (at least one of the two files is needed)
  --council <name>       the local authority whose rows to import, e.g. Kent
  --dry-run              print what would change and write nothing`,
  async run(argv) {
    const { values } = parseOptions(argv, { gias: { type: "string" }, "early-years": { type: "string" }, "dry-run": { type: "boolean" }, council: { type: "string" } });
    const files: [RegisterSource, string][] = [];
    if (values.gias) files.push(["gias", values.gias]);
    if (values["early-years"]) files.push(["early-years", values["early-years"]]);
    if (files.length === 0) throw new UsageError("give a file to import: --gias establishments.csv and/or --early-years providers.csv");
    const dryRun = values["dry-run"] === true;
    const council = values.council;
    const data = await Promise.all(
      files.map(([, file]) =>
        readFile(file).catch((err: unknown) => {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }),
      ),
    );
    return withFeatureContext(loadConfig(process.env), { messenger: () => NO_BOT }, async (ctx) => {
      const feature = createSettingsRegisterFeature(ctx, council ? { council } : {});
      for (const [i, [source, file]] of files.entries()) {
        const r = await feature.service.importFile(COMMAND_USER, source, data[i]!, { dryRun });
        console.log(`${dryRun ? "Dry run, nothing written: " : ""}${file} (${source === "gias" ? "GIAS establishments" : "early years providers"}): ${r.rows} row${r.rows === 1 ? "" : "s"}; ${r.created} setting${r.created === 1 ? "" : "s"} ${dryRun ? "to create" : "created"}, ${r.updated} ${dryRun ? "to update" : "updated"}, ${r.unchanged} unchanged.`);
        for (const s of r.skipped) console.log(`  skipped ${s.rows}: ${s.reason}`);
        for (const m of r.moved) console.log(`  moved district: ${m}`);
      }
      return 0;
    });
  },
};
