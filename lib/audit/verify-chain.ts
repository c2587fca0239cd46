import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider } from "@/lib/db/client";
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
  // The time as text (no Date made and formatted per event): SQLite stores it as text already.
  const atAsText = dbProvider() === "sqlite" ? Prisma.sql`("at" || '') AS "at"` : Prisma.sql`to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"`;
  return read(async (db) => {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    for (;;) {
      // Plain rows in large pages, no model mapping: the chain is read once, start to end.
      const rows = await db.$queryRaw<RawEvent[]>`
        SELECT "seq", ${atAsText}, "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash"
        FROM "AuditEvent" WHERE "seq" >= ${expectedSeq} ORDER BY "seq" ASC LIMIT ${BATCH}`;
      if (rows.length === 0) break;
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectedSeq) return { ok: false, events: count, firstBad: expectedSeq, reason: "missing event" };
        if (r.prevHash !== prevHash) return { ok: false, events: count, firstBad: seq, reason: "broken link" };
        const at = isoOf(r.at);
        if (eventHashFast({ ...r, seq, at }) !== r.hash) return { ok: false, events: count, firstBad: seq, reason: "hash mismatch" };
        prevHash = r.hash;
        expectedSeq++;
        count++;
      }
    }
    return { ok: true, events: count, head: { seq: count, hash: prevHash } };
  });
}
