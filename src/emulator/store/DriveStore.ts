/**
 * Persistence for document libraries: one drive per library list, its driveItems (folders and
 * files, the bytes in a BLOB column) and upload sessions with the fragments received so far.
 * Shares the emulator's SQLite database (node:sqlite or better-sqlite3, see sqlite-engine.ts); both
 * engines take a Buffer for a BLOB and give back a Buffer or Uint8Array, read through `bytes()`.
 */
import { randomBytes } from "node:crypto";
import type { SqlDatabase, SqlStatement } from "./sqlite-engine";
import type { DriveItemRecord, DriveRecord, UploadSessionRecord } from "./types";

export const DRIVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS drives (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, list_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, root_id TEXT NOT NULL,
  created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS drive_items (
  drive_id TEXT NOT NULL, id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, folder INTEGER NOT NULL,
  size INTEGER NOT NULL, mime TEXT, content BLOB, version INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  PRIMARY KEY (drive_id, id)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS drive_items_name ON drive_items (drive_id, parent_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS upload_sessions (
  id TEXT PRIMARY KEY, drive_id TEXT NOT NULL, parent_id TEXT NOT NULL, name TEXT NOT NULL, conflict TEXT NOT NULL,
  total INTEGER, received INTEGER NOT NULL, expires TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS upload_fragments (
  session_id TEXT NOT NULL, start INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (session_id, start));
`;

type Row = Record<string, unknown>;

/** Item ids in SharePoint's shape: "01" and 32 upper-case base-32 characters. */
export function newDriveItemId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return "01" + Array.from(randomBytes(32), (b) => alphabet[b % 32]).join("");
}

/** Drive ids in SharePoint's shape: "b!" and base64url. */
export function newDriveId(): string {
  return "b!" + randomBytes(48).toString("base64url");
}

const bytes = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.alloc(0));

/** How long a pre-authenticated download URL works ("a few minutes", [§12.3](../../../docs/reference/graph-sharepoint-lists.md#123-downloading)). */
const DOWNLOAD_URL_MS = 5 * 60_000;

export class DriveStore {
  /** Download URLs are short-lived and kept in memory only: a restart invalidates them, as expiry would. */
  private readonly downloads = new Map<string, { driveId: string; itemId: string; expires: number }>();
  /** An upload session's lifetime, renewed by each fragment ([UNK] on the real service; emulator option). */
  sessionTtlMs = 24 * 60 * 60_000;

  constructor(private readonly db: SqlDatabase) {
    db.exec(DRIVE_SCHEMA);
  }

  private stmt(sql: string): SqlStatement {
    return this.db.cached(sql);
  }

  // ---- drives ----
  insertDrive(d: DriveRecord, root: DriveItemRecord): void {
    this.stmt("INSERT INTO drives (id, site_id, list_id, name, root_id, created) VALUES (?,?,?,?,?,?)").run(d.id, d.siteId, d.listId, d.name, d.rootId, d.created);
    this.insertItem(root);
  }
  drivesOfSite(siteId: string): DriveRecord[] {
    return (this.stmt("SELECT * FROM drives WHERE site_id = ? ORDER BY created, id").all(siteId) as Row[]).map(toDrive);
  }
  findDrive(siteId: string, id: string): DriveRecord | undefined {
    const row = this.stmt("SELECT * FROM drives WHERE site_id = ? AND id = ?").get(siteId, id) as Row | undefined;
    return row && toDrive(row);
  }
  driveOfList(listId: string): DriveRecord | undefined {
    const row = this.stmt("SELECT * FROM drives WHERE list_id = ?").get(listId) as Row | undefined;
    return row && toDrive(row);
  }
  deleteDriveOfList(listId: string): void {
    const drive = this.driveOfList(listId);
    if (!drive) return;
    for (const s of this.stmt("SELECT id FROM upload_sessions WHERE drive_id = ?").all(drive.id) as Array<{ id: string }>) this.deleteSession(s.id);
    this.stmt("DELETE FROM drive_items WHERE drive_id = ?").run(drive.id);
    this.stmt("DELETE FROM drives WHERE id = ?").run(drive.id);
  }

  // ---- items ----
  insertItem(i: DriveItemRecord): void {
    this.stmt(
      "INSERT INTO drive_items (drive_id, id, parent_id, name, folder, size, mime, content, version, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    ).run(i.driveId, i.id, i.parentId, i.name, i.folder ? 1 : 0, i.size, i.mime, i.content ?? null, i.version, i.created, i.modified);
  }
  replaceContent(item: DriveItemRecord, content: Buffer, mime: string, now: string): DriveItemRecord {
    this.stmt("UPDATE drive_items SET content = ?, size = ?, mime = ?, version = version + 1, modified = ? WHERE drive_id = ? AND id = ?").run(
      content,
      content.length,
      mime,
      now,
      item.driveId,
      item.id,
    );
    return { ...item, content, size: content.length, mime, version: item.version + 1, modified: now };
  }
  getItem(driveId: string, id: string): DriveItemRecord | undefined {
    const row = this.stmt("SELECT drive_id, id, parent_id, name, folder, size, mime, version, created, modified FROM drive_items WHERE drive_id = ? AND id = ?").get(driveId, id) as
      | Row
      | undefined;
    return row && toItem(row);
  }
  content(driveId: string, id: string): Buffer {
    const row = this.stmt("SELECT content FROM drive_items WHERE drive_id = ? AND id = ?").get(driveId, id) as { content: unknown } | undefined;
    return bytes(row?.content);
  }
  childNamed(driveId: string, parentId: string, name: string): DriveItemRecord | undefined {
    const row = this.stmt(
      "SELECT drive_id, id, parent_id, name, folder, size, mime, version, created, modified FROM drive_items WHERE drive_id = ? AND parent_id = ? AND name = ? COLLATE NOCASE",
    ).get(driveId, parentId, name) as Row | undefined;
    return row && toItem(row);
  }
  children(driveId: string, parentId: string): DriveItemRecord[] {
    return (
      this.stmt("SELECT drive_id, id, parent_id, name, folder, size, mime, version, created, modified FROM drive_items WHERE drive_id = ? AND parent_id = ? ORDER BY name COLLATE NOCASE").all(
        driveId,
        parentId,
      ) as Row[]
    ).map(toItem);
  }
  childCount(driveId: string, parentId: string): number {
    return (this.stmt("SELECT COUNT(*) AS n FROM drive_items WHERE drive_id = ? AND parent_id = ?").get(driveId, parentId) as { n: number }).n;
  }
  /** Deletes the item and, for a folder, everything under it. */
  deleteItem(driveId: string, id: string): void {
    for (const child of this.children(driveId, id)) this.deleteItem(driveId, child.id);
    this.stmt("DELETE FROM drive_items WHERE drive_id = ? AND id = ?").run(driveId, id);
  }

  // ---- download URLs ----
  downloadUrl(origin: string, driveId: string, itemId: string): string {
    const now = Date.now();
    for (const [t, d] of this.downloads) if (d.expires < now) this.downloads.delete(t);
    const token = randomBytes(32).toString("base64url");
    this.downloads.set(token, { driveId, itemId, expires: now + DOWNLOAD_URL_MS });
    return `${origin}/_emulator/download/${token}`;
  }
  download(token: string): DriveItemRecord | undefined {
    const d = this.downloads.get(token);
    if (!d || d.expires < Date.now()) return undefined;
    return this.getItem(d.driveId, d.itemId);
  }

  // ---- upload sessions ----
  insertSession(s: UploadSessionRecord): void {
    this.stmt("INSERT INTO upload_sessions (id, drive_id, parent_id, name, conflict, total, received, expires) VALUES (?,?,?,?,?,?,?,?)").run(
      s.id,
      s.driveId,
      s.parentId,
      s.name,
      s.conflict,
      s.total ?? null,
      s.received,
      s.expires,
    );
  }
  getSession(id: string): UploadSessionRecord | undefined {
    const row = this.stmt("SELECT * FROM upload_sessions WHERE id = ?").get(id) as Row | undefined;
    return row && toSession(row);
  }
  addFragment(session: UploadSessionRecord, start: number, data: Buffer, total: number, expires: string): UploadSessionRecord {
    this.stmt("INSERT INTO upload_fragments (session_id, start, data) VALUES (?,?,?)").run(session.id, start, data);
    const received = start + data.length;
    this.stmt("UPDATE upload_sessions SET received = ?, total = ?, expires = ? WHERE id = ?").run(received, total, expires, session.id);
    return { ...session, received, total, expires };
  }
  /** The fragments in order, joined: the whole file once the last one has arrived. */
  assembled(sessionId: string): Buffer {
    const rows = this.stmt("SELECT data FROM upload_fragments WHERE session_id = ? ORDER BY start").all(sessionId) as Array<{ data: unknown }>;
    return Buffer.concat(rows.map((r) => bytes(r.data)));
  }
  deleteSession(id: string): void {
    this.stmt("DELETE FROM upload_fragments WHERE session_id = ?").run(id);
    this.stmt("DELETE FROM upload_sessions WHERE id = ?").run(id);
  }
}

const toDrive = (r: Row): DriveRecord => ({
  id: r.id as string,
  siteId: r.site_id as string,
  listId: r.list_id as string,
  name: r.name as string,
  rootId: r.root_id as string,
  created: r.created as string,
});
const toItem = (r: Row): DriveItemRecord => ({
  driveId: r.drive_id as string,
  id: r.id as string,
  parentId: (r.parent_id as string | null) ?? null,
  name: r.name as string,
  folder: r.folder === 1,
  size: Number(r.size),
  mime: (r.mime as string | null) ?? null,
  version: Number(r.version),
  created: r.created as string,
  modified: r.modified as string,
});
const toSession = (r: Row): UploadSessionRecord => ({
  id: r.id as string,
  driveId: r.drive_id as string,
  parentId: r.parent_id as string,
  name: r.name as string,
  conflict: r.conflict as UploadSessionRecord["conflict"],
  total: r.total === null ? undefined : Number(r.total),
  received: Number(r.received),
  expires: r.expires as string,
});
