import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { clampPage, type Paged } from "@/lib/paging";
import { parseInput, ZPage } from "@/lib/validation";

export const ZListAudit = z.object({
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(64).optional(),
  page: ZPage,
  // The page that holds the events just before this seq (an address of the old pager, which
  // paged backwards from a seq): given, it decides the page instead of `page`.
  before: z.coerce.number({ error: "invalid_number" }).int().min(1).optional(),
  pageSize: z.coerce.number({ error: "invalid_number" }).int().min(1).max(500, { error: "too_large:500" }).default(100),
});

/**
 * The audit log newest first, a page at a time (a page past the last gives the last). The
 * before/after data never holds protected identity in clear.
 */
export async function listAuditEvents({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "audit.read");
  const q = parseInput(ZListAudit, query ?? {});
  const where = { recordType: q.recordType, recordId: q.recordId };
  return read(async (db) => {
    if (q.recordType === undefined && q.recordId === undefined) {
      // The whole log: its seq runs 1, 2, 3… without a gap (write-audit.ts takes the last + 1 under
      // the appenders' lock, triggers forbid deleting, verify-chain reports a gap as tampering), so
      // the newest seq is the count and a page is a range of seq. Counting every row and skipping to
      // a page cost 50–90 ms on SQLite at 400,000 events; these are two index lookups.
      const newest = (await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
      const asked = q.before ? Math.floor(Math.max(0, newest - q.before + 1) / q.pageSize) + 1 : q.page;
      const { page, pages, skip } = clampPage(asked, newest, q.pageSize);
      const items = await db.auditEvent.findMany({ where: { seq: { lte: newest - skip } }, orderBy: { seq: "desc" }, take: q.pageSize });
      return { items, total: newest, page, pageSize: q.pageSize, pages } satisfies Paged<(typeof items)[number]>;
    }
    const total = await db.auditEvent.count({ where });
    // Events newer than or at `before` come first; the page holding the next older one is asked for.
    const asked = q.before ? Math.floor((await db.auditEvent.count({ where: { ...where, seq: { gte: q.before } } })) / q.pageSize) + 1 : q.page;
    const { page, pages, skip } = clampPage(asked, total, q.pageSize);
    const items = await db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip, take: q.pageSize });
    return { items, total, page, pageSize: q.pageSize, pages } satisfies Paged<(typeof items)[number]>;
  });
}
