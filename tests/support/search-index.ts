import { expect } from "vitest";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider, rawAll } from "@/lib/db/client";
import { write } from "@/lib/db/write";

/**
 * On PostgreSQL, the vector an entry ("SearchDoc" d) should have, computed afresh from its
 * normalised columns as the trigger "SearchVector_write" computes it: the title, then the text
 * after a break, then the extras after another (migrations *_search_hyphen_windows and
 * *_search_title_break; the break token is deleted, its position left empty).
 */
export const PG_ENTRY_VECTOR = `setweight(to_tsvector('simple'::regconfig, d."normTitle"), 'A') || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normBody"), chr(1603)), 'B') || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normJoined"), chr(1603)), 'C')`;

/**
 * Checks that the full-text index holds exactly what its entries say: SQLite's FTS5 integrity
 * check against "SearchDoc", or on PostgreSQL every "SearchVector" equal to the vector its entry's
 * normalised columns give.
 */
export async function expectSearchIndexMatchesEntries(): Promise<void> {
  if (dbProvider() === "sqlite") {
    await write((tx) => tx.$executeRaw`INSERT INTO "SearchFts"("SearchFts", rank) VALUES ('integrity-check', 1)`);
    return;
  }
  const [drift] = await rawAll<{ wrong: number }>(
    Prisma.sql`SELECT COUNT(*)::int AS wrong FROM "SearchDoc" d JOIN "SearchVector" v ON v."id" = d."id"
      WHERE v."search" <> ${Prisma.raw(PG_ENTRY_VECTOR)}`,
  );
  expect(drift!.wrong).toBe(0);
}
