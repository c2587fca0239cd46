import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { sqlitePath } from "@/lib/db/provider";
import { createEvent } from "@/lib/events";
import { createLink } from "@/lib/links";
import { createOrganisation } from "@/lib/organisations";
import { createPerson } from "@/lib/persons";
import { createPlace } from "@/lib/places/places";
import { search } from "@/lib/search";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// Places and organisations are name-aware like persons: a query naming one in any spelling or
// script also finds its other spellings (whole names; for a place also without the word for its
// kind, as testimony names it), and for a place the statements linked to it. All names and texts are invented.

let db: TestDatabase;
let researcher: Actor;
let place: string;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  place = (await createPlace({ actor: researcher, input: { name: "Zarrinabad Detention Centre", nameFa: "بازداشتگاه زرین‌آباد", aliases: ["Zarinabad Jail"] } })).id;
  await createOrganisation({ actor: researcher, input: { name: "Tondgouyan Committee", nameFa: "کمیتهٔ تندگویان" } });
  await createPerson({ actor: researcher, input: { name: "Farrokh Zarrinabadi" } });
  await createPerson({ actor: researcher, input: { name: "Kamran Pourfarzaneh", nameFa: "کامران پورفرزانه" } });
});
afterAll(async () => db?.drop());

async function statement(text: string, language: "fa" | "en" = "fa") {
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language, originalText: text } });
}

describe("the parts of a Persian name written joined, with a ZWNJ or apart", () => {
  test("a person named in either script finds testimony that writes their name's parts any of the three ways", async () => {
    const joined = await statement("این متن ساختگی است. پورفرزانه فهرست را خواند.");
    const zwnj = await statement("این متن ساختگی است. پور\u200Cفرزانه فهرست را خواند.");
    const apart = await statement("این متن ساختگی است. کامران پور فرزانه فهرست را خواند.");
    const other = await statement("این متن ساختگی است. فرزانه فهرست را خواند.");
    for (const q of ["Pourfarzaneh", "Kamran Pourfarzaneh", "پورفرزانه", "پور فرزانه", "پور\u200Cفرزانه"]) {
      const ids = (await search({ actor: researcher, query: { q, type: "statement" } })).items.map((i) => i.id);
      expect(ids, q).toEqual(expect.arrayContaining([joined.id, zwnj.id, apart.id]));
      expect(ids, q).not.toContain(other.id);
    }
  });
});

describe("name-aware search for places and organisations", () => {
  test("a place named in Latin letters finds its Persian name, an Arabic-keyboard spelling and a linked statement", async () => {
    const persian = await statement("این متن ساختگی است. ما را به بازداشتگاه زرين‌آباد بردند.");
    const alias = await statement("This text is fictional. They held us in Zarinabad Jail for a month.", "en");
    const linked = await statement("This text is fictional. The centre outside the city, we never learnt its name.", "en");
    await createLink({ actor: researcher, input: { statementId: linked.id, revisionNumber: 1, startOffset: 0, endOffset: 9, quote: "This text", personId: (await createPerson({ actor: researcher, input: { name: "Someone Fictional-Linker" } })).id, placeId: place, role: "PRESENT", allegationType: "OTHER" } });
    const unrelated = await statement("This text is fictional. A detention centre in another town.", "en");

    const r = await search({ actor: researcher, query: { q: "Zarrinabad Detention Centre", type: "statement" } });
    const ids = r.items.map((i) => i.id);
    expect(r.places.map((p) => p.id)).toEqual([place]);
    expect(ids).toEqual(expect.arrayContaining([persian.id, alias.id, linked.id]));
    expect(ids).not.toContain(unrelated.id);
    expect(r.total).toBe(3);
    // The Persian spelling is marked in the snippet as the witness wrote it.
    expect(r.items.find((i) => i.id === persian.id)!.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["بازداشتگاه", "زرين", "آباد"]);
  });

  test("a place is also found where testimony leaves out the word for its kind, in either script, and never by that word alone", async () => {
    const fa = await statement("این متن ساختگی است. ما را شبانه به زرین‌آباد بردند.");
    const en = await statement("This text is fictional. After Zarrinabad nobody wrote to us.", "en");
    const generic = await statement("This text is fictional. The camp and the detention centre were full.", "en");
    // Named by its Latin alias: the Persian name without «بازداشتگاه» finds the Persian statement.
    const byAlias = (await search({ actor: researcher, query: { q: "Zarinabad Jail", type: "statement" } })).items.map((i) => i.id);
    expect(byAlias).toEqual(expect.arrayContaining([fa.id, en.id]));
    expect(byAlias).not.toContain(generic.id);
    const hit = (await search({ actor: researcher, query: { q: "Zarinabad Jail", type: "statement" } })).items.find((i) => i.id === fa.id)!;
    expect(hit.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["زرین", "آباد"]);
    // Named in Persian with the generic word: the English statement that says only "Zarrinabad".
    const byPersian = (await search({ actor: researcher, query: { q: "بازداشتگاه زرين‌آباد", type: "statement" } })).items.map((i) => i.id);
    expect(byPersian).toEqual(expect.arrayContaining([fa.id, en.id]));
    expect(byPersian).not.toContain(generic.id);
  });

  test("an organisation's other script is found by whole name, never by a generic word of it", async () => {
    const fa = await statement("این متن ساختگی است. مأموران کمیته تندگویان شب آمدند.");
    const generic = await statement("This text is fictional. A committee met in the morning.", "en");
    const r = await search({ actor: researcher, query: { q: "Tondgouyan Committee", type: "statement" } });
    expect(r.organisations.length).toBeGreaterThan(0);
    const ids = r.items.map((i) => i.id);
    expect(ids).toContain(fa.id);
    expect(ids).not.toContain(generic.id);
  });

  test("a person's search is unchanged: the surname alone still finds them", async () => {
    const s = await statement("This text is fictional. Zarrinabadi signed the order.", "en");
    const r = await search({ actor: researcher, query: { q: "Farrokh Zarrinabadi", type: "statement" } });
    expect(r.items.map((i) => i.id)).toContain(s.id);
  });
});

