/**
 * Drive behaviour only the emulator can be asked about: an upload session that has expired, the
 * bytes surviving a restart on the same data directory, and both SQLite engines storing BLOBs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResponseType } from "@microsoft/microsoft-graph-client";
import { Agent, fetch } from "undici";
import { describe, expect, it } from "vitest";
import { GraphEmulator } from "../../src/emulator";
import { emulatorClient, startEmulator } from "./harness";

async function library(client: ReturnType<typeof emulatorClient>): Promise<string> {
  const site = (await client.api("/sites/lift.sharepoint.com:/sites/lift-hub").get()) as { id: string };
  const list = (await client.api(`/sites/${site.id}/lists`).post({ displayName: "Docs", list: { template: "documentLibrary" } })) as { id: string };
  const drive = (await client.api(`/sites/${site.id}/lists/${list.id}/drive`).get()) as { id: string };
  return `/sites/${site.id}/drives/${drive.id}`;
}

describe("upload session expiry", () => {
  it("a session past its expirationDateTime answers 404 to a fragment", async () => {
    const { emulator, url, ca } = await startEmulator({ uploadSessionTtlMs: -1000 });
    try {
      const client = emulatorClient(url, ca);
      const drive = await library(client);
      const session = (await client.api(`${drive}/root:/late.pdf:/createUploadSession`).post({})) as { uploadUrl: string };
      const res = await fetch(session.uploadUrl, {
        method: "PUT",
        headers: { "Content-Range": "bytes 0-2/3" },
        body: Buffer.from("abc"),
        dispatcher: new Agent({ connect: { ca } }),
      });
      expect(res.status).toBe(404);
    } finally {
      await emulator.stop();
    }
  });
});

/**
 * The engines this runtime runs the emulator on: node:sqlite where the runtime has it (Node 22.13+,
 * 24), better-sqlite3 where its native binary was built for this runtime (the install's Node: CI
 * installs on 20 and runs the emulator suites on 24 too, where only node:sqlite can open a file).
 */
function betterSqliteLoads(): boolean {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => { close(): void };
    new Database(":memory:").close();
    return true;
  } catch (error) {
    // Built for another Node ABI: this runtime uses node:sqlite (src/emulator/store/sqlite-engine.ts).
    return !String((error as Error).message).includes("NODE_MODULE_VERSION");
  }
}
const hasNodeSqlite = Boolean((process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.("node:sqlite"));
const ENGINES = [...(betterSqliteLoads() ? ["better-sqlite3"] : []), ...(hasNodeSqlite ? ["node:sqlite"] : [])];

it("runs on at least one SQLite engine of this runtime", () => {
  expect(ENGINES.length).toBeGreaterThan(0);
});

describe.each(ENGINES)("files on disk (%s)", (engine) => {
  it("a file's bytes survive a restart on the same data directory", async () => {
    const previous = process.env.EMULATOR_SQLITE;
    if (engine === "better-sqlite3") process.env.EMULATOR_SQLITE = "better-sqlite3";
    else delete process.env.EMULATOR_SQLITE;
    const dataDir = mkdtempSync(join(tmpdir(), "graph-emulator-drive-"));
    try {
      let emulator = new GraphEmulator({ dataDir, port: 0 });
      let { url, ca } = await emulator.start();
      const drive = await library(emulatorClient(url, ca));
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));
      const item = (await emulatorClient(url, ca).api(`${drive}/root:/kept.pdf:/content`).headers({ "Content-Type": "application/pdf" }).put(bytes)) as { id: string };
      await emulator.stop();
      emulator = new GraphEmulator({ dataDir, port: 0 });
      ({ url, ca } = await emulator.start());
      const back = (await emulatorClient(url, ca).api(`${drive}/items/${item.id}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      expect(Buffer.from(back).equals(bytes)).toBe(true);
      await emulator.stop();
    } finally {
      if (previous === undefined) delete process.env.EMULATOR_SQLITE;
      else process.env.EMULATOR_SQLITE = previous;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
