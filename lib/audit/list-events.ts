import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import { consentExclusion, consentFacts, exhibitExclusion, researchWithdrawnIn } from "@/lib/dossiers/shared";
import { readsUnderResearchConsent } from "@/lib/witnesses/witnesses";
import { clampPage, type Paged } from "@/lib/paging";
import { parseInput, ZPage, zQueryInteger } from "@/lib/validation";

export const ZListAudit = z.object({
  recordType: z.string().max(50).optional(),
  recordId: z.string().max(64).optional(),
  page: ZPage,
  // The page that holds the events just before this seq (an address of the old pager, which
  // paged backwards from a seq): given, it decides the page instead of `page`.
  before: zQueryInteger((n) => n.min(1)),
  pageSize: zQueryInteger((n) => n.min(1).max(500, { error: "too_large:500" }), 100),
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
      const items = await withheld(db, actor, await db.auditEvent.findMany({ where: { seq: { lte: newest - skip } }, orderBy: { seq: "desc" }, take: q.pageSize }));
      return { items, total: newest, page, pageSize: q.pageSize, pages } satisfies Paged<(typeof items)[number]>;
    }
    // A record a legal team may not see has, for it, no events either.
    if (q.recordType !== undefined && q.recordId !== undefined && (await hiddenFrom(db, actor, [{ recordType: q.recordType, recordId: q.recordId }])).size > 0)
      return { items: [], total: 0, page: 1, pageSize: q.pageSize, pages: 1 } satisfies Paged<Item>;
    const total = await db.auditEvent.count({ where });
    // Events newer than or at `before` come first; the page holding the next older one is asked for.
    const asked = q.before ? Math.floor((await db.auditEvent.count({ where: { ...where, seq: { gte: q.before } } })) / q.pageSize) + 1 : q.page;
    const { page, pages, skip } = clampPage(asked, total, q.pageSize);
    const items = await withheld(db, actor, await db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip, take: q.pageSize }));
    return { items, total, page, pageSize: q.pageSize, pages } satisfies Paged<(typeof items)[number]>;
  });
}

type Event = Awaited<ReturnType<Tx["auditEvent"]["findMany"]>>[number];
type Item = Event & { withheld: boolean };

/**
 * A legal team sees no statement, witness or exhibit whose witness has not consented to sharing
 * with legal teams (lib/dossiers/shared.ts): not even as an id in the log, which would say that it
 * exists and what was done to it. Its events stay in the list, as the chain has them, with the
 * record's id and the values before and after left out (withheld), and so do the events of a link
 * or dossier item that name it. Other readers see every id.
 */
async function withheld(db: Tx, actor: Actor, events: Event[]): Promise<Item[]> {
  // An admin reads every id (hiddenFrom): no event's values are parsed for them.
  if (actor.role !== "LEGAL" && !readsUnderResearchConsent(actor)) return events.map((e) => ({ ...e, withheld: false }));
  const named = events.map(namedIn);
  const hidden = await hiddenFrom(db, actor, [...events, ...named.filter((n) => n !== null)]);
  return events.map((e, i) =>
    hidden.has(`${e.recordType}:${e.recordId}`) || (named[i] && hidden.has(`${named[i].recordType}:${named[i].recordId}`))
      ? { ...e, recordId: "", before: null, after: null, withheld: true }
      : { ...e, withheld: false },
  );
}

/**
 * The statement or file an event's values name when its record is another: a link's statement
 * (a link says which official a passage names), a dossier item's statement or file. Such an event
 * is withheld with the record it names, as the link itself is absent for a reader who may not see
 * its statement. The values are the event's own (the link may be gone since).
 */
function namedIn(e: Event): { recordType: string; recordId: string } | null {
  if (e.recordType !== "Link" && e.recordType !== "Dossier") return null;
  const values = [e.after, e.before].map((v) => {
    try {
      return v ? (JSON.parse(v) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  });
  for (const v of values) {
    if (!v) continue;
    if (e.recordType === "Link" && typeof v.statementId === "string") return { recordType: "Statement", recordId: v.statementId };
    if (e.recordType === "Dossier" && typeof v.refId === "string" && (v.kind === "STATEMENT" || v.kind === "EXHIBIT"))
      return { recordType: v.kind === "STATEMENT" ? "Statement" : "Exhibit", recordId: v.refId };
  }
  return null;
}

/**
 * Of these records, those hidden from the reader ("Type:id"): for a legal team, as above, and a
 * record no longer there; for a reviewer, the statements of a witness who withdrew consent to
 * internal research and the files tied only to such witnesses (their events name the statement's
 * title), the witness record itself staying named as it stays listed (lib/witnesses).
 */
async function hiddenFrom(db: Tx, actor: Actor, records: { recordType: string; recordId: string }[]): Promise<Set<string>> {
  const hidden = new Set<string>();
  const legal = actor.role === "LEGAL";
  if (!legal && !readsUnderResearchConsent(actor)) return hidden;
  const ids = (type: string) => [...new Set(records.filter((r) => r.recordType === type).map((r) => r.recordId))];
  const [witnessIds, statementIds, exhibitIds] = [ids("Witness"), ids("Statement"), ids("Exhibit")];
  if (!witnessIds.length && !statementIds.length && !exhibitIds.length) return hidden;
  const statements = statementIds.length ? await db.statement.findMany({ where: { id: { in: statementIds } }, select: { id: true, witnessId: true } }) : [];
  const exhibits = exhibitIds.length
    ? await db.exhibit.findMany({ where: { id: { in: exhibitIds } }, select: { id: true, links: { select: { witnessId: true, statement: { select: { witnessId: true } } } } } })
    : [];
  const tied = new Map(exhibits.map((x) => [x.id, [...new Set(x.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((w): w is string => !!w)))]]));
  const facts = await consentFacts(db, [...witnessIds, ...statements.map((x) => x.witnessId), ...[...tied.values()].flat()]);
  const witnessOf = new Map(statements.map((x) => [x.id, x.witnessId]));
  if (!legal) {
    const withheld = researchWithdrawnIn(actor, facts);
    for (const id of statementIds) if (witnessOf.has(id) && withheld.has(witnessOf.get(id)!)) hidden.add(`Statement:${id}`);
    for (const id of exhibitIds) if (tied.get(id)?.length && tied.get(id)!.every((w) => withheld.has(w))) hidden.add(`Exhibit:${id}`);
    return hidden;
  }
  for (const id of witnessIds) if (consentExclusion(facts.get(id)) !== null) hidden.add(`Witness:${id}`);
  for (const id of statementIds) if (!witnessOf.has(id) || consentExclusion(facts.get(witnessOf.get(id)!)) !== null) hidden.add(`Statement:${id}`);
  for (const id of exhibitIds) if (!tied.has(id) || exhibitExclusion(tied.get(id)!, facts) !== null) hidden.add(`Exhibit:${id}`);
  return hidden;
}
