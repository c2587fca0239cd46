import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dbProvider, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/client";
import { databaseUrl, sqlitePath } from "@/lib/db/provider";
import { read } from "@/lib/db/write";
import { eventHashDirect, GENESIS_HASH, sha256Hex } from "./canonical";

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

/**
 * One event as read for verification: its sequence number, stored link and hash, and the
 * canonical JSON of its chained fields as the database writes it out (json_quote / to_json:
 * the same escapes as JSON.stringify), so that a row is four values instead of eleven. null
 * when the database could not write it (a time in an unexpected form).
 */
type Row = [seq: number | bigint | string, prevHash: string, hash: string, json: string | null];

/** An event's chained fields as stored: the columns of COLUMNS, in that order. */
type Fields = [at: Date | string, seq: number | bigint | string, actorId: string | null, actorLabel: string, action: string, recordType: string, recordId: string, before: string | null, after: string | null, prevHash: string, hash: string];

type Source = { pages: AsyncGenerator<Row[]>; fields(seq: number): Promise<Fields | undefined> };

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
  if (!r.ok || !cp) return r;
  // Seq 0 names no event: it is the start every chain links to, so the only checkpoint there is
  // the genesis hash. Any other hash at 0 was never a point of this log, and must not be reported
  // as proven (an empty log's checkpoint, kept before anything was written, is "0:" + genesis).
  if (cp.seq === 0) return cp.hash === GENESIS_HASH ? r : { ok: false, events: r.events, firstBad: 0, reason: "the checkpoint at 0 is not the chain's start: the log was rewritten, or the checkpoint is not of this log" };
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
  const source = await openSource();
  try {
    for await (const rows of source.pages) {
      for (const r of rows) {
        const seq = Number(r[0]);
        if (seq !== expectedSeq) return { ok: false, events: count, firstBad: expectedSeq, reason: "missing event" };
        if (r[1] !== prevHash) return { ok: false, events: count, firstBad: seq, reason: "broken link" };
        if (r[3] === null || sha256Hex(r[3]) !== r[2]) {
          // Not the stored hash: the event's fields themselves, hashed as the writer hashes them, decide.
          const f = await source.fields(seq);
          const hash = f && eventHashDirect({ seq, at: isoOf(f[0]), actorId: f[2], actorLabel: f[3], action: f[4], recordType: f[5], recordId: f[6], before: f[7], after: f[8], prevHash: f[9] });
          if (hash !== r[2]) return { ok: false, events: count, firstBad: seq, reason: "hash mismatch" };
        }
        prevHash = r[2];
        expectedSeq++;
        count++;
      }
    }
  } finally {
    await source.pages.return(undefined);
  }
  return { ok: true, events: count, head: { seq: count, hash: prevHash } };
}

// The chain is read once, start to end, straight from the database driver on a connection of
// its own (not through Prisma, whose row mapping cost more than hashing): one read snapshot,
// rows handed over in pages so the event loop is given back between them.
const COLUMNS = `"seq", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash"`;

/** eventHashDirect's canonical JSON, written out by the database; `q` quotes a value as JSON ("null" for NULL). */
const canonicalSql = (q: (column: string) => string, at: string, seq: string) =>
  [`'{"action":' || ${q(`"action"`)}`, `',"actorId":' || ${q(`"actorId"`)}`, `',"actorLabel":' || ${q(`"actorLabel"`)}`, `',"after":' || ${q(`"after"`)}`, `',"at":' || ${q(at)}`,
    `',"before":' || ${q(`"before"`)}`, `',"prevHash":' || ${q(`"prevHash"`)}`, `',"recordId":' || ${q(`"recordId"`)}`, `',"recordType":' || ${q(`"recordType"`)}`, `',"seq":' || ${seq} || '}'`].join(" || ");

