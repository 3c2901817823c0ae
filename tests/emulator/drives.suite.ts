/**
 * Conformance for document libraries and their drives ([§12](../../docs/reference/graph-sharepoint-lists.md#12-drives-and-files)), run like conformance.suite.ts against
 * the emulator and (when configured) a real tenant, through @microsoft/microsoft-graph-client; the
 * upload session's PUTs go to its uploadUrl without a bearer token, as the documentation asks.
 */
import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphError, runId, uniqueName, type Target } from "./harness";

interface DriveItem {
  id: string;
  name: string;
  size: number;
  eTag: string;
  file?: { mimeType: string };
  folder?: { childCount: number };
  parentReference?: { driveId?: string; id?: string };
  "@microsoft.graph.downloadUrl"?: string;
}

const FRAGMENT = 320 * 1024;

/** Bytes that differ at every position, so a misplaced fragment shows. */
function bytesOf(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = (i * 31 + seed) % 251;
  return b;
}

export function defineDriveConformance(makeTarget: () => Promise<Target>): void {
  let t: Target;
  let client: Client;
  let drive: string;
  let listPath: string;

  beforeAll(async () => {
    t = await makeTarget();
    client = t.client;
    const list = (await client.api(`${t.site}/lists`).post({ displayName: uniqueName("Docs"), list: { template: "documentLibrary" } })) as {
      id: string;
      list: { template: string };
    };
    listPath = `${t.site}/lists/${list.id}`;
    const d = (await client.api(`${listPath}/drive`).get()) as { id: string };
    drive = `${t.site}/drives/${d.id}`;
  });
  afterAll(async () => {
    if (t?.kind === "tenant") {
      const lists = (await client.api(`${t.site}/lists`).select("id,displayName").get()) as { value: Array<{ id: string; displayName: string }> };
      for (const l of lists.value.filter((x) => x.displayName.includes(runId))) await client.api(`${t.site}/lists/${l.id}`).delete();
    }
    await t?.close();
  });

  const upload = (name: string, bytes: Buffer, conflict?: string) =>
    client
      .api(`${drive}/root:/${encodeURIComponent(name)}:/content${conflict ? `?@microsoft.graph.conflictBehavior=${conflict}` : ""}`)
      .headers({ "Content-Type": "application/octet-stream" })
      .put(bytes) as Promise<DriveItem>;
  const download = async (id: string) => Buffer.from((await client.api(`${drive}/items/${id}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer);

  describe("document libraries (§12.1)", () => {
    it("a list created with template documentLibrary has a drive, listed in the site's drives", async () => {
      const list = (await client.api(listPath).get()) as { list: { template: string } };
      expect(list.list.template).toBe("documentLibrary");
      const own = (await client.api(`${listPath}/drive`).get()) as { id: string; driveType: string };
      expect(own.driveType).toBe("documentLibrary");
      const drives = (await client.api(`${t.site}/drives`).get()) as { value: Array<{ id: string; driveType: string }> };
      expect(drives.value.map((d) => d.id)).toContain(own.id);
    });

    it("a generic list has no drive: 404", async () => {
      const generic = (await client.api(`${t.site}/lists`).post({ displayName: uniqueName("Plain"), list: { template: "genericList" } })) as { id: string };
      const err = await graphError(() => client.api(`${t.site}/lists/${generic.id}/drive`).get());
      expect(err.statusCode).toBe(404);
    });
  });

  describe("simple upload, download, children, delete (§12.2, §12.3)", () => {
    it("PUT …/root:/{name}:/content creates a file (201 body), GET …/content gives the same bytes", async () => {
      const bytes = bytesOf(5000, 1);
      const item = await upload("report.pdf", bytes);
      expect(item).toMatchObject({ name: "report.pdf", size: 5000 });
      expect(item.file?.mimeType).toBe("application/pdf");
      expect((await download(item.id)).equals(bytes)).toBe(true);
      const got = (await client.api(`${drive}/items/${item.id}`).get()) as DriveItem;
      expect(got.id).toBe(item.id);
      expect(typeof got["@microsoft.graph.downloadUrl"]).toBe("string");
    });

    it("conflictBehavior: replace (the default) keeps the id, fail answers 409, rename picks a new name", async () => {
      const first = await upload("plan.docx", bytesOf(100, 2));
      const replaced = await upload("plan.docx", bytesOf(300, 3));
      expect(replaced.id).toBe(first.id);
      expect(replaced.size).toBe(300);
      expect((await download(first.id)).equals(bytesOf(300, 3))).toBe(true);
      const err = await graphError(() => upload("plan.docx", bytesOf(10, 4), "fail"));
      expect(err.statusCode).toBe(409);
      const renamed = await upload("plan.docx", bytesOf(10, 5), "rename");
      expect(renamed.id).not.toBe(first.id);
      expect(renamed.name).not.toBe("plan.docx");
      if (t.kind === "emulator") expect(renamed.name).toBe("plan 1.docx");
    });

    it("children of the root list the files; DELETE answers 204 and the file is gone (404)", async () => {
      const item = await upload("gone.png", bytesOf(64, 6));
      const children = (await client.api(`${drive}/root/children`).get()) as { value: DriveItem[] };
      expect(children.value.map((c) => c.name)).toEqual(expect.arrayContaining(["report.pdf", "plan.docx", "gone.png"]));
      await client.api(`${drive}/items/${item.id}`).delete();
      expect((await graphError(() => client.api(`${drive}/items/${item.id}`).get())).statusCode).toBe(404);
      expect((await graphError(() => client.api(`${drive}/items/${item.id}`).delete())).statusCode).toBe(404);
      expect((await graphError(() => download(item.id))).statusCode).toBe(404);
    });

    it("an unknown item id is 404 itemNotFound", async () => {
      const err = await graphError(() => client.api(`${drive}/items/01NOSUCHITEMNOSUCHITEMNOSUCHITEM00`).get());
      expect(err.statusCode).toBe(404);
      expect(err.code).toBe("itemNotFound");
    });
  });

  describe("upload sessions (§12.4)", () => {
    const createSession = (name: string, conflict?: string) =>
      client.api(`${drive}/root:/${encodeURIComponent(name)}:/createUploadSession`).post(conflict ? { item: { "@microsoft.graph.conflictBehavior": conflict } } : {}) as Promise<{
        uploadUrl: string;
        expirationDateTime: string;
        nextExpectedRanges: string[];
      }>;
    const put = (url: string, bytes: Buffer, start: number, total: number) =>
      t.rawFetch(url, {
        method: "PUT",
        headers: { "Content-Length": String(bytes.length), "Content-Range": `bytes ${start}-${start + bytes.length - 1}/${total}` },
        body: bytes,
      });

    it("fragments of 320 KiB: 202 with nextExpectedRanges, the last 201 with the driveItem; the bytes read back", async () => {
      const whole = bytesOf(2 * FRAGMENT + 1000, 7);
      const session = await createSession("large.pdf");
      expect(session.nextExpectedRanges).toEqual(["0-"]);
      expect(Date.parse(session.expirationDateTime)).toBeGreaterThan(0);
      const first = await put(session.uploadUrl, whole.subarray(0, FRAGMENT), 0, whole.length);
      expect(first.status).toBe(202);
      expect(((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges[0]).toMatch(new RegExp(`^${FRAGMENT}-`));
      expect((await put(session.uploadUrl, whole.subarray(FRAGMENT, 2 * FRAGMENT), FRAGMENT, whole.length)).status).toBe(202);
      const last = await put(session.uploadUrl, whole.subarray(2 * FRAGMENT), 2 * FRAGMENT, whole.length);
      expect(last.status).toBe(201);
      const item = (await last.json()) as DriveItem;
      expect(item).toMatchObject({ name: "large.pdf", size: whole.length });
      expect((await download(item.id)).equals(whole)).toBe(true);
    });

    it("a fragment that does not start where the session expects is 416", async () => {
      const whole = bytesOf(FRAGMENT + 10, 8);
      const session = await createSession("ranges.pdf");
      expect((await put(session.uploadUrl, whole.subarray(0, FRAGMENT), 0, whole.length)).status).toBe(202);
      // The same fragment again.
      expect((await put(session.uploadUrl, whole.subarray(0, FRAGMENT), 0, whole.length)).status).toBe(416);
    });

    it("an unknown session, and one already completed, answer 404", async () => {
      const session = await createSession("once.pdf");
      const bytes = bytesOf(10, 9);
      expect((await put(session.uploadUrl, bytes, 0, 10)).status).toBe(201);
      expect((await put(session.uploadUrl, bytes, 0, 10)).status).toBe(404);
      const unknown = session.uploadUrl.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      expect((await put(unknown, bytes, 0, 10)).status).toBe(404);
    });

    it("conflictBehavior fail refuses an existing name with 409; rename gives a new one", async () => {
      await upload("taken.pdf", bytesOf(5, 10));
      expect((await graphError(() => createSession("taken.pdf", "fail"))).statusCode).toBe(409);
      const session = await createSession("taken.pdf", "rename");
      const done = await put(session.uploadUrl, bytesOf(5, 11), 0, 5);
      expect(done.status).toBe(201);
      expect(((await done.json()) as DriveItem).name).not.toBe("taken.pdf");
    });
  });
}
