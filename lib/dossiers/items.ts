import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { visibleExhibitWhere } from "@/lib/exhibits/shared";
import { dossierOut, loadDossierRow } from "./dossiers";
import { ZAddItem, ZUpdateItem, type DossierOut, type ItemKind } from "./schemas";
import { cfNumber, consentExclusion, consentFacts, exhibitExclusion, RECORD_TYPE } from "./shared";

// Items of a dossier and their exhibit numbers.
//
// NUMBERING RULE. An item's number (CF-0001 …) is given when its record is FIRST added to the
// dossier, from the dossier's counter (Dossier.nextExhibitNumber), and is never changed:
// moving items changes their order, not their numbers, and a removed item's number is never
// given to another record. If a record is removed and later added again, it gets ITS OLD NUMBER
// back (found in the dossier's audit events: every removal records the number it freed), so a
// court that was handed CF-0007 in one export finds the same evidence under CF-0007 in the next.
// Because the counter only grows, the old number cannot have been given to anything else.
//
// CONCURRENCY. Every change to the items first updates the dossier row (the counter, or its
// updatedAt). On PostgreSQL that row lock orders the transactions touching one dossier, and
// the increment is atomic, so two additions at once get different numbers and positions; on
// SQLite write() runs the transactions one at a time. The unique constraints on
// (dossier, exhibit number) and (dossier, kind, record) stay as the last line of defence.

/** Locks the dossier row for this transaction (PostgreSQL) and returns it; NOT_FOUND if absent. */
async function lockDossier(tx: Tx, dossierId: string) {
  await loadDossierRow(tx, dossierId);
  return tx.dossier.update({ where: { id: dossierId }, data: { updatedAt: new Date() } });
}

/** The number this record had in the dossier before it was removed, if any (see the rule above). */
async function previousNumber(tx: Tx, dossierId: string, kind: string, refId: string): Promise<string | null> {
  const removals = await tx.auditEvent.findMany({
    where: { recordType: RECORD_TYPE, recordId: dossierId, action: "dossier.item.remove" },
    orderBy: { seq: "desc" },
    select: { before: true },
  });
  for (const r of removals) {
    try {
      const b = JSON.parse(r.before ?? "null") as { kind?: string; refId?: string; exhibitNumber?: string } | null;
      if (b?.kind === kind && b.refId === refId && typeof b.exhibitNumber === "string") return b.exhibitNumber;
    } catch {
      // an unreadable payload names no number
    }
  }
  return null;
}

/** Checks the record exists and may go into a legal bundle; throws a 4xx naming the field otherwise. */
async function checkRecord(tx: Tx, actor: Actor, kind: ItemKind, refId: string): Promise<void> {
  const notFound = () => new AppError("INVALID_INPUT", "No such record of this kind.", { refId: ["not_found"] });
  if (kind === "STATEMENT") {
    const s = await tx.statement.findUnique({ where: { id: refId }, select: { witnessId: true } });
    if (!s) throw notFound();
    const reason = consentExclusion((await consentFacts(tx, [s.witnessId])).get(s.witnessId));
    if (reason) {
      // A legal team does not see such a statement at all (lib/statements): for them it does not exist.
      if (actor.role === "LEGAL") throw notFound();
      throw new AppError("INVALID_STATE", "The witness's consent does not cover sharing with legal teams.", { refId: ["dossier_no_consent"] }, { reason });
    }
  } else if (kind === "EXHIBIT") {
    const e = await tx.exhibit.findFirst({
      where: { id: refId, ...visibleExhibitWhere(actor) },
      select: { id: true, links: { select: { witnessId: true, statement: { select: { witnessId: true } } } } },
    });
    if (!e) throw notFound();
    const witnesses = [...new Set(e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x)))];
    const reason = exhibitExclusion(witnesses, await consentFacts(tx, witnesses));
    if (reason) throw new AppError("INVALID_STATE", "The witness's consent does not cover sharing with legal teams.", { refId: ["dossier_no_consent"] }, { reason });
  } else if (!(await tx.source.count({ where: { id: refId } }))) throw notFound();
}

