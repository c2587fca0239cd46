import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dbProvider, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/client";
import { databaseUrl, sqlitePath } from "@/lib/db/provider";
import { read } from "@/lib/db/write";
import { createHash } from "node:crypto";
import { GENESIS_HASH } from "./canonical";

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

const BATCH = 10_000;

type RawEvent = {
  seq: number | bigint;
  at: Date | string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};

/** SQLite hands back the stored text ("…T16:02:38.205+00:00"): rewritten, not parsed, when it is in that form. */
function isoOf(at: Date | string): string {
  if (typeof at === "string" && at.length === 24 && at[23] === "Z" && at[10] === "T") return at;
  if (typeof at === "string" && at.length === 29 && at.endsWith("+00:00") && at[10] === "T") return `${at.slice(0, 23)}Z`;
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

const str = (v: string | null) => (v === null ? "null" : JSON.stringify(v));

/**
 * eventHash's canonical JSON written out directly: the members in canonicalJson's key order
 * (action, actorId, actorLabel, after, at, before, prevHash, recordId, recordType, seq), every
 * value a string, null or an integer. The same bytes as canonicalJson (tested), without
 * building, sorting and walking an object per event.
 */
export function eventHashFast(e: Omit<RawEvent, "hash" | "at" | "seq"> & { seq: number; at: string }): string {
  const json = `{"action":${str(e.action)},"actorId":${str(e.actorId)},"actorLabel":${str(e.actorLabel)},"after":${str(e.after)},"at":${str(e.at)},"before":${str(e.before)},"prevHash":${str(e.prevHash)},"recordId":${str(e.recordId)},"recordType":${str(e.recordType)},"seq":${e.seq}}`;
  return createHash("sha256").update(json).digest("hex");
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
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, events: count, firstBad: expectedSeq, reason: "missing event" };
      if (r.prevHash !== prevHash) return { ok: false, events: count, firstBad: seq, reason: "broken link" };
      const at = isoOf(r.at);
      r.seq = seq;
      r.at = at;
      if (eventHashFast(r as RawEvent & { seq: number; at: string }) !== r.hash) return { ok: false, events: count, firstBad: seq, reason: "hash mismatch" };
      prevHash = r.hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, events: count, head: { seq: count, hash: prevHash } };
}

// The chain is read once, start to end, straight from the database driver on a connection of
// its own (not through Prisma, whose row mapping cost more than hashing): one read snapshot,
// rows handed over in pages so the event loop is given back between them.
const COLUMNS = `"seq", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash"`;

async function* rawEventPages(): AsyncGenerator<RawEvent[]> {
  const url = databaseUrl();
  if (dbProvider() === "sqlite") {
    // The time as text (SQLite stores it as text already): no Date made and formatted per event.
    const conn = new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      const stmt = conn.prepare<[], RawEvent>(`SELECT ("at" || '') AS "at", ${COLUMNS} FROM "AuditEvent" ORDER BY "seq" ASC`);
      let page: RawEvent[] = [];
      for (const row of stmt.iterate()) {
        page.push(row);
        if (page.length === BATCH) {
          yield page;
          page = [];
          await new Promise((resolve) => setImmediate(resolve));
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
      const { rows } = await client.query<RawEvent>(
        `SELECT to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" > $1 ORDER BY "seq" ASC LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]!.seq);
      yield rows;
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}
