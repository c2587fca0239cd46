import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dbProvider, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/client";
import { databaseUrl, sqlitePath } from "@/lib/db/provider";
import { read } from "@/lib/db/write";
import { eventHashDirect, GENESIS_HASH } from "./canonical";

export type VerifyResult = { ok: boolean; events: number; firstBad?: number; reason?: string; head?: Checkpoint };

/** A point of the chain to publish or keep elsewhere: a later log must still contain it. */
export type Checkpoint = { seq: number; hash: string };

export function parseCheckpoint(text: string): Checkpoint | null {
  const m = /^(\d{1,12}):([0-9a-f]{64})$/.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2] } : null;
}

export function formatCheckpoint(c: Checkpoint): string {
  return `${c.seq}:${c.hash}`;
}

/** The chain's head now (seq 0 and the genesis hash for an empty log). */
export async function auditCheckpoint(): Promise<Checkpoint> {
  const last = await read((db) => db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }));
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

// Rows are checked in pages small enough to die young: pages of 10,000 events outlived the
// young generation and garbage collection cost as much as hashing.
const PAGE = 1_000;

/** One event as read for verification: the columns of COLUMNS, in that order. */
type Row = [at: Date | string, seq: number | bigint | string, actorId: string | null, actorLabel: string, action: string, recordType: string, recordId: string, before: string | null, after: string | null, prevHash: string, hash: string];

/** SQLite hands back the stored text ("…T16:02:38.205+00:00"): rewritten, not parsed, when it is in that form. */
function isoOf(at: Date | string): string {
  if (typeof at === "string" && at.length === 24 && at[23] === "Z" && at[10] === "T") return at;
  if (typeof at === "string" && at.length === 29 && at.endsWith("+00:00") && at[10] === "T") return `${at.slice(0, 23)}Z`;
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

/**
 * Recomputes every event's hash and link. Reports the first sequence number whose stored
 * hash, link to the previous event, or position in the sequence is wrong.
 */
export async function verifyAuditChain(options: { checkpoint?: Checkpoint } = {}): Promise<VerifyResult> {
  const r = await verifyLinks();
  const cp = options.checkpoint;
  if (!r.ok || !cp || cp.seq === 0) return r;
  // The chain verifying on its own does not show that its tail was not cut off, or the whole
  // log rebuilt: a checkpoint kept elsewhere does. The log must still hold that event, unchanged.
  if (cp.seq > r.events) return { ok: false, events: r.events, firstBad: r.events + 1, reason: `the log ends at ${r.events}, before checkpoint ${cp.seq}: events were removed` };
  const at = await read((db) => db.auditEvent.findUnique({ where: { seq: cp.seq }, select: { hash: true } }));
  if (at?.hash !== cp.hash) return { ok: false, events: r.events, firstBad: cp.seq, reason: "the event at the checkpoint differs: the log was rewritten" };
  return r;
}

async function verifyLinks(): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for await (const rows of rawEventPages()) {
    for (const r of rows) {
      const seq = Number(r[1]);
      if (seq !== expectedSeq) return { ok: false, events: count, firstBad: expectedSeq, reason: "missing event" };
      if (r[9] !== prevHash) return { ok: false, events: count, firstBad: seq, reason: "broken link" };
      const hash = eventHashDirect({ seq, at: isoOf(r[0]), actorId: r[2], actorLabel: r[3], action: r[4], recordType: r[5], recordId: r[6], before: r[7], after: r[8], prevHash: r[9] });
      if (hash !== r[10]) return { ok: false, events: count, firstBad: seq, reason: "hash mismatch" };
      prevHash = hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, events: count, head: { seq: count, hash: prevHash } };
}

// The chain is read once, start to end, straight from the database driver on a connection of
// its own (not through Prisma, whose row mapping cost more than hashing), each row as an array
// (no object per event): one read snapshot, rows handed over in pages so the event loop is
// given back between them.
const COLUMNS = `"seq", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash"`;

const PG_PAGE = 2_000;

async function* rawEventPages(): AsyncGenerator<Row[]> {
  const url = databaseUrl();
  if (dbProvider() === "sqlite") {
    // The time as text (SQLite stores it as text already): no Date made and formatted per event.
    const conn = new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      const stmt = conn.prepare<[], Row>(`SELECT ("at" || '') AS "at", ${COLUMNS} FROM "AuditEvent" ORDER BY "seq" ASC`).raw(true);
      let page: Row[] = [];
      let n = 0;
      for (const row of stmt.iterate()) {
        page.push(row);
        if (page.length === PAGE) {
          yield page;
          page = [];
          // The event loop is given back every 10,000 events.
          if (++n % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (page.length) yield page;
    } finally {
      conn.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let after = 0;
    for (;;) {
      const { rows } = await client.query<Row>({
        text: `SELECT to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" > $1 ORDER BY "seq" ASC LIMIT ${PG_PAGE}`,
        values: [after],
        rowMode: "array",
      });
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]![1]);
      yield rows;
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}