async function openSource(): Promise<Source> {
  const url = databaseUrl();
  if (dbProvider() === "sqlite") {
    const conn = new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    // The time as stored ("…T16:02:38.205+00:00") in the chain's form ("…T16:02:38.205Z"); any other form gives NULL (checked in JavaScript).
    const at = `CASE WHEN length("at") = 29 AND substr("at", 11, 1) = 'T' AND substr("at", 24) = '+00:00' THEN substr("at", 1, 23) || 'Z' END`;
    const json = `CASE WHEN ${at} IS NOT NULL THEN ${canonicalSql((c) => `json_quote(${c})`, at, `"seq"`)} END`;
    let other: InstanceType<typeof Database> | undefined; // the iterating connection can run nothing else meanwhile
    const pages = async function* (): AsyncGenerator<Row[]> {
      try {
        const stmt = conn.prepare<[], Row>(`SELECT "seq", "prevHash", "hash", ${json} FROM "AuditEvent" ORDER BY "seq" ASC`).raw(true);
        let page: Row[] = [];
        for (const row of stmt.iterate()) {
          page.push(row);
          if (page.length === PAGE) {
            yield page;
            page = [];
            // The event loop is given back after every page (a few milliseconds of hashing): every
            // 10,000 events held it for 60-80 ms at a time, which the audit page's own rendering
            // (sent while its verification runs) and every other request waited through. Measured
            // at 400,000 events: no difference in the run's time beyond the noise.
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
        if (page.length) yield page;
      } finally {
        conn.close();
        other?.close();
      }
    };
    return {
      pages: pages(),
      fields: async (seq) => {
        other ??= new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
        return other.prepare<[number], Fields>(`SELECT ("at" || '') AS "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" = ?`).raw(true).get(seq);
      },
    };
  }
  // Two connections in one snapshot: PostgreSQL writing out the canonical JSON was the limit,
  // on one core, while this process hashed. Pages are ranges of sequence numbers, so each can be
  // asked for without the one before it: the connections take turns, each a page ahead.
  const conns = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  const at = `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const json = canonicalSql((c) => `coalesce(to_json(${c})::text, 'null')`, at, `"seq"::text`);
  const page = (conn: pg.Client, first: number) =>
    conn
      .query<Row>({
        text: `SELECT "seq", "prevHash", "hash", ${json} FROM "AuditEvent" WHERE "seq" BETWEEN $1 AND $2 ORDER BY "seq" ASC`,
        values: [first, first + PG_PAGE - 1],
        rowMode: "array",
      })
      .then((r) => r.rows);
  // A page asked for ahead, and whether the connection is done with it (pg queues a connection's queries).
  const ahead: Promise<Row[]>[] = [];
  const pages = async function* (): AsyncGenerator<Row[]> {
    try {
      await Promise.all(conns.map((c) => c.connect()));
      const [a, b] = conns as [pg.Client, pg.Client];
      await a.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const snapshot = String((await a.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0]!.s);
      // The last event in the snapshot ends the reading: a range with no events in it (a whole
      // page deleted) must not, or the events after it would go unchecked.
      const last = Number((await a.query<{ m: string | null }>(`SELECT COALESCE(MAX("seq"), 0)::text AS m FROM "AuditEvent"`)).rows[0]!.m);
      await b.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      if (!/^[0-9A-F-]+$/.test(snapshot)) throw new Error(`unexpected snapshot name ${snapshot}`);
      await b.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      let nextFirst = 1;
      let turn = 0;
      const askAhead = () => {
        while (ahead.length < conns.length && nextFirst <= last) {
          const p = page(conns[turn++ % conns.length]!, nextFirst);
          p.catch(() => undefined); // a failure is thrown where the page is awaited
          ahead.push(p);
          nextFirst += PG_PAGE;
        }
      };
      askAhead();
      while (ahead.length) {
        const rows = await ahead.shift()!;
        askAhead();
        yield rows;
      }
      await Promise.all(conns.map((c) => c.query("COMMIT")));
    } finally {
      // Pages still being read when the check stops early are waited for before the connections close.
      await Promise.all(ahead.splice(0).map((p) => p.catch(() => undefined)));
      await Promise.all(conns.map((c) => c.end().catch(() => undefined)));
    }
  };
  return {
    pages: pages(),
    // Inside the same snapshot, after the pages already asked for on that connection.
    fields: async (seq) =>
      (await conns[0]!.query<Fields>({ text: `SELECT ${at} AS "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" = $1`, values: [seq], rowMode: "array" })).rows[0],
  };
}

const PG_PAGE = 2_000;
