import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as timelineRoute } from "@/app/api/v1/graph/timeline/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { getGraph, getTimeline } from "@/lib/corroboration";
import { ZTimelineOut } from "@/lib/corroboration/schemas";
import { isDateParseError, parseFuzzyDate } from "@/lib/dates";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { fictionalStatement, linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The timeline's filters a lawyer narrows a case with: place, proceeding, allegation type and a
// period typed in either calendar. Fictional records, written directly.
//
// Witnesses: W0 consents to legal sharing (verified statement); W1 does not (verified); W2 does
// not (unverified). A legal team sees W0's links only.
//   W0: X → A1 (KILLING, cites proceeding P)      W0: Y → B1 (IMPRISONMENT)
//   W1: Z → H  (TORTURE, cites proceeding P)      W2: X → C1 (TORTURE, names place PA)
// Events: A1 1988-07 and A2 1988-08 (no links) and H 1988-08-15 are registered at place PA; B1
// 1987 at PB; C1 1988-09-01 nowhere. X, Y, Z and an unlinked U hold dated positions.

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
const ev: Record<string, string> = {};
const pe: Record<string, string> = {};
let PA: string, PB: string, P: string, Pother: string;

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  const statementOf = (consent: boolean, verified: boolean) => fictionalStatement(researcher, { consent, verified });
  const [w0, w1, w2] = [await statementOf(true, true), await statementOf(false, true), await statementOf(false, false)];
  await write(async (tx) => {
    PA = (await tx.place.create({ data: { name: "Fictional Prison A", nameFa: "زندان ساختگی الف" } })).id;
    PB = (await tx.place.create({ data: { name: "Fictional Prison B", nameFa: "زندان ساختگی ب" } })).id;
    P = (await tx.proceeding.create({ data: { title: "Fictional trial (test)", titleFa: "دادرسی ساختگی (آزمون)", kind: "CRIMINAL" } })).id;
    Pother = (await tx.proceeding.create({ data: { title: "Fictional hearing without links (test)", kind: "CRIMINAL" } })).id;
    const event = async (key: string, dateStart: string, precision: string, earliest: string, latest: string, placeId?: string) => {
      ev[key] = (await tx.event.create({ data: { title: `Fictional event ${key}`, dateStart, precision, earliest, latest, ...(placeId ? { places: { create: [{ placeId }] } } : {}) } })).id;
    };
    await event("A1", "1988-07", "month", "1988-07-01", "1988-07-31", PA);
    await event("A2", "1988-08", "month", "1988-08-01", "1988-08-31", PA);
    await event("H", "1988-08-15", "day", "1988-08-15", "1988-08-15", PA);
    await event("B1", "1987", "year", "1987-01-01", "1987-12-31", PB);
    await event("C1", "1988-09-01", "day", "1988-09-01", "1988-09-01");
    const position = (from: number) => ({ positions: { create: [{ title: "Fictional office", fromDate: `${from}`, toDate: `${from + 3}`, fromEarliest: `${from}-01-01`, toLatest: `${from + 3}-12-31`, precision: "year" }] } });
    for (const [k, from] of [["X", 1985], ["Y", 1986], ["Z", 1987], ["U", 1984]] as const) pe[k] = (await tx.person.create({ data: { name: `Fictional Official ${k}`, ...position(from) } })).id;
    const link = (statementId: string, person: string, event: string, allegationType: string, more: { proceedingId?: string; placeId?: string } = {}) =>
      linkRow(researcher.id, { statementId, personId: pe[person]!, eventId: ev[event]!, allegationType, ...more });
    await tx.link.createMany({
      data: [link(w0, "X", "A1", "KILLING", { proceedingId: P }), link(w0, "Y", "B1", "IMPRISONMENT"), link(w1, "Z", "H", "TORTURE", { proceedingId: P }), link(w2, "X", "C1", "TORTURE", { placeId: PA })],
    });
  });
});
afterAll(async () => db?.drop());

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const of = (o: Record<string, string>, keys: string[]) => keys.map((k) => o[k]!).sort();

