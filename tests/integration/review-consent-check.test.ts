import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { getReviewPanel } from "@/lib/review/review-view";
import { CHECKLIST, readWaitingDays } from "@/lib/review/schemas";
import { decideReview, listReviewQueue, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createStatement } from "@/lib/statements/statements";
import { createWitness, recordConsent, withdrawConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The checklist's "consent on file" was the reviewer's word alone: a statement was verified with
// it ticked while its witness had no consent recorded, or none still in force. The workflow now
// reads the witness's consents and refuses such a decision on that field, changing nothing. Also:
// the decision radios' own error, and the queue's days filter written in Persian digits.
// Fictional records throughout.

let db: TestDatabase;
let author: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [author, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
});
afterAll(async () => db?.drop());

const allChecked = Object.fromEntries(CHECKLIST.map((k) => [k, true]));
const verify = { revisionNumber: 1, decision: "VERIFIED", checklist: allChecked, sourceReliability: "B", credibility: 2 };
const RESEARCH = { scope: "INTERNAL_RESEARCH", givenAt: "2024-01-01", method: "WRITTEN" };
const LEGAL = { scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" };

/** A fictional statement in review by `reviewer`, its witness with these consents. */
async function inReview(consents: object[]) {
  const w = await createWitness({ actor: author, input: { fictional: true, consents } });
  const s = await createStatement({ actor: author, input: { witnessId: w.id, title: "Fictional consent check", language: "en", originalText: "A fictional account for the consent check." } });
  await submitStatement({ actor: author, statementId: s.id });
  await takeForReview({ actor: reviewer, statementId: s.id });
  return { witnessId: w.id, statementId: s.id };
}

/** What a refused decision must have left alone: still in review, no review row, no decision in the audit trail. */
async function unchanged(statementId: string) {
  const [s, reviews, decided] = await read((d) =>
    Promise.all([
      d.statement.findUniqueOrThrow({ where: { id: statementId } }),
      d.review.count({ where: { statementId } }),
      d.auditEvent.count({ where: { recordId: statementId, action: "review.decide" } }),
    ]),
  );
  expect({ status: s.status, assigneeId: s.assigneeId, reviews, decided }).toEqual({ status: "IN_REVIEW", assigneeId: reviewer.id, reviews: 0, decided: 0 });
}

const NO_CONSENT = { code: "INVALID_INPUT", fields: { "checklist.consentOnFile": ["no_consent_in_force"] } };

describe("consent on file is checked against the witness's consents", () => {
  test("a statement whose witness has no consent recorded cannot be verified with consent on file ticked", async () => {
    const { statementId } = await inReview([]);
    await expect(decideReview({ actor: reviewer, statementId, input: verify })).rejects.toMatchObject(NO_CONSENT);
    await unchanged(statementId);
  });

  test("nor one whose witness withdrew every consent given", async () => {
    const { witnessId, statementId } = await inReview([LEGAL]);
    const consent = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId } }));
    await withdrawConsent({ actor: author, consentId: consent.id, input: {} });
    await expect(decideReview({ actor: reviewer, statementId, input: verify })).rejects.toMatchObject(NO_CONSENT);
    await unchanged(statementId);
  });

  test("another decision with consent on file ticked is refused the same way; unticked, it needs no consent", async () => {
    const { statementId } = await inReview([]);
    const dispute = { revisionNumber: 1, decision: "DISPUTED", comments: [{ text: "Who else saw this?" }] };
    await expect(decideReview({ actor: reviewer, statementId, input: { ...dispute, checklist: { consentOnFile: true } } })).rejects.toMatchObject(NO_CONSENT);
    await unchanged(statementId);
    const { statement } = await decideReview({ actor: reviewer, statementId, input: { ...dispute, checklist: { consentOnFile: false } } });
    expect(statement.status).toBe("DISPUTED");
  });

  test("with a consent in force, recorded later on the witness's page, the verification goes through", async () => {
    const { witnessId, statementId } = await inReview([]);
    await expect(decideReview({ actor: reviewer, statementId, input: verify })).rejects.toMatchObject(NO_CONSENT);
    await recordConsent({ actor: author, witnessId, input: RESEARCH });
    const { statement, review } = await decideReview({ actor: reviewer, statementId, input: verify });
    expect(statement.status).toBe("VERIFIED");
    expect(JSON.parse(review.checklist)).toMatchObject({ consentOnFile: true });
  });

  test("the review form knows beforehand whether the witness has a consent in force", async () => {
    const none = await inReview([]);
    const given = await inReview([RESEARCH]);
    expect((await getReviewPanel({ actor: reviewer, statementId: none.statementId })).consentInForce).toBe(false);
    expect((await getReviewPanel({ actor: reviewer, statementId: given.statementId })).consentInForce).toBe(true);
  });

  test("the refusal says what to do, in English and in Persian", () => {
    expect(fieldErrorMessage("no_consent_in_force", "en")).toBe("The witness has no consent in force on file: record it on the witness's page first.");
    const fa = fieldErrorMessage("no_consent_in_force", "fa");
    expect(fa).not.toBe("no_consent_in_force");
    expect(fa).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("the decision radios", () => {
  test("a decision left out, or one that is not offered, is told to choose a decision, in both languages, and nothing changes", async () => {
    const { statementId } = await inReview([RESEARCH]);
    const { decision: _left, ...noDecision } = verify;
    await expect(decideReview({ actor: reviewer, statementId, input: noDecision })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { decision: ["decision_required"] } });
    await expect(decideReview({ actor: reviewer, statementId, input: { ...verify, decision: "MAYBE" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { decision: ["decision_required"] } });
    await unchanged(statementId);
    expect(fieldErrorMessage("decision_required", "en")).toBe("Choose a decision: verify, request changes, dispute or reject.");
    expect(fieldErrorMessage("decision_required", "fa")).toMatch(/[\u0600-\u06FF]/);
    expect(fieldErrorMessage("decision_required", "fa")).not.toBe(fieldErrorMessage("invalid_choice", "fa"));
  });
});

describe("the queue's days filter", () => {
  test("Persian and Arabic-Indic digits are read as the days they write", async () => {
    // Nothing in this database has waited 30 days; everything has waited at least 0.
    const all = (await listReviewQueue({ actor: reviewer, query: {} })).total;
    expect(all).toBeGreaterThan(0);
    for (const days of ["۰", "٠", "0"]) expect((await listReviewQueue({ actor: reviewer, query: { minWaitingDays: days } })).total, days).toBe(all);
    for (const days of ["۳۰", "٣٠", "30"]) expect((await listReviewQueue({ actor: reviewer, query: { minWaitingDays: days } })).total, days).toBe(0);
  });

  test("the page's box: digits of any of the three kinds are days; anything else is a field error, not ignored", () => {
    expect(readWaitingDays(undefined)).toEqual({});
    expect(readWaitingDays("")).toEqual({});
    expect(readWaitingDays("۲")).toEqual({ days: 2 });
    expect(readWaitingDays("١٤")).toEqual({ days: 14 });
    expect(readWaitingDays("7")).toEqual({ days: 7 });
    expect(readWaitingDays("two")).toEqual({ error: "invalid_number" });
    expect(readWaitingDays("۱.۵")).toEqual({ error: "invalid_number" });
    expect(readWaitingDays("-1")).toEqual({ error: "not_negative" });
    expect(readWaitingDays("۹۹۹۹")).toEqual({ error: "too_large:3650" });
    expect(fieldErrorMessage("invalid_number", "fa")).not.toBe(fieldErrorMessage("invalid_number", "en"));
  });
});
