import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { EVENT_QUOTES_PER_STATEMENT, EVENT_STATEMENT_QUOTES_PER_PAGE, getEventTestimony } from "@/lib/corroboration";
import { write } from "@/lib/db/write";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The event page lists, under each statement citing the event, that statement's quotes: a
// statement can cite one event in hundreds of passages, so only the first few are shown with a
// count of them all, and the reader opens one statement's quotes to read them a page at a time.
// Fictional records.
//
// "many" cites the event in MANY passages (and another event in one); "few" in 2.

const MANY = 130;
let db: TestDatabase;
let reviewer: Actor;
let eventId: string;
let many: string;
let few: string;
/** The ids of many's links citing the event, in the order they were made. */
const manyLinks: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  const w = await createWitness({ actor: researcher, input: {} });
  const statement = async (title: string) => (await createStatement({ actor: researcher, input: { witnessId: w.id, title, language: "en", originalText: "This text is fictional. The official was there." } })).id;
  many = await statement("Fictional sample citing the event often");
  few = await statement("Fictional sample citing the event twice");
  await write(async (tx) => {
    const personId = (await tx.person.create({ data: { name: "Fictional Guard (test)" } })).id;
    eventId = (await tx.event.create({ data: { title: "Fictional transfers (test)", dateStart: "1988-08", precision: "MONTH" } })).id;
    const otherEventId = (await tx.event.create({ data: { title: "Fictional other event (test)", dateStart: "1988-09", precision: "MONTH" } })).id;
    let i = 0;
    const at = () => new Date(Date.UTC(2024, 0, 1, 0, 0, 0, i++));
    for (let n = 0; n < MANY; n++) {
      const l = await tx.link.create({ data: { ...linkRow(researcher.id, { statementId: many, personId, allegationType: "IMPRISONMENT", eventId }), createdAt: at() } });
      manyLinks.push(l.id);
    }
    await tx.link.create({ data: { ...linkRow(researcher.id, { statementId: many, personId, allegationType: "IMPRISONMENT", eventId: otherEventId }), createdAt: at() } });
    for (let n = 0; n < 2; n++) await tx.link.create({ data: { ...linkRow(researcher.id, { statementId: few, personId, allegationType: "IMPRISONMENT", eventId }), createdAt: at() } });
  });
});
afterAll(async () => db?.drop());

const item = (r: Awaited<ReturnType<typeof getEventTestimony>>, statementId: string) => r.testimony.find((t) => t.statement.id === statementId)!;

describe("an event's testimony, quotes per statement", () => {
  test("a statement citing the event in many passages shows its first few, in the order they were linked, with how many there are", async () => {
    const r = await getEventTestimony({ actor: reviewer, eventId });
    const m = item(r, many);
    expect(m.quotes.map((q) => q.linkId)).toEqual(manyLinks.slice(0, EVENT_QUOTES_PER_STATEMENT));
    expect(m.quoteCount).toBe(MANY);
    expect(m.quotePages).toBeUndefined();
    // A statement with fewer quotes than that shows them all.
    expect(item(r, few).quotes).toHaveLength(2);
    expect(item(r, few).quoteCount).toBe(2);
  });

  test("a statement's quotes, opened, come a page at a time, each once, and a page past the last is the last", async () => {
    const pages = Math.ceil(MANY / EVENT_STATEMENT_QUOTES_PER_PAGE);
    expect(pages).toBeGreaterThan(2);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const r = await getEventTestimony({ actor: reviewer, eventId, quotesOf: many, quotesPage: page });
      const m = item(r, many);
      expect(m.quotePages).toEqual({ page, pages, perPage: EVENT_STATEMENT_QUOTES_PER_PAGE, quotes: MANY });
      expect(m.quotes.length).toBe(page < pages ? EVENT_STATEMENT_QUOTES_PER_PAGE : MANY - (pages - 1) * EVENT_STATEMENT_QUOTES_PER_PAGE);
      seen.push(...m.quotes.map((q) => q.linkId));
      // The other statement stays as it was.
      expect(item(r, few).quotePages).toBeUndefined();
      expect(item(r, few).quotes).toHaveLength(2);
    }
    expect(seen).toEqual(manyLinks);
    const last = await getEventTestimony({ actor: reviewer, eventId, quotesOf: many, quotesPage: pages });
    expect(await getEventTestimony({ actor: reviewer, eventId, quotesOf: many, quotesPage: 999 })).toEqual(last);
  });

  test("opening a statement that is not on the page, or no statement, opens nothing; a quotes page that is no number is refused", async () => {
    const r = await getEventTestimony({ actor: reviewer, eventId, quotesOf: "no-such-statement" });
    expect(r.testimony.every((t) => t.quotePages === undefined)).toBe(true);
    expect(item(r, many).quotes).toHaveLength(EVENT_QUOTES_PER_STATEMENT);
    await expect(getEventTestimony({ actor: reviewer, eventId, quotesOf: many, quotesPage: "two" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
