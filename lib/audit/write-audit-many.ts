import "server-only";
import { insertRows, type Value } from "@/lib/db/bulk-insert";
import { dbProvider, type Tx } from "@/lib/db/client";
import { eventHashDirect, GENESIS_HASH, type ChainFields } from "./canonical";
import { chainFields, type AuditInput } from "./write-audit";

const AUDIT_COLUMNS: [string, "int" | "date" | "text"][] = [
  ["seq", "int"], ["at", "date"], ["actorId", "text"], ["actorLabel", "text"], ["action", "text"], ["recordType", "text"],
  ["recordId", "text"], ["before", "text"], ["after", "text"], ["prevHash", "text"], ["hash", "text"],
];

/**
 * Appends many events to the hash chain at once, inside the caller's transaction: the chain is
 * computed in memory (the same fields, canonical form and hash as writeAudit, so verify-chain
 * checks them alike) and written with one multi-row insert. Unlike writeAudit it does NOT
 * re-index the records for search: a bulk caller (lib/statements/bulk-create.ts) writes their
 * index entries itself, in the same transaction, from the content it already holds.
 */
export async function writeAuditMany(tx: Tx, inputs: AuditInput[]): Promise<ChainFields[]> {
  if (inputs.length === 0) return [];
  if (dbProvider() === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(734502)`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const iso = at.toISOString();
  const events: ChainFields[] = [];
  const rows: Value[][] = [];
  for (const input of inputs) {
    const fields = chainFields(input, ++seq, prevHash, iso);
    const hash = eventHashDirect(fields);
    events.push(fields);
    rows.push([fields.seq, at, fields.actorId, fields.actorLabel, fields.action, fields.recordType, fields.recordId, fields.before, fields.after, prevHash, hash]);
    prevHash = hash;
  }
  await insertRows(tx, "AuditEvent", AUDIT_COLUMNS, rows);
  return events;
}
