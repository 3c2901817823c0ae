/**
 * The URLs Graph hands out for file transfer, outside `/v1.0` and without a bearer token (the
 * URL itself is the capability, [§12.3](../../../docs/reference/graph-sharepoint-lists.md#123-downloading), [§12.4](../../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions)):
 *   PUT    {uploadUrl}  a fragment with `Content-Range: bytes {start}-{end}/{total}`: 202 with
 *                       nextExpectedRanges, the last one 201 (new file) or 200 (replaced) with the driveItem
 *   GET    {uploadUrl}  the session's status (to resume)
 *   DELETE {uploadUrl}  cancels the session (204)
 *   GET    {downloadUrl} the file's bytes
 */
import { GraphErrors } from "../errors";
import { noContent, ok } from "../http/respond";
import type { EmulatorRequest, EmulatorResponse } from "../http/types";
import { parseQuery } from "../query/options";
import type { SqliteStore } from "../store/SqliteStore";
import type { UploadSessionRecord } from "../store/types";
import { DOWNLOAD_PREFIX, UPLOAD_PREFIX, writeFile } from "./drives";

/** [§12.4](../../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): fragments are multiples of 320 KiB, each request under 60 MiB. */
export const FRAGMENT_UNIT = 320 * 1024;
export const MAX_FRAGMENT = 60 * 1024 * 1024;

export function isTransferPath(path: string): boolean {
  return path.startsWith(UPLOAD_PREFIX) || path.startsWith(DOWNLOAD_PREFIX);
}

export function transfer(req: EmulatorRequest, store: SqliteStore): EmulatorResponse {
  const method = req.method.toUpperCase();
  if (req.path.startsWith(DOWNLOAD_PREFIX)) {
    if (method !== "GET") throw GraphErrors.methodNotAllowed(method);
    const item = store.drives.download(req.path.slice(DOWNLOAD_PREFIX.length));
    if (!item) throw GraphErrors.itemNotFound();
    const content = store.drives.content(item.driveId, item.id);
    return { status: 200, headers: { "Content-Type": item.mime ?? "application/octet-stream", "Content-Length": String(content.length) }, body: content };
  }
  const id = req.path.slice(UPLOAD_PREFIX.length);
  const session = liveSession(store, id);
  if (method === "DELETE") {
    store.drives.deleteSession(session.id);
    return noContent();
  }
  if (method === "GET") return ok(status(session));
  if (method !== "PUT") throw GraphErrors.methodNotAllowed(method);
  return putFragment(req, store, session);
}

function liveSession(store: SqliteStore, id: string): UploadSessionRecord {
  const session = store.drives.getSession(id);
  if (!session) throw GraphErrors.uploadSessionNotFound();
  if (Date.parse(session.expires) < Date.now()) {
    store.drives.deleteSession(id);
    throw GraphErrors.uploadSessionNotFound();
  }
  return session;
}

function status(session: UploadSessionRecord): Record<string, unknown> {
  return { expirationDateTime: session.expires, nextExpectedRanges: [`${session.received}-${session.total === undefined ? "" : session.total - 1}`] };
}

function putFragment(req: EmulatorRequest, store: SqliteStore, session: UploadSessionRecord): EmulatorResponse {
  const data = req.rawBody ?? Buffer.alloc(0);
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec((req.headers["content-range"] ?? "").trim());
  if (!range) throw GraphErrors.invalidRequest("A fragment needs 'Content-Range: bytes {start}-{end}/{total}'");
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (end < start || end >= total) throw GraphErrors.invalidRange(`The range ${start}-${end}/${total} is not valid`);
  if (end - start + 1 !== data.length) throw GraphErrors.invalidRequest(`The fragment has ${data.length} bytes but Content-Range says ${end - start + 1}`);
  if (data.length > MAX_FRAGMENT) throw GraphErrors.invalidRequest("A fragment must be smaller than 60 MiB");
  if (session.total !== undefined && session.total !== total) throw GraphErrors.invalidRequest(`The file's size was given as ${session.total}, now ${total}`);
  if (start !== session.received) {
    // [§12.4](../../../docs/reference/graph-sharepoint-lists.md#124-upload-sessions): a fragment already received, or one that leaves a gap, is refused with 416.
    throw GraphErrors.invalidRange(`The fragment starts at ${start}; the session expects ${session.received}-`);
  }
  const last = end + 1 === total;
  if (!last && data.length % FRAGMENT_UNIT !== 0) {
    // [UNK] status: the documentation says other sizes "will result in errors committing some files"; the emulator refuses them at once.
    throw GraphErrors.invalidRequest(`A fragment other than the last must be a multiple of 320 KiB (${FRAGMENT_UNIT} bytes)`);
  }
  const expires = new Date(Date.now() + store.drives.sessionTtlMs).toISOString();
  if (!last) {
    const updated = store.drives.addFragment(session, start, data, total, expires);
    return { status: 202, body: { expirationDateTime: updated.expires, nextExpectedRanges: [`${updated.received}-`] } };
  }
  const drive = store.allSites().map((s) => ({ site: s, drive: store.drives.findDrive(s.id, session.driveId) })).find((x) => x.drive);
  if (!drive?.drive) throw GraphErrors.uploadSessionNotFound();
  const content = Buffer.concat([store.drives.assembled(session.id), data]);
  const ctx = { store, req, query: parseQuery("") };
  // Committing may still meet a name taken since the session began ("fail" → 409); the session then stays.
  const answer = writeFile(ctx, drive.site, drive.drive, session.parentId, session.name, session.conflict, content);
  store.drives.deleteSession(session.id);
  return answer;
}