describe("the timeline's filters", () => {
  test("by allegation type: the events of the reader's links of that type and the persons they name; a legal team sees none of another's", async () => {
    const t = await getTimeline({ actor: reviewer, query: { allegationType: "TORTURE" } });
    expect(ids(t.events)).toEqual(of(ev, ["H", "C1"]));
    expect(ids(t.persons)).toEqual(of(pe, ["X", "Z"]));
    expect(t.totals).toEqual({ events: 2, persons: 2 });
    expect(t.years).toEqual([{ year: 1988, events: 2 }]);
    expect(t.allegationType).toBe("TORTURE");
    // Only W1 and W2 allege torture: nothing of it reaches a legal team, not even as a count.
    const l = await getTimeline({ actor: legal, query: { allegationType: "TORTURE" } });
    expect(l).toMatchObject({ events: [], persons: [], totals: { events: 0, persons: 0 }, years: [], range: null });
    const killing = await getTimeline({ actor: legal, query: { allegationType: "KILLING" } });
    expect(ids(killing.events)).toEqual(of(ev, ["A1"]));
    expect(ids(killing.persons)).toEqual(of(pe, ["X"]));
  });

  test("by proceeding: the events of the reader's links citing it and the persons they name", async () => {
    const t = await getTimeline({ actor: reviewer, query: { proceeding: P } });
    expect(ids(t.events)).toEqual(of(ev, ["A1", "H"]));
    expect(ids(t.persons)).toEqual(of(pe, ["X", "Z"]));
    // With its Persian title, for a Persian page's filter note.
    expect(t.proceeding).toEqual({ id: P, title: "Fictional trial (test)", titleFa: "دادرسی ساختگی (آزمون)" });
    const l = await getTimeline({ actor: legal, query: { proceeding: P } });
    expect(ids(l.events)).toEqual(of(ev, ["A1"]));
    expect(ids(l.persons)).toEqual(of(pe, ["X"]));
    expect(l.totals).toEqual({ events: 1, persons: 1 });
    expect(l.years).toEqual([{ year: 1988, events: 1 }]);
    const none = await getTimeline({ actor: reviewer, query: { proceeding: Pother } });
    expect(none).toMatchObject({ events: [], persons: [], years: [], range: null });
  });

  test("by place: the events registered there and those the reader's links cite with it; persons only as the reader's links name them", async () => {
    const t = await getTimeline({ actor: reviewer, query: { place: PA } });
    expect(ids(t.events)).toEqual(of(ev, ["A1", "A2", "H", "C1"]));
    expect(ids(t.persons)).toEqual(of(pe, ["X", "Z"]));
    expect(t.place).toEqual({ id: PA, name: "Fictional Prison A", nameFa: "زندان ساختگی الف" });
    // The registry's events at the place are for every reader; W1's and W2's links are not.
    const l = await getTimeline({ actor: legal, query: { place: PA } });
    expect(ids(l.events)).toEqual(of(ev, ["A1", "A2", "H"]));
    expect(ids(l.persons)).toEqual(of(pe, ["X"]));
    expect(l.persons.every((p) => p.linked)).toBe(true);
    const b = await getTimeline({ actor: reviewer, query: { place: PB } });
    expect(ids(b.events)).toEqual(of(ev, ["B1"]));
    expect(ids(b.persons)).toEqual(of(pe, ["Y"]));
  });

  test("a period typed in the Solar Hijri calendar is the same as its Gregorian days, in Latin or Persian digits", async () => {
    const hijri = await getTimeline({ actor: reviewer, query: { from: "Tir 1367", to: "Mordad 1367" } });
    const from = parseFuzzyDate("Tir 1367");
    const to = parseFuzzyDate("Mordad 1367");
    if (isDateParseError(from) || isDateParseError(to)) throw new Error("the dates should parse");
    expect(hijri.period).toEqual({ from: from.earliest, to: to.latest });
    const gregorian = await getTimeline({ actor: reviewer, query: { from: from.earliest, to: to.latest } });
    expect(hijri).toEqual(gregorian);
    expect(ids(hijri.events)).toEqual(of(ev, ["A1", "A2", "H"]));
    const digits = await getTimeline({ actor: reviewer, query: { from: "۱۳۶۷/۰۴/۰۱", to: "۱۳۶۷/۰۵/۳۱" } });
    expect(ids(digits.events)).toEqual(of(ev, ["A1", "A2", "H"]));
    // A year alone is the whole of it.
    const year = await getTimeline({ actor: reviewer, query: { from: "1987", to: "1987" } });
    expect(ids(year.events)).toEqual(of(ev, ["B1"]));
  });

  test("filters combine, and the graph page's one read gives the same timeline", async () => {
    const query = { place: PA, allegationType: "TORTURE", from: "Shahrivar 1367" };
    const t = await getTimeline({ actor: reviewer, query });
    expect(ids(t.events)).toEqual(of(ev, ["C1"]));
    // The persons those links name, with positions in the period (Z's runs to 1990).
    expect(ids(t.persons)).toEqual(of(pe, ["X", "Z"]));
    for (const actor of [reviewer, legal]) {
      for (const timeline of [query, { proceeding: P, calendar: "persian", to: "1988-07-31" }, { person: "Fictional Official Z", allegationType: "TORTURE" }]) {
        const both = await getGraph({ actor, timeline });
        expect(both.timeline).toEqual(await getTimeline({ actor, query: timeline }));
        expect(ZTimelineOut.strict().parse(both.timeline)).toEqual(both.timeline);
      }
    }
  });

  test("bad filters are field errors, not answers: an unknown place or proceeding, an unreadable date, a period that ends before it starts", async () => {
    const bad = (query: Record<string, string>) => getTimeline({ actor: reviewer, query });
    await expect(bad({ place: "no-such-place" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { place: ["not_found"] } });
    await expect(bad({ proceeding: "no-such-proceeding" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { proceeding: ["not_found"] } });
    await expect(bad({ allegationType: "NOPE" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { allegationType: ["invalid_choice"] } });
    await expect(bad({ from: "the day after never" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { from: [expect.stringMatching(/^date_/)] } });
    await expect(bad({ from: "Mordad 1367", to: "Tir 1367" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { to: ["date_range_reversed"] } });
    await expect(getGraph({ actor: reviewer, timeline: { place: "no-such-place" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  test("the API route: filters as query parameters, bad ones a 400 in the caller's language, documented in the OpenAPI document", async () => {
    const token = (await createToken({ actor: legal, input: { name: "test" } })).secret;
    const get = (q: string, lang = "en") => timelineRoute(new Request(`http://casefile.test/api/v1/graph/timeline?${q}`, { headers: { authorization: `Bearer ${token}`, "accept-language": lang } }), { params: Promise.resolve({}) });
    const ok = await get(`proceeding=${P}&from=${encodeURIComponent("Tir 1367")}`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { events: { id: string }[]; persons: { id: string }[] };
    expect(ids(body.events)).toEqual(of(ev, ["A1"]));
    expect(ids(body.persons)).toEqual(of(pe, ["X"]));
    for (const [q, field] of [
      ["place=no-such-place", "place"],
      [`from=${encodeURIComponent("Mordad 1367")}&to=${encodeURIComponent("Tir 1367")}`, "to"],
      ["from=not-a-date", "from"],
      ["allegationType=NOPE", "allegationType"],
    ] as const) {
      for (const lang of ["en", "fa"]) {
        const res = await get(q, lang);
        expect(res.status).toBe(400);
        const err = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
        expect(err.error.code).toBe("INVALID_INPUT");
        // Persian letters (not only the Persian digits an English example may show), or English words without them.
        const persianLetters = /[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/;
        const message = err.error.fields[field]![0]!;
        if (lang === "fa") expect(message).toMatch(persianLetters);
        else expect(message).toMatch(/^(?=.*[A-Za-z]{4})[^\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+$/);
      }
    }
    const doc = openApiDocument() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    expect(doc.paths["/graph/timeline"]?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["from", "to", "person", "allegationType", "place", "proceeding"]));
  });
});