export async function addDossierItem({ actor, dossierId, input }: { actor: Actor | null; dossierId: string; input: unknown }): Promise<DossierOut> {
  authorize(actor, "dossier.edit");
  const data = parseInput(ZAddItem, input);
  await write(async (tx) => {
    await lockDossier(tx, dossierId);
    await checkRecord(tx, actor, data.kind, data.refId);
    const existing = await tx.dossierItem.findUnique({ where: { dossierId_kind_refId: { dossierId, kind: data.kind, refId: data.refId } } });
    if (existing)
      throw new AppError("CONFLICT", `This record is already in the dossier as ${existing.exhibitNumber}.`, { refId: ["dossier_item_duplicate"] }, { exhibitNumber: existing.exhibitNumber });
    let exhibitNumber = await previousNumber(tx, dossierId, data.kind, data.refId);
    if (!exhibitNumber) {
      const d = await tx.dossier.update({ where: { id: dossierId }, data: { nextExhibitNumber: { increment: 1 } } });
      exhibitNumber = cfNumber(d.nextExhibitNumber - 1);
    }
    const last = await tx.dossierItem.findFirst({ where: { dossierId }, orderBy: { position: "desc" }, select: { position: true } });
    const item = await tx.dossierItem.create({
      data: { dossierId, kind: data.kind, refId: data.refId, note: data.note, position: (last?.position ?? 0) + 1, exhibitNumber, addedById: actor.id },
    });
    await writeAudit(tx, {
      actor,
      action: "dossier.item.add",
      recordType: RECORD_TYPE,
      recordId: dossierId,
      after: { itemId: item.id, kind: item.kind, refId: item.refId, exhibitNumber: item.exhibitNumber, position: item.position, note: item.note },
    });
  });
  return read((db) => dossierOut(db, actor, dossierId));
}

async function loadItem(tx: Tx, dossierId: string, itemId: string) {
  const item = await tx.dossierItem.findFirst({ where: { id: itemId, dossierId } });
  if (!item) throw new AppError("NOT_FOUND", "No such item in this dossier.");
  return item;
}

/** Writes positions 1..n in the given order (only the rows whose position changes). */
async function writeOrder(tx: Tx, ordered: { id: string; position: number }[]) {
  for (const [i, it] of ordered.entries()) if (it.position !== i + 1) await tx.dossierItem.update({ where: { id: it.id }, data: { position: i + 1 } });
}

export async function removeDossierItem({ actor, dossierId, itemId }: { actor: Actor | null; dossierId: string; itemId: string }): Promise<DossierOut> {
  authorize(actor, "dossier.edit");
  await write(async (tx) => {
    await lockDossier(tx, dossierId);
    const item = await loadItem(tx, dossierId, itemId);
    await tx.dossierItem.delete({ where: { id: item.id } });
    await writeOrder(tx, await tx.dossierItem.findMany({ where: { dossierId }, orderBy: { position: "asc" }, select: { id: true, position: true } }));
    await writeAudit(tx, {
      actor,
      action: "dossier.item.remove",
      recordType: RECORD_TYPE,
      recordId: dossierId,
      // exhibitNumber here is what gives a re-added record its old number (see the rule above).
      before: { itemId: item.id, kind: item.kind, refId: item.refId, exhibitNumber: item.exhibitNumber, position: item.position },
    });
  });
  return read((db) => dossierOut(db, actor, dossierId));
}

/** Moves an item one step up or down or to a position, and/or changes its note. Numbers never change. */
export async function updateDossierItem({ actor, dossierId, itemId, input }: { actor: Actor | null; dossierId: string; itemId: string; input: unknown }): Promise<DossierOut> {
  authorize(actor, "dossier.edit");
  const data = parseInput(ZUpdateItem, input);
  await write(async (tx) => {
    await lockDossier(tx, dossierId);
    const item = await loadItem(tx, dossierId, itemId);
    const all = await tx.dossierItem.findMany({ where: { dossierId }, orderBy: [{ position: "asc" }, { exhibitNumber: "asc" }], select: { id: true, position: true } });
    const from = all.findIndex((x) => x.id === item.id);
    let to = from;
    if (data.move === "up") to = Math.max(0, from - 1);
    else if (data.move === "down") to = Math.min(all.length - 1, from + 1);
    else if (data.position !== undefined) to = Math.min(all.length, data.position) - 1;
    const ordered = [...all];
    ordered.splice(to, 0, ...ordered.splice(from, 1));
    await writeOrder(tx, ordered);
    if (data.note !== undefined && data.note !== item.note) await tx.dossierItem.update({ where: { id: item.id }, data: { note: data.note } });
    if (to === from && (data.note === undefined || data.note === item.note)) return; // nothing changed, nothing to audit
    await writeAudit(tx, {
      actor,
      action: to !== from ? "dossier.item.move" : "dossier.item.note",
      recordType: RECORD_TYPE,
      recordId: dossierId,
      before: { itemId: item.id, exhibitNumber: item.exhibitNumber, position: from + 1, note: item.note },
      after: { itemId: item.id, exhibitNumber: item.exhibitNumber, position: to + 1, note: data.note ?? item.note },
    });
  });
  return read((db) => dossierOut(db, actor, dossierId));
}
