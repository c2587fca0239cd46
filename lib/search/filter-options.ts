import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { rawAll } from "@/lib/db/client";

// The choices of the search page's filters: the records a statement can be linked to (person,
// event, place, proceeding) and the people who recorded statements. Only ids and names, one
// plain query each: the full registry rows (positions, aliases, places of events) are not needed
// to fill a list, and the page shows these on every search.

export type FilterOption = { id: string; name: string; nameFa: string };
export type FilterOptions = { persons: FilterOption[]; events: (FilterOption & { date: string })[]; places: FilterOption[]; proceedings: FilterOption[]; authors: FilterOption[] };

export async function searchFilterOptions({ actor }: { actor: Actor | null }): Promise<FilterOptions> {
  authorize(actor, "statement.read");
  const registry = can(actor, "registry.read");
  // The registries' lists only for a reader who may read the registries.
  const registryList = <T>(sql: Prisma.Sql): Promise<T[]> => (registry ? rawAll<T>(sql) : Promise.resolve([]));
  const [persons, events, places, proceedings, authors] = await Promise.all([
    registryList<FilterOption>(Prisma.sql`SELECT "id", "name", "nameFa" FROM "Person" ORDER BY "name", "id"`),
    registryList<FilterOption & { date: string }>(Prisma.sql`SELECT "id", "title" AS "name", "titleFa" AS "nameFa", "dateStart" AS "date" FROM "Event" ORDER BY "title", "id"`),
    registryList<FilterOption>(Prisma.sql`SELECT "id", "name", "nameFa" FROM "Place" ORDER BY "name", "id"`),
    registryList<FilterOption>(Prisma.sql`SELECT "id", "title" AS "name", '' AS "nameFa" FROM "Proceeding" ORDER BY "title", "id"`),
    // Only people who recorded a statement: the filter names nobody else.
    rawAll<FilterOption>(Prisma.sql`SELECT u."id", u."name", '' AS "nameFa" FROM "User" u WHERE EXISTS (SELECT 1 FROM "Statement" s WHERE s."authorId" = u."id") ORDER BY u."name", u."id"`),
  ]);
  return { persons, events, places, proceedings, authors };
}
