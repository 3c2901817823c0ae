/**
 * The operator commands scripts/cli.ts runs, by name (the npm script's name). Each module exports
 * `command` (command-support.ts `Command`) and is imported only when that command runs, so in the
 * bundle each is a chunk of its own.
 */
import type { Command } from "./command-support";

export interface CommandEntry {
  /** One line for the list `--help` prints. */
  summary: string;
  load: () => Promise<{ command: Command }>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  provision: { summary: "create the lists and columns missing on the site, load the reference data", load: () => import("./provision") },
  reminders: { summary: "one reminder pass, now or as at --at <time>", load: () => import("./reminders") },
  "import:kpi": { summary: "import past KPI returns from a .csv or .xlsx file", load: () => import("./import-kpi") },
  "import:settings": { summary: "import schools and early years settings (GIAS and provider CSVs)", load: () => import("./import-settings") },
  "export:summary": { summary: "write an academic year's KPI summary as CSV or Excel", load: () => import("./export-summary") },
  "data:subject-access": { summary: "everything held about a child, by case reference (JSON and HTML)", load: () => import("./data-subject-access") },
  "data:retention": { summary: "the retention schedule as at a day; --apply erases what is due", load: () => import("./data-retention") },
  "data:erase": { summary: "erase one child's records on a valid request", load: () => import("./data-erase") },
};
