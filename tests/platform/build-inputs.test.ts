/**
 * The build's up-to-date check (scripts/build.ts, which `npm start` runs first) covers the operator
 * commands built into dist/cli.js: every command module under scripts/ is an input of the server
 * part, so changing one rebuilds it, and a second build after a first one rebuilds nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { commandSources } from "../../scripts/build-inputs";
import { buildDist, ROOT } from "../support/deployable";

it("every command module, and what they share under scripts/, is an input of the server build", () => {
  const inputs = commandSources(ROOT);
  const commandModules = fs
    .readdirSync(path.join(ROOT, "scripts"))
    .filter((file) => file.endsWith(".ts") && /^export const command: Command\b/m.test(fs.readFileSync(path.join(ROOT, "scripts", file), "utf8")))
    .map((file) => `scripts/${file}`);
  expect(commandModules.length).toBeGreaterThanOrEqual(8);
  for (const file of [...commandModules, "scripts/cli.ts", "scripts/commands.ts", "scripts/command-support.ts", "scripts/kpi-cli.ts", "scripts/data-protection-support.ts"]) expect(inputs).toContain(file);
  // Only the commands' own files: not the benches, the fuzzer or the build itself.
  expect(inputs.filter((file) => /bench|fuzz|build/.test(file))).toEqual([]);
});

it("a build after a build rebuilds nothing, and dist/ holds both the server and the commands", async () => {
  await buildDist();
  const second = await buildDist();
  expect(second).toContain("build: server is up to date");
  expect(second).toContain("build: tabs is up to date");
  for (const file of ["main.js", "cli.js"]) expect(fs.existsSync(path.join(ROOT, "dist", file)), file).toBe(true);
}, 300_000);
