import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { rankTitlesThenRead } from "@/lib/registries/rank";
import { pageOfTitles } from "@/lib/registries/list-page";
import { rangeReversed, ZRegistrySearchQuery } from "@/lib/registries/schemas";
import { parseInput } from "@/lib/validation";
import type { Paged } from "@/lib/paging";
import { ZCreateEvent, ZUpdateEvent, type EventOut } from "./schemas";

const INCLUDE = { places: { include: { place: { select: { id: true, name: true, nameFa: true } } } } } as const;
type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(db: Tx, id: string) {
  return db.event.findUnique({ where: { id }, include: INCLUDE });
}

function toOut(e: Loaded): EventOut {
  return {
    id: e.id,
    title: e.title,
    titleFa: e.titleFa,
    dateStart: e.dateStart,
    dateEnd: e.dateEnd,
    precision: e.precision,
    earliest: e.earliest,
    latest: e.latest,
    description: e.description,
    source: e.source,
    places: e.places.map((p) => p.place).sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const auditView = ({ title, titleFa, dateStart, dateEnd, precision, earliest, latest, description, source, places }: EventOut) => ({
  title,
  titleFa,
  dateStart,
  dateEnd,
  precision,
  earliest,
  latest,
  description,
  source,
  placeIds: places.map((p) => p.id),
});

/** The date columns: as typed, and the span from the start's earliest to the end's latest day. */
function dateColumns(start: ParsedDate, end: ParsedDate | null) {
  return {
    dateStart: start.input,
    dateEnd: end?.input ?? null,
    precision: end ? "range" : start.precision,
    earliest: start.earliest,
    latest: (end ?? start).latest,
  };
}

/** A stored date read back as it was parsed when saved (parsing is deterministic). */
function reparse(input: string | null): ParsedDate | null {
  if (!input) return null;
  const r = parseFuzzyDate(input);
  return isDateParseError(r) ? null : r;
}

async function assertPlacesExist(tx: Tx, placeIds: string[]) {
  if (!placeIds.length) return;
  const found = await tx.place.count({ where: { id: { in: placeIds } } });
  if (found !== placeIds.length) throw new AppError("INVALID_INPUT", "A place does not exist.", { placeIds: ["not_found"] });
}

export async function createEvent({ actor, input }: { actor: Actor | null; input: unknown }): Promise<EventOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZCreateEvent, input);
  return write(async (tx) => {
    await assertPlacesExist(tx, data.placeIds);
    const created = await tx.event.create({
      data: {
        title: data.title,
        titleFa: data.titleFa,
        ...dateColumns(data.dateStart, data.dateEnd ?? null),
        description: data.description,
        source: data.source,
        places: { create: data.placeIds.map((placeId) => ({ placeId })) },
      },
      include: INCLUDE,
    });
    const event = toOut(created);
    await writeAudit(tx, { actor, action: "event.create", recordType: "Event", recordId: event.id, after: auditView(event) });
    return event;
  });
}

/** PATCH: a field left out keeps its value; placeIds, when given, replace the list. */
export async function updateEvent({ actor, eventId, input }: { actor: Actor | null; eventId: string; input: unknown }): Promise<EventOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZUpdateEvent, input);
  return write(async (tx) => {
    const row = await load(tx, eventId);
    if (!row) throw new AppError("NOT_FOUND", "No such event.");
    if (data.baseUpdatedAt && data.baseUpdatedAt !== row.updatedAt.toISOString())
      throw new AppError("CONFLICT", "This event was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
    const start = data.dateStart ?? reparse(row.dateStart);
    const end = data.dateEnd === undefined ? reparse(row.dateEnd) : data.dateEnd;
    if (rangeReversed(start, end)) throw new AppError("INVALID_INPUT", "The range ends before it starts.", { [data.dateEnd !== undefined ? "dateEnd" : "dateStart"]: ["date_range_reversed"] });
    if (data.placeIds) {
      await assertPlacesExist(tx, data.placeIds);
      await tx.eventPlace.deleteMany({ where: { eventId } });
      await tx.eventPlace.createMany({ data: data.placeIds.map((placeId) => ({ eventId, placeId })) });
    }
    const dates = data.dateStart !== undefined || data.dateEnd !== undefined ? (start ? dateColumns(start, end) : {}) : {};
    await tx.event.update({
      where: { id: eventId },
      data: { title: data.title, titleFa: data.titleFa, description: data.description, source: data.source, ...dates, updatedAt: new Date() },
    });
    const after = toOut((await load(tx, eventId))!);
    await writeAudit(tx, { actor, action: "event.update", recordType: "Event", recordId: eventId, before: auditView(toOut(row)), after: auditView(after) });
    return after;
  });
}

