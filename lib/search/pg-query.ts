import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Parsed } from "./search";

// The PostgreSQL side of a search (lib/search/search.ts builds the filters, the named-record
// bonus and the page; this builds the full-text match and its ranking around them).
// Matching and ranking read only "SearchVector" (id and tsvector, with the GIN index: migration
// *_search_vector_table), whose narrow rows stay in shared buffers; "SearchDoc" is read for the
// filters and the page's few rows.

/**
 * PostgreSQL to_tsquery text: every word quoted as a lexeme, phrases joined by <-> — or, with
 * `loose`, by & (every word of the phrase anywhere: what the GIN index answers without reading
 * each candidate's vector); a word's forms joined by |. A phrase may be found in the title, the
 * text and the extras (weights A, B, C): the extras (index-record.ts normJoinedOf) keep each
 * joined word and each hyphenated word's window apart from the next, and from the text, by a
 * position left empty (migration *_search_hyphen_windows), so a phrase found there is one the
 * text has ("dasht prison" in "Gohar-dasht prison").
 */
export function tsqueryText(p: Parsed, spellings: string[][], loose = false): string {
  const lex = (w: string) => `'${w}'`; // words hold letters and digits only
  const phrase = (ws: string[]) => (ws.length === 1 ? lex(ws[0]!) : `(${ws.map(lex).join(loose ? " & " : " <-> ")})`);
  const main = p.groups.map((forms) => (forms.length === 1 ? phrase(forms[0]!) : `(${forms.map(phrase).join(" | ")})`)).join(" & ");
  return [`(${main})`, ...spellings.map(phrase)].join(" | ");
}

/**
 * ts_rank's weights for D, C, B, A: its defaults, except that the extras (C) count as words of the
 * text (B) — in `rank` below only when the title and text alone do not score.
 */
const RANK_WEIGHTS = Prisma.sql`'{0.1, 0.4, 0.4, 1.0}'::float4[]`;
/** The same without the extras. */
const OWN_WEIGHTS = Prisma.sql`'{0.1, 0, 0.4, 1.0}'::float4[]`;

/**
 * A match's ts_rank, as SQLite's casefile_bm25 ranks: the extras repeat each hyphenated word's
 * neighbours and each joined word, so a text with many of them would rank as if it said those words
 * twice. They count only for a query the title and text do not answer alone (a phrase found through
 * a part of a word, or a joined word's whole form).
 */
