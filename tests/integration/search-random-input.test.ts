import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { toAppError } from "@/lib/http";
import { hasUnstorableText } from "@/lib/validation";
import { createPerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { rng } from "@/tests/support/random";

// Whatever a client types into the search box or puts in its address, the search answers or
// refuses the input as invalid: never another error (a 500, an SQL error). Queries are drawn from
// a seeded generator over the characters that have tripped full-text engines and normalisers —
// FTS5 and tsquery syntax, every kind of quote, Persian and Arabic letters, joiners, diacritics,
// tatweel, Persian digits, emoji, lone surrogates, NUL and other control characters — against an
// archive whose texts hold the same characters. A failure prints its seed and query.

const SEED = 1367;
const PIECES = [
  ...['"', "“", "”", "«", "»", "'", "`", "(", ")", "*", "-", "+", "^", ":", "&", "|", "!", "<->", "<", ">", "{", "}", "[", "]", ";", ",", ".", "\\", "%", "_", "/", "?", "#", "=", "~", "@"],
  ...["NEAR", "NEAR(", "AND", "OR", "NOT", "near/2", "{title}:", "body:", "<2>", "''", '""', "\\'"],
  ...["نیری", "نيري", "اشراقی", "اوين", "گوهر", "دشت", "كرج", "چشم", "بند", "می", "ها", "۱۳۶۷", "١٣٦٧", "۰۵", "ـ", "\u064E", "\u0651", "\u0670"],
  ...["\u200C", "\u200D", "\u200E", "\u200F", "\u202B", "\u2066", "\uFEFF", "\u00A0", "\u2009", "\t", "\n", "\r", "\u0000", "\u0001", "\u001F", "\u007F"],
  ...["😀", "👨‍👩‍👧", "𝔸", "\uD800", "\uDC00", "\uFFFD", "ß", "İ", "ǅ", "Ω", "ﷺ", "ﻻ"],
  ...["nayeri", "Nayyeri", "evin", "Gohar-dasht", "1988-07-29", "1367", "Mordad", "x", "a", "the", "prison"],
];

function draw(r: () => number, pieces = PIECES): string {
  const n = 1 + Math.floor(r() * 9);
  let q = "";
  for (let i = 0; i < n; i++) q += pieces[Math.floor(r() * pieces.length)]! + (r() < 0.5 ? " " : "");
  return q;
}
/** The pieces a record can hold (a NUL or a lone surrogate is refused when written). */
const STORABLE = PIECES.filter((p) => !hasUnstorableText(p));

const FILTER_VALUES = ["", " ", "\u0000", "x", "cm\u0000x", "Mordad 1367", "1367-05", "1988-07", "1988-13-40", "۱۳۶۷/۰۵/۰۸", "31 Mordad 1367", "not a date", "-1", "0", "1e3", "20", "NaN", "fa", "en", "statement", "person", "SUBMITTED", "ready"];
const FILTERS = ["type", "status", "language", "personId", "eventId", "placeId", "proceedingId", "authorId", "from", "to", "page", "pageSize"];

describe("search with random input", () => {
  let db: TestDatabase;
  let reviewer: Actor;

  beforeAll(async () => {
    db = await freshDatabase();
    const researcher = await makeActor("RESEARCHER");
    reviewer = await makeActor("REVIEWER");
    const witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
    // Texts that hold the same characters, so that drawn queries also match and are snippeted.
    const r = rng(SEED + 1);
    const texts = Array.from({ length: 40 }, () => Array.from({ length: 30 }, () => draw(r, STORABLE)).join(" "));
    await bulkCreateStatements({
      actor: researcher,
      input: { statements: texts.map((originalText, i) => ({ witnessId, title: `Fictional sample ${i} ${draw(r, STORABLE)}`.slice(0, 200), language: i % 2 ? "fa" : "en", originalText: `Fictional. ${originalText}` })) },
    });
    await createPerson({ actor: researcher, input: { name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری", aliases: ["Nayeri", "نيري"] } });
  });
  afterAll(async () => db?.drop());

  let withItems = 0;
  const outcome = (query: Record<string, unknown>) =>
    search({ actor: reviewer, query, persianTitles: true }).then(
      (r) => {
        // An answer is a well-formed page.
        expect(r.items.length).toBeLessThanOrEqual(r.pageSize);
        for (const item of r.items) expect(item.parts.map((p) => p.text).join("").length).toBeGreaterThan(0);
        if (r.items.length) withItems++;
        return "answered";
      },
      (e: unknown) => toAppError(e)?.code ?? `unexpected: ${e instanceof Error ? e.message : String(e)}`,
    );

  test("a drawn query is answered, or refused as invalid exactly when it holds what no text can (a NUL, a lone surrogate) or nothing", async () => {
    const r = rng(SEED);
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const q = draw(r);
      const expected = hasUnstorableText(q) || q.trim() === "" ? "INVALID_INPUT" : "answered";
      expect(await outcome({ q }), `query ${i} of seed ${SEED}: ${JSON.stringify(q)}`).toBe(expected);
      if (expected !== "answered") refused++;
    }
    // Both outcomes are drawn, and many answers find records, whose snippets are cut and marked.
    expect(refused).toBeGreaterThan(0);
    expect(withItems).toBeGreaterThan(50);
  });

  test("drawn filters beside a drawn query are answered or refused as invalid input", async () => {
    const r = rng(SEED + 2);
    let found = 0;
    for (let i = 0; i < 200; i++) {
      const query: Record<string, unknown> = { q: draw(r) };
      const n = 1 + Math.floor(r() * 3);
      for (let j = 0; j < n; j++) query[FILTERS[Math.floor(r() * FILTERS.length)]!] = r() < 0.1 ? [FILTER_VALUES[0], FILTER_VALUES[1]] : FILTER_VALUES[Math.floor(r() * FILTER_VALUES.length)]!;
      const got = await outcome(query);
      expect(["answered", "INVALID_INPUT"], `filters ${i} of seed ${SEED + 2}: ${JSON.stringify(query)}`).toContain(got);
      if (got === "answered") found++;
    }
    expect(found).toBeGreaterThan(0);
  });

  test("a name among syntax noise still names its person", async () => {
    const hits = await search({ actor: reviewer, query: { q: '("Nayyeri") * NEAR -' } });
    expect(hits.persons.map((p) => p.name)).toContain("Hossein-Ali Nayyeri");
  });
});
