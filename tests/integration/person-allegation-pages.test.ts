import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as dbClient from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getPersonAllegations, getPersonAllegationSummary, PERSON_EVENTS_PER_PAGE } from "@/lib/corroboration";
import { ZPersonAllegationsOut } from "@/lib/corroboration/schemas";
import { listLinksForPerson } from "@/lib/links";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { fictionalStatement, linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The person page's allegations on a person named in more events than a page holds: the
// summary gives one page of events at a time, in the order of the whole list, with the totals
// of all of them, and never an event the reader may not see. Fictional records throughout,
// written directly: this file tests the reading.
//
// One person, linked by two witnesses: W0 (consents to legal sharing, verified) names them in
// events E00..E44 (E00..E41 dated 1960..2001 in a shuffled order of creation, E42..E44 undated),
// W1 (no consent, unverified) in E00..E09 with a second allegation type, in the hidden events
// H0..H4 (dated among the others) and in two links naming no event.

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
let person: string;
const E: string[] = [];
const H: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  const statementOf = (consent: boolean, verified: boolean) => fictionalStatement(researcher, { consent, verified });
  const s0 = await statementOf(true, true);
  const s1 = await statementOf(false, false);
  await write(async (tx) => {
    person = (await tx.person.create({ data: { name: "Fictional Committee Member", nameFa: "عضو ساختگی هیئت" } })).id;
    // Created out of date order, so that an order by creation would not pass for an order by date.
    const order = Array.from({ length: 42 }, (_, n) => (n * 17) % 42);
    const byN = new Map<number, string>();
    for (const n of order) {
      const year = 1960 + n;
      byN.set(n, (await tx.event.create({ data: { title: `Fictional event ${n}`, dateStart: `${year}`, precision: "year", earliest: `${year}-01-01`, latest: `${year}-12-31` } })).id);
    }
    for (let n = 0; n < 42; n++) E.push(byN.get(n)!);
    for (let n = 42; n < 45; n++) E.push((await tx.event.create({ data: { title: `Undated fictional event ${n}`, dateStart: "", precision: "approximate" } })).id);
    for (let n = 0; n < 5; n++) {
      const year = 1960 + n * 8;
      H.push((await tx.event.create({ data: { title: `Hidden fictional event ${n}`, dateStart: `${year}-06`, precision: "month", earliest: `${year}-06-01`, latest: `${year}-06-30` } })).id);
    }
    const link = (statementId: string, eventId: string | null, allegationType: string) => linkRow(researcher.id, { statementId, personId: person, eventId, allegationType });
    await tx.link.createMany({
      data: [
        ...E.map((e) => link(s0, e, "KILLING")),
        ...E.slice(0, 10).map((e) => link(s1, e, "TORTURE")),
        ...H.map((e) => link(s1, e, "IMPRISONMENT")),
        link(s1, null, "PERSECUTION"),
        link(s1, null, "PERSECUTION"),
      ],
    });
  });
});
afterAll(async () => db?.drop());

/** Every page of the summary (or, with quotes, of getPersonAllegations), read one after the other. */
async function allPages(actor: Actor): Promise<Awaited<ReturnType<typeof getPersonAllegationSummary>>[]>;
async function allPages(actor: Actor, quotes: true): Promise<Awaited<ReturnType<typeof getPersonAllegations>>[]>;
async function allPages(actor: Actor, quotes?: true) {
  const get = (page?: number) => (quotes ? getPersonAllegations({ actor, personId: person, page }) : getPersonAllegationSummary({ actor, personId: person, page }));
  const first = await get();
  const pages = [first];
  for (let page = 2; page <= first.pages.pages; page++) pages.push(await get(page));
  return pages;
}

