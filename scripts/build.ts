/**
 * `npm run build`: the deployable in dist/ — the server bundled by esbuild (dist/main.js, the
 * emulator in a chunk of its own loaded only in local mode), the operator commands beside it
 * (dist/cli.js, scripts/cli.ts: `node dist/cli.js provision` and the others, sharing the server's
 * chunks) and the tab pages built by Vite (dist/tabs, found by dist/main.js beside itself). Dependencies stay in node_modules: the bundle
 * needs only the production ones (`npm ci --omit=dev`), better-sqlite3 among them as a native module.
 *
 * Each part is rebuilt only when its inputs changed: a hash of the input files is kept beside the
 * output, so `npm start` after `npm start` goes straight to starting the server.
 *
 *   npm run build             build what is out of date
 *   npm run build -- --force  build everything
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { commandSources } from "./build-inputs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
/** Packages loaded from node_modules at run time: the package.json `dependencies`. */
const RUNTIME_PACKAGES = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {},
);
const SKIP_DIRS = new Set(["node_modules", "dist", ".data"]);

/** What each part is made of. The lock file counts: a dependency update can change the output. */
const PARTS = {
  server: {
    stamp: path.join(DIST, ".server-stamp"),
    inputs: ["src", "bot", ...commandSources(ROOT), "package.json", "package-lock.json", "scripts/build.ts", "scripts/build-inputs.ts"],
    outputs: ["main.js", "cli.js"].map((file) => path.join(DIST, file)),
  },
  tabs: {
    stamp: path.join(DIST, "tabs", ".tabs-stamp"),
    // Tabs import pure code from src/domain and src/schemas, and take their pages from src/teams-app.
    inputs: ["tabs", "src/domain", "src/schemas", "src/teams-app/tab-pages.ts", "package-lock.json", "scripts/build.ts"],
    outputs: [] as string[],
  },
} as const;

function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) return [];
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((entry) => !SKIP_DIRS.has(entry))
    .sort()
    .flatMap((entry) => filesUnder(path.join(target, entry)));
}

/** A hash of the inputs' paths and contents (not times: a fresh clone has new times, same code). */
export function inputsHash(inputs: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => filesUnder(path.join(ROOT, input)))) {
    hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Built from these inputs, and no output has gone missing since (a deleted dist/cli.js is rebuilt). */
function upToDate(stamp: string, hash: string, outputs: readonly string[]): boolean {
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8").trim() === hash && outputs.every((file) => fs.existsSync(file));
}

async function buildServer() {
  const { build } = await import("esbuild");
  const out = path.join(DIST);
  for (const old of ["main.js", "main.js.map", "cli.js", "cli.js.map", "chunks"]) fs.rmSync(path.join(out, old), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    // One build for both entries: what they share (config, Graph, the features) is one set of chunks.
    entryPoints: { main: "src/server/app/main.ts", cli: "scripts/cli.ts" },
    outdir: out,
    bundle: true,
    // Dynamic imports (the emulator, each command) become chunks of their own, loaded only when imported.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20.19",
    // Every package is bundled (tree-shaken) except the native SQLite module, the one production
    // dependency left to install: the deployable stays small (botbuilder and msal pull in hundreds
    // of megabytes of packages, most of them never loaded).
    external: [...RUNTIME_PACKAGES],
    // Bundled CommonJS packages call require() for Node built-ins; give the ES module one.
    banner: { js: 'import { createRequire as __liftCreateRequire } from "node:module"; const require = __liftCreateRequire(import.meta.url);' },
    sourcemap: true,
    logLevel: "warning",
  });
}

async function buildTabs() {
  const { build } = await import("vite");
  // The shipped build is React's production build, also when a test or a bench runs this with
  // NODE_ENV=test (Vite would otherwise bundle the development build, ~65 KB gzip more per page).
  process.env.NODE_ENV = "production";
  await build({
    configFile: path.join(ROOT, "tabs", "vite.config.ts"),
    logLevel: "warn",
    build: { outDir: path.join(DIST, "tabs"), emptyOutDir: true },
  });
}

async function main() {
  const force = process.argv.includes("--force");
  fs.mkdirSync(DIST, { recursive: true });
  for (const [name, part] of Object.entries(PARTS) as Array<[keyof typeof PARTS, (typeof PARTS)[keyof typeof PARTS]]>) {
    const hash = inputsHash(part.inputs);
    if (!force && upToDate(part.stamp, hash, part.outputs)) {
      console.log(`build: ${name} is up to date`);
      continue;
    }
    const startedAt = Date.now();
    if (name === "server") await buildServer();
    else await buildTabs();
    fs.mkdirSync(path.dirname(part.stamp), { recursive: true });
    fs.writeFileSync(part.stamp, `${hash}\n`);
    console.log(`build: ${name} built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  console.error("build failed:", error);
  process.exit(1);
});
