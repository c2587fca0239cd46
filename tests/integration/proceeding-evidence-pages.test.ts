import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as dbClient from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getProceedingEvidence, PROCEEDING_STATEMENTS_PER_PAGE } from "@/lib/corroboration";
import { ZProceedingEvidenceOut } from "@/lib/corroboration/schemas";
import { write } from "@/lib/db/write";
import { listLinksForPerson, listLinksForProceeding } from "@/lib/links";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The proceeding page's evidence on a defendant named in more statements than a page holds:
// the statements come a page at a time, the defendants' counts are of all of them, and a legal
// team's pages and counts hold only what it may see. Fictional records, written directly.
//
// W0 consents to legal sharing (verified); W1 does not (verified); W2 does not (unverified).
//   25 statements of W0 name the defendant D (KILLING)
//   3 statements of W1 cite the proceeding, naming another person Q (TORTURE)
//   2 statements of W2 name D (TORTURE), one link of them flagged NEEDS_REVIEW

let db: TestDatabase;
let reviewer: Actor;
let legal: Actor;
let proceedingId: string;
let D: string;
const w0Statements: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  const given = { givenAt: "2023-01-01", method: "WRITTEN" };
  const witness = (consent: boolean) => createWitness({ actor: researcher, input: consent ? { consents: [{ scope: "LEGAL_SHARING", ...given }] } : {} });
  const [w0, w1, w2] = [await witness(true), await witness(false), await witness(false)];
  const statementOf = async (witnessId: string, verified: boolean, n: number) => {
    const s = await createStatement({ actor: researcher, input: { witnessId, title: `Fictional sample ${n}`, language: "en", originalText: "This text is fictional. The official was there." } });
    if (verified) await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status: "VERIFIED" } }));
    return s.id;
  };
  for (let n = 0; n < 25; n++) w0Statements.push(await statementOf(w0.id, true, n));
  const w1Statements = [await statementOf(w1.id, true, 100), await statementOf(w1.id, true, 101), await statementOf(w1.id, true, 102)];
  const w2Statements = [await statementOf(w2.id, false, 200), await statementOf(w2.id, false, 201)];
  let Q = "";
  await write(async (tx) => {
    D = (await tx.person.create({ data: { name: "Fictional Defendant (test)" } })).id;
    Q = (await tx.person.create({ data: { name: "Fictional Other Official (test)" } })).id;
    proceedingId = (await tx.proceeding.create({ data: { title: "Fictional prosecution (test)", titleFa: "دادرسی ساختگی (آزمایشی)", kind: "CRIMINAL_TRIAL", defendants: { create: [{ personId: D }] } } })).id;
  });
  const link = (statementId: string, personId: string, allegationType: string, more: { proceedingId?: string; anchor?: string } = {}) => linkRow(researcher.id, { statementId, personId, allegationType, ...more });
  // Each a second after the one before: the order they were made is the order of the statements above.
  const rows = [
    ...w0Statements.map((s) => link(s, D, "KILLING")),
    ...w1Statements.map((s) => link(s, Q, "TORTURE", { proceedingId })),
    link(w2Statements[0]!, D, "TORTURE"),
    link(w2Statements[1]!, D, "TORTURE", { anchor: "NEEDS_REVIEW" }),
  ];
  await write(async (tx) => {
    for (const [i, data] of rows.entries()) await tx.link.create({ data: { ...data, createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)) } });
  });
});
afterAll(async () => db?.drop());

async function allPages(actor: Actor) {
  const first = await getProceedingEvidence({ actor, proceedingId });
  const pages = [first];
  for (let page = 2; page <= first.pages.pages; page++) pages.push(await getProceedingEvidence({ actor, proceedingId, page }));
  return pages;
}

