import { afterAll, describe, expect, test } from "vitest";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { decideReview, listReviews, submitStatement, takeForReview } from "@/lib/review/workflow";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { emptyDatabase, execSql, migrateBefore, testProvider, type TestDatabase } from "@/tests/support/database";

// Migration *_review_grading_optional lets a review be stored without grades. On SQLite it
// rebuilds the Review table: the reviews recorded before it must come through unchanged, and
// the table must stay immutable (its triggers are dropped with the old table and made again).

const provider = testProvider();
let d: TestDatabase | undefined;
afterAll(async () => {
  await closeDb();
  await d?.drop();
});

describe("upgrading to optional review grades", () => {
  test("reviews recorded before keep every field, stay immutable, and an ungraded decision can follow", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_review_grading_optional");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    const author = await makeActor("RESEARCHER");
    const reviewer = await makeActor("REVIEWER");
    const w = await createWitness({ actor: author, input: { fictional: true } });
    const statements = [];
    for (const title of ["Fictional upgrade sample one", "Fictional upgrade sample two"]) {
      const s = await createStatement({ actor: author, input: { witnessId: w.id, title, language: "en", originalText: "The visits stopped in July 1988." } });
      await submitStatement({ actor: author, statementId: s.id });
      await takeForReview({ actor: reviewer, statementId: s.id });
      statements.push(s);
    }
    // Before the upgrade every decision carried both grades.
    await decideReview({
      actor: reviewer,
      statementId: statements[0]!.id,
      input: { revisionNumber: 1, decision: "CHANGES_REQUESTED", sourceReliability: "C", credibility: 3, comments: [{ text: "Fictional: name the block." }] },
    });
    const before = await read((db) => db.review.findMany({ orderBy: { createdAt: "asc" } }));
    expect(before).toHaveLength(1);

    const result = await migrate(d.url);
    expect(result.applied).toContain(upgrade);
    await closeDb();

    expect(await read((db) => db.review.findMany({ orderBy: { createdAt: "asc" } }))).toEqual(before);
    await expect(execSql(d, `UPDATE "Review" SET "decision" = 'VERIFIED'`)).rejects.toThrow(/immutable|append-only/);
    await expect(execSql(d, `DELETE FROM "Review"`)).rejects.toThrow(/immutable|append-only/);
    expect(await read((db) => db.review.count())).toBe(1);

    await decideReview({ actor: reviewer, statementId: statements[1]!.id, input: { revisionNumber: 1, decision: "REJECTED", comments: [{ text: "Fictional: not testimony." }] } });
    const [ungraded] = await listReviews({ actor: reviewer, statementId: statements[1]!.id });
    expect(ungraded).toMatchObject({ decision: "REJECTED", sourceReliability: null, credibility: null });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