function rank(vector: Prisma.Sql, q: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(NULLIF(ts_rank(${OWN_WEIGHTS}, ${vector}, ${q}), 0), ts_rank(${RANK_WEIGHTS}, ${vector}, ${q}))::float8`;
}

export type PgSearch = {
  parsed: Parsed;
  spellings: string[][];
  /** Only the newest `rankCap` matches (and one more, to tell "more than") are ranked. */
  capped: boolean;
  rankCap: number;
  /** `UNION ALL SELECT id, score ...` rows for statements linked to named records, or empty. */
  linkedPersons: Prisma.Sql;
  /** The CTEs and final SELECT that filter, count and page `cand` (id, score). */
  page: Prisma.Sql;
};

/** The whole search query: matches, their ts_rank, then `page`. */
export function pgSearchSql(o: PgSearch): Prisma.Sql {
  const { capped, linkedPersons, page } = o;
  const tsq = tsqueryText(o.parsed, o.spellings);
  const loose = tsqueryText(o.parsed, o.spellings, true);
  const rest = Prisma.sql`
      hits AS (
        SELECT id, score FROM fts
        ${linkedPersons}
      ), cand AS (SELECT id, SUM(score) AS score FROM hits GROUP BY id),
      ${page}`;
  // A phrase is checked against each candidate's stored vector (its GIN index knows the words,
  // not their order), and reading those out-of-line vectors is most of a phrase search. When only
  // the newest RANK_CAP matches are ranked, the candidates (every word present: the index alone
  // answers that) are taken newest first and checked one by one until RANK_CAP have the phrase,
  // instead of checking them all: the same matches, ~5x fewer vectors read for «they took us to».
  // Only for phrases the reader typed: a name's spellings rarely reach RANK_CAP, and without an
  // early stop the row-by-row check is slower than PostgreSQL's own recheck of the candidates.
  if (capped && o.parsed.phrases.length > 0 && loose !== tsq) {
    // Each candidate's vector is read from TOAST (an index lookup and two or three chunks) once,
    // for both the phrase check and ts_rank: called on the column, each would fetch it. Building
    // the one-element array `ARRAY[v]` fetches the value into memory and its element is then read
    // in place; the subquery's OFFSET 0 keeps the planner from copying the expression into each
    // use. And the candidate's row is found again by its ctid (the row version the index scan
    // returned: one statement, one snapshot) instead of through the primary key's index.
    // Measured on the benchmark's 100,000 statements: «they took us to» checks 2,473 candidates
    // for 1,001 matches, and reads 14,452 buffers instead of 23,949; the benchmark's 26 phrases
    // took 12% less time (one connection, each query alternately before and after, 6 times).
    return Prisma.sql`
      WITH fts AS MATERIALIZED (
        SELECT y."id" AS id, ${rank(Prisma.sql`y."s"`, Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})`)} AS score
        FROM (
          SELECT ids."id", v."s"
          FROM (SELECT c."id", c."ctid" AS tid FROM "SearchVector" c WHERE c."search" @@ to_tsquery('simple'::regconfig, ${loose}) ORDER BY c."id" DESC OFFSET 0) ids
          JOIN LATERAL (SELECT (ARRAY[d."search"])[1] AS s FROM "SearchVector" d WHERE d."ctid" = ids.tid OFFSET 0) v ON true
          WHERE v."s" @@ to_tsquery('simple'::regconfig, ${tsq})
          ORDER BY ids."id" DESC LIMIT ${o.rankCap + 1}
        ) y),
      ${rest}`;
  }
  if (o.parsed.phrases.length > 0 && loose !== tsq) {
    // Every match ranked (a filter narrows them afterwards): all candidates are checked, each
    // vector read once for the check and the rank as above, instead of once by PostgreSQL's
    // recheck of the index's candidates and again by ts_rank. The check sits in the rank's CASE
    // (NULL: no phrase) so that the planner expects as many rows as from the plain index scan
    // (the candidates' query comes from a CTE, like the plain scan's): with a filter on the copy
    // it expected one row and joined the filters row by row, slower for a person filter.
    // Measured on the benchmark's archive: 239 filtered searches for its phrases (type, language,
    // status, person, place, dates, pages, a legal team), each alternately before and after: 14%
    // less time in all, none slower beyond noise.
    return Prisma.sql`
      WITH loose AS MATERIALIZED (SELECT to_tsquery('simple'::regconfig, ${loose}) AS tsq),
      fts AS MATERIALIZED (
        SELECT x."id" AS id, x.score
        FROM (
          SELECT y."id", CASE WHEN y."s" @@ to_tsquery('simple'::regconfig, ${tsq}) THEN ${rank(Prisma.sql`y."s"`, Prisma.sql`to_tsquery('simple'::regconfig, ${tsq})`)} END AS score
          FROM (SELECT c."id", (ARRAY[c."search"])[1] AS s FROM "SearchVector" c, loose WHERE c."search" @@ loose.tsq OFFSET 0) y
          OFFSET 0
        ) x
        WHERE x.score IS NOT NULL),
      ${rest}`;
  }
  return Prisma.sql`
      WITH query AS (SELECT to_tsquery('simple'::regconfig, ${tsq}) AS tsq),
      matches AS MATERIALIZED (
        SELECT d1."id", d1."search" FROM "SearchVector" d1, query WHERE d1."search" @@ query.tsq
        ${capped ? Prisma.sql`ORDER BY d1."id" DESC LIMIT ${o.rankCap + 1}` : Prisma.empty}),
      fts AS (SELECT m."id" AS id, ${rank(Prisma.sql`m."search"`, Prisma.sql`query.tsq`)} AS score FROM matches m, query),
      ${rest}`;
}
