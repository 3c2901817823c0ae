/**
 * The deployable: `npm run build`, then a folder holding only dist/, package.json and
 * package-lock.json, `npm ci --omit=dev` and `node dist/main.js` serves /healthz in local mode, and
 * the folder stays within 150 MB. The operator commands run from the same folder (`node
 * dist/cli.js`), here `provision` in local mode; the rehearsal runs them in tenant mode.
 *
 * The same folder then runs on Node 24, whose built-in SQLite replaces the native module.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildDist, installedVersion, ROOT, run, stageDeployable } from "../support/deployable";
import { freePort } from "../support/ports";

const LIMIT_BYTES = 150 * 1024 * 1024;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-deployable-"));

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function sizeOf(target: string): number {
  const stat = fs.lstatSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}

/** Starts `node dist/main.js` in the folder with the given runtime and checks /healthz and a tab page. */
async function serves(node: string): Promise<void> {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), GRAPH_EMULATOR_PORT: String(await freePort()), DATA_DIR: path.join(folder, ".data"), REMINDERS: "off", DEMO_DATA: "off", LOG_LEVEL: "warn" };
  const child = spawn(node, ["dist/main.js"], { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes("LIFT Hub is running at")) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      child.once("exit", (code) => {
        clearInterval(timer);
        reject(new Error(`dist/main.js exited with ${code}: ${output}`));
      });
    });
    const health = await fetch(`http://localhost:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { graph: "ok" } });
    // The tab pages come from dist/tabs, beside the bundle.
    const tab = await fetch(`http://localhost:${port}/tabs/referral`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain("<div id=\"root\"");
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

it("builds, installs production dependencies only, serves /healthz in local mode, and fits in 150 MB", async () => {
  await buildDist();
  stageDeployable(folder);
  const installed = fs.readdirSync(path.join(folder, "node_modules"));
  // Only production dependencies: nothing the tabs, the tests or the build need.
  for (const devOnly of ["react", "vite", "vitest", "tsx", "esbuild", "typescript", "botbuilder"]) expect(installed).not.toContain(devOnly);
  // The native module's binary comes from this checkout's install: it must be the same version.
  expect(installedVersion(folder, "better-sqlite3")).toBe(installedVersion(ROOT, "better-sqlite3"));

  const size = sizeOf(folder);
  console.info(`deployable: ${(size / 1024 / 1024).toFixed(1)} MB (dist ${(sizeOf(path.join(folder, "dist")) / 1024 / 1024).toFixed(1)} MB)`);
  expect(size).toBeLessThanOrEqual(LIMIT_BYTES);

  await serves(process.execPath);

  // The operator commands are in the deployable too, without tsx.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GRAPH_EMULATOR_PORT: String(await freePort()), DATA_DIR: path.join(folder, ".data-cli"), DEMO_DATA: "off", LOG_LEVEL: "warn" };
  const help = spawnSync(process.execPath, ["dist/cli.js", "--help"], { cwd: folder, env, encoding: "utf8" });
  expect(help.status, help.stderr).toBe(0);
  for (const command of ["provision", "reminders", "data:subject-access", "data:retention", "data:erase"]) expect(help.stdout).toContain(`  ${command} `);
  const provision = spawnSync(process.execPath, ["dist/cli.js", "provision"], { cwd: folder, env, encoding: "utf8", timeout: 120_000 });
  expect(provision.status, provision.stderr).toBe(0);
  expect(provision.stdout).toMatch(/created lists: .*People/);
}, 240_000);

// Node 24 has SQLite built in (node:sqlite), so the emulator needs no native module there: the same
// folder runs with better-sqlite3's binary taken away.
it("the same folder serves /healthz on Node 24 without the native module", async () => {
  const node24 = run("npm", ["exec", "--yes", "--package=node@24", "--", "node", "-p", "process.execPath"], ROOT).trim();
  expect(run(node24, ["--version"], ROOT)).toMatch(/^v24\./);
  const binary = path.join(folder, "node_modules/better-sqlite3/build");
  fs.renameSync(binary, `${binary}.away`);
  try {
    await serves(node24);
  } finally {
    fs.renameSync(`${binary}.away`, binary);
  }
}, 180_000);
