import "server-only";
import { dbProvider, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson, eventHash, GENESIS_HASH, type ChainFields } from "./canonical";
import { indexAfterChange } from "@/lib/search/index-record";

export type AuditInput = {
  actor: Actor | "system";
  action: string; // e.g. statement.create
  recordType: string;
  recordId: string;
  // Plain data only. Protected witness fields must never be passed here in clear.
  before?: unknown;
  after?: unknown;
};

/** The chained fields of one event (writeAudit and writeAuditMany hash exactly these). */
export function chainFields(input: AuditInput, seq: number, prevHash: string, at: string): ChainFields {
  return {
    seq,
    at,
    actorId: input.actor === "system" ? null : input.actor.id,
    actorLabel: input.actor === "system" ? "system" : input.actor.email,
    action: input.action,
    recordType: input.recordType,
    recordId: input.recordId,
    before: input.before === undefined ? null : canonicalJson(input.before),
    after: input.after === undefined ? null : canonicalJson(input.after),
    prevHash,
  };
}

/**
 * Appends one event to the hash chain, inside the caller's transaction, and brings the search
 * index up to date for the record it names (lib/search) in that same transaction: every change
 * passes through here, so none can leave the index behind.
 */
export async function writeAudit(tx: Tx, input: AuditInput) {
  if (dbProvider() === "postgresql") {
    // Serialises appenders so two transactions cannot both take the same sequence number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(734502)`;
  }
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields = chainFields(input, (last?.seq ?? 0) + 1, last?.hash ?? GENESIS_HASH, new Date().toISOString());
  const event = await tx.auditEvent.create({ data: { ...fields, at: new Date(fields.at), hash: eventHash(fields) } });
  await indexAfterChange(tx, input.recordType, input.recordId);
  return event;
}