export async function getEvent({ actor, eventId }: { actor: Actor | null; eventId: string }): Promise<EventOut> {
  authorize(actor, "registry.read");
  const row = await read((db) => load(db, eventId));
  if (!row) throw new AppError("NOT_FOUND", "No such event.");
  return toOut(row);
}

/** Every event in date order (by the earliest day each can have begun; undated last). */
export async function listEvents({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<EventOut[]> {
  authorize(actor, "registry.read");
  // The whole list (GET without q or limit): what else the address holds is refused, not ignored.
  if (query !== undefined) parseInput(ZRegistrySearchQuery, query);
  const rows = await read((db) => db.event.findMany({ include: INCLUDE }));
  const key = (s: string | null) => s ?? "9999-99-99";
  return rows.map(toOut).sort((a, b) => key(a.earliest).localeCompare(key(b.earliest)) || key(a.latest).localeCompare(key(b.latest)) || a.title.localeCompare(b.title));
}

export type EventHit = EventOut & { score: number; matched: string | null };

/**
 * The events list a page at a time, `pageSize` (LIST_PER_PAGE) a page: in date order as
 * listEvents, or with `q` the events whose title matches as searchEvents finds them (any
 * spelling, either script), best first. Only the page's events are read in full; a page past
 * the last gives the last.
 */
export async function listEventPage({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<Paged<EventHit>> {
  authorize(actor, "registry.read");
  return pageOfTitles(query, {
    titles: async () => (await read((db) => db.event.findMany({ select: { id: true, title: true, titleFa: true } }))).map((e) => ({ id: e.id, name: e.title, nameFa: e.titleFa, aliases: [] })),
    count: () => read((db) => db.event.count()),
    // listEvents' order: the earliest day each can have begun, then the latest, undated last.
    inOrder: async (skip, take) =>
      (
        await read((db) =>
          db.event.findMany({ include: INCLUDE, orderBy: [{ earliest: { sort: "asc", nulls: "last" } }, { latest: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }], skip, take }),
        )
      ).map(toOut),
    byIds: async (ids) => (await read((db) => db.event.findMany({ where: { id: { in: ids } }, include: INCLUDE }))).map(toOut),
  });
}

/**
 * Events by title, English or Persian, in any spelling lib/names matches (the search filter's
 * suggestions and GET /events?q=), best first. Titles are ranked from a light read of every
 * event; only the hits are then read in full. Without `q`: every event in date order, score 1.
 */
export async function searchEvents({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<EventHit[]> {
  authorize(actor, "registry.read");
  const q = parseInput(ZRegistrySearchQuery, query ?? {});
  if (!q.q) return (await listEvents({ actor })).slice(0, q.limit).map((e) => ({ ...e, score: 1, matched: null }));
  const titles = await read((db) => db.event.findMany({ select: { id: true, title: true, titleFa: true } }));
  return rankTitlesThenRead(
    titles.map((e) => ({ id: e.id, name: e.title, nameFa: e.titleFa, aliases: [] })),
    q.q,
    q.limit,
    async (ids) => (await read((db) => db.event.findMany({ where: { id: { in: ids } }, include: INCLUDE }))).map(toOut),
  );
}
