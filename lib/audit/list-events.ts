import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { parseInput } from "@/lib/validation";

export const ZListAudit = z.object({
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(64).optional(),
  before: z.coerce.number({ error: "invalid_number" }).int().min(1).optional(), // page backwards from this seq
  pageSize: z.coerce.number({ error: "invalid_number" }).int().min(1).max(500, { error: "too_large:500" }).default(100),
});

/** Newest first. The before/after data never holds protected identity in clear. */
export async function listAuditEvents({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "audit.read");
  const q = parseInput(ZListAudit, query ?? {});
  return read((db) =>
    db.auditEvent.findMany({
      where: { recordType: q.recordType, recordId: q.recordId, seq: q.before ? { lt: q.before } : undefined },
      orderBy: { seq: "desc" },
      take: q.pageSize,
    }),
  );
}
