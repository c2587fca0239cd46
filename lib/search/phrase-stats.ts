import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { rawAll } from "@/lib/db/client";

// How many indexed records contain each phrase of a query: the rarity (IDF) BM25 weighs each
// phrase by. FTS5's bm25() counts them anew for every query by running each phrase over the
// whole index, and for a phrase of common words («in Evin»: every position list of every record
// holding "in") that was most of the query's time. On SQLite Casefile ranks with casefile_bm25
// (lib/search/native/casefile_fts.c), the same formula taking the counts as arguments, and
// remembers the counts here for as long as the index is unchanged. The index's version is its
// FTS5 structure and totals records, which change with every transaction that writes to it.

/** The index's current version, for SQL: compared with the version the counts were made at. */
export const INDEX_VERSION_SQL = Prisma.raw(`(SELECT group_concat(hex("block"), '/') FROM "SearchFts_data" WHERE "id" IN (1, 10))`);

const MAX_PHRASES = 10_000;
let version: string | null = null;
let counts = new Map<string, number>();

export type PhraseCounts = { version: string; counts: number[] };

/** The counts of `phrases` (FTS5 phrase strings), from memory when the index has not changed. */
export async function phraseCounts(phrases: string[], atVersion?: string): Promise<PhraseCounts> {
  if (atVersion !== undefined && atVersion !== version) forget();
  const missing = [...new Set(phrases.filter((p) => !counts.has(p)))];
  if (missing.length > 0 || version === null) {
    const row = await countNow(missing);
    if (row.version !== version) {
      // The index changed since the remembered counts were made: they are all stale.
      forget();
      version = row.version;
      if (missing.length < phrases.length) return phraseCounts(phrases, row.version);
    }
    if (counts.size + missing.length > MAX_PHRASES) counts.clear();
    missing.forEach((p, i) => counts.set(p, row.counts[i]!));
  }
  return { version: version!, counts: phrases.map((p) => counts.get(p)!) };
}

async function countNow(phrases: string[]): Promise<PhraseCounts> {
  const each = phrases.map((p, i) => Prisma.sql`(SELECT COUNT(*) FROM "SearchFts" WHERE "SearchFts" MATCH ${p}) AS ${Prisma.raw(`c${i}`)}`);
  const rows = await rawAll<Record<string, string | number | bigint | null>>(Prisma.sql`SELECT ${INDEX_VERSION_SQL} AS v${each.length ? Prisma.sql`, ${Prisma.join(each)}` : Prisma.empty}`, { offThread: true });
  const row = rows[0] ?? {};
  return { version: String(row.v ?? ""), counts: phrases.map((_, i) => Number(row[`c${i}`] ?? 0)) };
}

/** Drops every remembered count (the index changed). */
function forget(): void {
  version = null;
  counts = new Map();
}
