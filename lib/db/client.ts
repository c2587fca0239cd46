import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/generated/postgresql/client";
import { databaseUrl, providerOf, sqlitePath, type Provider } from "./provider";

// Both generated clients come from the same schema and expose the same API; the SQLite
// one's types stand for both.
export type Db = SqliteClient;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type Handle = { db: Db; provider: Provider; url: string };
const g = globalThis as unknown as { __casefileDb?: Handle };

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

function open(url: string): Handle {
  const provider = providerOf(url);
  if (provider === "sqlite") {
    mkdirSync(dirname(sqlitePath(url)), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return { db: new SqliteClient({ adapter }), provider, url };
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return { db: new PgClient({ adapter }) as unknown as Db, provider, url };
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
  if (h) await h.db.$disconnect();
}
