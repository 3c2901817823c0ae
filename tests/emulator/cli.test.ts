/**
 * `npm run emulator` (= `tsx src/emulator/cli.ts`) as a child process: it prints its URL and serves
 * on it; a taken port makes it exit non-zero with a message naming the port. Also the environment →
 * options mapping, which is the only place the environment is read.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/ports";
import { CERT_FILE, optionsFromEnv } from "../../src/emulator";
import { emulatorClient } from "./harness";

const ROOT = resolve(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function runCli(env: Record<string, string>): ChildProcess {
  return spawn(TSX, ["src/emulator/cli.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

/** Resolves with stdout once `pattern` appears, or rejects with everything printed if the process exits first. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  let out = "";
  return new Promise((ok, fail) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) ok(m);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => fail(new Error(`exited with ${code} before printing ${pattern}: ${out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ok) => child.once("exit", (code) => ok({ code, stderr })));
}


describe("npm run emulator", () => {
  let dataDir: string;
  let blocker: Server;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "graph-emulator-cli-"));
  });
  afterAll(async () => {
    if (blocker) await new Promise<void>((ok) => blocker.close(() => ok()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints its URL, serves Graph on it with the certificate it keeps in DATA_DIR, and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = runCli({ GRAPH_EMULATOR_PORT: String(port), DATA_DIR: dataDir });
    try {
      const [, url] = await waitFor(child, /listening on (https:\/\/localhost:\d+)\/v1\.0/);
      expect(url).toBe(`https://localhost:${port}`);
      const ca = readFileSync(join(dataDir, CERT_FILE), "utf8");
      const site = (await emulatorClient(url as string, ca).api("/sites/root").get()) as { id: string };
      expect(site.id.split(",")).toHaveLength(3);
      const exited = exitOf(child);
      child.kill("SIGTERM");
      expect((await exited).code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);

  it("exits non-zero with a message naming the port when the port is taken", async () => {
    blocker = createServer();
    await new Promise<void>((ok) => blocker.listen(0, "127.0.0.1", ok));
    const { port } = blocker.address() as AddressInfo;
    const child = runCli({ GRAPH_EMULATOR_PORT: String(port), DATA_DIR: dataDir });
    const { code, stderr } = await exitOf(child);
    expect(code).toBe(2);
    expect(stderr).toContain(`port ${port} is already in use`);
  }, 30_000);

  it("exits non-zero naming the variable when GRAPH_EMULATOR_PORT is not a port", async () => {
    const { code, stderr } = await exitOf(runCli({ GRAPH_EMULATOR_PORT: "http", DATA_DIR: dataDir }));
    expect(code).toBe(1);
    expect(stderr).toContain("GRAPH_EMULATOR_PORT");
  }, 30_000);
});

describe("the command's environment → GraphEmulatorOptions", () => {
  it("defaults to port 3979, ./.data, any token and no faults", () => {
    expect(optionsFromEnv({})).toEqual({ port: 3979, host: undefined, dataDir: "./.data", auth: { mode: "any" }, faults: {} });
  });

  it("reads the port, host, data directory, JWKS and fault variables", () => {
    const options = optionsFromEnv({
      GRAPH_EMULATOR_PORT: "0",
      GRAPH_EMULATOR_HOST: "0.0.0.0",
      DATA_DIR: "/tmp/x",
      GRAPH_EMULATOR_JWKS_URL: "http://localhost:3978/auth/local/jwks",
      GRAPH_EMULATOR_JWKS_ISSUER: "https://login.lift.local/",
      GRAPH_EMULATOR_FAULT_RATE: "0.5",
    });
    expect(options).toEqual({
      port: 0,
      host: "0.0.0.0",
      dataDir: "/tmp/x",
      auth: { mode: "jwks", jwksUrl: "http://localhost:3978/auth/local/jwks", issuer: "https://login.lift.local/", audience: undefined },
      faults: { faultRate: 0.5 },
    });
  });

  it.each([
    [{ GRAPH_EMULATOR_PORT: "70000" }, /GRAPH_EMULATOR_PORT/],
    [{ GRAPH_EMULATOR_JWKS_URL: "not a url" }, /GRAPH_EMULATOR_JWKS_URL/],
    [{ GRAPH_EMULATOR_FAULT_STATUS: "500" }, /GRAPH_EMULATOR_FAULT_STATUS/],
  ])("refuses %j naming the variable", (env, message) => {
    expect(() => optionsFromEnv(env)).toThrow(message);
  });
});
