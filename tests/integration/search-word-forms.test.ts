import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { search } from "@/lib/search";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A Persian word found in the forms testimony writes it in: a plural with a possessive ending,
// joined or with a ZWNJ, and a word whose parts are held together by an invisible joiner other
// than the ZWNJ. Fictional testimony; each test searches for words of its own.

const ZWNJ = "\u200C";
const BOM = "\uFEFF"; // a zero-width no-break space, pasted in from some word processors
const ZWSP = "\u200B";

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
});
afterAll(async () => db?.drop());

async function statement(text: string) {
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title: "نمونه ساختگی", language: "fa", originalText: text, summary: "" } });
}

const ids = async (q: string) => (await search({ actor: reviewer, query: { q } })).items.map((i) => i.id);
const marked = async (q: string, id: string) => (await search({ actor: reviewer, query: { q } })).items.find((i) => i.id === id)?.parts.filter((p) => p.mark).map((p) => p.text);

describe("a plural with a possessive ending", () => {
  test("is found by the singular, written joined or with a ZWNJ; an unrelated word is not", async () => {
    // «ملاقاتهایم» (my visits), «کتابهایشان» (their books).
    const joined = await statement("این متن ساختگی است. همه ملاقاتهایم را لغو کردند و کتابهایشان را بردند.");
    const zwnj = await statement(`این متن ساختگی است. همه ملاقات${ZWNJ}هایم را لغو کردند و کتاب${ZWNJ}هایشان را بردند.`);
    const unrelated = await statement("این متن ساختگی است. نامه‌هایم را خواندند و دفترهایشان را سوزاندند.");
    for (const q of ["ملاقات", "کتاب"]) {
      const found = await ids(q);
      expect(found, q).toEqual(expect.arrayContaining([joined.id, zwnj.id]));
      expect(found, q).not.toContain(unrelated.id);
    }
    expect(await marked("ملاقات", joined.id)).toEqual(["ملاقاتهایم"]);
    expect(await marked("کتاب", joined.id)).toEqual(["کتابهایشان"]);
  });
});

describe("invisible joiners other than the ZWNJ", () => {
  test("a word written with U+FEFF or U+200B inside is found by the word typed joined, with a ZWNJ or with the same joiner", async () => {
    // «چشم‌بند» (blindfold) and «دست‌بند» (handcuffs) held together by other joiners.
    const bom = await statement(`این متن ساختگی است. ما را با چشم${BOM}بند بردند.`);
    const zwsp = await statement(`این متن ساختگی است. ما را با دست${ZWSP}بند بردند.`);
    // The same words written joined: a query typed with a joiner finds them as well.
    const joined = await statement("این متن ساختگی است. ما را با چشمبند و دستبند بردند.");
    for (const q of ["چشمبند", `چشم${ZWNJ}بند`, `چشم${BOM}بند`, `چشم${ZWSP}بند`]) expect(await ids(q), q).toEqual(expect.arrayContaining([bom.id, joined.id]));
    for (const q of ["دستبند", `دست${ZWNJ}بند`, `دست${BOM}بند`, `دست${ZWSP}بند`]) expect(await ids(q), q).toEqual(expect.arrayContaining([zwsp.id, joined.id]));
    // Joined, the parts must stand together: a record with both words apart is not a match.
    const apart = await statement("این متن ساختگی است. چشم او را دیدم و بند کفش را بستم.");
    expect(await ids(`چشم${BOM}بند`)).not.toContain(apart.id);
    // Both parts are marked, with the joiner between them kept as the witness wrote it.
    const hit = (await search({ actor: reviewer, query: { q: "چشمبند" } })).items.find((i) => i.id === bom.id)!;
    expect(hit.snippet).toContain(`<mark>چشم</mark>${BOM}<mark>بند</mark>`);
  });
});
