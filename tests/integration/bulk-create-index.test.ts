import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { search } from "@/lib/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// The search index a bulk batch leaves behind (fictional testimony).

let db: TestDatabase;
let researcher: Actor;
let witnessId: string;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
});
afterAll(async () => db?.drop());

const batch = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => ({
    witnessId,
    title: `Index sample ${i}`,
    language: i % 2 ? "fa" : "en",
    originalText: i % 2 ? `متن ساختگی ${i} دربارهٔ ${word} و سالن با چشم\u200Cبند` : `Fictional text ${i} about ${word} and the ΛΌΓΟΣ hall`,
  }));

describe("bulk creation and the search index", () => {
  test("every entry of a batch is found, by word, by phrase and whatever the spelling of final sigma", async () => {
    await bulkCreateStatements({ actor: researcher, input: { statements: batch(120, "indexquokka") } });
    expect((await search({ actor: researcher, query: { q: "indexquokka" } })).total).toBe(120);
    expect((await search({ actor: researcher, query: { q: '"about indexquokka and"' } })).total).toBe(60);
    expect((await search({ actor: researcher, query: { q: "λόγος" } })).total).toBe(60);
    expect((await search({ actor: researcher, query: { q: "λογοσ" } })).total).toBe(60);
    // A word written with a ZWNJ, typed joined (the batch writes each entry's joined words too).
    expect((await search({ actor: researcher, query: { q: "indexquokka چشمبند" } })).total).toBe(60);
  });

  // PostgreSQL only: the GIN index's pending list, which every full-text query reads through.
  if (testProvider() === "postgresql")
    test("a batch leaves the full-text index's pending list merged", async () => {
      await bulkCreateStatements({ actor: researcher, input: { statements: batch(100, "pendingquokka") } });
      const [row] = await read((d) => d.$queryRawUnsafe<{ pages: bigint | number }[]>(`SELECT gin_clean_pending_list('"SearchVector_search_idx"'::regclass) AS pages`));
      expect(Number(row!.pages)).toBe(0);
    });
});
