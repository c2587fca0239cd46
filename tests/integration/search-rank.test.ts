import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { READER_EXTENSIONS } from "@/lib/db/sqlite-reader-thread";
import { sqlitePath } from "@/lib/db/provider";
import { search } from "@/lib/search/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";
import { rng } from "@/tests/support/random";

// SQLite ranks with casefile_bm25 (lib/search/native), FTS5's BM25 with each phrase's record
// count passed in from memory (lib/search/phrase-stats.ts). Its scores must be bm25()'s exactly,
// also after the index changes under the remembered counts. Fictional texts from a seeded draw.

const sqlite = testProvider() === "sqlite";
let db: TestDatabase;
let researcher: Actor;
let witnessId: string;
let file: string;
const WORDS = ["tarnik", "velomar", "quessa", "dorvane", "lissom", "parrow", "emberly", "sundry", "hollin", "maroon"];

function texts(seed: number, n: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const len = 5 + Math.floor(r() * 60);
    return Array.from({ length: len }, () => WORDS[Math.floor(r() * r() * WORDS.length)]!).join(" ");
  });
}

async function add(list: string[]): Promise<string[]> {
  const { ids } = await bulkCreateStatements({
    actor: researcher,
    input: { statements: list.map((originalText, i) => ({ witnessId, title: `Fictional rank sample ${i}`, language: "en", originalText })) },
  });
  return ids;
}

/** What FTS5's own bm25() gives each record for the expression search builds for `q` (a plain word query). */
function bm25Of(q: string): Map<string, number> {
  const conn = new Database(file, { readonly: true });
  try {
    const expr = `(${q.split(" ").map((w) => `"${w}"`).join(" ")})`;
    const rows = conn
      .prepare(`SELECT d."recordId" AS id, -bm25("SearchFts", 4.0, 1.0) AS s FROM "SearchFts" JOIN "SearchDoc" d ON d."id" = "SearchFts".rowid WHERE "SearchFts" MATCH ?`)
      .all(expr) as { id: string; s: number }[];
    return new Map(rows.map((r) => [r.id, Math.round(r.s * 10_000) / 10_000]));
  } finally {
    conn.close();
  }
}

async function expectBm25(q: string) {
  const expected = bm25Of(q);
  const got = await search({ actor: researcher, query: { q, type: "statement", pageSize: 100 } });
  expect(got.total).toBe(expected.size);
  expect(got.items.length).toBe(Math.min(100, expected.size));
  for (const item of got.items) expect(item.score, `${q}: ${item.id}`).toBe(expected.get(item.id));
  // Best first, as bm25 orders them.
  const best = Math.max(...expected.values());
  expect(got.items[0]!.score).toBe(best);
}

describe.skipIf(!sqlite)("SQLite ranking with remembered phrase counts", () => {
  beforeAll(async () => {
    db = await freshDatabase();
    file = sqlitePath(db.url);
    researcher = await makeActor("RESEARCHER");
    witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
    await add(texts(11, 300));
  });
  afterAll(async () => db?.drop());

  test("npm install built the ranking extension", () => {
    expect(existsSync(READER_EXTENSIONS[0]!)).toBe(true);
  });

  test("casefile_bm25 with counts passed in scores exactly as bm25()", () => {
    const conn = new Database(file, { readonly: true });
    try {
      conn.loadExtension(READER_EXTENSIONS[0]!);
      for (const expr of ['("quessa")', '("tarnik" "maroon")', '("tarnik velomar")', '("quessa dorvane") OR "hollin" OR "sundry parrow"']) {
        const phrases = [...expr.matchAll(/"[^"]*"/g)].map((m) => m[0]);
        const counts = phrases.map((p) => (conn.prepare(`SELECT COUNT(*) AS c FROM "SearchFts" WHERE "SearchFts" MATCH ?`).get(p) as { c: number }).c);
        const own = conn.prepare(`SELECT rowid AS id, bm25("SearchFts", 4.0, 1.0) AS s FROM "SearchFts" WHERE "SearchFts" MATCH ? ORDER BY rowid`).all(expr);
        const ranked = conn.prepare(`SELECT rowid AS id, casefile_bm25("SearchFts", 4.0, 1.0, ?, ${counts.map(() => "?").join(", ")}) AS s FROM "SearchFts" WHERE "SearchFts" MATCH ? ORDER BY rowid`);
        // Twice under one version: the second time with the record lengths remembered.
        const withCounts = ranked.all("v1", ...counts, expr);
        const remembered = ranked.all("v1", ...counts, expr);
        const counting = conn.prepare(`SELECT rowid AS id, casefile_bm25("SearchFts", 4.0, 1.0) AS s FROM "SearchFts" WHERE "SearchFts" MATCH ? ORDER BY rowid`).all(expr);
        expect(own.length).toBeGreaterThan(0);
        expect(withCounts).toEqual(own);
        expect(remembered).toEqual(own);
        expect(counting).toEqual(own);
        // Other counts give other scores: the counts passed in are really used.
        const wrong = ranked.all("v1", ...counts.map(() => 1), expr);
        expect(wrong).not.toEqual(own);
      }
    } finally {
      conn.close();
    }
  });

  test("search scores are bm25()'s, and stay so when new records change how rare a word is", async () => {
    await expectBm25("quessa");
    await expectBm25("tarnik maroon");
    // Many new records with "maroon": its counts remembered above are now wrong.
    await add(texts(12, 200).map((t) => `${t} maroon maroon`));
    await expectBm25("tarnik maroon");
    await expectBm25("quessa");
  });

  test("an edit to one record is seen too: its new length and its new words", async () => {
    const ids = await add(["zorvath", "zorvath zorvath", "zorvath tarnik"]);
    await expectBm25("zorvath");
    // The first record keeps its word but grows four times longer: it must now rank lower.
    await updateStatement({ actor: researcher, statementId: ids[0]!, input: { title: "Fictional rank sample 0", language: "en", originalText: "zorvath emberly emberly emberly", reason: "Corrected transcription.", baseRevision: 1 } });
    await expectBm25("zorvath");
    await expectBm25("emberly");
  });

  test("a word beside a hyphenated word counts once, and a record found through a part of one still ranks", async () => {
    // The same text but for one word written with a hyphen in the first: both keep that word
    // whole ("zarindasht") in the text; only the first has its window in the extras.
    const [hyphen, joined, other] = await add([
      "velkor took him to Zarin-dasht quorrel on a cold morning",
      "velkor took him to Zarindasht quorrel on a cold morning",
      "velkor took him to the quorrel on a cold morning early",
    ]);
    const scores = async (q: string) => new Map((await search({ actor: researcher, query: { q, type: "statement", pageSize: 100 } })).items.map((i) => [i.id, i.score]));
    // bm25() counts "quorrel" twice in the first (the text and the window) and the window in its length.
    const own = bm25Of("quorrel");
    expect(own.get(hyphen!)).toBeGreaterThan(own.get(joined!)!);
    const byWord = await scores("quorrel");
    expect(byWord.get(hyphen!)).toBe(byWord.get(joined!));
    expect(byWord.get(other!)).toBeGreaterThan(0);
    // Found only through its window: the phrase still scores as a word of the text would.
    const byPart = await scores('"dasht quorrel"');
    expect([...byPart.keys()]).toEqual([hyphen]);
    expect(byPart.get(hyphen!)).toBeGreaterThan(0);
  });
});
