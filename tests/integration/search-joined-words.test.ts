import { afterAll, describe, expect, test } from "vitest";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { search } from "@/lib/search";
import { indexAfterMigration } from "@/lib/search/reindex";
import { makeActor } from "@/tests/support/actors";
import { expectSearchIndexMatchesEntries } from "@/tests/support/search-index";
import { emptyDatabase, testProvider, migrateBefore, type TestDatabase } from "@/tests/support/database";

// Entries indexed before the migration that keeps each word written with a ZWNJ joined
// (*_search_joined_words) get those words after it, on either database, and are then found by
// the word typed joined; the full-text index agrees with its entries. Fictional texts.

const ZWNJ = "\u200C";
const provider = testProvider();

describe("upgrading to the joined words of the search index", () => {
  let d: TestDatabase | undefined;
  afterAll(async () => {
    await closeDb();
    await d?.drop();
  });

  test("entries written before the migration are found by a word typed without its ZWNJ", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_search_joined_words");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    // Written as the index was written then: without the joined words.
    const body = `متن ساختگی: ما را با چشم${ZWNJ}بند به راهرو بردند.`;
    await write((tx) =>
      tx.$executeRaw`INSERT INTO "SearchDoc" ("type", "recordId", "title", "body", "normTitle", "normBody", "updatedAt") VALUES
        ('source', 'src1', 'نمونه ساختگی', ${body}, 'نمونه ساختگی', 'متن ساختگی ما را با چشم بند به راهرو بردند', ${new Date()}),
        ('source', 'src2', 'نمونه دیگر', 'متن ساختگی دیگری بی هیچ واژه پیوسته', 'نمونه دیگر', 'متن ساختگی دیگری بی هیچ واژه پیوسته', ${new Date()})`,
    );
    const r = await migrate(d.url);
    expect(r.applied).toContain(upgrade);
    // This migration's own step: a later one (*_search_field_breaks) indexes every record again,
    // which these entries, written without a record, would not outlive.
    const filled = await indexAfterMigration([upgrade]);
    expect(filled?.indexed.source).toBe(1);

    const reader = await makeActor("RESEARCHER");
    const found = async (q: string) => (await search({ actor: reader, query: { q } })).items.map((i) => i.id);
    for (const q of ["چشمبند", `چشم${ZWNJ}بند`, "«با چشمبند به راهرو»"]) expect(await found(q), q).toEqual(["src1"]);
    expect(await found("«راهرو چشمبند»")).toEqual([]);

    // The full-text index holds exactly what its entries say.
    await expectSearchIndexMatchesEntries();
    // A second run finds nothing left to do.
    expect((await indexAfterMigration([upgrade]))?.indexed.source).toBe(0);
  });
});
