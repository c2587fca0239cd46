import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as quotesRoute } from "@/app/api/v1/persons/[id]/allegations/quotes/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { getPersonAllegationQuotes, getPersonAllegations, getPersonAllegationSummary, PERSON_QUOTES_PER_PAGE } from "@/lib/corroboration";
import { listLinksForPerson } from "@/lib/links";
import { read, write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { fictionalStatement, linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { schemaMismatches } from "@/tests/support/json-schema";

// One allegation group with more quotes than a page holds: a person linked to one event by many
// statements. Fictional records, written directly: this file tests the reading.
//
// 53 links of the group (KILLING at event E), made one second apart, alternating between a
// statement whose witness consents to legal sharing (even links) and one whose witness does not
// (odd links): 27 for a legal team, 53 for a reviewer. A link of another type at E and one naming
// no event are not of the group.

const GROUP_LINKS = 53;

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
let person: string;
let event: string;
let consenting: string;
let notConsenting: string;

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  consenting = await fictionalStatement(researcher, { consent: true, verified: true });
  notConsenting = await fictionalStatement(researcher, { consent: false, verified: false });
  await write(async (tx) => {
    person = (await tx.person.create({ data: { name: "Fictional Prosecutor (quotes test)", nameFa: "دادستان ساختگی" } })).id;
    event = (await tx.event.create({ data: { title: "Fictional hearing (quotes test)", dateStart: "1988-08", precision: "month", earliest: "1988-08-01", latest: "1988-08-31" } })).id;
    const start = Date.UTC(2024, 0, 1);
    await tx.link.createMany({
      data: [
        // Written newest first, so that the order of writing would not pass for the order of creation.
        ...Array.from({ length: GROUP_LINKS }, (_, i) => GROUP_LINKS - 1 - i).map((i) => ({
          ...linkRow(researcher.id, { statementId: i % 2 === 0 ? consenting : notConsenting, personId: person, eventId: event, allegationType: "KILLING" }),
          createdAt: new Date(start + i * 1000),
        })),
        linkRow(researcher.id, { statementId: consenting, personId: person, eventId: event, allegationType: "TORTURE" }),
        linkRow(researcher.id, { statementId: consenting, personId: person, eventId: null, allegationType: "KILLING" }),
      ],
    });
  });
});
afterAll(async () => db?.drop());

const group = { type: "KILLING", event: () => event };
const quotesPage = (actor: Actor, page?: unknown) => getPersonAllegationQuotes({ actor, personId: person, query: { type: group.type, event: group.event(), page } });

/** Every page of the group's quotes for `actor`, read one after the other. */
async function allPages(actor: Actor) {
  const first = await quotesPage(actor);
  const pages = [first];
  for (let page = 2; page <= first.pages.pages; page++) pages.push(await quotesPage(actor, page));
  return pages;
}

