import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import Database from "better-sqlite3";
import { Prisma } from "@/generated/sqlite/client";
import { graphFactsSql } from "@/lib/corroboration/corroboration";
import { sqlitePath } from "@/lib/db/provider";
import { getCorroborationMatrix, getGraph, getTimeline, MATRIX_MAX_EVENTS, MATRIX_MAX_PERSONS, TIMELINE_MAX_EVENTS, TIMELINE_MAX_PERSONS } from "@/lib/corroboration";
import { ZMatrixOut, ZTimelineOut } from "@/lib/corroboration/schemas";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { fictionalStatement, linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// The graph page on an archive larger than it can draw: the matrix and the timeline return at
// most their bounds, the most corroborated first, and say how many there are in all.
// Fictional records throughout, written directly: this file tests the reading, not the writing.
//
// Persons P00..P35: person i is named by floor(i/3) verified witnesses and (i mod 3) + 1
// unverified ones, so each weighs more than the one before (P35 the most, P00 the least).
// Verified witness j links to event E(j); unverified witness k of person i to E(11 + (i + k) mod 15):
// 26 events with links, dated 1970..1995. Twenty more events without links, dated 1940..1959,
// and one undated. Every person holds a dated position, and four more persons without links do.

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
const P: string[] = [];
const E: string[] = [];
const unlinkedEvents: string[] = [];
const unlinkedPersons: string[] = [];
const verifiedOf = (i: number) => Math.floor(i / 3);
const unverifiedOf = (i: number) => (i % 3) + 1;
const name = (i: number) => (i === 20 ? "Hossein-Ali Nayyeri" : `Fictional Official ${String(i).padStart(2, "0")}`);

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  // Twelve witnesses with a verified statement (the first consents to legal sharing), three with an unverified one.
  const statementOf = (verified: boolean, consent: boolean) => fictionalStatement(researcher, { consent, verified });
  const verifiedStatements: string[] = [];
  for (let j = 0; j < 12; j++) verifiedStatements.push(await statementOf(true, j === 0));
  const unverifiedStatements: string[] = [];
  for (let k = 0; k < 3; k++) unverifiedStatements.push(await statementOf(false, false));

  await write(async (tx) => {
    for (let n = 0; n < 26; n++) {
      const year = 1970 + n;
      E.push((await tx.event.create({ data: { title: `Fictional event ${n}`, titleFa: n === 3 ? "بازجویی در زندان اوین" : `رویداد ساختگی ${n}`, dateStart: `${year}`, precision: "year", earliest: `${year}-01-01`, latest: `${year}-12-31` } })).id);
    }
    for (let n = 0; n < 20; n++) {
      const year = 1940 + n;
      unlinkedEvents.push((await tx.event.create({ data: { title: `Unlinked fictional event ${n}`, dateStart: `${year}-06`, precision: "month", earliest: `${year}-06-01`, latest: `${year}-06-30` } })).id);
    }
    await tx.event.create({ data: { title: "Undated fictional event", dateStart: "", precision: "approximate" } });
    const position = (from: number) => ({ positions: { create: [{ title: "Fictional office", fromDate: `${from}`, toDate: `${from + 2}`, fromEarliest: `${from}-01-01`, toLatest: `${from + 2}-12-31`, precision: "year" }] } });
    for (let i = 0; i < 36; i++) P.push((await tx.person.create({ data: { name: name(i), nameFa: `مقام ساختگی ${i}`, ...position(1960 + i) } })).id);
    for (let i = 0; i < 4; i++) unlinkedPersons.push((await tx.person.create({ data: { name: `Unlinked Fictional Official ${i}`, ...position(1950 + i) } })).id);
    const link = (statementId: string, personId: string, eventId: string) => linkRow(researcher.id, { statementId, personId, eventId, allegationType: "KILLING" });
    const rows = [];
    for (let i = 0; i < 36; i++) {
      for (let j = 0; j < verifiedOf(i); j++) rows.push(link(verifiedStatements[j]!, P[i]!, E[j]!));
      for (let k = 0; k < unverifiedOf(i); k++) rows.push(link(unverifiedStatements[k]!, P[i]!, E[11 + ((i + k) % 15)]!));
    }
    await tx.link.createMany({ data: rows });
  });
});
afterAll(async () => db?.drop());

/** Event n's weight among the persons shown (P06..P35), counted by hand: verified witnesses first, then unverified. */
function expectedEventWeight(n: number): number {
  let w = 0;
  for (let i = 6; i < 36; i++) {
    if (n < 11 && verifiedOf(i) > n) w += 1000;
    for (let k = 0; k < unverifiedOf(i); k++) if (n >= 11 && 11 + ((i + k) % 15) === n) w += 1;
  }
  return w;
}

