import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { EXTRAS_BREAK, normalizeForSearch } from "./normalize";
import { rng } from "@/tests/support/random";

// SQLite's full-text index tokenizes the normalised text with FTS5's "ascii" tokenizer (it was
// "unicode61 remove_diacritics 2"; see the migration search_ascii_tokenizer). These tests index
// the same normalised text with both and compare every token and its position, so a change to
// the normaliser that would make them differ fails here.

const db = new Database(":memory:");
db.exec(`CREATE TABLE doc (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL)`);
for (const [name, tokenize] of [
  ["uni", "unicode61 remove_diacritics 2"],
  ["asc", "ascii"],
]) {
  db.exec(`CREATE VIRTUAL TABLE fts_${name} USING fts5(a, b, content='doc', content_rowid='id', tokenize='${tokenize}')`);
  db.exec(`CREATE VIRTUAL TABLE vocab_${name} USING fts5vocab(fts_${name}, 'instance')`);
}
afterAll(() => db.close());

/** Indexes `docs` (already normalised) with both tokenizers; each document's tokens as "term@column:offset", per tokenizer. */
function tokens(docs: [string, string][]): { uni: Map<number, string>; asc: Map<number, string> } {
  db.exec(`DELETE FROM doc`);
  const insert = db.prepare(`INSERT INTO doc (id, a, b) VALUES (?, ?, ?)`);
  db.transaction(() => docs.forEach(([a, b], i) => insert.run(i + 1, a, b)))();
  db.exec(`INSERT INTO fts_uni (fts_uni) VALUES ('rebuild'); INSERT INTO fts_asc (fts_asc) VALUES ('rebuild')`);
  const read = (name: string) =>
    new Map(
      (
        db
          .prepare(`SELECT doc, group_concat(term || '@' || col || ':' || offset, ' ') AS t FROM (SELECT * FROM vocab_${name} ORDER BY doc, col, offset) GROUP BY doc`)
          .all() as { doc: number; t: string }[]
      ).map((r) => [r.doc, r.t]),
    );
  return { uni: read("uni"), asc: read("asc") };
}

// Letters that unicode61's character tables (older than JavaScript's) do not count as letters:
// it splits words at them, "ascii" keeps them in their word, as the normaliser does.
const NEWER_LETTERS = new Set([...range(0x19b0, 0x19c0), 0x19c8, 0x19c9, 0x1cf2, 0x1cf3]);
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe("the ascii tokenizer on normalised text finds the words unicode61 found", () => {
  test("every Unicode code point, alone", () => {
    const cps: number[] = [];
    const docs: [string, string][] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const t = normalizeForSearch(String.fromCodePoint(cp));
      if (!t) continue;
      cps.push(cp);
      docs.push([t, `x${t}y ${t}`]);
    }
    expect(cps.length).toBeGreaterThan(100_000);
    const { uni, asc } = tokens(docs);
    const differing: number[] = [];
    cps.forEach((cp, i) => {
      if (uni.get(i + 1) !== asc.get(i + 1)) differing.push(cp);
    });
    expect(differing.map((cp) => cp.toString(16))).toEqual([...NEWER_LETTERS].map((cp) => cp.toString(16)));
    // Those few: unicode61 drops the letter, ascii keeps it as a word of its own.
    for (const cp of NEWER_LETTERS) {
      const i = cps.indexOf(cp);
      const t = normalizeForSearch(String.fromCodePoint(cp));
      expect(asc.get(i + 1)).toBe(`${t}@a:0 x${t}y@b:0 ${t}@b:1`);
      expect(uni.get(i + 1)).toBe(`x@b:0 y@b:1`);
    }
  }, 120_000);

  test("generated Persian, English and mixed testimony, with the spellings the normaliser folds", () => {
    const pieces = [
      ..."نگهبانان شب آمدند سالن بردند هیئت ساعت‌ها چشم‌بند راهرو خانواده‌ها ملاقات‌ها دربارهٔ نیّری كمیته ي ك ة أ إ ؤ ئ ۱۳۶۷ ١٣٦٧ ـــ ﻻ".split(" "),
      ..."The HALL guards came at NIGHT Évin Gohardasht Pour-Mohammadi Raʾīsī Nayyeri's ß Æsir ŁÓDŹ Øresund İstanbul ﬁnal 𝔸bc ½ ² Ⅻ".split(" "),
      ..."λόγος ΛΌΓΟΣ Σοφία ϲοφια Москва ЁЛКА Ǆemal ǅ ǆ Ꭰ ꭰ 中文 한국어 日本語 עברית".split(" "),
      ..." ,.;:!?()[]{}\"'«»—–-_/\\*+=&%$#@|~`^ \u200c\u200d\u200b\u00a0\u2060\ufeff\t\n".split(""),
    ];
    const next = rng(1367);
    const text = (n: number) => {
      let s = "";
      for (let i = 0; i < n; i++) s += pieces[Math.floor(next() * pieces.length)]! + (next() < 0.7 ? " " : "");
      return s;
    };
    const docs: [string, string][] = [];
    for (let i = 0; i < 3_000; i++) docs.push([normalizeForSearch(text(1 + Math.floor(next() * 8))), normalizeForSearch(text(Math.floor(next() * 200)))]);
    const { uni, asc } = tokens(docs);
    expect(uni.size).toBeGreaterThan(2_900);
    for (let i = 1; i <= docs.length; i++) expect(asc.get(i), docs[i - 1]!.join(" | ")).toBe(uni.get(i));
  }, 60_000);

  test("the extras' break is one word of its own, between the words beside it", () => {
    // index-record.ts normJoinedOf: a phrase never matches across it because it takes a position.
    expect(EXTRAS_BREAK).toBe("\u0643");
    const { asc } = tokens([["", `چشمبند ${EXTRAS_BREAK} taken to gohar dasht prison ${EXTRAS_BREAK} انها`]]);
    expect(asc.get(1)).toBe(`چشمبند@b:0 ${EXTRAS_BREAK}@b:1 taken@b:2 to@b:3 gohar@b:4 dasht@b:5 prison@b:6 ${EXTRAS_BREAK}@b:7 انها@b:8`);
  });
});
