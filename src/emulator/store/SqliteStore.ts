/**
 * Persistence for sites, lists, columns and items in SQLite (node:sqlite or better-sqlite3, see
 * sqlite-engine.ts).
 *
 * Design for 50,000-item lists: one `items` row per item with its field values as a JSON text
 * column, primary key (list_id, id) so that ID-ordered paging is an index range scan
 * (`id > :lastId ORDER BY id LIMIT n`). Filters are evaluated in JS while streaming that range
 * (query/README.md explains why). Unique-value columns keep their values in `unique_values` so a
 * uniqueness check is one index lookup. Delta: every write takes the list's next `seq`; deletions
 * leave a row in `tombstones` with their `seq`.
 */
import { randomUUID } from "node:crypto";
import { DriveStore } from "./DriveStore";
import { openSqlite, type SqlDatabase, type SqlStatement } from "./sqlite-engine";
import type { ColumnRecord, ItemRecord, ListRecord, SiteRecord, Tombstone } from "./types";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY COLLATE NOCASE, hostname TEXT NOT NULL COLLATE NOCASE, path TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL, display_name TEXT NOT NULL, is_root INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  UNIQUE (hostname, path));
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY COLLATE NOCASE, site_id TEXT NOT NULL, display_name TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL, description TEXT NOT NULL, template TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  version INTEGER NOT NULL, next_item_id INTEGER NOT NULL DEFAULT 1, seq INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, display_name));
CREATE TABLE IF NOT EXISTS columns (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL,
  definition TEXT NOT NULL, built_in INTEGER NOT NULL, UNIQUE (list_id, name));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, uid TEXT NOT NULL, version INTEGER NOT NULL, created TEXT NOT NULL,
  modified TEXT NOT NULL, seq INTEGER NOT NULL, fields TEXT NOT NULL, PRIMARY KEY (list_id, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS items_seq ON items (list_id, seq);
CREATE TABLE IF NOT EXISTS tombstones (list_id TEXT NOT NULL, id INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (list_id, id));
CREATE INDEX IF NOT EXISTS tombstones_seq ON tombstones (list_id, seq);
CREATE TABLE IF NOT EXISTS unique_values (
  list_id TEXT NOT NULL, column_name TEXT NOT NULL, value TEXT NOT NULL, item_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, column_name, value));
