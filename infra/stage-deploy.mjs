#!/usr/bin/env node
/**
 * Stages the deployable for App Service: `node infra/stage-deploy.mjs [out-folder]` (default
 * build/deploy) copies `dist/`, `package.json` and `package-lock.json` into the folder and installs
 * the production dependencies there (`npm ci --omit=dev`). The Agents Toolkit's zipDeploy step
 * uploads that folder and nothing else (infra/README.md says why node_modules ships with it).
 *
 * It refuses to stage without `dist/main.js` and `dist/cli.js` (run `npm run build` first), on a platform other than
 * Linux x64 (the native modules it installs must match App Service's), and when the folder comes
 * out larger than MAX_DEPLOY_MB (default 150).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const out = path.resolve(root, process.argv[2] ?? "build/deploy");
const maxMb = Number(process.env.MAX_DEPLOY_MB ?? 150);
const SHIPPED = ["dist", "package.json", "package-lock.json"];

function fail(message) {
  console.error(`stage-deploy: ${message}`);
  process.exit(1);
}

function sizeOf(p) {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s || s.isSymbolicLink()) return 0;
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

// The app and the operator commands (provision, reminders, data protection) ship together.
for (const built of ["main.js", "cli.js"]) {
  if (!existsSync(path.join(root, "dist", built))) fail(`dist/${built} is missing: run \`npm run build\` first.`);
}
for (const file of SHIPPED) if (!existsSync(path.join(root, file))) fail(`${file} is missing in ${root}.`);
if ((process.platform !== "linux" || process.arch !== "x64") && process.env.STAGE_ANY_PLATFORM !== "1") {
  fail(
    `this is ${process.platform}-${process.arch}; App Service runs linux-x64 and native modules are installed for the machine that stages. ` +
      "Deploy from Linux x64 (WSL, a container or CI), or set STAGE_ANY_PLATFORM=1 if you know no native module is loaded in tenant mode.",
  );
}
if (path.relative(root, out).startsWith("..") || out === root) fail(`the output folder must be inside the project: ${out}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of SHIPPED) cpSync(path.join(root, file), path.join(out, file), { recursive: true });

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const install = spawnSync(npm, ["ci", "--omit=dev", "--no-audit", "--no-fund"], { cwd: out, stdio: "inherit", shell: process.platform === "win32" });
if (install.status !== 0) fail(`npm ci --omit=dev failed in ${out} (exit ${install.status ?? install.signal}).`);

const mb = sizeOf(out) / (1024 * 1024);
console.log(`stage-deploy: ${path.relative(root, out)} holds ${SHIPPED.join(", ")} and production node_modules: ${mb.toFixed(1)} MB (Node ${process.version}, ${process.platform}-${process.arch}).`);
if (mb > maxMb) fail(`${mb.toFixed(1)} MB is over the ${maxMb} MB limit for the deployable.`);
