import "server-only";
import type { Paged } from "@/lib/paging";
import { pageOfSearch } from "@/lib/registries/list-page";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseAliasColumn, rankByName, type Ranked } from "@/lib/registries/rank";
import { ZRegistrySearchQuery } from "@/lib/registries/schemas";
import { parseInput } from "@/lib/validation";
import { getPlaceEvents } from "./place-events";
import { ZCreatePlace, ZUpdatePlace, type PlaceOut } from "./schemas";

type Row = { id: string; name: string; nameFa: string; aliases: string; city: string; note: string; createdAt: Date; updatedAt: Date };

/** The place without its events (a prison can be the place of thousands: they are read a page at a time, place-events.ts). */
function toOut(p: Row): PlaceOut {
  return { id: p.id, name: p.name, nameFa: p.nameFa, aliases: parseAliasColumn(p.aliases), city: p.city, note: p.note, events: [], createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

/** The place with one page of its events, after the write that returned it has committed. */
async function withEvents(actor: Actor | null, place: PlaceOut, page?: unknown): Promise<PlaceOut> {
  const { events, pages } = await getPlaceEvents({ actor, placeId: place.id, page });
  return { ...place, events, eventPages: pages };
}

const auditView = ({ name, nameFa, aliases, city, note }: PlaceOut) => ({ name, nameFa, aliases, city, note });

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.place.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) throw new AppError("CONFLICT", "A place with this name already exists.", { name: ["name_taken"] });
}

export async function createPlace({ actor, input }: { actor: Actor | null; input: unknown }): Promise<PlaceOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZCreatePlace, input);
  return write(async (tx) => {
    await assertNameFree(tx, data.name);
    const place = toOut(await tx.place.create({ data: { ...data, aliases: JSON.stringify(data.aliases) } }));
    await writeAudit(tx, { actor, action: "place.create", recordType: "Place", recordId: place.id, after: auditView(place) });
    return place;
  }).then((place) => withEvents(actor, place));
}

/** PATCH: a field left out keeps its value; aliases, when given, replace the list. */
export async function updatePlace({ actor, placeId, input }: { actor: Actor | null; placeId: string; input: unknown }): Promise<PlaceOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZUpdatePlace, input);
  return write(async (tx) => {
    const row = await tx.place.findUnique({ where: { id: placeId } });
    if (!row) throw new AppError("NOT_FOUND", "No such place.");
    if (data.baseUpdatedAt && data.baseUpdatedAt !== row.updatedAt.toISOString())
      throw new AppError("CONFLICT", "This place was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
    if (data.name !== undefined) await assertNameFree(tx, data.name, placeId);
    const after = toOut(
      await tx.place.update({
        where: { id: placeId },
        data: { name: data.name, nameFa: data.nameFa, aliases: data.aliases ? JSON.stringify(data.aliases) : undefined, city: data.city, note: data.note, updatedAt: new Date() },
      }),
    );
    await writeAudit(tx, { actor, action: "place.update", recordType: "Place", recordId: placeId, before: auditView(toOut(row)), after: auditView(after) });
    return after;
  }).then((place) => withEvents(actor, place));
}

/**
 * One place with a page of the events that took place there (`page`, the first by default);
 * `events: false` leaves them out (the place's page and its edit form read them, or not, themselves).
 */
export async function getPlace({ actor, placeId, events = true, page }: { actor: Actor | null; placeId: string; events?: boolean; page?: unknown }): Promise<PlaceOut> {
  authorize(actor, "registry.read");
  const row = await read((db) => db.place.findUnique({ where: { id: placeId } }));
  if (!row) throw new AppError("NOT_FOUND", "No such place.");
  return events ? withEvents(actor, toOut(row), page) : toOut(row);
}

export type PlaceHit = Ranked<Omit<PlaceOut, "events">>;

/**
 * Places by any of their names, Latin or Persian, and former names (Rajaei Shahr finds Gohardasht);
 * without `q`, all by name as a page in `locale` lists them (rankByName; by default the Latin name's order).
 */
export async function searchPlaces({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<PlaceHit[]> {
  authorize(actor, "registry.read");
  const q = parseInput(ZRegistrySearchQuery, query ?? {});
  const rows = await read((db) => db.place.findMany());
  return rankByName(
    rows.map((r) => {
      const { events: _events, eventPages: _pages, ...rest } = toOut(r);
      return rest;
    }),
    q.q,
    { limit: q.limit, locale },
  );
}

/** The list page and GET /places: the same as the search. */
export const listPlaces = searchPlaces;

/** The list page: the search's results, in `locale`'s order (searchPlaces), a page at a time (pageOfSearch). */
export async function listPlacePage({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<Paged<PlaceHit>> {
  authorize(actor, "registry.read");
  return pageOfSearch(query, (q) => searchPlaces({ actor, query: q, locale }));
}
