import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read } from "@/lib/db/write";
import { assignReviewer, decideReview, listNotifications, listReviewQueue, listReviews, markNotificationsRead, submitStatement, takeForReview } from "@/lib/review/workflow";
import { countUnreadNotifications, getReviewPanel } from "@/lib/review/review-view";
import { CHECKLIST } from "@/lib/review/schemas";
import { createStatement, getStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { updateUser } from "@/lib/users/users";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let author: Actor;
let reviewer: Actor;
let reviewer2: Actor;
let admin: Actor;
let legal: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [author, reviewer, reviewer2, admin, legal] = await Promise.all([
    makeActor("RESEARCHER"),
    makeActor("REVIEWER"),
    makeActor("REVIEWER"),
    makeActor("ADMIN"),
    makeActor("LEGAL"),
  ]);
});
afterAll(async () => db?.drop());

const allChecked = Object.fromEntries(CHECKLIST.map((k) => [k, true]));

async function draft(by: Actor = author) {
  // Taken under the witness's consent: a verification checks that one is on file.
  const w = await createWitness({ actor: by, input: { consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-01", method: "WRITTEN" }] } });
  return createStatement({ actor: by, input: { witnessId: w.id, title: "review me", language: "fa", originalText: "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد." } });
}

const verify = (revisionNumber: number) => ({ revisionNumber, decision: "VERIFIED", checklist: allChecked, sourceReliability: "B", credibility: 2 });

describe("the review workflow", () => {
  test("draft → submitted → in review → verified, with an immutable review of that revision and a notice to the author", async () => {
    const s = await draft();
    await submitStatement({ actor: author, statementId: s.id });
    expect((await listReviewQueue({ actor: reviewer, query: {} })).items.map((x) => x.id)).toContain(s.id);
    await takeForReview({ actor: reviewer, statementId: s.id });
    const { review } = await decideReview({ actor: reviewer, statementId: s.id, input: verify(1) });
    expect(review).toMatchObject({ decision: "VERIFIED", revisionNumber: 1, sourceReliability: "B", credibility: 2 });
    expect((await getStatement({ actor: author, statementId: s.id })).status).toBe("VERIFIED");
    expect((await listNotifications({ actor: author })).map((n) => n.kind)).toContain("DECIDED");
    const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: s.id }, orderBy: { seq: "asc" } }))).map((e) => e.action);
    expect(actions).toEqual(["statement.create", "statement.submit", "review.take", "review.decide"]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("nobody reviews their own statement, or one they revised", async () => {
    const own = await draft(admin);
    await submitStatement({ actor: admin, statementId: own.id });
    await expect(takeForReview({ actor: admin, statementId: own.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const s = await draft();
    await updateStatement({ actor: admin, statementId: s.id, input: { title: "t", language: "fa", originalText: "ویرایش مدیر", reason: "fix", baseRevision: 1 } });
    await submitStatement({ actor: author, statementId: s.id });
    await expect(takeForReview({ actor: admin, statementId: s.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assignReviewer({ actor: admin, statementId: s.id, input: { reviewerId: author.id } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { reviewerId: ["not_eligible_reviewer"] },
    });
    await markNotificationsRead({ actor: reviewer2 });
    expect(await countUnreadNotifications({ actor: reviewer2 })).toBe(0);
    await assignReviewer({ actor: admin, statementId: s.id, input: { reviewerId: reviewer2.id } });
    expect((await listNotifications({ actor: reviewer2 })).map((n) => n.kind)).toContain("ASSIGNED");
    // The header's bell counts the reviewer's own unread notices only.
    expect(await countUnreadNotifications({ actor: reviewer2 })).toBe((await listNotifications({ actor: reviewer2, query: { unread: true } })).length);
    expect(await countUnreadNotifications({ actor: reviewer2 })).toBeGreaterThan(0);
    await markNotificationsRead({ actor: reviewer2 });
    expect(await countUnreadNotifications({ actor: reviewer2 })).toBe(0);
    // Only the assigned reviewer decides.
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: verify(2) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideReview({ actor: reviewer2, statementId: s.id, input: verify(2) });
  });

  test("the statement page's review panel: reviews newest first with reviewers' names, assignee, editors and the buttons that apply", async () => {
    const s = await draft();
    await updateStatement({ actor: admin, statementId: s.id, input: { title: "t", language: "fa", originalText: "ویرایش مدیر", reason: "fix", baseRevision: 1 } });
    const fresh = await getReviewPanel({ actor: admin, statementId: s.id });
    expect(fresh).toMatchObject({ status: "DRAFT", revisionNumber: 2, submittedAt: null, assignee: null, reviews: [], mayTake: false, mayDecide: false, isEditor: true, text: null, eligibleReviewers: [] });
    expect((await getReviewPanel({ actor: reviewer, statementId: s.id })).isEditor).toBe(false);
    await submitStatement({ actor: author, statementId: s.id });
    const submitted = await getReviewPanel({ actor: reviewer, statementId: s.id });
    expect(submitted).toMatchObject({ status: "SUBMITTED", mayTake: true, assignee: null });
    expect(submitted.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The admin revised it: never offered as a reviewer; the author neither.
    const adminView = await getReviewPanel({ actor: admin, statementId: s.id });
    expect(adminView.eligibleReviewers.map((u) => u.id)).toContain(reviewer.id);
    expect(adminView.eligibleReviewers.map((u) => u.id)).not.toContain(admin.id);
    expect(adminView.eligibleReviewers.map((u) => u.id)).not.toContain(author.id);
    expect(adminView.mayTake).toBe(false);
    await assignReviewer({ actor: admin, statementId: s.id, input: { reviewerId: reviewer2.id } });
    const assigned = await getReviewPanel({ actor: reviewer2, statementId: s.id });
    expect(assigned).toMatchObject({ status: "IN_REVIEW", assignee: { id: reviewer2.id, name: reviewer2.name }, mayDecide: true, text: "ویرایش مدیر", reviews: [] });
    await decideReview({ actor: reviewer2, statementId: s.id, input: { revisionNumber: 2, decision: "CHANGES_REQUESTED", checklist: {}, sourceReliability: "C", credibility: 3, comments: [{ text: "more detail" }] } });
    const decided = await getReviewPanel({ actor: author, statementId: s.id });
    expect(decided.status).toBe("CHANGES_REQUESTED");
    expect(decided.reviews).toHaveLength(1);
    const stored = await read((d) => d.review.findFirstOrThrow({ where: { statementId: s.id } }));
    expect(decided.reviews[0]).toMatchObject({
      id: stored.id,
      revisionNumber: 2,
      decision: "CHANGES_REQUESTED",
      grade: "C3",
      credibility: 3,
      reviewer: { id: reviewer2.id, name: reviewer2.name },
      createdAt: stored.createdAt.toISOString(),
      comments: [{ text: "more detail" }],
    });
    expect(Object.values(decided.reviews[0]!.checklist).every((v) => v === false)).toBe(true);
    expect(decided.maySubmit).toBe(true);
    await expect(getReviewPanel({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("only the allowed transitions exist, for every role", async () => {
    const s = await draft();
    await expect(takeForReview({ actor: reviewer, statementId: s.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(submitStatement({ actor: reviewer, statementId: s.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The draft's witness has no consent to legal sharing: for a legal team the statement does not exist.
    await expect(submitStatement({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await submitStatement({ actor: author, statementId: s.id });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: verify(1) })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await takeForReview({ actor: reviewer, statementId: s.id });
    await expect(takeForReview({ actor: reviewer2, statementId: s.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), decision: "REJECTED", comments: [{ text: "not credible" }] } });
    await expect(submitStatement({ actor: author, statementId: s.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(updateStatement({ actor: author, statementId: s.id, input: { title: "t", language: "fa", originalText: "x", reason: "r", baseRevision: 1 } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  test("a verification needs the whole checklist; other decisions need a comment; bad grading is refused; nothing changes", async () => {
    const s = await draft();
    await submitStatement({ actor: author, statementId: s.id });
    await takeForReview({ actor: reviewer, statementId: s.id });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), checklist: { ...allChecked, translationChecked: false } } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { "checklist.translationChecked": ["checklist_incomplete"] },
    });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), decision: "DISPUTED" } })).rejects.toMatchObject({
      fields: { comments: ["comment_required"] },
    });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), sourceReliability: "G", credibility: 7 } })).rejects.toMatchObject({
      fields: { sourceReliability: ["invalid_choice"], credibility: ["invalid_choice"] },
    });
    await expect(
      decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), decision: "DISPUTED", comments: [{ text: "where?", startOffset: 0, endOffset: 5, quote: "nope!" }] } }),
    ).rejects.toMatchObject({ fields: { comments: ["passage_mismatch"] } });
    expect(await listReviews({ actor: reviewer, statementId: s.id })).toEqual([]);
    expect((await getStatement({ actor: reviewer, statementId: s.id })).status).toBe("IN_REVIEW");
  });

  test("changes requested go back to the author; an edit makes it a draft; it can be resubmitted", async () => {
    const s = await draft();
    await submitStatement({ actor: author, statementId: s.id });
    await takeForReview({ actor: reviewer, statementId: s.id });
    await decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), decision: "CHANGES_REQUESTED", comments: [{ text: "date?", startOffset: 3, endOffset: 8, quote: "مرداد" }] } });
    expect((await listNotifications({ actor: author })).some((n) => n.kind === "SENT_BACK" && n.statementId === s.id)).toBe(true);
    await updateStatement({ actor: author, statementId: s.id, input: { title: "t", language: "fa", originalText: "در ۱۲ مرداد ۱۳۶۷ ملاقات‌ها قطع شد.", reason: "date", baseRevision: 1 } });
    expect((await getStatement({ actor: author, statementId: s.id })).status).toBe("DRAFT");
    await submitStatement({ actor: author, statementId: s.id });
    expect((await getStatement({ actor: author, statementId: s.id })).status).toBe("SUBMITTED");
  });

  test("editing a verified statement sends the new revision back to review; the old verification stays in the history", async () => {
    const s = await draft();
    await submitStatement({ actor: author, statementId: s.id });
    await takeForReview({ actor: reviewer, statementId: s.id });
    await decideReview({ actor: reviewer, statementId: s.id, input: verify(1) });
    await updateStatement({ actor: author, statementId: s.id, input: { title: "t", language: "fa", originalText: "متن تازه", reason: "new detail", baseRevision: 1 } });
    const now = await getStatement({ actor: author, statementId: s.id });
    expect(now.status).toBe("SUBMITTED");
    expect(now.revisionNumber).toBe(2);
    const reviews = await listReviews({ actor: author, statementId: s.id });
    expect(reviews.map((r) => [r.revisionNumber, r.decision])).toEqual([[1, "VERIFIED"]]);
    // A decision on the old revision is refused once the statement moved on.
    await takeForReview({ actor: reviewer, statementId: s.id });
    await expect(decideReview({ actor: reviewer, statementId: s.id, input: verify(1) })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a reviewer moved to a legal team keeps only the notices about statements a legal team may read", async () => {
    const moved = await makeActor("REVIEWER");
    const shared = await createWitness({ actor: author, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" }] } });
    const open = await createStatement({ actor: author, input: { witnessId: shared.id, title: "Notice about a shared statement", language: "en", originalText: "Words." } });
    const hidden = await draft();
    for (const s of [open, hidden]) {
      await submitStatement({ actor: author, statementId: s.id });
      await assignReviewer({ actor: admin, statementId: s.id, input: { reviewerId: moved.id } });
    }
    expect((await listNotifications({ actor: moved })).map((n) => n.statementId).sort()).toEqual([open.id, hidden.id].sort());
    expect(await countUnreadNotifications({ actor: moved })).toBe(2);
    await updateUser({ actor: admin, userId: moved.id, input: { role: "LEGAL" } });
    const asLegal: Actor = { ...moved, role: "LEGAL" };
    // The notice names the statement's title: for a legal team the hidden statement does not exist.
    const notices = await listNotifications({ actor: asLegal });
    expect(notices.map((n) => n.statementId)).toEqual([open.id]);
    expect(JSON.stringify(notices)).not.toContain("review me");
    expect(await countUnreadNotifications({ actor: asLegal })).toBe(1);
    expect((await getDashboardSummary({ actor: asLegal })).review.unread).toBe(1);
    // Withdrawn consent takes the other one away on the next read.
    const consent = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId: shared.id, scope: "LEGAL_SHARING" } }));
    await withdrawConsent({ actor: author, consentId: consent.id, input: {} });
    expect(await listNotifications({ actor: asLegal })).toEqual([]);
    expect(await countUnreadNotifications({ actor: asLegal })).toBe(0);
    expect((await getDashboardSummary({ actor: asLegal })).review.unread).toBe(0);
  });

  test("a statement's reviews are read under the statement's own rule: consent for a legal team, NOT_FOUND for an unknown id", async () => {
    // The review quotes the testimony: a legal team must not read it while the witness's consent does not cover legal sharing.
    const w = await createWitness({ actor: author, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" }] } });
    const s = await createStatement({ actor: author, input: { witnessId: w.id, title: "quoted", language: "en", originalText: "The guard said the commission had come." } });
    await submitStatement({ actor: author, statementId: s.id });
    await takeForReview({ actor: reviewer, statementId: s.id });
    await decideReview({ actor: reviewer, statementId: s.id, input: { ...verify(1), decision: "DISPUTED", comments: [{ text: "who?", startOffset: 4, endOffset: 9, quote: "guard" }] } });
    expect((await listReviews({ actor: legal, statementId: s.id })).map((r) => r.decision)).toEqual(["DISPUTED"]);
    const consent = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId: w.id, scope: "LEGAL_SHARING" } }));
    await withdrawConsent({ actor: author, consentId: consent.id, input: {} });
    await expect(listReviews({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A witness who never consented: the same.
    const hidden = await draft();
    await expect(listReviews({ actor: legal, statementId: hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Other roles still read them; an id that names no statement is not an empty list.
    expect((await listReviews({ actor: reviewer2, statementId: s.id })).map((r) => JSON.parse(r.comments))).toEqual([[{ text: "who?", startOffset: 4, endOffset: 9, quote: "guard" }]]);
    await expect(listReviews({ actor: reviewer, statementId: "no-such-statement" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listReviews({ actor: null, statementId: s.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("the queue filters by state, language, author and waiting time; it is for reviewers and admins", async () => {
    const mine = await listReviewQueue({ actor: reviewer, query: { state: "MINE" } });
    expect(mine.items.every((x) => x.assigneeId === reviewer.id && x.status === "IN_REVIEW")).toBe(true);
    const byAuthor = await listReviewQueue({ actor: admin, query: { authorId: author.id, language: "fa" } });
    expect(byAuthor.total).toBeGreaterThan(0);
    expect(byAuthor.items.every((x) => x.authorId === author.id && ["SUBMITTED", "IN_REVIEW"].includes(x.status))).toBe(true);
    expect((await listReviewQueue({ actor: admin, query: { minWaitingDays: "30" } })).total).toBe(0);
    await expect(listReviewQueue({ actor: author, query: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReviewQueue({ actor: admin, query: { state: "VERIFIED" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
