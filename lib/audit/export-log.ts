import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read, write } from "@/lib/db/write";
import { writeAudit } from "./write-audit";

// The audit log as JSON Lines, one event per line, oldest first, with exactly the fields the
// hash covers plus the hash (format: lib/audit/EXPORT-FORMAT.md). Anyone holding the file can
// check it with lib/audit/verify-export.mjs, which needs nothing but Node.

const BATCH = 1000;

export type ExportedEvent = {
  seq: number;
  at: string;
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

/**
 * Checks that the actor may export the log, reading and recording nothing, and gives them back:
 * what exportAuditLog checks first, and all that a HEAD request for the export is answered with
 * (a HEAD sends no log, so it must not be recorded as an export).
 */
export function checkAuditExport({ actor }: { actor: Actor | null }): Actor {
  authorize(actor, "audit.export");
  return actor;
}

/** Records the export in the log itself, then yields every event up to and including that record. */
export async function* exportAuditLog({ actor: asking }: { actor: Actor | null }): AsyncGenerator<string> {
  const actor = checkAuditExport({ actor: asking });
  const mark = await write((tx) => writeAudit(tx, { actor, action: "audit.export", recordType: "AuditLog", recordId: "all", after: { format: "casefile-audit-jsonl/1" } }));
  let next = 1;
  while (next <= mark.seq) {
    const rows = await read((db) => db.auditEvent.findMany({ where: { seq: { gte: next, lte: mark.seq } }, orderBy: { seq: "asc" }, take: BATCH }));
    if (rows.length === 0) break;
    for (const r of rows) {
      const e: ExportedEvent = {
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorLabel: r.actorLabel,
        action: r.action,
        recordType: r.recordType,
        recordId: r.recordId,
        before: r.before,
        after: r.after,
        prevHash: r.prevHash,
        hash: r.hash,
      };
      yield JSON.stringify(e) + "\n";
    }
    next = rows[rows.length - 1].seq + 1;
  }
}
