import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { createEvent } from "@/lib/events";
import { search } from "@/lib/search";
import { indexAfterMigration } from "@/lib/search/reindex";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { expectSearchIndexMatchesEntries } from "@/tests/support/search-index";
import { emptyDatabase, freshDatabase, testProvider, migrateBefore, type TestDatabase } from "@/tests/support/database";

// A phrase typed with one part of a word written with a hyphen and the words beside it finds the
// word ("dasht prison" finds "Gohar-dasht prison"): the text's normalised form keeps the word
// whole, and the index keeps beside the text a window around it, its parts apart between up to
// four of the text's words on either side (normalize.ts hyphenWindows), with a break between
// windows (index-record.ts normJoinedOf). No lookup is added to the search. Fictional testimony.

const ZWNJ = "\u200C";
const provider = testProvider();

describe("a phrase with a part of a hyphenated word and its neighbours", () => {
  let db: TestDatabase;
  let researcher: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    db = await freshDatabase();
    researcher = await makeActor("RESEARCHER");
    reviewer = await makeActor("REVIEWER");
  });
  afterAll(async () => db?.drop());

  async function statement(text: string, language = "en") {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    return createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language, originalText: text, summary: "" } });
  }
  const ids = async (q: string) => (await search({ actor: reviewer, query: { q } })).items.map((i) => i.id);
  const marked = async (q: string, id: string) => (await search({ actor: reviewer, query: { q } })).items.find((i) => i.id === id)?.parts.filter((p) => p.mark).map((p) => p.text);

  test("is found with the neighbour on either side, and marked in the text as written", async () => {
    const s = await statement("A fictional text. We were taken to Gohar-dasht prison in the summer.");
    for (const q of ['"dasht prison"', '"to gohar"', '"taken to Gohar"', '"Dasht prison in"', '"gohar dasht prison"']) expect(await ids(q), q).toEqual([s.id]);
    // As before: the word whole, a part alone, the phrase with the word whole or typed with its hyphen.
    for (const q of ["gohardasht", "dasht", '"to gohardasht prison"', '"to Gohar-dasht prison"', "Gohar-dasht"]) expect(await ids(q), q).toEqual([s.id]);
    // Not a phrase the text has.
    for (const q of ['"prison dasht"', '"to dasht"', '"gohar prison"']) expect(await ids(q), q).toEqual([]);
    expect(await marked('"dasht prison"', s.id)).toEqual(["dasht", "prison"]);
    expect(await marked('"to gohar"', s.id)).toEqual(["to", "Gohar"]);
    expect(await marked('"gohar dasht prison"', s.id)).toEqual(["Gohar-dasht", "prison"]);
    const hit = (await search({ actor: reviewer, query: { q: '"dasht prison"' } })).items[0]!;
    expect(hit.snippet).toContain("taken to Gohar-<mark>dasht</mark> <mark>prison</mark> in the summer");
  });

  test("a record's title too, and a match far into a long text is where the snippet starts", async () => {
    const e = await createEvent({ actor: researcher, input: { title: "Fictional transfer to Ghezel-Hesar prison", dateStart: "1988-07-20" } });
    expect(await ids('"hesar prison"')).toEqual([e.id]);
    const long = await statement(`A fictional text. ${"Nothing of note happened that day. ".repeat(30)}Then the Nayyeri-led commission sat.`);
    expect(await ids('"led commission"')).toEqual([long.id]);
    const hit = (await search({ actor: reviewer, query: { q: '"led commission"' } })).items[0]!;
    expect(hit.snippet).toContain("the Nayyeri-<mark>led</mark> <mark>commission</mark> sat.");
  });

  test("up to four neighbours on a side: a longer phrase through a part is not found (the window's width)", async () => {
    const s = await statement("A fictional text. Later one two three four Vakil-abad five six seven eight nine.");
    expect(await ids('"one two three four vakil"')).toEqual([s.id]);
    expect(await ids('"abad five six seven eight"')).toEqual([s.id]);
    expect(await ids('"two three four vakil abad five six seven eight"')).toEqual([s.id]);
    // Five neighbours on one side reach past the window. Typed whole, the word is in the text.
    expect(await ids('"later one two three four vakil"')).toEqual([]);
    expect(await ids('"later one two three four vakilabad"')).toEqual([s.id]);
  });

  test("no phrase is found across two windows, two joined words, or from the text into them", async () => {
    // The windows of Gohar-dasht and Evin-abad: "gohar dasht alef be pe te" and "jim che he khe evin
    // abad", one after the other in the extras; the text has "te se jim" between them.
    const two = await statement("Gohar-dasht alef be pe te se jim che he khe Evin-abad");
    expect(await ids('"dasht alef"')).toEqual([two.id]);
    expect(await ids('"khe evin"')).toEqual([two.id]);
    expect(await ids('"te jim"')).toEqual([]);
    expect(await ids('"pe te jim"')).toEqual([]);
    // Joined words written far apart, one after the other in the extras.
    const joined = await statement(`متن ساختگی: آن${ZWNJ}ها آمدند و بسیار دیرتر ما را با چشم${ZWNJ}بند بردند`, "fa");
    expect(await ids("«با چشمبند بردند»")).toEqual([joined.id]);
    expect(await ids("«انها چشمبند»")).toEqual([]);
    // The last joined word, then the first window: "چشمبند" and "ما را به سالن گوهر دشت".
    const mixed = await statement(`متن ساختگی: با چشم${ZWNJ}بند. سپس ما را به سالن گوهر-دشت بردند`, "fa");
    expect(await ids("«سالن گوهر»")).toEqual([mixed.id]);
    expect(await ids("«چشمبند ما را»")).toEqual([]);
    // The text's last word, then the extras' first entry (on PostgreSQL one vector holds both).
    const edge = await statement(`متن ساختگی: ما را بردند هم${ZWNJ}سلولی ماند و بعد دیگر پایان`, "fa");
    expect(await ids("«پایان همسلولی»")).toEqual([]);
    expect(await ids("«پایان»")).toEqual([edge.id]);
    await expectSearchIndexMatchesEntries();
  });

  test("Persian with a hyphen, and a neighbour written with the Arabic keyboard's letters", async () => {
    const s = await statement("متن ساختگی: ما را به زندان گوهر-دشت در كرج بردند.", "fa");
    for (const q of ["«دشت در کرج»", "«دشت در كرج»", "«به زندان گوهر»", "«گوهر دشت در»", "«زندان گوهردشت در کرج»"]) expect(await ids(q), q).toEqual([s.id]);
    expect(await ids("«کرج دشت»")).toEqual([]);
    expect(await marked("«دشت در کرج»", s.id)).toEqual(["دشت", "در", "كرج"]);
  });

  test("a date written with hyphens: its parts in a phrase, with each other or the words beside them", async () => {
    const s = await statement("A fictional text. The transfer on 1988-07-29 was the last.");
    for (const q of ['"07 29"', '"1988 07"', '"on 1988"', '"29 was the last"', '"on 1988-07-29 was"', "1988-07-29"]) expect(await ids(q), q).toEqual([s.id]);
    expect(await ids('"29 07"')).toEqual([]);
    expect(await marked('"07 29"', s.id)).toEqual(["07-29"]);
    expect(await marked('"29 was"', s.id)).toEqual(["29", "was"]);
  });

  test("a word beside a hyphenated word ranks as it would without the hyphen; found only through a part, it still ranks", async () => {
    // The same text but for the hyphen: the text keeps the word whole in both, and only the first
    // repeats "quorrel" in its window in the extras. Words no other test writes.
    const hyphen = await statement("Fictional: velkor took him to Zarin-dasht quorrel on a cold morning.");
    const joined = await statement("Fictional: velkor took him to Zarindasht quorrel on a cold morning.");
    const scores = async (q: string) => new Map((await search({ actor: reviewer, query: { q, type: "statement" } })).items.map((i) => [i.id, i.score]));
    const byWord = await scores("quorrel");
    expect([...byWord.keys()].sort()).toEqual([hyphen.id, joined.id].sort());
    expect(byWord.get(hyphen.id)).toBeGreaterThan(0);
    expect(byWord.get(hyphen.id)).toBe(byWord.get(joined.id));
    const byPhrase = await scores('"velkor took him"');
    expect(byPhrase.get(hyphen.id)).toBe(byPhrase.get(joined.id));
    // Only the window has "dasht quorrel" as a phrase.
    const byPart = await scores('"dasht quorrel"');
    expect([...byPart.keys()]).toEqual([hyphen.id]);
    expect(byPart.get(hyphen.id)).toBeGreaterThan(0);
    // A joined word's whole form is only in the extras: it ranks too.
    const zwnj = await statement(`متن ساختگی: ما را با چشم${ZWNJ}بند ورکلان بردند`, "fa");
    const byJoined = await scores("چشمبند ورکلان");
    expect([...byJoined.keys()]).toEqual([zwnj.id]);
    expect(byJoined.get(zwnj.id)).toBeGreaterThan(0);
  });
});

