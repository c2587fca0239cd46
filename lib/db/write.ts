import "server-only";
import { dbProvider, ensureConnectionSettings, getDb, type Tx } from "./client";

// Every write goes through here. On SQLite the writes of this process run one at a time:
// the better-sqlite3 adapter has one connection, and Prisma's issue tracker shows what
// happens otherwise (prisma#29870: concurrent interactive transactions fail with P1008;
// prisma#29933: a SQLITE_BUSY at COMMIT can lose writes already acknowledged). Other
// processes (the CLI) wait on SQLite's busy timeout. A write is acknowledged only after
// $transaction has resolved, i.e. after COMMIT returned.
//
// Across processes (the app and a CLI import, backup or restore running beside it): the adapter
// opens transactions with a plain BEGIN, which reads from a snapshot and asks for the write lock
// only at its first write; if another process committed in between, that write fails at once
// with SQLITE_BUSY_SNAPSHOT, which no busy timeout can cure. So every SQLite write transaction
// starts with a write that touches no row: it takes the write lock first (waiting on the busy
// timeout like any writer), and the transaction's snapshot begins only once it holds it.
const TAKE_WRITE_LOCK = `UPDATE "_casefile_migrations" SET name = name WHERE 0`;

let queue: Promise<unknown> = Promise.resolve();

const TX_OPTIONS = { maxWait: 60_000, timeout: 120_000 } as const;

export async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  await ensureConnectionSettings();
  if (dbProvider() !== "sqlite") return getDb().$transaction((tx) => fn(tx as Tx), TX_OPTIONS);
  const run = queue.then(() =>
    getDb().$transaction(async (tx) => {
      await (tx as Tx).$executeRawUnsafe(TAKE_WRITE_LOCK);
      return fn(tx as Tx);
    }, TX_OPTIONS),
  );
  // The queue continues whether this write succeeded or failed.
  queue = run.catch(() => undefined);
  return run;
}

/** Reads need no queue, but the connection settings must be in place first. */
export async function read<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  await ensureConnectionSettings();
  return fn(getDb() as Tx);
}
