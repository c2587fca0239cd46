import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { rawAll } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { searchEvents } from "@/lib/events/events";
import { searchPersons } from "@/lib/persons";
import { searchPlaces } from "@/lib/places/places";
import { searchProceedings } from "@/lib/proceedings/proceedings";
import { sortForReader } from "@/lib/names";
import { andTestimonySql } from "@/lib/witnesses/witnesses";
import { words } from "./normalize";

// The choices of the search page's filters: the records a statement can be linked to (person,
// event, place, proceeding) and the people who recorded statements.
//
// A registry of up to FILTER_LIST_CAP records is listed whole (ids and names only), so the page
// can offer a plain <select> that works without JavaScript. A larger registry is not listed at
// all: the page offers a text field instead (with scripts, suggestions from the registry's API;
// without, resolveFilterName below turns the typed name into a record), and only the chosen
// record's name is read. 200 is about where a <select> stops being usable by keyboard or eye
// (and, with names in two scripts, some 20-30 kB of HTML on every search); no page view reads
// more than FILTER_LIST_CAP + 1 rows of a registry.

export const FILTER_LIST_CAP = 200;

export type FilterOption = { id: string; name: string; nameFa: string; date?: string };
export type RegistryFilterKind = "persons" | "events" | "places" | "proceedings";

/** One registry's filter: its records when few enough to list (null: too many), and the chosen one by name. */
export type RegistryFilter = { choices: FilterOption[] | null; chosen: FilterOption | null };
/** `searchable`: whether the reader may search the registries (their API's suggestions). */
export type FilterOptions = Record<RegistryFilterKind, RegistryFilter> & { authors: FilterOption[]; searchable: boolean };
export type ChosenIds = Partial<Record<RegistryFilterKind, string | undefined>>;

/** Each registry's records as filter options (`select`), and the order they are listed in (`order`). */
const REGISTRY: Record<RegistryFilterKind, { select: Prisma.Sql; order: Prisma.Sql }> = {
  persons: { select: Prisma.sql`SELECT "id", "name", "nameFa", NULL AS "date" FROM "Person"`, order: Prisma.sql`ORDER BY "name", "id"` },
  events: { select: Prisma.sql`SELECT "id", "title" AS "name", "titleFa" AS "nameFa", "dateStart" AS "date" FROM "Event"`, order: Prisma.sql`ORDER BY "title", "id"` },
  places: { select: Prisma.sql`SELECT "id", "name", "nameFa", NULL AS "date" FROM "Place"`, order: Prisma.sql`ORDER BY "name", "id"` },
  proceedings: { select: Prisma.sql`SELECT "id", "title" AS "name", "titleFa" AS "nameFa", NULL AS "date" FROM "Proceeding"`, order: Prisma.sql`ORDER BY "title", "id"` },
};

const clean = ({ id, name, nameFa, date }: FilterOption): FilterOption => (date ? { id, name, nameFa, date } : { id, name, nameFa });

/** One record of a registry by id (ids and names only), or null. */
async function byId(kind: RegistryFilterKind, id: string): Promise<FilterOption | null> {
  const [row] = await rawAll<FilterOption>(Prisma.sql`${REGISTRY[kind].select} WHERE "id" = ${id}`);
  return row ? clean(row) : null;
}

/**
 * The filters' choices. A list is in the order of the name it shows its reader: on a Persian
 * page (`locale` "fa") the Persian name (an event's Persian title) in Persian alphabetical order,
 * records without one after them by their Latin name (lib/names' readerOrder); the list is whole
 * when it is shown at all, so it is ordered here rather than by the database.
 */
