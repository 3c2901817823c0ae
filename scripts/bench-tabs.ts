/**
 * `npm run bench:tabs`: the JavaScript each tab page loads before its first paint, gzipped — the
 * page's entry chunk and everything it imports statically, followed chunk by chunk (dynamic
 * `import()`s load later, when what they hold is shown). Builds dist/ first if a source changed
 * (scripts/build.ts), then reads the built pages in dist/tabs.
 *
 *   npm run bench:tabs
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { TAB_PAGES } from "../src/teams-app/tab-pages";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TABS = path.join(ROOT, "dist", "tabs");

/** Static imports of a built chunk: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) found.push(m[1] as string);
  return found;
}

/** Every chunk loaded before first paint, from the page's entry script. */
function firstPaintChunks(slug: string): string[] {
  const html = fs.readFileSync(path.join(TABS, slug, "index.html"), "utf8");
  const entry = /<script type="module"[^>]*src="\/tabs\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${slug}: no module script in index.html`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(fs.readFileSync(path.join(TABS, file), "utf8"))) visit(path.posix.join(path.posix.dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}

execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "build.ts")], { cwd: ROOT, stdio: "inherit" });
console.log("JavaScript before first paint, gzip (entry chunk and its static imports):");
for (const { slug } of TAB_PAGES) {
  const chunks = firstPaintChunks(slug);
  const bytes = chunks.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(TABS, f))).length, 0);
  console.log(`  ${slug.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(6)} KB in ${chunks.length} chunks`);
}
