import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/generated/postgresql/client";
import { databaseUrl, providerOf, sqlitePath, SQLITE_BUSY_TIMEOUT_MS, type Provider } from "./provider";
import { closeSqliteReader, sqliteAll, sqliteDataVersion } from "./sqlite-reader";
import { closeReaderThread, sqliteAllOffThread } from "./sqlite-reader-thread";

// Both generated clients come from the same schema and expose the same API; the SQLite
// one's types stand for both.
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Handle = { db: Db; provider: Provider; url: string; sqlite?: BetterSqlite3.Database; pgPool?: pg.Pool; pgClients?: Map<number, pg.PoolClient> };
const g = globalThis as unknown as { __casefileDb?: Handle };

export { SQLITE_BUSY_TIMEOUT_MS };

function open(url: string): Handle {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    mkdirSync(dirname(sqlitePath(url)), { recursive: true });
    const h = { provider, url } as Handle;
    // The adapter's one better-sqlite3 connection is kept for rawConnection().
    class Adapter extends PrismaBetterSQLite3 {
      async connect() {
        const a = await super.connect();
        h.sqlite = (a as unknown as { client: BetterSqlite3.Database }).client;
        return a;
      }
    }
    h.db = new SqliteClient({ adapter: new Adapter({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
    return h;
  }
  // The pool's connections by backend process id, for rawConnection().
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const pgClients = new Map<number, pg.PoolClient>();
  const pid = (c: pg.PoolClient) => (c as unknown as { processID: number }).processID;
  pool.on("connect", (c) => pgClients.set(pid(c), c));
  pool.on("remove", (c) => pgClients.delete(pid(c)));
  // An idle connection that the server ends (a restart, an administrator) is an 'error' event on
  // the pool; unhandled, it would stop the whole process. The pool drops that connection and
  // opens another when one is next needed.
  pool.on("error", (e) => console.warn(`[db] an idle PostgreSQL connection ended: ${(e as { code?: string }).code ?? e.message}`));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { db: new PgClient({ adapter }) as unknown as Db, provider, url, pgPool: pool, pgClients };
}

function handle(): Handle {
  const url = databaseUrl();
  if (!g.__casefileDb || g.__casefileDb.url !== url) g.__casefileDb = open(url);
  return g.__casefileDb;
}

/** The Prisma client for DATABASE_URL. Only lib/** imports this. */
export function getDb(): Db {
  return handle().db;
}

export function dbProvider(): Provider {
  return handle().provider;
}

/** The database driver's own connection under a write transaction (see rawConnection). */
export type RawConnection = { provider: "sqlite"; db: BetterSqlite3.Database } | { provider: "postgresql"; client: pg.PoolClient };

/**
 * The driver connection that `tx` (a transaction of write()) runs on, so a bulk path
 * (lib/db/bulk-insert.ts) can run prepared statements in that same transaction without
 * Prisma's per-parameter cost. Only for use inside write()'s callback, while `tx` is open;
 * whatever is run on it commits or rolls back with `tx`. null when it cannot be found (the
 * caller then goes through `tx`).
 */
export async function rawConnection(tx: Tx): Promise<RawConnection | null> {
  const h = handle();
  if (h.provider === "sqlite") {
    // One connection: the transaction is the connection's (write() holds it, the adapter's lock too).
    return h.sqlite?.inTransaction ? { provider: "sqlite", db: h.sqlite } : null;
  }
  const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const client = row && h.pgClients?.get(Number(row.pid));
  return client ? { provider: "postgresql", client } : null;
}

/**
 * The rows of one read-only SQL query, for a hot read path whose one large query Prisma's
 * raw-query path would convert cell by cell: on SQLite on the reader connection
 * (lib/db/sqlite-reader.ts), on PostgreSQL straight on the pool. Neither runs inside a
 * transaction, so both read the newest committed state. `offThread`: a query that takes
 * milliseconds (a search) runs on SQLite's reader thread (sqlite-reader-thread.ts), so it holds
 * up neither the server's other requests nor its one JavaScript thread.
 */
export async function rawAll<T>(sql: Prisma.Sql, opts: { offThread?: boolean } = {}): Promise<T[]> {
  const h = handle();
  if (h.provider === "sqlite") return opts.offThread ? sqliteAllOffThread<T>(sql.sql, sql.values) : sqliteAll<T>(sql.sql, sql.values);
  return (await h.pgPool!.query(sql.text, sql.values as unknown[])).rows as T[];
}

/**
 * What the database has committed, as a string that stays the same only while nothing has been
 * committed since, for a read that keeps its answer until then: on SQLite the reader's
 * data_version (sqliteDataVersion), on PostgreSQL the current snapshot (its xmax moves past every
 * transaction that commits, and its list of transactions in progress loses each one that ends;
 * a commit in another database of the cluster changes it too, which only costs a fresh read).
 */
export async function dataVersion(): Promise<string> {
  const h = handle();
  if (h.provider === "sqlite") return sqliteDataVersion();
  const { rows } = await h.pgPool!.query<{ v: string }>("SELECT pg_current_snapshot()::text AS v");
  return String(rows[0]?.v);
}

let pragmasSet: Promise<void> | null = null;
/**
 * Per-connection SQLite settings. WAL itself is persistent (set by the migration runner);
 * synchronous=FULL makes a committed transaction survive power loss, which WAL's
 * NORMAL default does not promise.
 */
export function ensureConnectionSettings(): Promise<void> {
  if (dbProvider() !== "sqlite") return Promise.resolve();
  pragmasSet ??= (async () => {
    const db = getDb();
    await db.$queryRaw`PRAGMA journal_mode = WAL`;
    await db.$queryRaw`PRAGMA synchronous = FULL`;
    await db.$queryRaw`PRAGMA foreign_keys = ON`;
  })();
  return pragmasSet;
}

/** For tests and the CLI: close the connection so the process can exit. */
export async function closeDb(): Promise<void> {
  const h = g.__casefileDb;
  g.__casefileDb = undefined;
  pragmasSet = null;
  closeSqliteReader();
  closeReaderThread();
  if (h) await h.db.$disconnect();
  // Prisma ends the pool only if it used it; rawAll may have used it alone.
  if (h?.pgPool && !h.pgPool.ended) await h.pgPool.end();
}
