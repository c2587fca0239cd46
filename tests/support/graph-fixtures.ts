import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";

/**
 * A new fictional witness with one short English statement, for the graph's tests: whether the
 * witness consents to legal sharing (what a legal team may see) and whether the statement is
 * verified (set directly: the review flow is not what these tests are about). Returns the statement's id.
 */
export async function fictionalStatement(researcher: Actor, o: { consent: boolean; verified: boolean }): Promise<string> {
  const w = await createWitness({ actor: researcher, input: o.consent ? { consents: [{ scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" }] } : {} });
  const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language: "en", originalText: "This text is fictional. The official was there." } });
  if (o.verified) await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status: "VERIFIED" } }));
  return s.id;
}

/**
 * A link row to write with `tx.link.createMany`: the first four characters of the statement's
 * text ("This", as fictionalStatement writes it), made by `createdById`, role PRESENT unless
 * `fields` says otherwise.
 */
export function linkRow(createdById: string, fields: { statementId: string; personId: string; allegationType: string; eventId?: string | null; proceedingId?: string; placeId?: string; anchor?: string }) {
  return { revisionNumber: 1, startOffset: 0, endOffset: 4, quote: "This", role: "PRESENT", createdById, ...fields };
}