describe("upgrading to the hyphenated words' windows", () => {
  let d: TestDatabase | undefined;
  afterAll(async () => {
    await closeDb();
    await d?.drop();
  });

  test("entries indexed before the migration are found by a phrase through a part, and nothing else changes", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_search_hyphen_windows");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    // Written as the index was written then: a hyphenated word's parts alone; joined words one after another.
    const now = new Date();
    await write((tx) =>
      tx.$executeRaw`INSERT INTO "SearchDoc" ("type", "recordId", "title", "body", "normTitle", "normBody", "normJoined", "updatedAt") VALUES
        ('source', 'src1', 'Fictional sample', 'We were taken to Gohar-dasht prison.', 'fictional sample', 'we were taken to gohardasht prison', 'gohar dasht', ${now}),
        ('source', 'src2', 'نمونه ساختگی', ${`آن${ZWNJ}ها رفتند و دیرتر با چشم${ZWNJ}بند`}, 'نمونه ساختگی', 'ان ها رفتند و دیرتر با چشم بند', 'انها چشمبند', ${now}),
        ('source', 'src3', 'نمونه دیگر', ${`ما با هم${ZWNJ}سلولی ماندیم تا پایان`}, 'نمونه دیگر', 'ما با هم سلولی ماندیم تا پایان', 'همسلولی', ${now}),
        ('source', 'src4', 'Nothing joined', 'Nothing of note here.', 'nothing joined', 'nothing of note here', '', ${now})`,
    );
    const r = await migrate(d.url);
    expect(r.applied[0]).toBe(upgrade);
    // This migration's own step: a later one (*_search_field_breaks) indexes every record again,
    // which these entries, written without a record, would not outlive.
    const filled = await indexAfterMigration([upgrade]);
    // The two whose extras change: a window in place of the parts, a break between the joined words.
    expect(filled?.indexed.source).toBe(2);

    const reader = await makeActor("RESEARCHER");
    const found = async (q: string) => (await search({ actor: reader, query: { q } })).items.map((i) => i.id);
    expect(await found('"dasht prison"')).toEqual(["src1"]);
    expect(await found('"to gohar"')).toEqual(["src1"]);
    expect(await found("dasht")).toEqual(["src1"]);
    expect(await found("«انها چشمبند»")).toEqual([]);
    expect(await found("چشمبند")).toEqual(["src2"]);
    expect(await found("«پایان همسلولی»")).toEqual([]);
    expect(await found("همسلولی")).toEqual(["src3"]);
    // The full-text index holds exactly what its entries say (on PostgreSQL the vector of an entry
    // whose extras are one word was written by the migration itself).
    await expectSearchIndexMatchesEntries();
    // A second run finds nothing left to do.
    expect((await indexAfterMigration([upgrade]))?.indexed.source).toBe(0);
  });
});