describe("the statements in evidence, a page at a time", () => {
  test("the pages together are every statement the reader's links put in evidence, each once, in the order their links were made", async () => {
    for (const actor of [reviewer, legal]) {
      const pages = await allPages(actor);
      // What lib/links lists for this reader: links citing the proceeding or naming the defendant.
      const listed = [...(await listLinksForProceeding({ actor, proceedingId })).items, ...(await listLinksForPerson({ actor, personId: D })).items];
      const expected = [...new Set(listed.map((l) => l.statement.id))];
      const shown = pages.flatMap((p) => p.evidence.map((e) => e.statement.id));
      expect(new Set(shown).size).toBe(shown.length);
      expect([...shown].sort()).toEqual([...expected].sort());
      expect(pages[0]!.pages).toEqual({ page: 1, pages: Math.ceil(expected.length / PROCEEDING_STATEMENTS_PER_PAGE), perPage: PROCEEDING_STATEMENTS_PER_PAGE, statements: expected.length });
      for (const p of pages) expect(p.evidence.length).toBeLessThanOrEqual(PROCEEDING_STATEMENTS_PER_PAGE);
      expect(pages.length).toBeGreaterThan(1);
      // W0's statements first, in the order they were linked.
      expect(shown.slice(0, 25)).toEqual(w0Statements);
      expect(ZProceedingEvidenceOut.strict().parse(pages[0])).toEqual(pages[0]);
    }
  });

  test("every page carries the defendants' counts over all their links, not the page's", async () => {
    const pages = await allPages(reviewer);
    for (const p of pages) {
      const d = p.defendants.find((x) => x.person.id === D)!;
      expect(d.totals).toEqual({ verifiedWitnesses: 1, unverifiedWitnesses: 1, needsReview: 1 });
      expect(d.allegations).toEqual([
        { allegationType: "KILLING", verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 },
        { allegationType: "TORTURE", verifiedWitnesses: 0, unverifiedWitnesses: 1, needsReview: 1 },
      ]);
    }
    expect(pages[0]!.evidence.every((e) => e.quotes.length === 1 && e.quotes[0]!.person.id === D)).toBe(true);
    expect(pages.at(-1)!.evidence.filter((e) => e.taggedForProceeding)).toHaveLength(3);
  });

  test("every page names the proceeding by its English and its Persian title", async () => {
    for (const p of await allPages(reviewer)) expect(p.proceeding).toEqual({ id: proceedingId, title: "Fictional prosecution (test)", titleFa: "دادرسی ساختگی (آزمایشی)" });
  });

  test("a legal team's pages and counts leave out the witnesses without consent to legal sharing", async () => {
    const pages = await allPages(legal);
    expect(pages[0]!.pages.statements).toBe(25);
    expect(pages.flatMap((p) => p.evidence).every((e) => e.statement.status === "VERIFIED" && !e.taggedForProceeding)).toBe(true);
    expect(pages[0]!.defendants[0]!.totals).toEqual({ verifiedWitnesses: 1, unverifiedWitnesses: 0, needsReview: 0 });
    expect(pages[0]!.defendants[0]!.allegations.map((a) => a.allegationType)).toEqual(["KILLING"]);
  });

  test("a page past the last is the last; a page that is no number is refused", async () => {
    const pages = await allPages(reviewer);
    const beyond = await getProceedingEvidence({ actor: reviewer, proceedingId, page: 50 });
    expect(beyond).toEqual(pages.at(-1));
    expect(beyond.pages.page).toBe(pages.length);
    expect(beyond.evidence.length).toBeGreaterThan(0);
    // The page past the last is clamped in the same reads as any other page: no second read of the statements.
    const reads = vi.spyOn(dbClient, "rawAll");
    try {
      await getProceedingEvidence({ actor: reviewer, proceedingId, page: 1 });
      const onPage = reads.mock.calls.length;
      reads.mockClear();
      await getProceedingEvidence({ actor: reviewer, proceedingId, page: 50 });
      expect(reads.mock.calls.length).toBe(onPage);
    } finally {
      reads.mockRestore();
    }
    // No statement in evidence: one empty page, whichever page is asked for.
    const empty = await write((tx) => tx.proceeding.create({ data: { title: "Fictional empty proceeding (test)", kind: "CRIMINAL_TRIAL" } }));
    const none = await getProceedingEvidence({ actor: reviewer, proceedingId: empty.id, page: 3 });
    expect(none.evidence).toEqual([]);
    expect(none.pages).toEqual({ page: 1, pages: 1, perPage: PROCEEDING_STATEMENTS_PER_PAGE, statements: 0 });
    await expect(getProceedingEvidence({ actor: reviewer, proceedingId, page: "x" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { page: ["invalid_number"] } });
    await expect(getProceedingEvidence({ actor: reviewer, proceedingId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
