import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { EVENT_PERSONS_PER_PAGE, EVENT_STATEMENTS_PER_PAGE, getEventTestimony } from "@/lib/corroboration";
import { write } from "@/lib/db/write";
import { listLinksForEvent } from "@/lib/links";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The event page's testimony: the quotes citing an event, by statement a page at a time, and per
// person named how many independent witnesses support each allegation. Fictional records.
//
// W0 consents to legal sharing (verified), W0b is a second record of the same person as W0;
// W1 gave consent and withdrew it (verified); W2 never consented (unverified).
//   23 statements of W0 cite the event, naming P (SENTENCING, role SAT_ON_COMMISSION)
//   1 statement of W0b cites the event, naming P (SENTENCING)
//   1 statement of W1 cites the event, naming P (KILLING) and Q (SENTENCING)
//   1 statement of W2 cites the event, naming Q (SENTENCING), flagged NEEDS_REVIEW
//   1 statement of W0 names P in another event: not this event's testimony

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
let eventId: string;
let otherEventId: string;
let P: string;
let Q: string;
const w0Statements: string[] = [];
let w0bStatement = "";
let w1Statement = "";
let w2Statement = "";
let elsewhere = "";

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  const consent = { scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" };
  const w0 = await createWitness({ actor: researcher, input: { consents: [consent] } });
  const w0b = await createWitness({ actor: researcher, input: { consents: [consent] } });
  const w1 = await createWitness({ actor: researcher, input: { consents: [consent] } });
  const w2 = await createWitness({ actor: researcher, input: {} });
  await write(async (tx) => {
    await tx.witness.update({ where: { id: w0b.id }, data: { sameAsId: w0.id } });
    await tx.consent.updateMany({ where: { witnessId: w1.id }, data: { withdrawnAt: new Date() } });
  });
  const statementOf = async (witnessId: string, verified: boolean, n: number) => {
    const s = await createStatement({ actor: researcher, input: { witnessId, title: `Fictional sample ${n}`, language: "en", originalText: "This text is fictional. The official was there." } });
    if (verified) await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status: "VERIFIED" } }));
    return s.id;
  };
  for (let n = 0; n < 23; n++) w0Statements.push(await statementOf(w0.id, true, n));
  w0bStatement = await statementOf(w0b.id, true, 50);
  w1Statement = await statementOf(w1.id, true, 100);
  w2Statement = await statementOf(w2.id, false, 200);
  elsewhere = await statementOf(w0.id, true, 300);
  await write(async (tx) => {
    P = (await tx.person.create({ data: { name: "Fictional Commission Member (test)" } })).id;
    Q = (await tx.person.create({ data: { name: "Fictional Prosecutor (test)" } })).id;
    eventId = (await tx.event.create({ data: { title: "Fictional commission sessions (test)", dateStart: "1988-07-27", precision: "DAY" } })).id;
    otherEventId = (await tx.event.create({ data: { title: "Fictional other event (test)", dateStart: "1988-08-01", precision: "DAY" } })).id;
  });
  const link = (statementId: string, personId: string, allegationType: string, more: { anchor?: string; eventId?: string; role?: string } = {}) =>
    linkRow(researcher.id, { statementId, personId, allegationType, eventId, ...more });
  const rows = [
    ...w0Statements.map((s) => link(s, P, "SENTENCING", { role: "SAT_ON_COMMISSION" })),
    link(w0bStatement, P, "SENTENCING"),
    link(w1Statement, P, "KILLING"),
    link(w1Statement, Q, "SENTENCING"),
    link(w2Statement, Q, "SENTENCING", { anchor: "NEEDS_REVIEW" }),
    link(elsewhere, P, "KILLING", { eventId: otherEventId }),
  ];
  await write(async (tx) => {
    for (const [i, data] of rows.entries()) await tx.link.create({ data: { ...data, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) } });
  });
});
afterAll(async () => db?.drop());

