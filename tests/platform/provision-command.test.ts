import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/ports";
import { FEATURE_LISTS } from "../../src/server/app/compose";


describe("npm run provision", () => {
  // An operator provisions the site before the app's first start, so the app can run on a `write`
  // grant: every feature's lists must be created here, not only the core ones.
  it("creates the core lists and every feature's lists on a fresh site, and nothing on a second run", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lift-hub-provision-"));
    const env = { ...process.env, DATA_DIR: dataDir, GRAPH_EMULATOR_PORT: String(await freePort()), LOG_LEVEL: "warn" };
    const run = () => spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "provision"], { env, encoding: "utf8", timeout: 120_000 });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const created = /created lists: (.*)/.exec(first.stdout)?.[1]?.split(", ") ?? [];
    for (const list of FEATURE_LISTS) expect(created).toContain(list.title);
    expect(created).toContain("People");
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/created lists: none/);
  }, 240_000);
});
