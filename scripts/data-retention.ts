/**
 * `npm run data:retention -- --at <YYYY-MM-DD> [--apply]`: the retention schedule as at that day.
 * Without --apply it lists what would be erased (by case reference, never a name) and changes
 * nothing; with --apply it erases those records, leaving audit tombstones. Safe to run again: what
 * is erased is in the register, and an erasure stopped half-way is finished first.
 */
import { isPlainDate } from "../src/domain/time/plain-dates";
import type { ErasureResult, RetentionPreview } from "../src/schemas/data-protection/api";
import { COMMAND_ACTOR } from "../src/server/features/data-protection";
import { parseOptions, UsageError, type Command } from "./command-support";
import { withDataProtection } from "./data-protection-support";

export const command: Command = {
  what: "Retention",
  usage: "[--at <YYYY-MM-DD>] [--apply]",
  help: `The retention schedule as at a day. Without --apply it lists what would be erased (by case
reference, never a name) and changes nothing; with --apply it erases those records, leaving audit
tombstones. Safe to run again: an erasure stopped half-way is finished first.

  --at <date>   the day, e.g. 2050-09-01 (default: today)
  --apply       erase what is due (without it: a dry run)`,
  async run(argv) {
    const { values } = parseOptions(argv, { at: { type: "string" }, apply: { type: "boolean" } });
    const at = values.at ?? new Date().toISOString().slice(0, 10);
    if (!isPlainDate(at)) throw new UsageError(`--at needs a date such as 2050-09-01 (got ${at})`);
    const apply = values.apply === true;
    return withDataProtection(async (service) => {
      const result: RetentionPreview & { erased?: ErasureResult[] } = apply ? await service.applyRetention(COMMAND_ACTOR, at) : await service.previewRetention(COMMAND_ACTOR, at);
      console.log(`Retention ${apply ? "run" : "dry run (nothing changed; add --apply to erase)"} as at ${at}`);
      console.log(`Due (${result.due.length}):`);
      for (const d of result.due) console.log(`  ${d.subject} ${d.kind}${d.resuming ? " (finishing an erasure left half-way)" : `: ${d.anchor} ${d.anchorDate}, due ${d.dueOn}`}`);
      console.log(`Held for a person to decide (${result.held.length}):`);
      for (const h of result.held) console.log(`  ${h.subject} ${h.kind}: ${h.why}`);
      console.log(`Kept (not yet due): ${result.kept}`);
      if (result.erased) {
        const records = result.erased.reduce((n, e) => n + e.records, 0);
        console.log(`Erased ${result.erased.filter((e) => !e.alreadyErased).length} (${records} list items; a tombstone for each in the audit trail).`);
      }
      return 0;
    });
  },
};
