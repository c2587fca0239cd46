import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as placeRoute } from "@/app/api/v1/places/[id]/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { read, write } from "@/lib/db/write";
import { getPlace, getPlaceEvents, PLACE_EVENTS_PER_PAGE, updatePlace } from "@/lib/places";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { schemaMismatches } from "@/tests/support/json-schema";

// A place with more events than a page holds: its page, GET /places/{id} and the place a save
// returns give its events a page at a time, by date (the first day a date allows), undated last,
// then title. Fictional records, written directly.

let db: TestDatabase;
let reviewer: Actor;
let place: string;

beforeAll(async () => {
  db = await freshDatabase();
  reviewer = await makeActor("REVIEWER");
  await write(async (tx) => {
    place = (await tx.place.create({ data: { name: "Fictional Prison (test)" } })).id;
    const other = (await tx.place.create({ data: { name: "Other Fictional Prison (test)" } })).id;
    // 43 dated events made out of date order, two undated, and one at another place only.
    for (let k = 0; k < 43; k++) {
      const n = (k * 11) % 43;
      const day = new Date(Date.UTC(1988, 0, 1) + n * 86_400_000 * 3).toISOString().slice(0, 10);
      await tx.event.create({ data: { title: `Fictional event ${n}`, dateStart: day, precision: "day", earliest: day, latest: day, places: { create: [{ placeId: place }] } } });
    }
    for (const n of [1, 2]) await tx.event.create({ data: { title: `Undated fictional event ${n}`, dateStart: "", precision: "approximate", places: { create: [{ placeId: place }] } } });
    await tx.event.create({ data: { title: "Elsewhere", dateStart: "1988-07-19", precision: "day", earliest: "1988-07-19", latest: "1988-07-19", places: { create: [{ placeId: other }] } } });
  });
});
afterAll(async () => db?.drop());

describe("a place's events, a page at a time", () => {
  test("the pages together are the place's events in date order, undated last, each page at most PLACE_EVENTS_PER_PAGE", async () => {
    // The expected order, worked out here from the stored events.
    const stored = await read((db) => db.eventPlace.findMany({ where: { placeId: place }, include: { event: { select: { id: true, title: true, titleFa: true, dateStart: true, earliest: true } } } }));
    const all = stored.map((x) => x.event).sort((a, b) => (a.earliest ?? "9999").localeCompare(b.earliest ?? "9999") || a.title.localeCompare(b.title));
    expect(all).toHaveLength(45);
    const first = await getPlaceEvents({ actor: reviewer, placeId: place });
    expect(first.pages).toEqual({ page: 1, pages: Math.ceil(45 / PLACE_EVENTS_PER_PAGE), perPage: PLACE_EVENTS_PER_PAGE, events: 45 });
    const pages = [first];
    for (let page = 2; page <= first.pages.pages; page++) pages.push(await getPlaceEvents({ actor: reviewer, placeId: place, page }));
    for (const p of pages) expect(p.events.length).toBeLessThanOrEqual(PLACE_EVENTS_PER_PAGE);
    expect(pages.flatMap((p) => p.events)).toEqual(all);
    // getPlace gives the first page, or the one asked for; without its events, the place is the same place.
    const { events, eventPages, ...bare } = await getPlace({ actor: reviewer, placeId: place });
    expect({ events, eventPages }).toEqual({ events: first.events, eventPages: first.pages });
    expect((await getPlace({ actor: reviewer, placeId: place, page: 3 })).events).toEqual(pages[2]!.events);
    expect(await getPlace({ actor: reviewer, placeId: place, events: false })).toEqual({ ...bare, events: [] });
  });

  test("GET /places/{id} answers one page of events as its OpenAPI document says, ?page= another, a bad page 400; a save returns the first page", async () => {
    const token = (await createToken({ actor: reviewer, input: { name: "place pages" } })).secret;
    const get = (query: string) => placeRoute(new Request(`http://casefile.test/api/v1/places/${place}${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: place }) });
    const doc = openApiDocument() as unknown as Parameters<typeof schemaMismatches>[0] & { paths: Record<string, { get: { responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }> };
    const schema = doc.paths["/places/{id}"]!.get.responses["200"].content["application/json"].schema;
    const one = await get("");
    expect(one.status).toBe(200);
    const body = (await one.json()) as { events: unknown[]; eventPages: unknown };
    expect(body.events).toHaveLength(PLACE_EVENTS_PER_PAGE);
    expect(body.eventPages).toEqual({ page: 1, pages: 3, perPage: PLACE_EVENTS_PER_PAGE, events: 45 });
    expect(schemaMismatches(doc, schema, body)).toEqual([]);
    const third = (await (await get("?page=3")).json()) as { events: { id: string }[] };
    expect(third.events.map((e) => e.id)).toEqual((await getPlaceEvents({ actor: reviewer, placeId: place, page: 3 })).events.map((e) => e.id));
    const bad = await get("?page=first");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("page");

    const editor = await makeActor("RESEARCHER");
    const saved = await updatePlace({ actor: editor, placeId: place, input: { note: "Fictional note (test)" } });
    expect(saved.note).toBe("Fictional note (test)");
    expect(saved.events).toEqual(body.events);
    expect(saved.eventPages).toEqual(body.eventPages);
  });

  test("a page past the last is the last; a page that is no number is refused; an unknown place is not found", async () => {
    const last = await getPlaceEvents({ actor: reviewer, placeId: place, page: 3 });
    expect(await getPlaceEvents({ actor: reviewer, placeId: place, page: "99" })).toEqual(last);
    await expect(getPlaceEvents({ actor: reviewer, placeId: place, page: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { page: ["invalid_number"] } });
    await expect(getPlaceEvents({ actor: reviewer, placeId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPlaceEvents({ actor: null, placeId: place })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
