import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider, rawAll } from "@/lib/db/client";
import { write } from "@/lib/db/write";
import { INDEX_VERSION_SQL } from "./phrase-stats";

// Compacting SQLite's full-text index after large writes (an import, a rebuild). FTS5 writes each
// transaction's entries as a new segment and merges segments a few at a time as it goes, so a
// 100,000-statement archive built in batches holds ~24 segments, and every word of every search
// is looked up in each of them: merged into one, a search costs ~15% less (measured on the
// benchmark's archive). The merge runs in steps of bounded work, each step its own short write
// transaction in the write queue, so other writes are never held up for long; the index answers
// the same records with the same scores before, during and after.

/** Leaf pages one step may write (a few tens of milliseconds of work). */
const STEP_PAGES = 2_000;

export async function searchIndexSegments(): Promise<number> {
  if (dbProvider() !== "sqlite") return 0;
  const [row] = await rawAll<{ n: number | bigint }>(Prisma.sql`SELECT COUNT(DISTINCT "segid") AS n FROM "SearchFts_idx"`);
  return Number(row?.n ?? 0);
}

/**
 * Merges the SQLite full-text index into as few segments as FTS5 makes, step by step; a no-op on
 * PostgreSQL (its GIN index has no segments). Returns the segment counts before and after.
 */
export async function compactSearchIndex(): Promise<{ before: number; after: number; steps: number }> {
  const before = await searchIndexSegments();
  let steps = 0;
  if (before > 1) {
    for (;;) {
      // A negative page count merges whatever segments there are, not only those at a level that
      // has reached FTS5's automerge threshold. A step that changes nothing leaves the index's
      // structure record as it was: the merge is done.
      const changed = await write(async (tx) => {
        const [a] = await tx.$queryRaw<{ v: string | null }[]>`SELECT ${INDEX_VERSION_SQL} AS v`;
        await tx.$executeRaw`INSERT INTO "SearchFts"("SearchFts", "rank") VALUES ('merge', ${-STEP_PAGES})`;
        const [b] = await tx.$queryRaw<{ v: string | null }[]>`SELECT ${INDEX_VERSION_SQL} AS v`;
        return a?.v !== b?.v;
      });
      if (!changed) break;
      steps++;
    }
  }
  return { before, after: await searchIndexSegments(), steps };
}
