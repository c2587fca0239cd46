import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ZCustodyEntry } from "./schemas";
import { custodyAuditView, custodyOut, visibleExhibitWhere } from "./shared";

/**
 * Appends one entry to an exhibit's chain of custody: collected, received, copied or
 * transferred, by whom, where and when. Entries are never changed or removed (the database
 * refuses it); a mistake is corrected by a further entry saying so.
 */
export async function addCustodyEntry({ actor, exhibitId, input }: { actor: Actor | null; exhibitId: string; input: unknown }) {
  authorize(actor, "exhibit.custody");
  const data = parseInput(ZCustodyEntry, input ?? {});
  return write(async (tx) => {
    const exhibit = await tx.exhibit.findFirst({ where: { id: exhibitId, ...visibleExhibitWhere(actor) }, select: { id: true, number: true } });
    if (!exhibit) throw new AppError("NOT_FOUND", "No such exhibit.");
    const entry = await tx.custodyEntry.create({
      data: { exhibitId, kind: data.kind, actorId: actor.id, who: data.who, place: data.place, at: data.at, note: data.note },
    });
    await writeAudit(tx, {
      actor,
      action: "exhibit.custody",
      recordType: "Exhibit",
      recordId: exhibitId,
      after: { number: exhibit.number, custody: custodyAuditView(entry) },
    });
    return custodyOut(entry);
  });
}
