import "server-only";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { databaseUrl, sqlitePath, SQLITE_BUSY_TIMEOUT_MS } from "./provider";

// The heavy read queries of SQLite (a search's full-text match and ranking: several milliseconds
// each at 100,000 statements) on a worker thread with a read-only connection of its own.
// better-sqlite3 runs a query on the calling thread, so on the main thread a long search held up
// every other request of the server (page views, sign-ins) until it finished, and the server
// could only ever use one core. Like the main reader (sqlite-reader.ts) it is outside every
// transaction and, in WAL mode, reads the newest committed state with each statement.

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true, timeout: workerData.timeout });
db.pragma("query_only = ON");
// 8 MB of page cache instead of SQLite's 2 MB: a search's index pages mostly stay in memory
// between searches instead of being read again from the file (~1.3 ms of system time per search
// at 100,000 statements), for a few MB of resident memory.
db.pragma("cache_size = -8192");
// Casefile's own SQLite functions (lib/search/native): a query that needs one that did not load
// fails with "no such function", and its caller falls back to SQLite's built-in.
for (const file of workerData.extensions) {
  try {
    db.loadExtension(file);
  } catch (e) {
    console.warn("[casefile] could not load " + file + ": " + (e && e.message));
  }
}
const statements = new Map();
parentPort.on("message", ({ id, sql, values }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size >= ${200}) statements.clear();
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    parentPort.postMessage({ id, rows: stmt.all(...values) });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String(e && e.message), code: e && e.code, name: e && e.name } });
  }
});
`;

/**
 * SQLite extensions the reader thread loads when they were built (`npm install` builds them into
 * generated/native): casefile_bm25, the search ranking (lib/search/native/casefile_fts.c).
 */
export const READER_EXTENSIONS = [join(process.cwd(), "generated", "native", process.platform === "darwin" ? "casefile_fts.dylib" : "casefile_fts.so")];

type Pending = { resolve: (rows: unknown[]) => void; reject: (e: Error) => void };
type Thread = { url: string; worker: Worker; pending: Map<number, Pending>; next: number };
const g = globalThis as unknown as { __casefileReaderThread?: Thread };

function failAll(t: Thread, e: Error) {
  for (const p of t.pending.values()) p.reject(e);
  t.pending.clear();
}

function thread(): Thread {
  const url = databaseUrl();
  const open = g.__casefileReaderThread;
  if (open?.url === url) return open;
  if (open) closeReaderThread();
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { file: sqlitePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS, extensions: READER_EXTENSIONS.filter((f) => existsSync(/*turbopackIgnore: true*/ f)) },
    // It holds only a page of rows at a time: a small heap keeps the server's resident memory down.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  // An idle reader never keeps the process alive (tests, the CLI); a query waiting on it does.
  worker.unref();
  const t: Thread = { url, worker, pending: new Map(), next: 1 };
  worker.on("message", (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string; name?: string } }) => {
    const p = t.pending.get(m.id);
    if (!p) return;
    t.pending.delete(m.id);
    if (t.pending.size === 0) worker.unref();
    if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code, name: m.error.name ?? "Error" }));
    else p.resolve(m.rows ?? []);
  });
  // A thread that fails or stops takes its waiting queries with it; the next query starts a new one.
  const gone = (e: Error) => {
    if (g.__casefileReaderThread === t) g.__casefileReaderThread = undefined;
    failAll(t, e);
  };
  worker.on("error", gone);
  worker.on("exit", (code) => gone(new Error(`The database reader thread stopped (exit code ${code}).`)));
  g.__casefileReaderThread = t;
  return t;
}

/** The rows of one read-only query, run on the reader thread (DATABASE_URL must be SQLite; see rawAll in client.ts). */
export function sqliteAllOffThread<T>(sql: string, values: readonly unknown[]): Promise<T[]> {
  const t = thread();
  const id = t.next++;
  return new Promise<T[]>((resolve, reject) => {
    t.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
    if (t.pending.size === 1) t.worker.ref();
    t.worker.postMessage({ id, sql, values });
  });
}

/** Stops the reader thread (closeDb calls this); queries still waiting on it fail. */
export function closeReaderThread(): void {
  const t = g.__casefileReaderThread;
  g.__casefileReaderThread = undefined;
  if (!t) return;
  failAll(t, new Error("The database was closed."));
  void t.worker.terminate();
}
