/**
 * `npm run bench:start`: time `npm start` to the first /healthz 200 — first on a fresh DATA_DIR
 * (lists provisioned, demo data seeded), then again with nothing changed (the warm start). Prints
 * wall seconds and the user CPU seconds of the whole start (the machine may be shared by others:
 * CPU time is the steadier figure). The build is brought up to date first, so neither start builds.
 *
 *   npm run bench:start                      ports 4978/4979, a temporary DATA_DIR
 *   PORT=… GRAPH_EMULATOR_PORT=… npm run bench:start
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "4978";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-bench-start-"));
const env = { ...process.env, PORT: port, GRAPH_EMULATOR_PORT: process.env.GRAPH_EMULATOR_PORT ?? "4979", DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * User CPU so far of a process group: each live member's own time plus that of the children it has
 * reaped (the build step, finished before the server starts), from /proc/<pid>/stat (Linux).
 */
function userCpuSeconds(group: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after the command name (in parentheses): state is field 3, pgrp 5, utime 14, cutime 16.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[13]);
  }
  return ticks / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
}

/** One `npm start` in a process group of its own, stopped once /healthz answers 200. */
async function oneStart(label: string): Promise<void> {
  const child = spawn("bash", ["-c", "npm start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const startedAt = performance.now();
  let done = false;
  void exited.then(() => (done = true));
  while (!(await healthy())) {
    if (done) throw new Error(`${label}: npm start exited before /healthz answered\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = userCpuSeconds(child.pid!);
  // SIGTERM to the whole group (npm, the shell, node): node stops cleanly.
  process.kill(-child.pid!, "SIGTERM");
  await exited;
  // npm and the shell can exit while node still drains its requests and answers /healthz: the next
  // start would be timed against this one's server. Wait until the port is free.
  const deadline = performance.now() + 30_000;
  while (await healthy()) {
    if (performance.now() > deadline) throw new Error(`${label}: the server still answers 30 s after it was stopped`);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`${label}: ${seconds.toFixed(2)} s to /healthz 200, user CPU ${cpu.toFixed(2)} s`);
}

execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
try {
  await oneStart("First start (fresh DATA_DIR)");
  await oneStart("Second start (nothing changed)");
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
