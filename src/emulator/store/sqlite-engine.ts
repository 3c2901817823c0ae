/**
 * The SQLite engine under the emulator's store. Node's built-in `node:sqlite` where the runtime has
 * it (Node 22.13 and later, so Node 24 needs no native module built against its headers), otherwise
 * better-sqlite3 (Node 20). Both are used through the few calls the store needs: prepared statements
 * (run, get, all, iterate), exec, transactions and close.
 */
import { createRequire } from "node:module";

export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

export interface SqlDatabase {
  readonly engine: "node:sqlite" | "better-sqlite3";
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /**
   * The statement for this SQL, compiled once per database and kept: compiling on every call costs
   * more than running it. Not for a statement a caller iterates while another runs it.
   */
  cached(sql: string): SqlStatement;
  /** Runs `fn` in one transaction: all of its writes or none. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

interface NodeSqlite {
  DatabaseSync: new (filename: string) => { exec(sql: string): void; prepare(sql: string): SqlStatement; close(): void };
}

function builtinSqlite(): NodeSqlite | undefined {
  // `process.getBuiltinModule` answers undefined for a module the runtime lacks (Node 20) and for one
  // still behind a flag (Node 22 before 22.13); then better-sqlite3 is used.
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  return get?.call(process, "node:sqlite") as NodeSqlite | undefined;
}

export function openSqlite(filename: string): SqlDatabase {
  const builtin = process.env.EMULATOR_SQLITE === "better-sqlite3" ? undefined : builtinSqlite();
  return withStatementCache(builtin ? openBuiltin(builtin, filename) : openBetterSqlite(filename));
}

function withStatementCache(db: Omit<SqlDatabase, "cached">): SqlDatabase {
  const statements = new Map<string, SqlStatement>();
  return Object.assign(db, {
    cached(sql: string): SqlStatement {
      let s = statements.get(sql);
      if (!s) {
        s = db.prepare(sql);
        statements.set(sql, s);
      }
      return s;
    },
  });
}

function openBuiltin(sqlite: NodeSqlite, filename: string): Omit<SqlDatabase, "cached"> {
  const db = new sqlite.DatabaseSync(filename);
  let depth = 0;
  return {
    engine: "node:sqlite",
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    close: () => db.close(),
    transaction<T>(fn: () => T): T {
      // A nested call joins the outer transaction through a savepoint, as better-sqlite3's does.
      const savepoint = `sp${depth}`;
      db.exec(depth === 0 ? "BEGIN" : `SAVEPOINT ${savepoint}`);
      depth++;
      try {
        const result = fn();
        db.exec(depth === 1 ? "COMMIT" : `RELEASE ${savepoint}`);
        return result;
      } catch (error) {
        db.exec(depth === 1 ? "ROLLBACK" : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        throw error;
      } finally {
        depth--;
      }
    },
  };
}

interface BetterSqlite {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  transaction<T>(fn: () => T): () => T;
  close(): void;
}

function openBetterSqlite(filename: string): Omit<SqlDatabase, "cached"> {
  // Loaded only here, so a runtime with node:sqlite never loads the native module.
  const Database = createRequire(import.meta.url)("better-sqlite3") as new (filename: string) => BetterSqlite;
  const db = new Database(filename);
  return {
    engine: "better-sqlite3",
    exec: (sql) => db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    close: () => db.close(),
    transaction: (fn) => db.transaction(fn)(),
  };
}
