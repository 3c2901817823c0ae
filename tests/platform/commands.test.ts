/**
 * The operator commands' arguments (scripts/cli.ts and scripts/commands.ts): every command has a
 * usage line and help, refuses an unknown option, a missing value and a bad value with a UsageError
 * before it reaches any site, and the entry point turns that into one line and exit code 2. The
 * same entry built (dist/cli.js) is run from the deployable by the production rehearsal.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/command-support";
import { COMMANDS } from "../../scripts/commands";
import { ROOT } from "../support/deployable";

/** Arguments each command must refuse, beyond an unknown option (refused by all). */
const BAD: Record<string, string[][]> = {
  provision: [["extra"]],
  reminders: [["--at"], ["--at", "tomorrow"], ["--at", "2026-13-45T09:00:00Z"]],
  "import:kpi": [[], ["returns.txt"], ["a.csv", "b.csv"], ["no-such-file.csv"]],
  "import:settings": [[], ["--gias"], ["--dry-run"], ["--gias", "no-such-file.csv"], ["--dry-run=yes", "--gias", "x.csv"]],
  "export:summary": [[], ["--year", "2025"], ["--year", "2025-26", "--format", "pdf"], ["--year"]],
  "data:subject-access": [[], ["--case", "dover"], ["--case"]],
  "data:retention": [["--at", "2050-13-01"], ["--at"], ["--apply=yes"]],
  "data:erase": [[], ["--case", "DOV-2526-0001"], ["--case", "DOV-2526-0001", "--reason", "x"], ["--reason", "Parent's request, DPO ref 7"]],
};

/** Runs the CLI from source, as `npm run <command>` does, with no settings that could reach a site. */
function cli(args: string[]) {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
}

describe("each operator command", () => {
  it("is listed with its bad arguments here", () => {
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each(Object.keys(COMMANDS))("%s has help and refuses bad arguments with a UsageError", async (name) => {
    const { command } = await COMMANDS[name]!.load();
    expect(command.help.length).toBeGreaterThan(20);
    for (const argv of [["--no-such-option"], ...BAD[name]!]) {
      const refused = await command.run(argv).then(
        (code) => new Error(`${name} ${argv.join(" ")} ran (exit ${code})`),
        (err: unknown) => err,
      );
      expect(refused, `${name} ${argv.join(" ")}`).toBeInstanceOf(UsageError);
      // One line, naming what is wrong.
      expect((refused as Error).message).not.toContain("\n");
      expect((refused as Error).message.length).toBeGreaterThan(5);
    }
  });
});

describe("the entry point", () => {
  it("`<command> --help` prints the usage and exits 0", () => {
    const help = cli(["data:retention", "--help"]);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run data:retention -- \[--at <YYYY-MM-DD>\] \[--apply\]\n/);
    expect(help.stdout).toContain("--apply");
  }, 60_000);

  it("a bad argument: one line on stderr naming the command and the problem, exit code 2", () => {
    const bad = cli(["reminders", "--at", "tomorrow"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^reminders: --at needs an ISO date-time .*\(got tomorrow\).*--help/)]);
  }, 60_000);

  it("lists the commands on --help (exit 0) and without a command (exit 2); an unknown command is exit 2", () => {
    const help = cli(["--help"]);
    expect(help.status).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toContain(`  ${name} `);
    expect(cli([]).status).toBe(2);
    const unknown = cli(["provison"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^lift-hub: unknown command "provison"/);
  }, 60_000);
});