export async function searchFilterOptions({ actor, chosen = {}, cap = FILTER_LIST_CAP, locale = "en" }: { actor: Actor | null; chosen?: ChosenIds; cap?: number; locale?: string }): Promise<FilterOptions> {
  authorize(actor, "statement.read");
  // The registries' records only for a reader who may read the registries.
  const registry = can(actor, "registry.read");
  const filter = async (kind: RegistryFilterKind): Promise<RegistryFilter> => {
    if (!registry) return { choices: [], chosen: null };
    const rows = (await rawAll<FilterOption>(Prisma.sql`${REGISTRY[kind].select} ${REGISTRY[kind].order} LIMIT ${cap + 1}`)).map(clean);
    const id = chosen[kind];
    if (rows.length <= cap) return { choices: locale === "fa" ? sortForReader(rows, locale) : rows, chosen: (id && rows.find((r) => r.id === id)) || null };
    return { choices: null, chosen: id ? await byId(kind, id) : null };
  };
  const [persons, events, places, proceedings, authors] = await Promise.all([
    filter("persons"),
    filter("events"),
    filter("places"),
    filter("proceedings"),
    // Only people who recorded a statement the reader may see: the filter names nobody else
    // (a legal team is not told who wrote statements it may not read). They are the
    // organisation's own accounts (tens, not thousands), so this list stays whole.
    rawAll<FilterOption>(
      Prisma.sql`SELECT u."id", u."name", '' AS "nameFa" FROM "User" u
        WHERE EXISTS (SELECT 1 FROM "Statement" s WHERE s."authorId" = u."id" ${andTestimonySql(actor, Prisma.sql`s."witnessId"`)})
        ORDER BY u."name", u."id"`,
    ),
  ]);
  return { persons, events, places, proceedings, authors, searchable: registry };
}

/** A registry's records whose names match, best first, as filter options with their scores. */
async function byName(actor: Actor, kind: RegistryFilterKind, query: { q: string; limit: number }): Promise<(FilterOption & { score: number })[]> {
  if (kind === "persons") return searchPersons({ actor, query });
  if (kind === "places") return searchPlaces({ actor, query });
  if (kind === "events") return (await searchEvents({ actor, query })).map((e) => ({ id: e.id, name: e.title, nameFa: e.titleFa, date: e.dateStart, score: e.score }));
  return (await searchProceedings({ actor, query })).map((p) => ({ id: p.id, name: p.title, nameFa: p.titleFa, score: p.score }));
}

/** `more`: other records match too, beyond the MAX_CANDIDATES offered. */
export type NameResolution = { status: "one"; option: FilterOption } | { status: "several"; options: FilterOption[]; more: boolean } | { status: "none" };

/** How many records a typed name may offer to choose from before the reader is asked to type more. */
export const MAX_CANDIDATES = 10;

/** The same name as the search normalises it (case, accents, Arabic-keyboard letters, ZWNJ). */
const same = (a: string, b: string) => words(a).join(" ") === words(b).join(" ");

/**
 * A filter's typed name (the search form's text field, used when the registry is too large to
 * list or scripts do not run) as a record of the registry:
 *   - the text is the name of the record already chosen (`currentId`): that record;
 *   - one record matches, or exactly one matches exactly: that record;
 *   - several match: up to MAX_CANDIDATES of them, best first, to choose from (and whether
 *     there are more);
 *   - none: "none".
 * A reader without registry.read learns nothing of the registries: always "none".
 */
export async function resolveFilterName({ actor, kind, text, currentId }: { actor: Actor | null; kind: RegistryFilterKind; text: string; currentId?: string }): Promise<NameResolution> {
  authorize(actor, "statement.read");
  if (!can(actor, "registry.read") || !text.trim()) return { status: "none" };
  if (currentId) {
    const current = await byId(kind, currentId);
    if (current && (same(current.name, text) || (current.nameFa && same(current.nameFa, text)))) return { status: "one", option: current };
  }
  const query = { q: text.trim().slice(0, 200), limit: MAX_CANDIDATES + 1 };
  // Text no name can hold (a control character, say) matches nothing; it is not an error here.
  const hits = await byName(actor, kind, query).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "INVALID_INPUT") return null;
    throw e;
  });
  if (!hits?.length) return { status: "none" };
  const options = hits.map(clean);
  const exact = hits.filter((h) => h.score >= 1);
  if (options.length === 1) return { status: "one", option: options[0] };
  if (exact.length === 1) return { status: "one", option: clean(exact[0]) };
  return { status: "several", options: options.slice(0, MAX_CANDIDATES), more: options.length > MAX_CANDIDATES };
}
