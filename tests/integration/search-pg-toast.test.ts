import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { pgSearchSql, tsqueryText } from "@/lib/search/pg-query";
import { parseQuery, RANK_CAP, search } from "@/lib/search/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// A plain phrase search on PostgreSQL checks its candidates' vectors for the phrase and ranks the
// matches with ts_rank (lib/search/pg-query.ts). Vectors of real statements are stored out of line
// (TOAST), and fetching them is most of a search's work: each candidate's vector is to be fetched
// once, for both the check and the rank, with the same matches and scores as the plain query.
// Counted with PostgreSQL's per-transaction block counters (no timing). Fictional texts.

const pgOnly = testProvider() !== "postgresql";
const SYLLABLES = ["ka", "ro", "mi", "ze", "lu", "pa", "ti", "so", "ne", "vo", "ga", "shi"];
/** An invented word for each number (letters only, so it is one token to every tokenizer). */
const word = (n: number) => {
  let w = "";
  for (let k = n + SYLLABLES.length; k > 0; k = Math.floor(k / SYLLABLES.length)) w += SYLLABLES[k % SYLLABLES.length];
  return w;
};
const PHRASE = "toastcheck quokka crossed yard";

describe.skipIf(pgOnly)("phrase search reads each vector once (PostgreSQL)", () => {
  let db: TestDatabase;
  let researcher: Actor;
  beforeAll(async () => {
    if (pgOnly) return;
    db = await freshDatabase();
    researcher = await makeActor("RESEARCHER");
    const witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
    // 40 long texts (their vectors are several KB: out of line) with all four words; the even
    // ones have them in the phrase's order, the odd ones in another order.
    const statements = Array.from({ length: 40 }, (_, i) => {
      const filler = Array.from({ length: 600 }, (_, j) => word((i * 7919 + j * 31) % 5000)).join(" ");
      const words = i % 2 === 0 ? PHRASE : "yard crossed quokka toastcheck";
      return { witnessId, title: `Fictional toast sample ${i}`, language: "en", originalText: `${filler} ${words} ${filler.split(" ").reverse().join(" ")}.` };
    });
    await bulkCreateStatements({ actor: researcher, input: { statements } });
  });
  afterAll(async () => db?.drop());

  // Plain (only the newest RANK_CAP matches ranked) and filtered (every match ranked).
  for (const capped of [true, false])
    test(`each candidate's vector is fetched once, and the scores are ts_rank's (${capped ? "plain" : "filtered"} search)`, async () => {
      const parsed = parseQuery(`"${PHRASE}"`);
      const tsq = tsqueryText(parsed, []);
      const loose = tsqueryText(parsed, [], true);
      const sql = pgSearchSql({
        parsed,
        spellings: [],
        capped,
        rankCap: RANK_CAP,
        linkedPersons: Prisma.empty,
        page: Prisma.sql`filtered AS MATERIALIZED (SELECT id, score FROM cand) SELECT id, score FROM filtered ORDER BY id`,
      });
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const toast = (await c.query(`SELECT reltoastrelid::int AS oid FROM pg_class WHERE oid = '"SearchVector"'::regclass`)).rows[0].oid as number;
        const fetched = async () => Number((await c.query(`SELECT pg_stat_get_xact_blocks_fetched($1) AS n`, [toast])).rows[0].n);
        await c.query("BEGIN");
        // The plan of a real archive: candidates from the GIN index (on 40 rows the planner would
        // rather read them all, checking the words on every vector).
        await c.query("SET LOCAL enable_seqscan = off");
        const ids = (await c.query(`SELECT "id" FROM "SearchVector" WHERE "search" @@ to_tsquery('simple', $1)`, [loose])).rows.map((r) => r.id as number);
        expect(ids).toHaveLength(40);
        // Every candidate's vector fetched once: what the phrase check needs.
        const before = await fetched();
        await c.query(`SELECT SUM(length("search")) FROM "SearchVector" WHERE "id" = ANY($1::int[])`, [ids]);
        const once = (await fetched()) - before;
        expect(once).toBeGreaterThanOrEqual(40); // out of line: at least a block each

        const start = await fetched();
        const rows = (await c.query(sql.text, sql.values as unknown[])).rows as { id: number; score: number }[];
        const used = (await fetched()) - start;
        expect(rows).toHaveLength(20);
        expect(used).toBeLessThanOrEqual(once);

        // The same matches and scores as ranking the plain query directly.
        const plain = (await c.query(`SELECT "id", ts_rank("search", to_tsquery('simple', $1))::float8 AS score FROM "SearchVector" WHERE "search" @@ to_tsquery('simple', $1) ORDER BY "id"`, [tsq])).rows;
        expect(rows).toEqual(plain);
        await c.query("COMMIT");
      } finally {
        await c.end();
      }
    });

  test("the search finds the texts with the words in that order, best first, with or without a filter", async () => {
    for (const query of [{ q: `"${PHRASE}"` }, { q: `"${PHRASE}"`, language: "en" }]) {
      const r = await search({ actor: researcher, query });
      expect(r.total).toBe(20);
      expect(r.items.map((i) => Number(i.title.split(" ").pop()) % 2)).toEqual(Array(20).fill(0));
      expect(r.items.map((i) => i.score)).toEqual([...r.items.map((i) => i.score)].sort((a, b) => b - a));
    }
  });
});
