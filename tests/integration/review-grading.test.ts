import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { getReviewPanel } from "@/lib/review/review-view";
import { decideReview, listReviews, submitStatement, takeForReview } from "@/lib/review/workflow";
import { CHECKLIST } from "@/lib/review/schemas";
import { createStatement, getStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { execSql, freshDatabase, type TestDatabase } from "@/tests/support/database";

// Which decisions need a grade: a verification needs both scales; sending a statement back,
// disputing or rejecting it needs a comment and may be graded or not, but a grade is given on
// both scales or neither. A refusal names each missing scale and changes nothing.

let db: TestDatabase;
let author: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [author, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
});
afterAll(async () => db?.drop());

const allChecked = Object.fromEntries(CHECKLIST.map((k) => [k, true]));

/** A statement in review by `reviewer`. */
async function inReview() {
  const w = await createWitness({ actor: author, input: {} });
  const s = await createStatement({ actor: author, input: { witnessId: w.id, title: "grade me", language: "en", originalText: "The visits stopped in July 1988." } });
  await submitStatement({ actor: author, statementId: s.id });
  await takeForReview({ actor: reviewer, statementId: s.id });
  return s;
}

const auditCount = (recordId: string) => read((d) => d.auditEvent.count({ where: { recordId } }));

describe("grading a review decision", () => {
  test.each(["CHANGES_REQUESTED", "DISPUTED", "REJECTED"] as const)("%s without a grade is recorded ungraded", async (decision) => {
    const s = await inReview();
    // As a form sends an unchosen scale ("Not graded"): empty values.
    const { review, statement } = await decideReview({
      actor: reviewer,
      statementId: s.id,
      input: { revisionNumber: 1, decision, checklist: {}, sourceReliability: "", credibility: "", comments: [{ text: "The date needs a source." }] },
    });
    expect(statement.status).toBe(decision);
    expect(review).toMatchObject({ decision, sourceReliability: null, credibility: null });
    const panel = await getReviewPanel({ actor: author, statementId: s.id });
    expect(panel.reviews[0]).toMatchObject({ decision, grade: null, sourceReliability: null, credibility: null });
    const audit = await read((d) => d.auditEvent.findFirstOrThrow({ where: { recordId: s.id, action: "review.decide" } }));
    expect(JSON.parse(audit.after!)).toMatchObject({ status: decision, grading: null });
  });

  test("a grade given with another decision is kept", async () => {
    const s = await inReview();
    const { review } = await decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "CHANGES_REQUESTED", sourceReliability: "C", credibility: "3", comments: [{ text: "More detail." }] } });
    expect(review).toMatchObject({ sourceReliability: "C", credibility: 3 });
  });

  test("a verification without a grade is refused, naming each missing scale with the other problems, and nothing changes", async () => {
    const s = await inReview();
    const before = await auditCount(s.id);
    await expect(
      decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "VERIFIED", checklist: { ...allChecked, consentOnFile: false } } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { sourceReliability: ["reliability_required_verify"], credibility: ["credibility_required_verify"], "checklist.consentOnFile": ["checklist_incomplete"] },
    });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "VERIFIED", checklist: allChecked, sourceReliability: "B", credibility: "" } })).rejects.toMatchObject({
      fields: { credibility: ["credibility_required_verify"] },
    });
    expect(await listReviews({ actor: reviewer, statementId: s.id })).toEqual([]);
    expect((await getStatement({ actor: reviewer, statementId: s.id })).status).toBe("IN_REVIEW");
    expect(await auditCount(s.id)).toBe(before);
  });

  test("half a grade is refused with any decision, naming the missing scale", async () => {
    const s = await inReview();
    await expect(
      decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "REJECTED", sourceReliability: "D", comments: [{ text: "Not credible." }] } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { credibility: ["credibility_required_pair"] } });
    await expect(
      decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "DISPUTED", credibility: 5, comments: [{ text: "Doubtful." }] } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { sourceReliability: ["reliability_required_pair"] } });
    expect(await listReviews({ actor: reviewer, statementId: s.id })).toEqual([]);
  });

  test("reviews stay immutable after the grading columns were relaxed", async () => {
    const s = await inReview();
    const { review } = await decideReview({ actor: reviewer, statementId: s.id, input: { revisionNumber: 1, decision: "REJECTED", comments: [{ text: "Not usable." }] } });
    await expect(execSql(db, `UPDATE "Review" SET "sourceReliability" = 'A' WHERE "id" = '${review.id}'`)).rejects.toThrow(/immutable|append-only/);
    await expect(execSql(db, `DELETE FROM "Review" WHERE "id" = '${review.id}'`)).rejects.toThrow(/immutable|append-only/);
  });
});
