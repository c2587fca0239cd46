import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadMigrations } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { search } from "@/lib/search";
import { indexAfterMigration } from "@/lib/search/reindex";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { expectSearchIndexMatchesEntries } from "@/tests/support/search-index";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// A phrase in quotes is forgiving about hyphens, on either database: a phrase with one part of a
// word written with a hyphen finds it ("dasht prison" finds "Gohar-dasht prison"), and a phrase
// typed with the hyphen finds the word written apart or joined. Entries indexed before get the
// new normalised text after the migration *_search_hyphen_words. Fictional testimony.

const ZWNJ = "\u200C";
let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
});
afterAll(async () => db?.drop());

async function statement(text: string, language: "en" | "fa" = "en") {
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language, originalText: text, summary: "" } });
}

const ids = async (q: string) => (await search({ actor: reviewer, query: { q, type: "statement" } })).items.map((i) => i.id);
const marked = async (q: string, id: string) => (await search({ actor: reviewer, query: { q, type: "statement" } })).items.find((i) => i.id === id)?.parts.filter((p) => p.mark).map((p) => p.text);

describe("phrases and words written with a hyphen", () => {
  test("a phrase with one part of a hyphenated word finds it, and the words around it are marked", async () => {
    const s = await statement("A fictional text. We were moved to Gohar-dasht prison after the mid‐August transfers began.");
    // The second part and the word after it; the word before and the first part.
    expect(await ids('"dasht prison"')).toEqual([s.id]);
    expect(await ids('"August transfers"')).toEqual([s.id]);
    expect(await ids('"to Gohar"')).toEqual([s.id]);
    expect(await ids('"the mid"')).toEqual([s.id]);
    expect(await ids('"moved to Gohar dasht prison after"')).toEqual([s.id]);
    // Still found whole, with its hyphen or without (the hyphen U+2010 as the hyphen-minus).
    expect(await ids('"to Gohar-dasht prison"')).toEqual([s.id]);
    expect(await ids('"the mid-August transfers"')).toEqual([s.id]);
    expect(await ids('"to Gohardasht prison"')).toEqual([s.id]);
    expect(await ids('"the midAugust transfers"')).toEqual([s.id]);
    // The order of the words still counts.
    expect(await ids('"prison dasht"')).toEqual([]);
    expect(await ids('"August mid"')).toEqual([]);
    expect(await marked('"dasht prison"', s.id)).toEqual(["dasht", "prison"]);
    expect(await marked('"August transfers"', s.id)).toEqual(["August", "transfers"]);
  });

  test("a phrase typed with the hyphen finds the word written apart or joined", async () => {
    const apart = await statement("A fictional text. The Ghezel hesar yard was empty in the mid August heat.");
    const joined = await statement("A fictional text. The Ghezelhesar yard was empty by then.");
    expect(await ids('"the Ghezel-hesar yard"')).toEqual(expect.arrayContaining([apart.id, joined.id]));
    expect(await ids('"mid-August heat"')).toEqual([apart.id]);
    // A word typed joined finds it written with a hyphen (above), not two words written apart.
    expect(await ids('"the Ghezelhesar yard"')).toEqual([joined.id]);
    expect(await marked('"mid-August heat"', apart.id)).toEqual(["mid", "August", "heat"]);
    // A word typed with a hyphen, not in quotes, finds it written either way too.
    expect(await ids("Ghezel-hesar")).toEqual(expect.arrayContaining([apart.id, joined.id]));
  });

  test("single words find a hyphenated word by each part and whole, typed with or without the hyphen", async () => {
    const s = await statement("A fictional text. The guards took us to Evin-Qezel and then on the so-called 1988-07-29 hearing.");
    for (const q of ["Evin", "Qezel", "evinqezel", "Evin-Qezel", "so", "called", "socalled", "so-called", "1988", "29", "1988-07-29", "19880729"]) expect(await ids(q), q).toContain(s.id);
    expect(await marked("Qezel", s.id)).toEqual(["Qezel"]);
    expect(await marked("evinqezel", s.id)).toEqual(["Evin-Qezel"]);
  });

  test("Persian: a word written with a hyphen or a ZWNJ, in phrases", async () => {
    const s = await statement(`متن ساختگی: ما را به گوهر-دشت بردند و هم${ZWNJ}سلولی من را صدا زدند.`, "fa");
    for (const q of ["«دشت بردند»", "«به گوهر»", "«به گوهر-دشت بردند»", "«به گوهر دشت بردند»", "گوهردشت", "دشت"]) expect(await ids(q), q).toEqual([s.id]);
    // What the ZWNJ already did is unchanged.
    for (const q of [`«هم${ZWNJ}سلولی من»`, "«همسلولی من»", "«سلولی من»", "همسلولی"]) expect(await ids(q), q).toEqual([s.id]);
    expect(await ids("«بردند دشت»")).toEqual([]);
  });

  test("hyphens and full-text syntax around phrases are plain text", async () => {
    const s = await statement("A fictional text. The Zyx-quorble wing was sealed.");
    for (const q of ['"-quorble wing"', '"quorble - wing"', '"Zyx- quorble wing"', '"quorble wing"-', "quorble-*", '"quorble NEAR wing"-', '"(quorble) wing"']) {
      const r = await ids(q);
      if (q.includes("NEAR")) expect(r, q).toEqual([]);
      else expect(r, q).toEqual([s.id]);
    }
  });

  test("entries indexed with hyphenated words joined are found by a phrase with a part after the migration", async () => {
    expect(loadMigrations(testProvider()).some((m) => m.name.endsWith("_search_hyphen_words"))).toBe(true);
    const s = await statement("A fictional text. The Qarchak-Varamin convoy left at dawn.");
    // Written back as the index was written before: the word joined in the text, its parts beside.
    await write((tx) => tx.$executeRaw`UPDATE "SearchDoc" SET "normBody" = 'a fictional text the qarchakvaramin convoy left at dawn', "normJoined" = 'qarchak varamin' WHERE "recordId" = ${s.id}`);
    expect(await ids('"Varamin convoy"')).toEqual([]);

    const r = await indexAfterMigration(["20261203220000_search_hyphen_words"]);
    expect(r?.indexed.statement).toBe(1);
    expect(await ids('"Varamin convoy"')).toEqual([s.id]);
    expect(await ids("qarchakvaramin")).toEqual([s.id]);
    await expectSearchIndexMatchesEntries();
    expect((await indexAfterMigration(["20261203220000_search_hyphen_words"]))?.indexed.statement).toBe(0);
  });
});
