/**
 * The operator commands, one entry with a subcommand each. Built into the deployable as dist/cli.js
 * (scripts/build.ts), so a council runs them where the app runs, with production dependencies only:
 *
 *   node dist/cli.js provision
 *   node dist/cli.js reminders --at 2026-01-16T09:00:00Z
 *   node dist/cli.js data:subject-access --case DOV-2526-0042
 *   node dist/cli.js --help                  the list; `<command> --help` for one
 *
 * From source the same commands are `npm run <command> -- <options>` (package.json runs this file
 * with tsx). Each command is loaded only when asked for: its module is a chunk of the bundle.
 * Exit codes: 0 done, 1 could not do it (the message says why), 2 a bad or missing argument.
 */
import { runCommand } from "./command-support";
import { COMMANDS } from "./commands";

/**
 * How the operator typed it: the built file (`node dist/cli.js <command>`) or, from source, the npm
 * script (`npm run <command> --`). The bundle is a .js file; tsx runs the .ts source.
 */
const BUILT = import.meta.url.endsWith(".js");
const invocation = (name: string) => (BUILT ? `node dist/cli.js ${name}` : `npm run ${name} --`);
const HELP_FLAGS = new Set(["--help", "-h"]);

function list(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `Usage: ${BUILT ? "node dist/cli.js" : "npm run"} <command> [options]   (${BUILT ? "node dist/cli.js" : "npm run"} <command> ${BUILT ? "" : "-- "}--help for one)`,
    "",
    "The LIFT Hub operator commands, with the app's settings taken from the environment.",
    "",
    ...Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`),
  ].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) {
    (name === undefined ? console.error : console.log)(list());
    process.exit(name === undefined ? 2 : 0);
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    console.error(`lift-hub: unknown command "${name}" (${BUILT ? "node dist/cli.js" : "npx tsx scripts/cli.ts"} --help lists them)`);
    process.exit(2);
  }
  const { command } = await entry.load();
  // `--` ends the options: a value after it that looks like --help is not a request for help.
  const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (options.some((arg) => HELP_FLAGS.has(arg))) {
    console.log(`Usage: ${invocation(name)}${command.usage ? ` ${command.usage}` : ""}\n\n${command.help}`);
    process.exit(0);
  }
  runCommand(name, command, rest, `${invocation(name)} --help`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`lift-hub: ${(err as Error)?.stack ?? String(err)}`);
  process.exit(1);
});
