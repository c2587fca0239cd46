import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { getPlace, getPlaceEvents, PLACE_EVENTS_PER_PAGE } from "@/lib/places";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A place's page on a place with more events than a page holds: its events a page at a time,
// in the order getPlace gives them all. Fictional records, written directly.

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
  test("the pages together are the place's events in getPlace's order, each page at most PLACE_EVENTS_PER_PAGE", async () => {
    const all = (await getPlace({ actor: reviewer, placeId: place })).events;
    expect(all).toHaveLength(45);
    const first = await getPlaceEvents({ actor: reviewer, placeId: place });
    expect(first.pages).toEqual({ page: 1, pages: Math.ceil(45 / PLACE_EVENTS_PER_PAGE), perPage: PLACE_EVENTS_PER_PAGE, events: 45 });
    const pages = [first];
    for (let page = 2; page <= first.pages.pages; page++) pages.push(await getPlaceEvents({ actor: reviewer, placeId: place, page }));
    for (const p of pages) expect(p.events.length).toBeLessThanOrEqual(PLACE_EVENTS_PER_PAGE);
    expect(pages.flatMap((p) => p.events)).toEqual(all);
    // Without its events, the place is the same place.
    const { events: _e, ...bare } = await getPlace({ actor: reviewer, placeId: place });
    expect(await getPlace({ actor: reviewer, placeId: place, events: false })).toEqual({ ...bare, events: [] });
  });

  test("a page past the last is the last; a page that is no number is refused; an unknown place is not found", async () => {
    const last = await getPlaceEvents({ actor: reviewer, placeId: place, page: 3 });
    expect(await getPlaceEvents({ actor: reviewer, placeId: place, page: "99" })).toEqual(last);
    await expect(getPlaceEvents({ actor: reviewer, placeId: place, page: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { page: ["invalid_number"] } });
    await expect(getPlaceEvents({ actor: reviewer, placeId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPlaceEvents({ actor: null, placeId: place })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
