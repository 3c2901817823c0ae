/**
 * Document libraries through the app's own Graph layer (src/graph/library.ts) against the emulator:
 * provisioning is idempotent, small files go up in one PUT and large ones through an upload session,
 * both read back whole, and under throttling every file still arrives exactly once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { LibraryDrive, provisionLibraries, SIMPLE_UPLOAD_MAX } from "../../src/graph/library";
import { startSite, type TestSite } from "./support";

const LIB = { title: "TestFiles", description: "Files for a test" };
let site: TestSite | undefined;
afterEach(async () => {
  await site?.stop();
  site = undefined;
});

const bytesOf = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 17 + seed) % 256));

describe("document libraries", () => {
  it("provisioning creates the library once; a second run creates nothing", async () => {
    site = await startSite();
    expect(await provisionLibraries(site.api, site.siteId, [LIB])).toEqual(["TestFiles"]);
    expect(await provisionLibraries(site.api, site.siteId, [LIB])).toEqual([]);
  });

  it("opening a library that was never provisioned says to run provisioning", async () => {
    site = await startSite();
    await expect(LibraryDrive.open(site, LIB)).rejects.toThrow(/npm run provision/);
  });

  it("uploads by simple PUT up to 4 MB and by upload session above; downloads the same bytes; deletes", async () => {
    site = await startSite();
    await provisionLibraries(site.api, site.siteId, [LIB]);
    const drive = await LibraryDrive.open(site, LIB);
    const small = bytesOf(SIMPLE_UPLOAD_MAX, 1);
    const large = bytesOf(SIMPLE_UPLOAD_MAX + 5 * 320 * 1024 + 77, 2);
    const a = await drive.upload("small.pdf", small);
    const b = await drive.upload("large.pdf", large);
    expect([a.size, b.size]).toEqual([small.length, large.length]);
    expect((await drive.download(a.id)).equals(small)).toBe(true);
    expect((await drive.download(b.id)).equals(large)).toBe(true);
    expect((await drive.files()).map((f) => f.name).sort()).toEqual(["large.pdf", "small.pdf"]);
    await drive.delete(a.id);
    await drive.delete(a.id); // already gone: still fine
    expect((await drive.files()).map((f) => f.name)).toEqual(["large.pdf"]);
  });

  it("under 30% throttling every upload lands exactly once", async () => {
    site = await startSite({ faults: { faultRate: 0.3, faultStatus: "mixed", retryAfterSeconds: 0 } });
    await provisionLibraries(site.api, site.siteId, [LIB]);
    const drive = await LibraryDrive.open(site, LIB);
    for (let i = 0; i < 20; i++) await drive.upload(`f${i}.png`, bytesOf(1000 + i, i));
    const files = await drive.files();
    expect(files.map((f) => f.name).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `f${i}.png`).sort());
  });
});
