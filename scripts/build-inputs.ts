/**
 * The files under scripts/ that the operator commands are built from (dist/cli.js, scripts/build.ts):
 * scripts/cli.ts and what it imports from scripts/, found by following relative imports, static and
 * dynamic. src/ and bot/ are build inputs whole, so only scripts/ is followed; a command added to the
 * CLI is an input of the build's up-to-date check without being listed anywhere.
 */
import fs from "node:fs";
import path from "node:path";

const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g;

export function commandSources(root: string, entry = "scripts/cli.ts"): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file) || !fs.existsSync(path.join(root, file))) return;
    found.add(file);
    for (const [, spec] of fs.readFileSync(path.join(root, file), "utf8").matchAll(RELATIVE_IMPORT)) {
      visit(path.posix.join(path.posix.dirname(file), spec!.endsWith(".ts") ? spec! : `${spec}.ts`));
    }
  };
  visit(entry);
  return [...found].sort();
}
