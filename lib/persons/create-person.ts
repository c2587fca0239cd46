import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { write } from "@/lib/db/write";
import { parseInput } from "@/lib/validation";
import { duplicateError, findPersonDuplicates } from "./find-duplicates";
import { ZCreatePerson, type PersonOut } from "./schemas";
import { NEW_PERSON_INCLUDE, personAuditView, positionRow, toPersonOut } from "./shared";

/**
 * Adds a person to the registry. A name (or Persian name, or alias) that matches someone
 * already there is refused with CONFLICT and the candidates, until the input says
 * `confirmDuplicate: true`; the override is recorded in the audit event.
 */
export async function createPerson({ actor, input }: { actor: Actor | null; input: unknown }): Promise<PersonOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZCreatePerson, input);
  const duplicates = await findPersonDuplicates({ names: [data.name, data.nameFa, ...data.aliases.map((a) => a.name)] });
  if (duplicates.length && !data.confirmDuplicate) throw duplicateError(duplicates);
  return write(async (tx) => {
    const created = await tx.person.create({
      data: {
        name: data.name,
        nameFa: data.nameFa,
        summary: data.summary,
        summaryFa: data.summaryFa,
        statusNotes: data.statusNotes,
        statusNotesFa: data.statusNotesFa,
        source: data.source,
        aliases: { create: data.aliases.map((a) => ({ name: a.name, note: a.note })) },
        positions: { create: data.positions.map(positionRow) },
      },
      include: NEW_PERSON_INCLUDE,
    });
    const person = toPersonOut(created);
    await writeAudit(tx, {
      actor,
      action: "person.create",
      recordType: "Person",
      recordId: person.id,
      after: { ...personAuditView(person), ...(duplicates.length ? { confirmedDistinctFrom: duplicates.map((d) => d.id) } : {}) },
    });
    return person;
  });
}