describe("the corroboration matrix on a large archive", () => {
  test("it returns at most its bounds: the most corroborated persons, and the most corroborated events among them, with the totals", async () => {
    expect(MATRIX_MAX_PERSONS).toBe(30);
    expect(MATRIX_MAX_EVENTS).toBe(20);
    const m = await getCorroborationMatrix({ actor: reviewer });
    expect(m.totals).toEqual({ persons: 36, events: 26 });
    expect(m.limits).toEqual({ persons: 30, events: 20 });
    // The heaviest first: P35, P34, … P06; the six lightest are left out.
    expect(m.persons.map((p) => p.id)).toEqual(P.slice(6).reverse());
    expect(m.persons.map((p) => p.name)).toContain("Hossein-Ali Nayyeri");
    // Events: the 20 heaviest among those persons (ties by date), shown by date.
    const expected = E.map((id, n) => ({ id, n, w: expectedEventWeight(n) }))
      .sort((a, b) => b.w - a.w || a.n - b.n)
      .slice(0, 20)
      .sort((a, b) => a.n - b.n)
      .map((e) => e.id);
    expect(m.events.map((e) => e.id)).toEqual(expected);
    // Every event with a verified witness among them is kept.
    for (let n = 0; n < 11; n++) expect(m.events.map((e) => e.id)).toContain(E[n]);
    // Cells only for what is shown, with the right counts.
    const shownP = new Set(m.persons.map((p) => p.id));
    const shownE = new Set(m.events.map((e) => e.id));
    expect(m.cells.every((c) => shownP.has(c.personId) && c.eventId !== null && shownE.has(c.eventId))).toBe(true);
    expect(m.cells.find((c) => c.personId === P[35] && c.eventId === E[0])).toMatchObject({ verifiedWitnesses: 1, unverifiedWitnesses: 0 });
    expect(m.cells.filter((c) => c.personId === P[35]).reduce((a, c) => a + c.verifiedWitnesses, 0)).toBe(verifiedOf(35));
    expect(m.hasNoEvent).toBe(false);
    // Each row's totals count the person's witnesses over all their links, in events shown or not.
    expect(m.persons[0]!.totals).toEqual({ verifiedWitnesses: verifiedOf(35), unverifiedWitnesses: unverifiedOf(35), needsReview: 0 });
    expect(m.persons.at(-1)!.totals).toEqual({ verifiedWitnesses: verifiedOf(6), unverifiedWitnesses: unverifiedOf(6), needsReview: 0 });
  });

  test("a person's name in another spelling, or words of an event's title, narrow it, with totals for the narrowed view", async () => {
    const byName = await getCorroborationMatrix({ actor: reviewer, query: { person: "Nayeri" } });
    expect(byName.persons.map((p) => p.id)).toEqual([P[20]]);
    expect(byName.totals).toEqual({ persons: 1, events: verifiedOf(20) + unverifiedOf(20) });
    expect(byName.person).toBe("Nayeri");
    // The Persian title is written with a Persian yeh; the query with an Arabic one.
    const byEvent = await getCorroborationMatrix({ actor: reviewer, query: { event: "اوين" } });
    expect(byEvent.events.map((e) => e.id)).toEqual([E[3]]);
    expect(byEvent.totals).toEqual({ persons: 36 - 12, events: 1 });
    expect(byEvent.persons).toHaveLength(24);
    expect(byEvent.persons.every((p) => p.totals.verifiedWitnesses === 1 && p.totals.unverifiedWitnesses === 0)).toBe(true);
    const none = await getCorroborationMatrix({ actor: reviewer, query: { person: "Nobody Anywhere Zzyzx" } });
    expect(none).toMatchObject({ persons: [], events: [], cells: [], totals: { persons: 0, events: 0 } });
    await expect(getCorroborationMatrix({ actor: reviewer, query: { person: "x".repeat(201) } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { person: ["too_long:200"] } });
  });

  test("the event filter takes a title loosely, as the person filter takes a name: another script, words left out or reordered, a typo; a number typed must be the title's", async () => {
    const events = async (event: string) => (await getCorroborationMatrix({ actor: reviewer, query: { event } })).events.map((e) => e.id);
    // Event 3's Persian title is «بازجویی در زندان اوین»; its English one says nothing of Evin.
    expect(await events("Evin")).toEqual([E[3]]);
    expect(await events("اوین بازجویی")).toEqual([E[3]]);
    expect(await events("زندان اوين")).toEqual([E[3]]);
    // A misspelt word and a number: only the event with that number, not 1, 2, 112...
    expect(await events("Fictionl evnt 12")).toEqual([E[12]]);
    expect(await events("evnt ۱۲")).toEqual([E[12]]);
    // A number no title has finds nothing, however close the words.
    expect(await events("Fictional event 99")).toEqual([]);
    // Still narrows: an unrelated word finds nothing.
    expect(await events("Khavaran")).toEqual([]);
    // Titles are judged again when they change (the verdicts kept per text and title never go stale).
    const retitle = (titleFa: string) => write((tx) => tx.event.update({ where: { id: E[3]! }, data: { titleFa } }));
    await retitle("بازجویی در زندان قزل‌حصار");
    expect(await events("Evin")).toEqual([]);
    expect(await events("قزلحصار")).toEqual([E[3]]);
    // A word typed in part finds a title's word in its own script only: the key of "Mehr" is the
    // start of محرمانه's (no short vowels written), but "Mehr" is not that word.
    await retitle("بازجویی محرمانه در زندان اوین");
    expect(await events("Mehr")).toEqual([]);
    expect(await events("mahramaneh")).toEqual([E[3]]);
    expect(await events("محرما")).toEqual([E[3]]);
    await retitle("بازجویی در زندان اوین");
    expect(await events("Evin")).toEqual([E[3]]);
    expect(await events("قزلحصار")).toEqual([]);
  });

  test("a legal team's matrix and its totals count only witnesses whose consent covers legal sharing", async () => {
    const m = await getCorroborationMatrix({ actor: legal });
    // Only verified witness 0 consents: the persons with at least one verified witness, all in event E0.
    expect(m.totals).toEqual({ persons: 36 - 3, events: 1 });
    expect(m.events.map((e) => e.id)).toEqual([E[0]]);
    expect(m.cells.every((c) => c.verifiedWitnesses === 1 && c.unverifiedWitnesses === 0)).toBe(true);
    // All 33 weigh the same: the first 30 by name are shown (P20 is Hossein-Ali Nayyeri, after every "Fictional Official").
    const byName = [...P.slice(3, 20), ...P.slice(21, 34)];
    expect(m.persons.map((p) => p.id)).toEqual(byName);
  });
});

describe("the timeline on a large archive", () => {
  test("it returns at most its bounds: the most evidenced events and the most corroborated persons, with the totals", async () => {
    expect(TIMELINE_MAX_EVENTS).toBe(40);
    expect(TIMELINE_MAX_PERSONS).toBe(30);
    const t = await getTimeline({ actor: reviewer });
    expect(t.totals).toEqual({ events: 46, persons: 40 });
    // All 26 events with links, then the 14 earliest of those without: shown by date.
    expect(t.events.map((e) => e.id)).toEqual([...unlinkedEvents.slice(0, 14), ...E]);
    expect(t.persons).toHaveLength(30);
    expect(new Set(t.persons.map((p) => p.id))).toEqual(new Set(P.slice(6)));
    expect(t.persons.every((p) => p.linked)).toBe(true);
    // Every dated event counted by the year it may begin in, shown or not.
    expect(t.years.reduce((a, y) => a + y.events, 0)).toBe(46);
    expect(t.years.find((y) => y.year === 1940)).toEqual({ year: 1940, events: 1 });
    expect(t.calendar).toBe("gregorian");
  });

  test("a period narrows it, and years are counted in the reader's calendar", async () => {
    const t = await getTimeline({ actor: reviewer, query: { from: "1975-01-01", to: "1979-12-31", calendar: "persian" } });
    expect(t.events.map((e) => e.id)).toEqual(E.slice(5, 10));
    expect(t.totals.events).toBe(5);
    expect(t.period).toEqual({ from: "1975-01-01", to: "1979-12-31" });
    // 1 January 1970 is in 1348 of the Solar Hijri calendar; 1 June 1940 in 1319.
    expect(t.years.find((y) => y.year === 1348)).toEqual({ year: 1348, events: 1 });
    expect(t.years.find((y) => y.year === 1319)).toEqual({ year: 1319, events: 1 });
    expect(t.years.reduce((a, y) => a + y.events, 0)).toBe(46);
    // A year typed as such is the whole year (lib/dates); text that is no date is refused.
    const year = await getTimeline({ actor: reviewer, query: { from: "1975", to: "1979" } });
    expect(year.events.map((e) => e.id)).toEqual(t.events.map((e) => e.id));
    await expect(getTimeline({ actor: reviewer, query: { from: "19755" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { from: [expect.stringMatching(/^date_/)] } });
  });

  test("the person filter narrows it to the events linked to the persons found (any spelling), their positions, and their years", async () => {
    // Hossein-Ali Nayyeri (P20): verified witnesses 0..5 link him to E0..E5, unverified ones to E16..E18.
    const mine = [...E.slice(0, 6), ...E.slice(16, 19)];
    const t = await getTimeline({ actor: reviewer, query: { person: "Nayeri" } });
    expect(t.person).toBe("Nayeri");
    expect(t.events.map((e) => e.id)).toEqual(mine);
    expect(t.persons.map((p) => p.id)).toEqual([P[20]]);
    expect(t.persons[0]!.positions).toHaveLength(1);
    expect(t.totals).toEqual({ events: 9, persons: 1 });
    expect(t.years.reduce((a, y) => a + y.events, 0)).toBe(9);
    expect(t.years.find((y) => y.year === 1970)).toEqual({ year: 1970, events: 1 });
    expect(t.years.find((y) => y.year === 1976)).toBeUndefined();
    // In Persian script, and within a period: the events of the period, the years of all of his.
    const fa = await getTimeline({ actor: reviewer, query: { person: "نیری", from: "1972-01-01", to: "1975-12-31" } });
    expect(fa.events.map((e) => e.id)).toEqual(E.slice(2, 6));
    expect(fa.totals.events).toBe(4);
    expect(fa.years.reduce((a, y) => a + y.events, 0)).toBe(9);
    // Nobody by that name: nothing, said as such.
    const none = await getTimeline({ actor: reviewer, query: { person: "Nobody Anywhere Zzyzx" } });
    expect(none).toMatchObject({ events: [], persons: [], range: null, years: [], totals: { events: 0, persons: 0 } });
    // A legal team sees only verified witness 0's statement: his one event it may see.
    const legalView = await getTimeline({ actor: legal, query: { person: "Nayyeri" } });
    expect(legalView.events.map((e) => e.id)).toEqual([E[0]]);
    expect(legalView.persons.map((p) => p.id)).toEqual([P[20]]);
    await expect(getTimeline({ actor: reviewer, query: { person: "x".repeat(201) } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { person: ["too_long:200"] } });
  });

  test("for a legal team, persons are ranked and marked linked by the allegations it may see", async () => {
    const t = await getTimeline({ actor: legal });
    // It sees one verified witness naming each of P03..P35 alike: the 30 whose positions begin first.
    expect(t.persons.map((p) => p.id).sort()).toEqual(P.slice(3, 33).sort());
    expect(t.persons.every((p) => p.linked)).toBe(true);
    expect(t.events.map((e) => e.id)).toContain(E[0]);
  });
});

test("the graph page's one read gives the same matrix and timeline as the two operations", async () => {
  for (const actor of [reviewer, legal]) {
    for (const person of [undefined, "Nayeri"]) {
      const matrix = { allegationType: "KILLING", event: "Fictional", person };
      const timeline = { from: "1975-01-01", calendar: "persian", person };
      expect(await getGraph({ actor, matrix, timeline })).toEqual({
        matrix: await getCorroborationMatrix({ actor, query: matrix }),
        timeline: await getTimeline({ actor, query: timeline }),
      });
    }
  }
  await expect(getGraph({ actor: reviewer, matrix: { allegationType: "NOPE" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  // The API's documented shapes (the OpenAPI document is made from them) are what it answers.
  const both = await getGraph({ actor: reviewer });
  expect(ZMatrixOut.strict().parse(both.matrix)).toEqual(both.matrix);
  expect(ZTimelineOut.strict().parse(both.timeline)).toEqual(both.timeline);
});

describe.skipIf(testProvider() !== "sqlite")("the graph's link query (SQLite)", () => {
  test("counting the links reads the Link table from the covering index alone, for every role", () => {
    const conn = new Database(sqlitePath(db.url), { readonly: true });
    try {
      for (const actor of [reviewer, legal]) {
        const q = Prisma.sql`${graphFactsSql(actor)} SELECT "p", "e", COUNT(DISTINCT "w") FROM "f" GROUP BY "p", "e"`;
        const plan = conn.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.values) as { detail: string }[];
        expect(plan.map((r) => r.detail).join("\n")).toMatch(/SCAN l USING COVERING INDEX "?Link_statementId_personId_eventId_allegationType_anchor_idx/);
      }
    } finally {
      conn.close();
    }
  });
});
