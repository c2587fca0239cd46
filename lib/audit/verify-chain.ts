import "server-only";
import { read } from "@/lib/db/write";
import { eventHash, GENESIS_HASH } from "./canonical";

export type VerifyResult = { ok: boolean; events: number; firstBad?: number; reason?: string };

const BATCH = 2000;

/**
 * Recomputes every event's hash and link. Reports the first sequence number whose stored
 * hash, link to the previous event, or position in the sequence is wrong.
 */
export async function verifyAuditChain(): Promise<VerifyResult> {
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
    return { ok: true, events: count };
  });
}
