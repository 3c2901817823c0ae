/**
 * Vitest global setup: build the tab pages (tabs/dist) once per test run when they are missing or
 * older than their sources, so the browser tests (and the server's /tabs/* routes) see current code.
 *
 * The build goes to a scratch directory and is then swapped into place, so a run that starts while
 * another is building never sees a half-written tabs/dist.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "tabs", "dist");
const STAMP = path.join(DIST, ".built-at");
/** What the tab bundle is made of: the tabs and the shared src code they import. */
// Tabs import pure code from src/domain and src/schemas (one schema shared by form and server); the
// build takes its pages from the one table of tab pages; and how this file builds them counts too.
const SOURCES = ["tabs", "src/domain", "src/schemas", "src/teams-app/tab-pages.ts", "tests/support/build-tabs.ts"].map((p) => path.join(ROOT, p));
const SKIP = new Set([DIST, path.join(ROOT, "tabs", "node_modules")]);

/**
 * Newest modification time under `target`. A folder's own time counts (a deleted file changes it),
 * except for the top folders: swapping tabs/dist into place changes tabs/ itself.
 */
function newestMtime(target: string, top = true): number {
  if (SKIP.has(target) || !fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = top ? 0 : stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry), false));
  return newest;
}

function builtAt(): number {
  if (!fs.existsSync(STAMP)) return 0;
  const value = Number(fs.readFileSync(STAMP, "utf8").trim());
  return Number.isFinite(value) ? value : 0;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTEMPTY" || error.code === "EEXIST");
}

export async function buildTabsIfStale(): Promise<"fresh" | "built"> {
  const sourcesChanged = Math.max(...SOURCES.map((source) => newestMtime(source)));
  if (builtAt() >= sourcesChanged && fs.existsSync(path.join(DIST, "referral", "index.html"))) return "fresh";

  const startedAt = Date.now();
  const cache = path.join(ROOT, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cache, "lift-hub-tabs-build-"));
  const retired = `${scratch}-old`;
  // The pages as they ship: React's production build, as scripts/build.ts makes it (under the test
  // run's NODE_ENV=test Vite would bundle React's development build). Only for the build: the test
  // workers, started after this setup, inherit the environment and must keep NODE_ENV=test.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: path.join(ROOT, "tabs", "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: scratch, emptyOutDir: true },
    });
    fs.writeFileSync(path.join(scratch, ".built-at"), String(startedAt));
    try {
      fs.renameSync(DIST, retired);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    try {
      fs.renameSync(scratch, DIST);
    } catch (error) {
      // Another run put its build in place first: that one is as good as ours.
      if (!isMissing(error)) throw error;
      console.info("build-tabs: another test run installed tabs/dist first; using that build");
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(retired, { recursive: true, force: true });
  }
  console.info(`build-tabs: built tabs/dist in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return "built";
}

export default async function setup(): Promise<void> {
  await buildTabsIfStale();
}
