import "server-only";
import { dbProvider, ensureConnectionSettings, getDb, type Tx } from "./client";

// Every write goes through here. On SQLite the writes of this process run one at a time:
// the better-sqlite3 adapter has one connection, and Prisma's issue tracker shows what
// happens otherwise (prisma#29870: concurrent interactive transactions fail with P1008;
// prisma#29933: a SQLITE_BUSY at COMMIT can lose writes already acknowledged). Other
// processes (the CLI) wait on SQLite's busy timeout. A write is acknowledged only after
// $transaction has resolved, i.e. after COMMIT returned.
let queue: Promise<unknown> = Promise.resolve();

const TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 } as const;

export async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  await ensureConnectionSettings();
  if (dbProvider() !== "sqlite") return getDb().$transaction((tx) => fn(tx as Tx), TX_OPTIONS);
  const run = queue.then(() => getDb().$transaction((tx) => fn(tx as Tx), TX_OPTIONS));
  // The queue continues whether this write succeeded or failed.
  queue = run.catch(() => undefined);
  return run;
}

/** Reads need no queue, but the connection settings must be in place first. */
export async function read<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  await ensureConnectionSettings();
  return fn(getDb() as Tx);
}
