import { expect } from "vitest";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider, rawAll } from "@/lib/db/client";
import { write } from "@/lib/db/write";

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
      WHERE v."search" <> setweight(to_tsvector('simple'::regconfig, d."normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, d."normBody"), 'B') || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normJoined"), chr(1603)), 'C')`,
  );
  expect(drift!.wrong).toBe(0);
}
