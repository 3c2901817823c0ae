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
import { runCommand, withFeatureContext } from "./command-support";

const COMMAND_USER = { oid: "00000000-0000-4000-8000-00000000c0df", upn: "settings-command@lift.local", displayName: "Settings register command line", role: "commissioner" } as Person;

/** The bot is not running in a command: nothing may try to send. */
const refuse = () => Promise.reject(new AppError("internal", "The import command does not send Teams messages"));
const NO_BOT: BotMessenger = { sendCard: refuse, sendText: refuse, updateCard: refuse };

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith("--")) throw new AppError("bad_request", `${name} needs a value`);
  return value;
}

runCommand("Import", async () => {
  const args = process.argv.slice(2);
  const known = new Set(["--gias", "--early-years", "--dry-run", "--council"]);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && !(i > 0 && ["--gias", "--early-years", "--council"].includes(args[i - 1]!)));
  if (unknown.length > 0) throw new AppError("bad_request", `Unknown option ${unknown.join(", ")}. Usage: npm run import:settings -- --gias file.csv [--early-years file.csv] [--dry-run] [--council Kent]`);
  const files: [RegisterSource, string][] = [];
  const gias = option(args, "--gias");
  const earlyYears = option(args, "--early-years");
  if (gias) files.push(["gias", gias]);
  if (earlyYears) files.push(["early-years", earlyYears]);
  if (files.length === 0) throw new AppError("bad_request", "Give a file to import: npm run import:settings -- --gias establishments.csv [--early-years providers.csv] [--dry-run]");
  const dryRun = args.includes("--dry-run");
  const council = option(args, "--council");
  const data = await Promise.all(
    files.map(([, file]) =>
      readFile(file).catch((err: unknown) => {
        throw new AppError("bad_request", `Cannot read ${file}: ${(err as Error).message}`);
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
});