describe("one allegation group's quotes, a page at a time", () => {
  test("a page holds PERSON_QUOTES_PER_PAGE quotes; the pages together are the group's quotes in the order its links were made, each once, for each reader", async () => {
    for (const actor of [reviewer, legal]) {
      // The group's links as lib/links lists them for this reader (its own visibility rule, through Prisma), by creation.
      const stored = await read((d) => d.link.findMany({ where: { personId: person, eventId: event, allegationType: "KILLING" }, select: { id: true, createdAt: true } }));
      const createdAt = new Map(stored.map((l) => [l.id, l.createdAt.getTime()]));
      const listed = (await listLinksForPerson({ actor, personId: person })).items.filter((l) => l.event?.id === event && l.allegationType === "KILLING");
      const expected = listed.map((l) => l.id).sort((a, b) => createdAt.get(a)! - createdAt.get(b)!);
      expect(expected.length).toBeGreaterThan(PERSON_QUOTES_PER_PAGE);

      const pages = await allPages(actor);
      expect(pages).toHaveLength(Math.ceil(expected.length / PERSON_QUOTES_PER_PAGE));
      pages.forEach((p, i) => {
        expect(p.pages).toEqual({ page: i + 1, pages: pages.length, perPage: PERSON_QUOTES_PER_PAGE, quotes: expected.length });
        expect(p.quotes).toHaveLength(i < pages.length - 1 ? PERSON_QUOTES_PER_PAGE : expected.length - (pages.length - 1) * PERSON_QUOTES_PER_PAGE);
      });
      expect(pages.flatMap((p) => p.quotes.map((q) => q.linkId))).toEqual(expected);
      // The API's allegations give the group's first page of quotes and how many there are; the person page's summary says as many.
      const full = (await getPersonAllegations({ actor, personId: person })).groups.find((g) => g.event?.id === event && g.allegationType === "KILLING")!;
      expect(full.quotes).toEqual(pages[0]!.quotes);
      expect(full.quoteCount).toBe(expected.length);
      const summary = (await getPersonAllegationSummary({ actor, personId: person })).groups.find((g) => g.event?.id === event && g.allegationType === "KILLING")!;
      expect(summary.quoteCount).toBe(expected.length);
    }
  });

  test("a legal team's pages hold only the consenting witness's quotes, on every page, and count only those", async () => {
    const all = await allPages(reviewer);
    const legalPages = await allPages(legal);
    expect(legalPages.length).toBeLessThan(all.length);
    for (const p of legalPages) {
      expect(p.quotes.length).toBeGreaterThan(0);
      expect(p.quotes.every((q) => q.statementId === consenting)).toBe(true);
    }
    expect(legalPages[0]!.pages.quotes).toBe(all.flatMap((p) => p.quotes).filter((q) => q.statementId === consenting).length);
    expect(all.flatMap((p) => p.quotes).some((q) => q.statementId === notConsenting)).toBe(true);
  });

  test("a page past the last gives the last; a page given as text is read; a bad page is a field error; an empty group has one empty page", async () => {
    const pages = await allPages(reviewer);
    expect(await quotesPage(reviewer, 999)).toEqual(pages.at(-1));
    expect(await quotesPage(reviewer, "2")).toEqual(pages[1]);
    for (const page of ["two", 0, -1, 1.5]) {
      await expect(quotesPage(reviewer, page)).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { page: ["invalid_number"] } });
    }
    const none = await getPersonAllegationQuotes({ actor: reviewer, personId: person, query: { type: "PERSECUTION", event: "none", page: 4 } });
    expect(none).toEqual({ quotes: [], pages: { page: 1, pages: 1, perPage: PERSON_QUOTES_PER_PAGE, quotes: 0 } });
  });

  test("the route: ?page= gives that page as the OpenAPI document describes it; a bad page is a 400 in the caller's language", async () => {
    const token = (await createToken({ actor: legal, input: { name: "quotes pages" } })).secret;
    const get = (q: string, lang = "en") =>
      quotesRoute(new Request(`http://casefile.test/api/v1/persons/${person}/allegations/quotes?type=KILLING&event=${event}${q}`, { headers: { authorization: `Bearer ${token}`, "accept-language": lang } }), {
        params: Promise.resolve({ id: person }),
      });
    const second = await get("&page=2");
    expect(second.status).toBe(200);
    const body = await second.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(await quotesPage(legal, 2))));
    const doc = openApiDocument() as unknown as Parameters<typeof schemaMismatches>[0] & {
      paths: Record<string, { get: { parameters: { name: string; required: boolean }[]; responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }>;
    };
    const op = doc.paths["/persons/{id}/allegations/quotes"]!.get;
    expect(op.parameters.map((p) => [p.name, p.required])).toEqual([
      ["type", true],
      ["event", true],
      ["page", false],
    ]);
    expect(schemaMismatches(doc, op.responses["200"].content["application/json"].schema, body)).toEqual([]);
    const persianLetters = /[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/;
    for (const lang of ["en", "fa"]) {
      const bad = await get("&page=zero", lang);
      expect(bad.status).toBe(400);
      const err = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
      expect(err.error.code).toBe("INVALID_INPUT");
      if (lang === "fa") expect(err.error.fields.page![0]).toMatch(persianLetters);
      else expect(err.error.fields.page![0]).toMatch(/^[^\u0600-\u06FF]*[A-Za-z]{4}[^\u0600-\u06FF]*$/);
    }
  });
});
