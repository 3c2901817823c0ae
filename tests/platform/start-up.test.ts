import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("start-up with a bad configuration", () => {
  it("exits with code 1 and names the variable", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATA_DIR: "/tmp/lift-hub-never" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: expected a port number/);
  });
});
