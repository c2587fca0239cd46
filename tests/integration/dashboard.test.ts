import { afterAll, beforeAll, expect, test } from "vitest";
import { getDashboardSummary, getRecentStatements } from "@/lib/dashboard/get-dashboard-summary";
import { read, write } from "@/lib/db/write";
import { STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { createStatement, listStatements } from "@/lib/statements/statements";
import { countReadableWitnesses, createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
afterAll(async () => db?.drop());
beforeAll(async () => {
  db = await freshDatabase();
});

test("the dashboard counts statements by status, witnesses, and the fictional ones of each", async () => {
  const author = await makeActor("RESEARCHER");
  const legal = await makeActor("LEGAL");
  const reviewer = await makeActor("REVIEWER");
  const empty = await getDashboardSummary({ actor: author });
  expect(empty).toEqual({
    statementsByStatus: Object.fromEntries(STATEMENT_STATUSES.map((s) => [s, 0])),
    statements: 0, witnesses: 0, fictionalStatements: 0, fictionalWitnesses: 0,
    review: { submitted: 0, inReview: 0, mine: 0, unread: 0 },
  });
  expect(await getRecentStatements({ actor: author })).toEqual([]);

  const real = (await createWitness({ actor: author, input: {} })).id;
  const fictional = (await createWitness({ actor: author, input: { fictional: true } })).id;
  await createWitness({ actor: author, input: { fictional: true } }); // no statements
  const shared = (await createWitness({ actor: author, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" }] } })).id;
  // 3 DRAFT (1 fictional), 2 SUBMITTED (both fictional), 3 IN_REVIEW (2 assigned to the reviewer),
  // 1 VERIFIED, 1 REJECTED (fictional); two statements of the witness who consented to legal sharing.
  const plan: [string, (typeof STATEMENT_STATUSES)[number], string | null][] = [
    [real, "DRAFT", null], [shared, "DRAFT", null], [fictional, "DRAFT", null], [fictional, "SUBMITTED", null], [fictional, "SUBMITTED", null],
    [real, "IN_REVIEW", reviewer.id], [shared, "IN_REVIEW", reviewer.id], [real, "IN_REVIEW", author.id], [real, "VERIFIED", null], [fictional, "REJECTED", null],
  ];
  const ids: string[] = [];
  for (const [i, [witnessId, status, assigneeId]] of plan.entries()) {
    const s = await createStatement({ actor: author, input: { witnessId, title: `t${i}`, language: "en", originalText: "The words of the witness." } });
    ids.push(s.id);
    await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status, assigneeId, updatedAt: new Date(Date.UTC(2025, 0, 1 + i)) } }));
  }
  // Two unread notices for the reviewer, one read, one for someone else.
  for (const [userId, readAt] of [[reviewer.id, null], [reviewer.id, null], [reviewer.id, new Date()], [author.id, null]] as const) {
    await write((tx) => tx.notification.create({ data: { userId, kind: "ASSIGNED", statementId: ids[0]!, readAt } }));
  }

  const expected = {
    statementsByStatus: { DRAFT: 3, SUBMITTED: 2, IN_REVIEW: 3, VERIFIED: 1, CHANGES_REQUESTED: 0, DISPUTED: 0, REJECTED: 1 },
    statements: 10,
    witnesses: 4,
    fictionalStatements: 4,
    fictionalWitnesses: 2,
  };
  expect(await getDashboardSummary({ actor: author })).toEqual({ ...expected, review: { submitted: 2, inReview: 3, mine: 1, unread: 1 } });
  expect(await getDashboardSummary({ actor: reviewer })).toEqual({ ...expected, review: { submitted: 2, inReview: 3, mine: 2, unread: 2 } });
  // A legal team counts only what its lists hold: the statements and witnesses whose witness's
  // consent covers legal sharing (the one witness who consented, and its two statements).
  const legalCounts = {
    statementsByStatus: { DRAFT: 1, SUBMITTED: 0, IN_REVIEW: 1, VERIFIED: 0, CHANGES_REQUESTED: 0, DISPUTED: 0, REJECTED: 0 },
    statements: 2,
    witnesses: 1,
    fictionalStatements: 0,
    fictionalWitnesses: 0,
    review: { submitted: 0, inReview: 1, mine: 0, unread: 0 },
  };
  expect(await getDashboardSummary({ actor: legal })).toEqual(legalCounts);
  expect((await listStatements({ actor: legal, query: {} })).total).toBe(legalCounts.statements);
  expect(await countReadableWitnesses({ actor: legal })).toBe(legalCounts.witnesses);

  // The newest five, newest first; a legal-team user only those of witnesses who consented to legal sharing.
  expect((await getRecentStatements({ actor: author })).map((s) => s.title)).toEqual(["t9", "t8", "t7", "t6", "t5"]);
  expect((await getRecentStatements({ actor: legal })).map((s) => s.title)).toEqual(["t6", "t1"]);
  expect((await getRecentStatements({ actor: author }))[0]).toMatchObject({ id: ids[9], status: "REJECTED", fictional: true, witness: { code: expect.any(String) } });
  await expect(getDashboardSummary({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

  // Consent withdrawn: on the next request the legal team's counts no longer hold that witness or its statements.
  const consent = await read((tx) => tx.consent.findFirstOrThrow({ where: { witnessId: shared, scope: "LEGAL_SHARING" } }));
  await withdrawConsent({ actor: author, consentId: consent.id, input: {} });
  expect(await getDashboardSummary({ actor: legal })).toEqual({
    ...legalCounts,
    statementsByStatus: Object.fromEntries(STATEMENT_STATUSES.map((s) => [s, 0])),
    statements: 0,
    witnesses: 0,
    review: { submitted: 0, inReview: 0, mine: 0, unread: 0 },
  });
  expect(await getDashboardSummary({ actor: author })).toEqual({ ...expected, review: { submitted: 2, inReview: 3, mine: 1, unread: 1 } });
});
