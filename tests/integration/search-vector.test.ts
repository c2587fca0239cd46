import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { search } from "@/lib/search";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { PG_ENTRY_VECTOR } from "@/tests/support/search-index";
import { emptyDatabase, freshDatabase, testProvider, migrateBefore, type TestDatabase } from "@/tests/support/database";

// PostgreSQL keeps each search entry's tsvector in the narrow table "SearchVector", written by a
// trigger on "SearchDoc" (migration *_search_vector_table). These check that it follows every
// change of its entry, holds exactly the vector the normalised text gives, and is filled for
// entries that existed before the migration. Fictional texts throughout.

const pgOnly = testProvider() !== "postgresql";

// The vector each entry should have, computed afresh from its normalised columns.
const EXPECTED = PG_ENTRY_VECTOR;

async function onDb<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** Entries without a vector, vectors without an entry, and vectors that differ from their text. */
async function drift(url: string) {
  return onDb(url, async (c) => {
    const r = await c.query(`
      SELECT
        (SELECT COUNT(*) FROM "SearchDoc" d LEFT JOIN "SearchVector" v ON v."id" = d."id" WHERE v."id" IS NULL)::int AS missing,
        (SELECT COUNT(*) FROM "SearchVector" v LEFT JOIN "SearchDoc" d ON d."id" = v."id" WHERE d."id" IS NULL)::int AS orphans,
        (SELECT COUNT(*) FROM "SearchDoc" d JOIN "SearchVector" v ON v."id" = d."id" WHERE v."search" <> ${EXPECTED})::int AS wrong,
        (SELECT COUNT(*) FROM "SearchVector")::int AS vectors`);
    return r.rows[0] as { missing: number; orphans: number; wrong: number; vectors: number };
  });
}

describe.skipIf(pgOnly)("the search vectors (PostgreSQL)", () => {
  let db: TestDatabase;
  let researcher: Actor;
  beforeAll(async () => {
    if (pgOnly) return;
    db = await freshDatabase();
    researcher = await makeActor("RESEARCHER");
  });
  afterAll(async () => db?.drop());

  test("follow their entry through create, update and delete", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional vector sample", language: "en", originalText: "Fictional oldvectorword in the yard." } });
    expect(await drift(db.url)).toMatchObject({ missing: 0, orphans: 0, wrong: 0 });
    expect((await search({ actor: researcher, query: { q: "oldvectorword" } })).items.map((i) => i.id)).toContain(s.id);

    await updateStatement({ actor: researcher, statementId: s.id, input: { title: "Fictional vector sample", language: "en", originalText: "Fictional newvectorword in the yard, هم\u200Cسلولی.", reason: "fix", baseRevision: 1 } });
    expect(await drift(db.url)).toMatchObject({ missing: 0, orphans: 0, wrong: 0 });
    expect((await search({ actor: researcher, query: { q: "newvectorword همسلولی" } })).items.map((i) => i.id)).toContain(s.id);
    expect((await search({ actor: researcher, query: { q: "oldvectorword" } })).total).toBe(0);
    expect((await search({ actor: researcher, query: { q: '"newvectorword in the yard"' } })).items.map((i) => i.id)).toContain(s.id);

    const before = (await drift(db.url)).vectors;
    await write((tx) => tx.searchDoc.deleteMany({ where: { recordId: s.id } }));
    const after = await drift(db.url);
    expect(after).toMatchObject({ missing: 0, orphans: 0, wrong: 0 });
    expect(after.vectors).toBe(before - 1);
    expect((await search({ actor: researcher, query: { q: "newvectorword" } })).total).toBe(0);
  });

  test("are stored out of line and uncompressed, and only there (the GIN index is on them)", async () => {
    const r = await onDb(db.url, async (c) =>
      (
        await c.query(`
          SELECT
            (SELECT a.attstorage FROM pg_attribute a WHERE a.attrelid = '"SearchVector"'::regclass AND a.attname = 'search') AS storage,
            (SELECT COUNT(*) FROM pg_attribute a WHERE a.attrelid = '"SearchDoc"'::regclass AND a.attname = 'search' AND NOT a.attisdropped)::int AS old_column,
            (SELECT indexdef FROM pg_indexes WHERE indexname = 'SearchVector_search_idx') AS gin`)
      ).rows[0],
    );
    expect(r).toMatchObject({ storage: "e", old_column: 0 });
    expect(r.gin).toMatch(/USING gin \(search\)/);
  });
});

describe.skipIf(pgOnly)("upgrading to the search vector table (PostgreSQL)", () => {
  let d: TestDatabase | undefined;
  afterAll(async () => d?.drop());

  test("entries indexed before the migration get their vectors, and are found", async () => {
    d = await emptyDatabase("postgresql");
    await migrateBefore(d.url, "postgresql", "_search_vector_table");
    await onDb(d.url, (c) =>
      c.query(`INSERT INTO "SearchDoc" ("type", "recordId", "title", "body", "normTitle", "normBody", "updatedAt") VALUES
        ('source', 'src1', 'Fictional upgrade sample', 'Fictional upgradedword here', 'fictional upgrade sample', 'fictional upgradedword here', now()),
        ('source', 'src2', 'Another fictional sample', 'Nothing of note', 'another fictional sample', 'nothing of note', now())`),
    );
    await migrate(d.url);
    expect(await drift(d.url)).toEqual({ missing: 0, orphans: 0, wrong: 0, vectors: 2 });
    const found = await onDb(d.url, async (c) => (await c.query(`SELECT d."recordId" FROM "SearchVector" v JOIN "SearchDoc" d USING ("id") WHERE v."search" @@ to_tsquery('simple', 'upgradedword')`)).rows);
    expect(found).toEqual([{ recordId: "src1" }]);
    await closeDb();
  });
});
