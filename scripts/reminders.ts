/**
 * `npm run reminders -- --at <ISO date-time>`: one reminder pass as if it were that moment, against
 * the configured store (the emulator on DATA_DIR locally, SharePoint in tenant mode); prints what it
 * sent, skipped, held and why, and exits (1 if any send failed). Without --at it uses the real time.
 * Safe next to a running `npm start`: rows are claimed with leases, so nothing is sent twice.
 */
import { createBotAdapter } from "../bot/botbuilder-adapter";
import { loadConfig } from "../src/config/config";
import type { Logger } from "../src/server/core/logger";
import { composeFeatures } from "../src/server/app/compose";
import { parseOptions, UsageError, withFeatureContext, type Command } from "./command-support";

function parseAt(argv: string[]): Date {
  const value = parseOptions(argv, { at: { type: "string" } }).values.at;
  if (value === undefined) return new Date();
  const at = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at needs an ISO date-time such as 2026-01-16T09:00:00Z (got ${value})`);
  return at;
}

async function main(argv: string[]): Promise<number> {
  const at = parseAt(argv);
  const config = loadConfig(process.env);
  const messenger = (log: Logger) => createBotAdapter(config.bot, { log }).messenger;
  return withFeatureContext(config, { messenger, now: () => at }, async (ctx) => {
    // Built as the app builds them: return states from the KpiReturns list, reviews due from casework.
    const { reminders } = await composeFeatures(ctx);
    const service = reminders.service;
    const report = await service.runner({ owner: `cli-${process.pid}` }).pass();
    console.log(`Reminder pass as at ${report.at}`);
    console.log(`Sent (${report.sent.length}):`);
    for (const s of report.sent) console.log(`  ${s.key} → ${s.recipientOid}${s.late ? " (late)" : ""}`);
    console.log(`Skipped (${report.skipped.length}):`);
    for (const s of report.skipped) console.log(`  ${s.key}${s.recipientOid ? ` → ${s.recipientOid}` : ""}: ${s.reason}`);
    console.log(`Held (${report.held.length}):`);
    for (const h of report.held) console.log(`  ${h.key}: ${h.reason}`);
    if (report.busy.length > 0) console.log(`Being sent by another runner (${report.busy.length}): ${report.busy.map((b) => b.key).join(", ")}`);
    if (report.failed.length > 0) {
      console.log(`Failed (${report.failed.length}):`);
      for (const f of report.failed) console.log(`  ${f.key} → ${f.recipientOid}: ${f.reason}${f.willRetry ? " (will retry)" : ""}`);
    }
    // Many districts share one calendar problem (e.g. no pack link yet): print each kind once.
    const problems = new Map<string, number>();
    for (const p of report.problems) {
      const message = p.slice(p.indexOf(": ") + 2);
      problems.set(message, (problems.get(message) ?? 0) + 1);
    }
    for (const [message, count] of problems) console.log(`Calendar${count > 1 ? ` (${count} times)` : ""}: ${message}`);
    return report.failed.length > 0 ? 1 : 0;
  }, () => undefined);
}

export const command: Command = {
  what: "Reminder pass",
  usage: "[--at <ISO date-time>]",
  help: `One reminder pass against the configured site, as the scheduler would run it; prints what it sent,
skipped, held and why (exit code 1 if any send failed). Safe next to a running app: nothing is sent
twice.

  --at <time>   run as if it were that moment, e.g. 2026-01-16T09:00:00Z (default: now)`,
  run: main,
};
