/**
 * Document libraries: declaring one, provisioning it, and its files through the drive endpoints
 * ([§12](../../docs/reference/graph-sharepoint-lists.md#12-drives-and-files)). Generic: which library holds what is the caller's business. Small files go up in one
 * PUT (simple upload, [§12.2](../../docs/reference/graph-sharepoint-lists.md#122-simple-upload)), larger ones through an upload session in 320 KiB multiples
 * ([§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions)). Every call goes through the retry policy, as list calls do.
 */
import { ResponseType } from "@microsoft/microsoft-graph-client";
import { fetch as undiciFetch } from "undici";
import { AppError } from "../errors";
import { retryVerdictFor, statusOf, toAppError, type GraphApi } from "./graph-api";
import { listSiteLists } from "./provision";
import { withRetry } from "./retry";
import type { LiftSite } from "./site";

export interface LibraryDefinition {
  title: string;
  description: string;
}

export function defineLibrary(def: LibraryDefinition): LibraryDefinition {
  return def;
}

/** [§12.2](../../docs/reference/graph-sharepoint-lists.md#122-simple-upload): simple upload is documented for files up to 4 MB. */
export const SIMPLE_UPLOAD_MAX = 4 * 1024 * 1024;
/** [§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): fragments are multiples of 320 KiB; ten of them per request. */
export const UPLOAD_FRAGMENT = 10 * 320 * 1024;

export interface DriveFile {
  id: string;
  name: string;
  size: number;
}

/** Creates the libraries the site lacks (a list with template documentLibrary, [§12.1](../../docs/reference/graph-sharepoint-lists.md#121-document-libraries-and-drives)); returns their titles. */
export async function provisionLibraries(api: GraphApi, siteId: string, libraries: readonly LibraryDefinition[]): Promise<string[]> {
  if (libraries.length === 0) return [];
  const existing = await listSiteLists(api, siteId).catch((err: unknown) => {
    throw toAppError(err, "Reading the site's lists");
  });
  const created: string[] = [];
  for (const lib of libraries) {
    if (existing.some((l) => (l.displayName ?? l.name ?? "").toLowerCase() === lib.title.toLowerCase())) continue;
    try {
      await api.request("POST", `/sites/${siteId}/lists`, { body: { displayName: lib.title, description: lib.description, list: { template: "documentLibrary" } } });
      created.push(lib.title);
    } catch (err) {
      // Created concurrently, or a retried POST that had been applied.
      if (statusOf(err) !== 409) throw toAppError(err, `Creating the document library ${lib.title}`);
    }
  }
  return created;
}

/** One document library's files, flat in its root folder. */
export class LibraryDrive {
  constructor(
    private readonly api: GraphApi,
    readonly drivePath: string,
  ) {}

  /** The drive of a provisioned library (`GET /sites/{id}/lists/{id}/drive`). */
  static async open(site: LiftSite, lib: LibraryDefinition): Promise<LibraryDrive> {
    const lists = await listSiteLists(site.api, site.siteId).catch((err: unknown) => {
      throw toAppError(err, "Reading the site's lists");
    });
    const list = lists.find((l) => (l.displayName ?? l.name ?? "").toLowerCase() === lib.title.toLowerCase());
    if (!list) throw new AppError("not_found", `The document library ${lib.title} does not exist on the site; run provisioning (npm run provision)`);
    const drive = await site.api.request<{ id: string }>("GET", `/sites/${site.siteId}/lists/${list.id}/drive?$select=id`).catch((err: unknown) => {
      throw toAppError(err, `Finding the drive of ${lib.title}`);
    });
    return new LibraryDrive(site.api, `/sites/${site.siteId}/drives/${drive.id}`);
  }

  private retry<T>(fn: () => Promise<T>): Promise<T> {
    return withRetry(this.api.policy, fn, retryVerdictFor);
  }