`;

type Row = Record<string, unknown>;

export class SqliteStore {
  private readonly db: SqlDatabase;
  /** Document libraries' drives, files and upload sessions, in the same database. */
  readonly drives: DriveStore;
  /**
   * Each list's columns, read on every item request and changed only by a column or list write:
   * kept in memory, dropped when written (and all of them when a transaction rolls back).
   */
  private readonly columnCache = new Map<string, readonly ColumnRecord[]>();

  constructor(filename: string) {
    this.db = openSqlite(filename);
    if (filename !== ":memory:") this.db.exec("PRAGMA journal_mode = WAL");
    this.db.exec("PRAGMA synchronous = NORMAL");
    this.db.exec(SCHEMA);
    this.drives = new DriveStore(this.db);
  }

  private stmt(sql: string): SqlStatement {
    return this.db.cached(sql);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn);
    } catch (err) {
      this.columnCache.clear();
      throw err;
    }
  }

  // ---- sites ----
  findSiteByHostPath(hostname: string, path: string): SiteRecord | undefined {
    const row = this.stmt("SELECT * FROM sites WHERE hostname = ? AND path = ?").get(hostname, path) as Row | undefined;
    return row && toSite(row);
  }
  findSiteById(id: string): SiteRecord | undefined {
    const row = this.stmt("SELECT * FROM sites WHERE id = ?").get(id) as Row | undefined;
    return row && toSite(row);
  }
  allSites(): SiteRecord[] {
    return (this.stmt("SELECT * FROM sites").all() as Row[]).map(toSite);
  }
  insertSite(s: SiteRecord): void {
    this.stmt(
        "INSERT INTO sites (id, hostname, path, name, display_name, is_root, created, modified) VALUES (?,?,?,?,?,?,?,?)",
      )
      .run(s.id, s.hostname, s.path, s.name, s.displayName, s.isRoot ? 1 : 0, s.created, s.modified);
  }

  // ---- lists ----
  listsOfSite(siteId: string): ListRecord[] {
    return (this.stmt("SELECT * FROM lists WHERE site_id = ? ORDER BY created, id").all(siteId) as Row[]).map(toList);
  }
  findList(siteId: string, idOrTitle: string): ListRecord | undefined {
    const row = this.stmt("SELECT * FROM lists WHERE site_id = ? AND (id = ? OR display_name = ?)")
      .get(siteId, idOrTitle, idOrTitle) as Row | undefined;
    return row && toList(row);
  }
  insertList(l: ListRecord): void {
    this.stmt(
        "INSERT INTO lists (id, site_id, display_name, name, description, template, created, modified, version) VALUES (?,?,?,?,?,?,?,?,?)",
      )
      .run(l.id, l.siteId, l.displayName, l.name, l.description, l.template, l.created, l.modified, l.version);
  }
  touchList(listId: string, modified: string): void {
    this.stmt("UPDATE lists SET modified = ? WHERE id = ?").run(modified, listId);
  }
  deleteList(listId: string): void {
    this.drives.deleteDriveOfList(listId);
    for (const table of ["items", "tombstones", "unique_values", "columns"]) {
      this.stmt(`DELETE FROM ${table} WHERE list_id = ?`).run(listId);
    }
    this.stmt("DELETE FROM lists WHERE id = ?").run(listId);
    this.columnCache.delete(listId);
  }
  /** The list's current change counter: the delta "now". */
  currentSeq(listId: string): number {
    const row = this.stmt("SELECT seq FROM lists WHERE id = ?").get(listId) as { seq: number } | undefined;
    return row?.seq ?? 0;
  }
  /** Every list's current change counter, by list id. */
  changeCounters(): Map<string, number> {
    return new Map((this.stmt("SELECT id, seq FROM lists").all() as Array<{ id: string; seq: number }>).map((r) => [r.id, r.seq]));
  }
  private nextSeq(listId: string): number {
    const row = this.stmt("UPDATE lists SET seq = seq + 1 WHERE id = ? RETURNING seq").get(listId) as { seq: number };
    return row.seq;
  }
  private nextItemId(listId: string): number {
    const row = this.stmt("UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id")
      .get(listId) as { id: number };
    return row.id;
  }

  // ---- columns ----
  columnsOf(listId: string): ColumnRecord[] {
    let columns = this.columnCache.get(listId);
    if (!columns) {
      columns = (this.stmt("SELECT * FROM columns WHERE list_id = ? ORDER BY position").all(listId) as Row[]).map(toColumn);
      this.columnCache.set(listId, columns);
    }
    return [...columns];
  }
  insertColumn(c: ColumnRecord): void {
    this.columnCache.delete(c.listId);
    this.stmt("INSERT INTO columns (id, list_id, name, position, type, definition, built_in) VALUES (?,?,?,?,?,?,?)")
      .run(c.id, c.listId, c.name, c.position, c.type, JSON.stringify(c.definition), c.builtIn ? 1 : 0);
  }
  updateColumnDefinition(c: ColumnRecord): void {
    this.columnCache.delete(c.listId);
    this.stmt("UPDATE columns SET definition = ? WHERE id = ? AND list_id = ?").run(JSON.stringify(c.definition), c.id, c.listId);
  }

  // ---- items ----
  getItem(listId: string, id: number): ItemRecord | undefined {
    const row = this.stmt("SELECT * FROM items WHERE list_id = ? AND id = ?").get(listId, id) as Row | undefined;
    return row && toItem(row);
  }
  /** Streams items in ID order after `afterId` (the $skiptoken's p_ID). */
  *iterateItems(listId: string, afterId = 0): Generator<ItemRecord> {
    // Not from the cache: a statement that is mid-iteration cannot be run again until it finishes.
    const stmt = this.db.prepare("SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id");
    for (const row of stmt.iterate(listId, afterId)) yield toItem(row as Row);
  }
  pageItems(listId: string, afterId: number, limit: number): ItemRecord[] {
    return (
      this.stmt("SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?").all(listId, afterId, limit) as Row[]
    ).map(toItem);
  }
  createItem(listId: string, fields: Record<string, unknown>, now: string): ItemRecord {
    const item: ItemRecord = {
      listId,
      id: this.nextItemId(listId),
      uid: randomUUID(),
      version: 1,
      created: now,
      modified: now,
      seq: this.nextSeq(listId),
      fields,
    };
    this.stmt("INSERT INTO items (list_id, id, uid, version, created, modified, seq, fields) VALUES (?,?,?,?,?,?,?,?)")
      .run(listId, item.id, item.uid, item.version, now, now, item.seq, JSON.stringify(fields));
    return item;
  }
  updateItem(item: ItemRecord, fields: Record<string, unknown>, now: string): ItemRecord {
    const updated: ItemRecord = { ...item, fields, version: item.version + 1, modified: now, seq: this.nextSeq(item.listId) };
    this.stmt("UPDATE items SET version = ?, modified = ?, seq = ?, fields = ? WHERE list_id = ? AND id = ?")
      .run(updated.version, now, updated.seq, JSON.stringify(fields), item.listId, item.id);
    return updated;
  }
  deleteItem(listId: string, id: number): void {
    this.stmt("DELETE FROM items WHERE list_id = ? AND id = ?").run(listId, id);
    this.stmt("DELETE FROM unique_values WHERE list_id = ? AND item_id = ?").run(listId, id);
    this.stmt("INSERT OR REPLACE INTO tombstones (list_id, id, seq) VALUES (?,?,?)").run(listId, id, this.nextSeq(listId));
  }
  /** Items written in (sinceSeq, untilSeq], ordered by seq, after `afterSeq` (delta paging). */
  changedItems(listId: string, sinceSeq: number, untilSeq: number): ItemRecord[] {
    return (
      this.stmt("SELECT * FROM items WHERE list_id = ? AND seq > ? AND seq <= ? ORDER BY seq")
        .all(listId, sinceSeq, untilSeq) as Row[]
    ).map(toItem);
  }
  deletedItems(listId: string, sinceSeq: number, untilSeq: number): Tombstone[] {
    return this.stmt("SELECT id, seq FROM tombstones WHERE list_id = ? AND seq > ? AND seq <= ? ORDER BY seq")
      .all(listId, sinceSeq, untilSeq) as Tombstone[];
  }

  // ---- unique values (enforceUniqueValues) ----
  uniqueOwner(listId: string, column: string, value: string): number | undefined {
    const row = this.stmt("SELECT item_id FROM unique_values WHERE list_id = ? AND column_name = ? AND value = ?")
      .get(listId, column, value) as { item_id: number } | undefined;
    return row?.item_id;
  }
  setUniqueValue(listId: string, column: string, value: string | undefined, itemId: number): void {
    this.stmt("DELETE FROM unique_values WHERE list_id = ? AND column_name = ? AND item_id = ?").run(listId, column, itemId);
    if (value !== undefined) {
      this.stmt("INSERT INTO unique_values (list_id, column_name, value, item_id) VALUES (?,?,?,?)")
        .run(listId, column, value, itemId);
    }
  }
}

/**
 * A record read from its row: each property from the column of the same name in snake_case
 * (`displayName` ← `display_name`), converted where SQLite stores it differently.
 */
function reader<T>(keys: ReadonlyArray<keyof T & string>, convert: { [K in keyof T]?: (value: unknown) => T[K] } = {}): (r: Row) => T {
  const columns = keys.map((key) => [key, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const);
  return (r) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) out[key] = convert[key] ? convert[key](r[column]) : r[column];
    return out as T;
  };
}

const flag = (value: unknown): boolean => value === 1;
const json = (value: unknown): Record<string, unknown> => JSON.parse(value as string) as Record<string, unknown>;

const toSite = reader<SiteRecord>(["id", "hostname", "path", "name", "displayName", "isRoot", "created", "modified"], { isRoot: flag });
const toList = reader<ListRecord>(["id", "siteId", "displayName", "name", "description", "template", "created", "modified", "version"]);
const toColumn = reader<ColumnRecord>(["id", "listId", "name", "position", "type", "definition", "builtIn"], { definition: json, builtIn: flag });
const toItem = reader<ItemRecord>(["listId", "id", "uid", "version", "created", "modified", "seq", "fields"], { fields: json });
