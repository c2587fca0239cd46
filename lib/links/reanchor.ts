import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { reanchor } from "./anchor";
import { sameIdentity, type LinkIdentity } from "./links";

export type ReanchorSummary = { moved: number; needsReview: number };

/**
 * Called by updateStatement inside its write transaction, after the new revision is saved:
 * every ANCHORED link of the statement is moved to the new revision when its quote is found
 * there without doubt (lib/links/anchor.ts), or else marked NEEDS_REVIEW and left pointing
 * at the revision and offsets it was made on. Each outcome is audited. A link already in
 * NEEDS_REVIEW is tried again from the revision it points at, so restoring the old text
 * (restoreRevision) anchors it again; if it is still not found it stays as it is, unaudited.
 * Two links that an edit brings onto the same words (a repeated name, one of them deleted) and
 * that say the same thing would be one citation counted twice: the older is moved, the newer
 * is marked NEEDS_REVIEW (reason "duplicate"), for a researcher to delete or point elsewhere.
 */
export async function reanchorLinks(
  tx: Tx,
  { actor, statementId, revisionNumber, text }: { actor: Actor | "system"; statementId: string; revisionNumber: number; text: string },
): Promise<ReanchorSummary> {
  const links = await tx.link.findMany({ where: { statementId, revisionNumber: { lt: revisionNumber } }, orderBy: { createdAt: "asc" } });
  const summary: ReanchorSummary = { moved: 0, needsReview: 0 };
  if (!links.length) return summary;
  const numbers = [...new Set(links.map((l) => l.revisionNumber))];
  const revisions = await tx.statementRevision.findMany({ where: { statementId, number: { in: numbers } }, select: { number: true, originalText: true } });
  const textOf = new Map(revisions.map((r) => [r.number, r.originalText]));
  // The links on the new revision so far (those moved here); oldest first, as links is.
  const moved: LinkIdentity[] = [];
  for (const link of links) {
    const oldText = textOf.get(link.revisionNumber) ?? "";
    const found = reanchor(oldText, text, { start: link.startOffset, end: link.endOffset }, link.quote);
    const r =
      found.status === "ANCHORED" && moved.some((m) => sameIdentity(m, { ...link, revisionNumber, startOffset: found.start, endOffset: found.end }))
        ? ({ status: "NEEDS_REVIEW", reason: "duplicate" } as const)
        : found;
    const before = { revision: link.revisionNumber, startOffset: link.startOffset, endOffset: link.endOffset, anchor: link.anchor };
    if (r.status === "ANCHORED") {
      moved.push({ ...link, revisionNumber, startOffset: r.start, endOffset: r.end });
      await tx.link.update({ where: { id: link.id }, data: { revisionNumber, startOffset: r.start, endOffset: r.end, anchor: "ANCHORED" } });
      await writeAudit(tx, {
        actor,
        action: "link.reanchor",
        recordType: "Link",
        recordId: link.id,
        before,
        after: { revision: revisionNumber, startOffset: r.start, endOffset: r.end, anchor: "ANCHORED", how: r.how },
      });
      summary.moved++;
    } else if (link.anchor === "ANCHORED") {
      // The offsets keep pointing at the words in the revision the link was made on.
      await tx.link.update({ where: { id: link.id }, data: { anchor: "NEEDS_REVIEW" } });
      await writeAudit(tx, {
        actor,
        action: "link.reanchor",
        recordType: "Link",
        recordId: link.id,
        before,
        after: { ...before, anchor: "NEEDS_REVIEW", reason: r.reason, newRevision: revisionNumber },
      });
      summary.needsReview++;
    }
  }
  return summary;
}