async function allPages(actor: Actor) {
  const first = await getEventTestimony({ actor, eventId });
  const pages = [first];
  for (let page = 2; page <= first.pages.pages; page++) pages.push(await getEventTestimony({ actor, eventId, page }));
  return pages;
}

describe("an event's testimony", () => {
  test("lists every link citing the event that the reader may see, each once, by statement in the order they were linked, with quote, role, allegation, person and witness code", async () => {
    for (const actor of [reviewer, legal]) {
      const pages = await allPages(actor);
      const listed = (await listLinksForEvent({ actor, eventId })).items;
      const quotes = pages.flatMap((p) => p.testimony.flatMap((t) => t.quotes.map((q) => ({ ...q, statement: t.statement }))));
      expect(quotes.map((q) => q.linkId).sort()).toEqual(listed.map((l) => l.id).sort());
      for (const l of listed) {
        const q = quotes.find((x) => x.linkId === l.id)!;
        expect({ quote: q.quote, role: q.role, allegationType: q.allegationType, person: q.person.id, witnessCode: q.witnessCode, statementId: q.statementId })
          .toEqual({ quote: l.quote, role: l.role, allegationType: l.allegationType, person: l.person.id, witnessCode: l.statement.witnessCode, statementId: l.statement.id });
        expect(q.statement.id).toBe(l.statement.id);
      }
      const shown = pages.flatMap((p) => p.testimony.map((t) => t.statement.id));
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown).not.toContain(elsewhere);
      expect(shown.slice(0, 23)).toEqual(w0Statements);
      expect(pages[0]!.pages).toEqual({ page: 1, pages: Math.ceil(shown.length / EVENT_STATEMENTS_PER_PAGE), perPage: EVENT_STATEMENTS_PER_PAGE, statements: shown.length });
      expect(pages.length).toBe(2);
    }
  });

  test("counts, per person named, the independent witnesses behind each allegation citing this event only", async () => {
    const r = await getEventTestimony({ actor: reviewer, eventId });
    expect(r.testimony.find((t) => t.statement.id === w0Statements[0])!.quotes[0]).toMatchObject({ role: "SAT_ON_COMMISSION", allegationType: "SENTENCING", quote: "This" });
    expect(r.persons.map((p) => p.person.id)).toEqual([P, Q]);
    const [p, q] = r.persons;
    // W0 and W0b are one witness; W1's killing is its own allegation; the other event's link is not counted.
    expect(p!.totals).toEqual({ verifiedWitnesses: 2, unverifiedWitnesses: 0, needsReview: 0 });
    expect(p!.allegations).toEqual([
      { allegationType: "KILLING", verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 },
      { allegationType: "SENTENCING", verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 },
    ]);
    expect(q!.allegations).toEqual([{ allegationType: "SENTENCING", verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 1 }]);
  });

  test("a legal team sees and counts only statements whose witness's consent covers legal sharing: not a withdrawn one, not one never given", async () => {
    const pages = await allPages(legal);
    const shown = pages.flatMap((p) => p.testimony.map((t) => t.statement.id));
    expect(shown).toEqual([...w0Statements, w0bStatement]);
    expect(shown).not.toContain(w1Statement);
    expect(shown).not.toContain(w2Statement);
    expect(pages[0]!.pages.statements).toBe(24);
    expect(pages[0]!.persons).toEqual([
      { person: expect.objectContaining({ id: P }), totals: { verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 }, allegations: [{ allegationType: "SENTENCING", verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 }] },
    ]);
  });

  test("a page past the last is the last; a page that is no number, or an event that does not exist, is refused", async () => {
    const last = await getEventTestimony({ actor: reviewer, eventId, page: 2 });
    expect(await getEventTestimony({ actor: reviewer, eventId, page: 40 })).toEqual(last);
    await expect(getEventTestimony({ actor: reviewer, eventId, page: "two" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(getEventTestimony({ actor: reviewer, eventId: "no-such-event" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getEventTestimony({ actor: null, eventId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("an event no statement cites has no testimony", async () => {
    const r = await getEventTestimony({ actor: reviewer, eventId: otherEventId });
    expect(r.persons.map((p) => p.person.id)).toEqual([P]);
    const none = await write((tx) => tx.event.create({ data: { title: "Fictional uncited event (test)", dateStart: "1988", precision: "YEAR" } }));
    expect(await getEventTestimony({ actor: reviewer, eventId: none.id })).toMatchObject({ persons: [], testimony: [], pages: { page: 1, pages: 1, statements: 0 } });
  });

  test("the persons named are a page at a time, the best corroborated first, with the same allegation columns on every page and their own page number", async () => {
    // An event naming more persons than a page holds: X00 by two witnesses (W0 and W1, who withdrew
    // consent), the others by W0 alone, each once.
    const researcher = await makeActor("RESEARCHER");
    const many = 27; // more than a page (EVENT_PERSONS_PER_PAGE)
    const { crowded, ids } = await write(async (tx) => {
      const crowded = (await tx.event.create({ data: { title: "Fictional crowded hearing (test)", dateStart: "1988-08-10", precision: "DAY" } })).id;
      const ids: string[] = [];
      for (let i = 0; i < many; i++) ids.push((await tx.person.create({ data: { name: `Fictional Official ${String(i).padStart(2, "0")} (test)` } })).id);
      for (const [i, personId] of ids.entries()) await tx.link.create({ data: { ...linkRow(researcher.id, { statementId: w0Statements[0]!, personId, allegationType: "IMPRISONMENT", eventId: crowded }), createdAt: new Date(Date.UTC(2024, 1, 1, 0, 0, i)) } });
      await tx.link.create({ data: linkRow(researcher.id, { statementId: w1Statement, personId: ids[0]!, allegationType: "KILLING", eventId: crowded }) });
      return { crowded, ids };
    });

    const first = await getEventTestimony({ actor: reviewer, eventId: crowded });
    expect(first.persons.length).toBeLessThan(many);
    expect(first.persons).toHaveLength(EVENT_PERSONS_PER_PAGE);
    expect(first.personPages).toEqual({ page: 1, pages: 2, perPage: EVENT_PERSONS_PER_PAGE, persons: many });
    const second = await getEventTestimony({ actor: reviewer, eventId: crowded, personPage: 2 });
    expect(second.persons).toHaveLength(many - EVENT_PERSONS_PER_PAGE);
    expect(second.personPages).toMatchObject({ page: 2, pages: 2, persons: many });
    // Every person once, in the ranking's order across the pages: X00 (two witnesses) first, then by name.
    expect([...first.persons, ...second.persons].map((p) => p.person.id)).toEqual(ids);
    // The columns are the allegation types of every person, not only of the page's.
    expect(first.allegationTypes).toEqual(["KILLING", "IMPRISONMENT"]);
    expect(second.allegationTypes).toEqual(["KILLING", "IMPRISONMENT"]);
    expect(second.persons.flatMap((p) => p.allegations.map((a) => a.allegationType))).toEqual(["IMPRISONMENT", "IMPRISONMENT"]);
    // The statements' page is its own: the persons' page does not move it, nor it the persons'.
    expect(second.testimony).toEqual(first.testimony);
    expect(second.pages).toEqual(first.pages);
    expect((await getEventTestimony({ actor: reviewer, eventId: crowded, page: 2, personPage: 2 })).persons).toEqual(second.persons);
    // A page past the last is the last; a page that is no number is refused.
    expect(await getEventTestimony({ actor: reviewer, eventId: crowded, personPage: 99 })).toEqual(second);
    await expect(getEventTestimony({ actor: reviewer, eventId: crowded, personPage: "two" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // A legal team's pages hold what it may see: W1 withdrew, so X00 is named by one witness and is ranked by name.
    const legalFirst = await getEventTestimony({ actor: legal, eventId: crowded });
    expect(legalFirst.personPages).toMatchObject({ pages: 2, persons: many });
    expect(legalFirst.allegationTypes).toEqual(["IMPRISONMENT"]);
    expect(legalFirst.persons[0]!.totals).toEqual({ verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 });
  });
});