describe("the person page's allegations, a page of events at a time", () => {
  test("a page holds PERSON_EVENTS_PER_PAGE events; the pages together are every link the reader may see, each once, with the same totals", async () => {
    for (const actor of [reviewer, legal]) {
      // What lib/links lists for this reader (its own visibility rule, through Prisma).
      const listed = (await listLinksForPerson({ actor, personId: person })).items;
      const key = (eventId: string | null, type: string) => `${eventId ?? ""}|${type}`;
      const expectedGroups = new Map<string, number>();
      for (const l of listed) expectedGroups.set(key(l.event?.id ?? null, l.allegationType), (expectedGroups.get(key(l.event?.id ?? null, l.allegationType)) ?? 0) + 1);
      const expectedEvents = new Set(listed.map((l) => l.event?.id ?? null));

      const pages = await allPages(actor);
      const full = await allPages(actor, true);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0]!.pages.pages).toBe(Math.ceil(expectedEvents.size / PERSON_EVENTS_PER_PAGE));
      for (const p of pages) {
        expect(p.totals).toEqual(pages[0]!.totals);
        expect(p.pages).toMatchObject({ events: expectedEvents.size, groups: expectedGroups.size });
        expect(new Set(p.groups.map((g) => g.event?.id ?? null)).size).toBeLessThanOrEqual(PERSON_EVENTS_PER_PAGE);
      }
      const groups = pages.flatMap((p) => p.groups);
      expect(new Map(groups.map((g) => [key(g.event?.id ?? null, g.allegationType), g.quoteCount]))).toEqual(expectedGroups);
      expect(groups).toHaveLength(expectedGroups.size);
      // The API's pages (with the quotes) are the same pages, with the same links as lib/links lists.
      expect(full.map(({ groups, ...rest }) => ({ ...rest, groups: groups.map(({ quotes, ...g }) => ({ ...g, quoteCount: quotes.length })) }))).toEqual(pages);
      expect(full.flatMap((p) => p.groups.flatMap((g) => g.quotes.map((q) => q.linkId))).sort()).toEqual(listed.map((l) => l.id).sort());
      expect(ZPersonAllegationsOut.strict().parse(full[0])).toEqual(full[0]);
    }
  });

  test("events come by date, undated ones after them and the links naming no event last; a page past the end is the last page", async () => {
    const pages = await allPages(reviewer);
    const events = [...new Set(pages.flatMap((p) => p.groups.map((g) => g.event?.id ?? null)))];
    const dated = pages.flatMap((p) => p.groups).filter((g) => g.event?.earliest);
    const days = [...new Set(dated.map((g) => g.event!.id))].map((id) => dated.find((g) => g.event!.id === id)!.event!.earliest!);
    expect(days).toEqual([...days].sort());
    expect(events.slice(-4)).toEqual([E[42], E[43], E[44], null]);
    expect(pages[0]!.groups[0]!.event!.id).toBe(E[0]);
    // E00 has two allegation types: one event, two groups, in the order of the types.
    expect(pages[0]!.groups.slice(0, 2).map((g) => [g.event!.id, g.allegationType])).toEqual([
      [E[0], "KILLING"],
      [E[0], "TORTURE"],
    ]);
    const last = pages.at(-1)!;
    const beyond = await getPersonAllegationSummary({ actor: reviewer, personId: person, page: 999 });
    expect(beyond).toEqual(last);
    expect(beyond.pages.page).toBe(pages.length);
    expect(await getPersonAllegationSummary({ actor: reviewer, personId: person, page: "2" })).toEqual(pages[1]);
    // The page past the end is clamped in the same reads as any other page: no second read of the events.
    const reads = vi.spyOn(dbClient, "rawAll");
    try {
      await getPersonAllegationSummary({ actor: reviewer, personId: person, page: 2 });
      const onPage = reads.mock.calls.length;
      reads.mockClear();
      await getPersonAllegationSummary({ actor: reviewer, personId: person, page: 999 });
      expect(reads.mock.calls.length).toBe(onPage);
    } finally {
      reads.mockRestore();
    }
    for (const page of ["two", 0, -1, 1.5]) {
      await expect(getPersonAllegationSummary({ actor: reviewer, personId: person, page })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { page: ["invalid_number"] } });
    }
  });

  test("a legal team's pages hold only what it may see: no event, group or count from a witness without consent to legal sharing", async () => {
    const pages = await allPages(legal);
    const seen = pages.flatMap((p) => p.groups);
    expect(seen.every((g) => g.allegationType === "KILLING" && g.unverifiedWitnesses === 0)).toBe(true);
    const ids = new Set(seen.map((g) => g.event?.id ?? null));
    for (const h of H) expect(ids.has(h)).toBe(false);
    expect(ids.has(null)).toBe(false);
    expect(pages[0]!.pages).toMatchObject({ events: 45, groups: 45, pages: Math.ceil(45 / PERSON_EVENTS_PER_PAGE) });
    expect(pages[0]!.totals).toEqual({ verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 });
    // The reviewer sees the hidden events and the links naming none, on the same number of pages or more.
    const all = await allPages(reviewer);
    expect(all[0]!.pages.events).toBe(45 + 5 + 1);
    expect(all[0]!.totals).toEqual({ verifiedWitnesses: 1, unverifiedWitnesses: 1, needsReview: 0 });
  });

  test("a person named nowhere has one empty page; an unknown person is not found", async () => {
    const other = (await write((tx) => tx.person.create({ data: { name: "Fictional Unnamed Official" } }))).id;
    const r = await getPersonAllegationSummary({ actor: reviewer, personId: other, page: 3 });
    expect(r).toMatchObject({ groups: [], pages: { page: 1, pages: 1, events: 0, groups: 0 }, totals: { verifiedWitnesses: 0, unverifiedWitnesses: 0, needsReview: 0 } });
    await expect(getPersonAllegationSummary({ actor: reviewer, personId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
