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

// English testimony names officials with a possessive ("Nayyeri's commission") or in a word
// written with a hyphen ("the Nayyeri-led commission"): the name typed as it is spelt finds it,
// and entries indexed before get their new normalised text after the migration
// *_search_latin_words.
// Fictional testimony; the names are public officials of the record.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
});
afterAll(async () => db?.drop());

async function statement(title: string, text: string) {
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title, language: "en", originalText: text, summary: "" } });
}

const ids = async (q: string) => (await search({ actor: reviewer, query: { q, type: "statement" } })).items.map((i) => i.id);
const marked = async (q: string, id: string) => (await search({ actor: reviewer, query: { q, type: "statement" } })).items.find((i) => i.id === id)?.parts.filter((p) => p.mark).map((p) => p.text);

describe("English possessives and hyphenated words in testimony", () => {
  test("the name finds the possessive, with any apostrophe, and the possessive finds the name", async () => {
    const straight = await statement("Fictional sample one", "A fictional text. We were taken before Nayyeri's commission in the morning.");
    const curly = await statement("Fictional sample two", "A fictional text. Then to Montazeri’s office, and later to ESHRAQI'S deputy.");
    const plain = await statement("Fictional sample three", "A fictional text. Nayyeri asked one question only.");
    expect(await ids("Nayyeri")).toEqual(expect.arrayContaining([straight.id, plain.id]));
    expect(await ids("Nayyeri's")).toEqual(expect.arrayContaining([straight.id, plain.id]));
    expect(await ids("Montazeri")).toEqual([curly.id]);
    expect(await ids("eshraqi deputy")).toEqual([curly.id]);
    // A phrase reads the possessive as the name: the words stay side by side.
    expect(await ids('"Nayyeri\'s commission"')).toEqual([straight.id]);
    expect(await ids('"before Nayyeri commission"')).toEqual([straight.id]);
    // The highlight is the name as written, without the possessive.
    expect(await marked("Nayyeri", straight.id)).toEqual(["Nayyeri"]);
    expect(await marked("Montazeri office", curly.id)).toEqual(["Montazeri", "office"]);
  });

  test("an apostrophe inside a name still joins it, and a plural's apostrophe keeps the plural", async () => {
    const s = await statement("Fictional sample four", "A fictional text. Ra'isi signed; the guards' list was read aloud.");
    expect(await ids("Raisi")).toContain(s.id);
    expect(await ids("guards list")).toContain(s.id);
  });

  test("a word written with a hyphen is found by each part, whole, and with or without its hyphen; the part is marked", async () => {
    const s = await statement("Fictional sample six", "A fictional text. The Nayyeri‐led panel met on 1988-07-29; a so-called hearing.");
    for (const q of ["Nayyeri", "led panel", "1988", "hearing called", "Nayyeri-led", "nayyeriled", "so-called"]) expect(await ids(q), q).toContain(s.id);
    expect(await marked("Nayyeri", s.id)).toEqual(["Nayyeri"]);
    expect(await marked("1988", s.id)).toEqual(["1988"]);
    expect(await marked("Nayyeri-led", s.id)).toEqual(["Nayyeri‐led"]);
    // A phrase finds the hyphenated word whole, and by a part beside its neighbour (its window:
    // search-hyphen-windows).
    expect(await ids('"the Nayyeri-led panel"')).toContain(s.id);
    expect(await ids('"led panel"')).toContain(s.id);
    // A search through the parts shows the match in the snippet, not the text's opening.
    const long = await statement("Fictional sample seven", `A fictional text. ${"Nothing of note happened that day. ".repeat(20)}Then the Eshraqi-run hearing began.`);
    const hit = (await search({ actor: reviewer, query: { q: "Eshraqi", type: "statement" } })).items.find((i) => i.id === long.id)!;
    expect(hit.snippet).toContain("<mark>Eshraqi</mark>-run hearing");
  });

  test("entries indexed with the possessive kept are found by the name after the migration", async () => {
    expect(loadMigrations(testProvider()).some((m) => m.name.endsWith("_search_latin_words"))).toBe(true);
    const s = await statement("Fictional sample five", "A fictional text. Pourmohammadi's men kept the list.");
    // Written back as the index was written before: the possessive's s kept on the word.
    await write((tx) => tx.$executeRaw`UPDATE "SearchDoc" SET "normBody" = 'a fictional text pourmohammadis men kept the list' WHERE "recordId" = ${s.id}`);
    expect(await ids("Pourmohammadi")).not.toContain(s.id);

    const r = await indexAfterMigration(["20261203151800_search_latin_words"]);
    expect(r?.indexed.statement).toBe(1);
    expect(await ids("Pourmohammadi")).toContain(s.id);
    expect(await ids("Pourmohammadi's men")).toContain(s.id);
    // The full-text index holds exactly what its entries say.
    await expectSearchIndexMatchesEntries();
    // A second run finds nothing left to do.
    expect((await indexAfterMigration(["20261203151800_search_latin_words"]))?.indexed.statement).toBe(0);
  });
});
