import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/ports";
import { DEMO_PEOPLE } from "../../src/domain/reference/people";


describe("start-up", () => {
  it("exits with code 1 and names the variable when the configuration is bad", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/app/main.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATA_DIR: "/tmp/lift-hub-never" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: expected a port number/);
  });

  it("starts the emulator and the app on a fresh DATA_DIR, prints the URLs, answers /healthz, and keeps data across a restart", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-start-"));
    const env = { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()), GRAPH_EMULATOR_PORT: String(await freePort()), LOG_LEVEL: "warn", REMINDERS: "off" };
    const run = async () => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/server/app/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setInterval(() => {
            const match = /LIFT Hub is running at (\S+)/.exec(output);
            if (match?.[1]) {
              clearInterval(timer);
              resolve(match[1]);
            }
          }, 100);
          child.once("exit", (code) => {
            clearInterval(timer);
            reject(new Error(`exited with ${code}: ${output}`));
          });
        });
        const health = await fetch(`${url}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: "ok", checks: { graph: "ok" } });
        return output;
      } finally {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    };
    try {
      const first = await run();
      for (const page of ["referral", "lift-meeting", "kpi-return", "summary"]) expect(first).toContain(`/tabs/${page}`);
      expect(first).toMatch(/created lists: .*People/);
      expect(fs.existsSync(path.join(dataDir, "graph-emulator.sqlite"))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, "emulator-cert.pem"))).toBe(true);
      // The second start finds everything in place: nothing to create, reference data already there.
      const second = await run();
      expect(second).not.toMatch(/created lists: .*People/);
      expect(second).toContain(`People: 0 created, ${DEMO_PEOPLE.length} already there`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