describe.skipIf(testProvider() !== "sqlite")("the statements linked to named persons and places (SQLite)", () => {
  test("are found from the link index alone, never each link's table row", () => {
    // The lookup a name search makes (lib/search/search.ts): every link's statement, by person.
    const conn = new Database(sqlitePath(db.url), { readonly: true });
    try {
      const plan = conn.prepare(`EXPLAIN QUERY PLAN SELECT l2."statementId" FROM "Link" l2 WHERE l2."personId" IN (?, ?)`).all("a", "b") as { detail: string }[];
      expect(plan.map((r) => r.detail).join("\n")).toMatch(/COVERING INDEX "?Link_personId_statementId_idx/);
      // The same for a named place, and for the search filter by place.
      const byPlace = conn.prepare(`EXPLAIN QUERY PLAN SELECT l2."statementId" FROM "Link" l2 WHERE l2."placeId" IN (?, ?)`).all("a", "b") as { detail: string }[];
      expect(byPlace.map((r) => r.detail).join("\n")).toMatch(/COVERING INDEX "?Link_placeId_statementId_idx/);
    } finally {
      conn.close();
    }
  });
});

describe("a registry result's Persian name", () => {
  test("a person, organisation, place or event found carries its Persian name, its matched words marked, for a Persian page to head it with; one without carries none", async () => {
    const person = await createPerson({ actor: researcher, input: { name: "Behrouz Qaranfili", nameFa: "بهروز قرنفیلی" } });
    const plain = await createPerson({ actor: researcher, input: { name: "Siavash Gelpayegani" } });
    const org = await createOrganisation({ actor: researcher, input: { name: "Qaranfil Bureau", nameFa: "ادارهٔ قرنفیل" } });
    const pl = await createPlace({ actor: researcher, input: { name: "Qaranfil Camp", nameFa: "اردوگاه قرنفیل" } });
    const ev = await createEvent({ actor: researcher, input: { title: "Qaranfil transfers", titleFa: "انتقال‌های قرنفیل", dateStart: "1988-08" } });
    const byId = async (q: string, type: string, persianTitles = true) => new Map((await search({ actor: researcher, query: { q, type }, persianTitles })).items.map((i) => [i.id, i]));

    const persons = await byId("قرنفیلی", "person");
    expect(persons.get(person.id)?.titleFa).toBe(person.nameFa);
    expect(persons.get(person.id)?.titleFaParts.map((p) => p.text).join("")).toBe(person.nameFa);
    expect(persons.get(person.id)?.titleFaParts.filter((p) => p.mark).map((p) => p.text)).toContain("قرنفیلی");
    const plains = await byId("Gelpayegani", "person");
    expect(plains.get(plain.id)?.titleFa).toBe("");
    expect(plains.get(plain.id)?.titleFaParts).toEqual([]);
    expect((await byId("Qaranfil Bureau", "organisation")).get(org.id)?.titleFa).toBe(org.nameFa);
    expect((await byId("Qaranfil Camp", "place")).get(pl.id)?.titleFa).toBe(pl.nameFa);
    expect((await byId("Qaranfil transfers", "event")).get(ev.id)?.titleFa).toBe(ev.titleFa);
    // Unasked (the API, an English page), the names are not read.
    expect((await byId("قرنفیلی", "person", false)).get(person.id)).toMatchObject({ title: person.name, titleFa: "", titleFaParts: [] });
  });
});