  /**
   * Stores a new file under `name` (unique: the caller generates it). A retried request that had
   * been applied meets 409 (conflictBehavior fail): the file is then read back by its name.
   */
  async upload(name: string, bytes: Buffer): Promise<DriveFile> {
    try {
      const item = bytes.length <= SIMPLE_UPLOAD_MAX ? await this.simpleUpload(name, bytes) : await this.sessionUpload(name, bytes);
      return { id: item.id, name: item.name, size: item.size };
    } catch (err) {
      if (statusOf(err) === 409) {
        const found = await this.byName(name);
        if (found && found.size === bytes.length) return found;
      }
      throw toAppError(err, "Uploading a file");
    }
  }

  private simpleUpload(name: string, bytes: Buffer): Promise<DriveFile> {
    const path = `${this.drivePath}/root:/${encodeURIComponent(name)}:/content?@microsoft.graph.conflictBehavior=fail`;
    return this.retry(() => this.api.client.api(path).headers({ "Content-Type": "application/octet-stream" }).put(bytes) as Promise<DriveFile>);
  }

  private async sessionUpload(name: string, bytes: Buffer): Promise<DriveFile> {
    const session = await this.retry(
      () =>
        this.api.client.api(`${this.drivePath}/root:/${encodeURIComponent(name)}:/createUploadSession`).post({ item: { "@microsoft.graph.conflictBehavior": "fail" } }) as Promise<{
          uploadUrl: string;
        }>,
    );
    for (let start = 0; start < bytes.length; start += UPLOAD_FRAGMENT) {
      const chunk = bytes.subarray(start, Math.min(bytes.length, start + UPLOAD_FRAGMENT));
      // No Authorization header: the uploadUrl carries its own credential ([§12.4](../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions)).
      const res = await undiciFetch(session.uploadUrl, {
        method: "PUT",
        headers: { "Content-Length": String(chunk.length), "Content-Range": `bytes ${start}-${start + chunk.length - 1}/${bytes.length}` },
        body: chunk,
        ...(this.api.connection.fetchOptions ?? {}),
      });
      const body = (await res.json().catch(() => ({}))) as DriveFile & { error?: { code?: string } };
      if (res.status === 200 || res.status === 201) return body;
      if (res.status !== 202) {
        throw new AppError(res.status === 409 ? "conflict" : "upstream_failed", `Upload session fragment answered ${res.status} ${body.error?.code ?? ""}`.trim(), {
          upstream: { status: res.status, code: body.error?.code },
        });
      }
    }
    throw new AppError("upstream_failed", "The upload session did not return the file after its last fragment");
  }

  private async byName(name: string): Promise<DriveFile | undefined> {
    try {
      return await this.retry(() => this.api.client.api(`${this.drivePath}/root:/${encodeURIComponent(name)}`).get() as Promise<DriveFile>);
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw toAppError(err, "Reading a file");
    }
  }

  /** The file's bytes (`GET …/content` follows the 302 to the download URL, [§12.3](../../docs/reference/graph-sharepoint-lists.md#123-downloading)). */
  async download(id: string): Promise<Buffer> {
    try {
      const data = await this.retry(() => this.api.client.api(`${this.drivePath}/items/${encodeURIComponent(id)}/content`).responseType(ResponseType.ARRAYBUFFER).get() as Promise<ArrayBuffer>);
      return Buffer.from(data);
    } catch (err) {
      throw toAppError(err, "Downloading a file");
    }
  }

  /** Deletes a file; one already gone counts as deleted (a retried DELETE that had been applied). */
  async delete(id: string): Promise<void> {
    try {
      await this.retry(() => this.api.client.api(`${this.drivePath}/items/${encodeURIComponent(id)}`).delete() as Promise<unknown>);
    } catch (err) {
      if (statusOf(err) === 404) return;
      throw toAppError(err, "Deleting a file");
    }
  }

  /** The files in the library's root folder. */
  async files(): Promise<DriveFile[]> {
    const out: DriveFile[] = [];
    let url: string | undefined = `${this.drivePath}/root/children?$select=id,name,size`;
    while (url) {
      const page: { value?: DriveFile[]; "@odata.nextLink"?: string } = await this.retry(() => this.api.request("GET", url as string));
      out.push(...(page.value ?? []));
      url = page["@odata.nextLink"];
    }
    return out;
  }
}
