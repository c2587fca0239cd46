import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { RANK_CAP, search } from "@/lib/search/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A plain search matching more than RANK_CAP records ranks the newest RANK_CAP and says "more
// than"; any filter ranks and counts every match. Fictional texts, made with the bulk path.

let db: TestDatabase;
let researcher: Actor;
const N = RANK_CAP + 60;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  const witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
  const statements = Array.from({ length: N }, (_, i) => ({
    witnessId,
    title: `Fictional sample ${i}`,
    language: "en",
    // Every text has "capquokka"; every tenth says it twice (ranks higher when ranked).
    originalText: `This text is fictional, number ${i}. capquokka${i % 10 === 0 ? " capquokka capquokka" : ""} in the hall.`,
  }));
  for (let i = 0; i < N; i += 500) await bulkCreateStatements({ actor: researcher, input: { statements: statements.slice(i, i + 500) } });
});
afterAll(async () => db?.drop());

describe("ranking cap", () => {
  test("a plain search over the cap reports a lower bound and still pages through ranked results", async () => {
    const r = await search({ actor: researcher, query: { q: "capquokka" } });
    expect(r.totalAtLeast).toBe(true);
    expect(r.total).toBe(RANK_CAP);
    expect(r.items).toHaveLength(20);
    // Best first among those ranked: the texts that repeat the word.
    expect(r.items[0]!.title).toMatch(/^Fictional sample \d*0$/);
    const last = await search({ actor: researcher, query: { q: "capquokka", page: RANK_CAP / 20 } });
    expect(last.items.length).toBeGreaterThan(0);
  });

  test("with a filter every match is ranked and counted exactly", async () => {
    const typed = await search({ actor: researcher, query: { q: "capquokka", type: "statement" } });
    expect(typed.totalAtLeast).toBe(false);
    expect(typed.total).toBe(N);
    const lang = await search({ actor: researcher, query: { q: "capquokka", language: "en" } });
    expect(lang.total).toBe(N);
  });

  test("a phrase over the cap ranks matches with the words in that order, and pages through them", async () => {
    const r = await search({ actor: researcher, query: { q: '"capquokka in the hall"' } });
    expect(r.totalAtLeast).toBe(true);
    expect(r.total).toBe(RANK_CAP);
    expect(r.items).toHaveLength(20);
    const last = await search({ actor: researcher, query: { q: '"capquokka in the hall"', page: RANK_CAP / 20 } });
    expect(last.items).toHaveLength(20);
    // Every text holds these words, never in this order: no match, however many candidates.
    const reversed = await search({ actor: researcher, query: { q: '"hall the in capquokka"' } });
    expect(reversed.total).toBe(0);
    expect(reversed.items).toEqual([]);
    const one = await search({ actor: researcher, query: { q: '"number 7 capquokka"' } });
    expect(one.items.map((i) => i.title)).toEqual(["Fictional sample 7"]);
  });

  test("under the cap, a plain search counts exactly", async () => {
    const r = await search({ actor: researcher, query: { q: "capquokka number 7" } });
    expect(r.totalAtLeast).toBe(false);
    expect(r.total).toBe(1);
  });
});
