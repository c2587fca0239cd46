import "server-only";
import Database from "better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { databaseUrl, sqlitePath, SQLITE_BUSY_TIMEOUT_MS } from "./provider";

// A read-only SQLite connection of its own for hot read paths (search) that run one large SQL
// query per request: better-sqlite3 straight, with the prepared statement kept, instead of
// Prisma's raw-query path, which converts every parameter and every cell of the result (the
// page's 20 rows carry their texts) through its query engine. Being a separate connection it
// never sees another request's uncommitted write transaction on the main connection; in WAL
// mode each statement reads the newest committed state, so a change is visible to it the
// moment it commits, like everywhere else.

type Reader = { url: string; db: BetterSqlite3.Database; statements: Map<string, BetterSqlite3.Statement>; serial: number };
const g = globalThis as unknown as { __casefileSqliteReader?: Reader; __casefileSqliteReaderSerial?: number };

/** Prepared statements kept per connection; the searches' SQL has a few dozen shapes. */
const STATEMENT_LIMIT = 200;

function reader(): Reader {
  const url = databaseUrl();
  const open = g.__casefileSqliteReader;
  if (open?.url === url && open.db.open) return open;
  if (open) closeSqliteReader();
  const db = new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma("query_only = ON");
  const serial = (g.__casefileSqliteReaderSerial ?? 0) + 1;
  g.__casefileSqliteReaderSerial = serial;
  const r: Reader = { url, db, statements: new Map(), serial };
  g.__casefileSqliteReader = r;
  return r;
}

/** The rows of one read-only query on the reader connection (DATABASE_URL must be SQLite; see rawAll in client.ts). */
export function sqliteAll<T>(sql: string, values: readonly unknown[]): T[] {
  const r = reader();
  let stmt = r.statements.get(sql);
  if (!stmt) {
    if (r.statements.size >= STATEMENT_LIMIT) r.statements.clear();
    stmt = r.db.prepare(sql);
    r.statements.set(sql, stmt);
  }
  return stmt.all(...values) as T[];
}

/**
 * Says whether the database may have changed: the same string as last time only if no connection
 * has committed a change to the database since (SQLite's data_version, which counts the commits of
 * other connections, and this connection only reads), on the same connection. Costs a few
 * microseconds, for a check that saves a query when nothing changed.
 */
export function sqliteDataVersion(): string {
  const r = reader();
  const v = sqliteAll<{ data_version: number }>("PRAGMA data_version", [])[0]?.data_version;
  return `${r.serial}:${v}`;
}

/** Closes the reader connection (closeDb calls this). */
export function closeSqliteReader(): void {
  const r = g.__casefileSqliteReader;
  g.__casefileSqliteReader = undefined;
  if (r?.db.open) r.db.close();
}
