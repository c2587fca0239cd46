import "server-only";
import { read } from "@/lib/db/write";
import { eventHash, GENESIS_HASH } from "./canonical";

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

const BATCH = 2000;

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
  return read(async (db) => {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    for (;;) {
      const rows = await db.auditEvent.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: BATCH });
      if (rows.length === 0) break;
      for (const r of rows) {
        if (r.seq !== expectedSeq) return { ok: false, events: count, firstBad: expectedSeq, reason: "missing event" };
        if (r.prevHash !== prevHash) return { ok: false, events: count, firstBad: r.seq, reason: "broken link" };
        const hash = eventHash({ ...r, at: r.at.toISOString() });
        if (hash !== r.hash) return { ok: false, events: count, firstBad: r.seq, reason: "hash mismatch" };
        prevHash = r.hash;
        expectedSeq++;
        count++;
      }
    }
    return { ok: true, events: count, head: { seq: count, hash: prevHash } };
  });
}
