import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { ensureConnectionSettings, rawAll } from "@/lib/db/client";
import { dateText, rawDate } from "@/lib/db/raw-values";
import { AppError } from "@/lib/errors";
import type { PersonOut } from "./schemas";
import { toPersonOut } from "./shared";

type PersonRow = { id: string; key: string | null; name: string; nameFa: string; summary: string; summaryFa: string; statusNotes: string; statusNotesFa: string; source: string; createdAt: unknown; updatedAt: unknown };
type AliasRow = { id: string; personId: string; name: string; note: string };
type PositionRow = {
  id: string;
  personId: string;
  title: string;
  titleFa: string;
  institution: string;
  place: string;
  fromDate: string | null;
  toDate: string | null;
  fromEarliest: string | null;
  toLatest: string | null;
  precision: string | null;
};
type DefendantRow = { proceedingId: string; personId: string; id: string; title: string; titleFa: string; kind: string; status: string; statusFa: string };

/**
 * One person with aliases, positions in date order and the proceedings they are a defendant in.
 * Read with plain queries on the reader connection or pool (rawAll) instead of Prisma's include:
 * the person page reads it on every view, and Prisma's compiling and mapping of the four queries
 * cost more than running them. Same rows as PERSON_INCLUDE loads (aliases in id order).
 */
export async function getPerson({ actor, personId }: { actor: Actor | null; personId: string }): Promise<PersonOut> {
  authorize(actor, "registry.read");
  await ensureConnectionSettings();
  const [[p], aliases, positions, defendantIn] = await Promise.all([
    rawAll<PersonRow>(Prisma.sql`
      SELECT "id", "key", "name", "nameFa", "summary", "summaryFa", "statusNotes", "statusNotesFa", "source",
        ${dateText(Prisma.sql`"createdAt"`)} AS "createdAt", ${dateText(Prisma.sql`"updatedAt"`)} AS "updatedAt"
      FROM "Person" WHERE "id" = ${personId}`),
    rawAll<AliasRow>(Prisma.sql`SELECT "id", "personId", "name", "note" FROM "PersonAlias" WHERE "personId" = ${personId} ORDER BY "id" ASC`),
    rawAll<PositionRow>(Prisma.sql`
      SELECT "id", "personId", "title", "titleFa", "institution", "place", "fromDate", "toDate", "fromEarliest", "toLatest", "precision"
      FROM "Position" WHERE "personId" = ${personId}`),
    rawAll<DefendantRow>(Prisma.sql`
      SELECT d."proceedingId", d."personId", p."id", p."title", p."titleFa", p."kind", p."status", p."statusFa"
      FROM "ProceedingDefendant" d JOIN "Proceeding" p ON p."id" = d."proceedingId" WHERE d."personId" = ${personId}`),
  ]);
  if (!p) throw new AppError("NOT_FOUND", "No such person.");
  return toPersonOut({
    ...p,
    createdAt: rawDate(p.createdAt),
    updatedAt: rawDate(p.updatedAt),
    aliases,
    positions,
    defendantIn: defendantIn.map((d) => ({ proceedingId: d.proceedingId, personId: d.personId, proceeding: { id: d.id, title: d.title, titleFa: d.titleFa, kind: d.kind, status: d.status, statusFa: d.statusFa } })),
  });
}
