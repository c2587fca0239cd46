import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { read, write } from "@/lib/db/write";
import { queueAuthors } from "@/lib/review/review-view";
import { listReviewQueue, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The review queue's default view (both waiting states) reads each state's oldest submissions
// apart and merges them (lib/review/workflow.ts). Whatever the page size, its pages must give
// exactly the order of one query over both states, ties and a missing submission time included.

let db: TestDatabase;
let author: Actor;
let reviewer: Actor;
let ids: string[] = [];

beforeAll(async () => {
  db = await freshDatabase();
  [author, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
  const w = await createWitness({ actor: author, input: {} });
  for (let i = 0; i < 14; i++) {
    const s = await createStatement({
      actor: author,
      input: { witnessId: w.id, title: `queue ${i}`, language: i % 3 ? "fa" : "en", originalText: i % 3 ? `ملاقات‌ها قطع شد ${i}` : `Visits stopped ${i}` },
    });
    await submitStatement({ actor: author, statementId: s.id });
    if (i % 2) await takeForReview({ actor: reviewer, statementId: s.id });
    ids.push(s.id);
  }
  // Submission times interleaved between the two states, with ties across them, set directly
  // (test setup): the workflow stamps them with the clock.
  await write(async (tx) => {
    for (let i = 0; i < ids.length; i++) {
      const minute = [5, 1, 5, 3, 2, 9, 1, 7, 3, 3, 8, 0, 6, 4][i]!;
      await tx.statement.update({ where: { id: ids[i] }, data: { submittedAt: new Date(Date.UTC(1988, 6, 19, 10, minute)) } });
    }
    // One waiting statement without a submission time: the database decides where NULL goes.
    await tx.statement.update({ where: { id: ids[13] }, data: { submittedAt: null } });
  });
});
afterAll(async () => db?.drop());

async function oneQuery(language?: string): Promise<string[]> {
  const rows = await read((d) =>
    d.statement.findMany({
      where: { status: { in: ["SUBMITTED", "IN_REVIEW"] }, language },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: { id: true },
    }),
  );
  return rows.map((r) => r.id);
}

async function allPages(pageSize: number, language?: string): Promise<{ ids: string[]; totals: number[] }> {
  const out: string[] = [];
  const totals: number[] = [];
  for (let page = 1; page <= 20; page++) {
    const r = await listReviewQueue({ actor: reviewer, query: { pageSize, page, language } });
    totals.push(r.total);
    if (r.page < page) break; // past the last: the last again
    out.push(...r.items.map((x) => x.id));
  }
  return { ids: out, totals };
}

describe("the review queue's order across both waiting states", () => {
  test("every page size pages through exactly one query's order", async () => {
    const expected = await oneQuery();
    expect(expected).toHaveLength(14);
    // Both states are on the first page of five (the merge is not one state after the other).
    const first = await listReviewQueue({ actor: reviewer, query: { pageSize: 5 } });
    expect(new Set(first.items.map((x) => x.status))).toEqual(new Set(["SUBMITTED", "IN_REVIEW"]));
    for (const size of [1, 2, 3, 5, 13, 14, 50]) {
      const { ids: got, totals } = await allPages(size);
      expect(got, `page size ${size}`).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([14]));
    }
  });

  test("with a filter too", async () => {
    const expected = await oneQuery("fa");
    expect(expected.length).toBeGreaterThan(4);
    expect((await allPages(3, "fa")).ids).toEqual(expected);
  });

  test("one state alone, and a page past the end", async () => {
    const submitted = await listReviewQueue({ actor: reviewer, query: { state: "SUBMITTED", pageSize: 50 } });
    expect(submitted.items.every((x) => x.status === "SUBMITTED")).toBe(true);
    expect(submitted.items.map((x) => x.id)).toEqual((await oneQuery()).filter((id) => submitted.items.some((x) => x.id === id)));
    // A page past the last gives the last, and says which it is.
    const far = await listReviewQueue({ actor: reviewer, query: { pageSize: 5, page: 20 } });
    expect(far).toMatchObject({ page: 3, total: 14 });
    expect(far.items.map((x) => x.id)).toEqual((await oneQuery()).slice(10));
    const empty = await listReviewQueue({ actor: reviewer, query: { state: "MINE", language: "en", pageSize: 5, page: 7 } });
    expect(empty.page).toBe(1);
  });
});

describe("the queue's author filter", () => {
  test("offers the authors of waiting statements, once each, by name, and nobody with only drafts or decided ones", async () => {
    const [second, draftsOnly] = await Promise.all([makeActor("RESEARCHER"), makeActor("RESEARCHER")]);
    const w = await createWitness({ actor: second, input: {} });
    const waiting = await createStatement({ actor: second, input: { witnessId: w.id, title: "second", language: "en", originalText: "Waiting." } });
    await submitStatement({ actor: second, statementId: waiting.id });
    const w2 = await createWitness({ actor: draftsOnly, input: {} });
    await createStatement({ actor: draftsOnly, input: { witnessId: w2.id, title: "draft", language: "en", originalText: "Not yet." } });
    const authors = await queueAuthors({ actor: reviewer });
    expect(authors.map((a) => a.id).sort()).toEqual([author.id, second.id].sort());
    expect(authors.map((a) => a.name)).toEqual([...authors.map((a) => a.name)].sort((a, b) => a.localeCompare(b)));
  });
});
