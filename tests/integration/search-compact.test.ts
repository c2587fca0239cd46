import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { compactSearchIndex, searchIndexSegments } from "@/lib/search/compact";
import { search } from "@/lib/search/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// Compacting the SQLite full-text index merges its segments and changes no answer.

let db: TestDatabase;
let researcher: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  const witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
  // Three batches, three transactions: a segment each (with those the setup wrote).
  for (let b = 0; b < 3; b++)
    await bulkCreateStatements({
      actor: researcher,
      input: {
        statements: Array.from({ length: 40 }, (_, i) => ({
          witnessId,
          title: `Fictional compact sample ${b}-${i}`,
          language: "en",
          originalText: `Fictional text ${i}: the corridor ${"was long ".repeat(1 + ((i * 7 + b) % 5))}and cold in Evin.`,
        })),
      },
    });
});
afterAll(async () => db?.drop());

describe("search index compaction", () => {
  test("merges the segments, and every search answers as before", async () => {
    const queries = ["corridor", '"was long and cold"', "long", "evin cold"];
    const answers = async () => Promise.all(queries.map((q) => search({ actor: researcher, query: { q, pageSize: 100 } }).then((r) => ({ total: r.total, items: r.items.map((i) => [i.id, i.score]) }))));
    const before = await answers();
    expect(before.every((a) => a.total > 0)).toBe(true);
    const r = await compactSearchIndex();
    if (testProvider() === "sqlite") {
      expect(r.before).toBeGreaterThan(1);
      expect(r.after).toBe(1);
      expect(r.steps).toBeGreaterThan(0);
      expect(await searchIndexSegments()).toBe(1);
    } else expect(r).toEqual({ before: 0, after: 0, steps: 0 });
    expect(await answers()).toEqual(before);
    // Once compact, another run does nothing.
    expect((await compactSearchIndex()).steps).toBe(0);
  });
});
