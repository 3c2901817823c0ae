/**
 * The deployable as an operator stages it: `npm run build`, then a folder holding only dist/,
 * package.json and package-lock.json with production dependencies installed (`npm ci --omit=dev`).
 * Shared by the deployable test and the production rehearsal.
 *
 * The one native module (better-sqlite3) is not compiled again: npm ci runs without install scripts
 * and the binary this checkout's own install compiled (same Node, same version) is copied in.
 * Compiling SQLite from source takes minutes on a small machine and proves nothing about the app.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 300_000, ...(env ? { env } : {}) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * `npm run build` in the checkout. Test files run two at a time and the build writes one dist/, so
 * builds take a lock (a directory: mkdir is atomic); the second caller then finds dist up to date.
 * Resolves with what the build printed.
 */
export async function buildDist(): Promise<string> {
  // Under node_modules: ignored by git, and one per checkout.
  const lock = path.join(ROOT, "node_modules", ".lift-hub-build.lock");
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a build killed more than ten minutes ago is stale.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return run(process.execPath, ["--import", "tsx", "scripts/build.ts"], ROOT);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Copies the built app into `folder` and installs the production dependencies there. */
export function stageDeployable(folder: string): void {
  for (const file of ["dist", "package.json", "package-lock.json"]) fs.cpSync(path.join(ROOT, file), path.join(folder, file), { recursive: true });
  run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"], folder);
  fs.cpSync(path.join(ROOT, "node_modules/better-sqlite3/build"), path.join(folder, "node_modules/better-sqlite3/build"), { recursive: true });
}

/** The version of a package installed in `dir`. */
export function installedVersion(dir: string, name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}
