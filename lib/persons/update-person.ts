import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { duplicateError, findPersonDuplicates, sameName } from "./find-duplicates";
import { ZUpdatePerson, type PersonOut, type UpdatePerson } from "./schemas";
import { loadPerson, personAuditView, positionRow, toPersonOut } from "./shared";

/**
 * Changes the fields given (PATCH); aliases and positions, when given, replace the lists.
 * A name newly added that matches another person needs `confirmDuplicate` as on create.
 * With `baseUpdatedAt`, a save based on an older copy of the record is refused.
 */
export async function updatePerson({ actor, personId, input }: { actor: Actor | null; personId: string; input: unknown }): Promise<PersonOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZUpdatePerson, input);
  const current = await read((db) => loadPerson(db, personId));
  if (!current) throw new AppError("NOT_FOUND", "No such person.");

  const oldNames = new Set([current.name, current.nameFa, ...current.aliases.map((a) => a.name)].map(sameName));
  const newNames = [data.name, data.nameFa, ...(data.aliases ?? []).map((a) => a.name)].filter((n): n is string => !!n && !oldNames.has(sameName(n)));
  const duplicates = newNames.length ? await findPersonDuplicates({ names: newNames, excludeId: personId }) : [];
  if (duplicates.length && !data.confirmDuplicate) throw duplicateError(duplicates);

  return write((tx) => writePersonUpdate(tx, { actor, personId, data, after: duplicates.length ? { confirmedDistinctFrom: duplicates.map((d) => d.id) } : {} }));
}

/**
 * The change itself, in the caller's transaction, audited as `person.update` with the person as
 * it was and as it is: an edit on the page and a spreadsheet import that changes a person (lib/import)
 * both write it, so the person's history reads them alike. `after` adds to the audited after
 * (the duplicates confirmed, the import job and row).
 */
export async function writePersonUpdate(
  tx: Tx,
  { actor, personId, data, after: extra = {} }: { actor: Actor; personId: string; data: Partial<UpdatePerson>; after?: Record<string, unknown> },
): Promise<PersonOut> {
  const before = await loadPerson(tx, personId);
  if (!before) throw new AppError("NOT_FOUND", "No such person.");
  if (data.baseUpdatedAt && data.baseUpdatedAt !== before.updatedAt.toISOString())
    throw new AppError("CONFLICT", "This person was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
  if (data.aliases) {
    await tx.personAlias.deleteMany({ where: { personId } });
    await tx.personAlias.createMany({ data: data.aliases.map((a) => ({ personId, name: a.name, note: a.note })) });
  }
  if (data.positions) {
    await tx.position.deleteMany({ where: { personId } });
    await tx.position.createMany({ data: data.positions.map((p) => ({ personId, ...positionRow(p) })) });
  }
  await tx.person.update({
    where: { id: personId },
    data: { name: data.name, nameFa: data.nameFa, summary: data.summary, summaryFa: data.summaryFa, statusNotes: data.statusNotes, statusNotesFa: data.statusNotesFa, source: data.source, updatedAt: new Date() },
  });
  const out = toPersonOut((await loadPerson(tx, personId))!);
  await writeAudit(tx, { actor, action: "person.update", recordType: "Person", recordId: personId, before: personAuditView(toPersonOut(before)), after: { ...personAuditView(out), ...extra } });
  return out;
}
