import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listDossierSubjects } from "@/lib/dossiers";
import { createEvent } from "@/lib/events/events";
import { listOrganisationPage, createOrganisation } from "@/lib/organisations";
import { createPerson, listPersonPage } from "@/lib/persons";
import { createPlace, listPlacePage } from "@/lib/places";
import { createProceeding, listProceedingPage } from "@/lib/proceedings";
import { searchFilterOptions } from "@/lib/search/filter-options";
import { listProceedingChoices } from "@/lib/links";
import { LIST_PER_PAGE } from "@/lib/paging";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Persian pages list the registries by the name their reader sees first, the Persian one, in the
// order of the Persian alphabet; records without a Persian name come after them, by their Latin
// name. The list is ordered before it is cut into pages, so the order runs on across a page's
// end. English pages keep the Latin order. Fictional names throughout.

// One first name for each letter, in the alphabet's order (ا آ ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص
// ض ط ظ ع غ ف ق ک گ ل م ن و ه ی), written by hand; آ reads as ا (so آرش between احمد and اکبر).
const FIRST = [
  "احمد", "آرش", "اکبر", "بهرام", "پروین", "تقی", "ثریا", "جواد", "چنگیز", "حسن", "خلیل", "داوود", "ذبیح", "رضا", "زهرا",
  "ژاله", "سعید", "شهلا", "صادق", "ضیا", "طاهره", "ظریف", "عباس", "غلامرضا", "فاطمه", "قاسم", "کاظم", "گلی", "لیلا",
  "مریم", "ناصر", "وحید", "هادی", "یوسف",
];
// Two persons a first name (احمدی before یزدانی): 68 with Persian names, more than a page.
const IN_ORDER = FIRST.flatMap((f) => [`${f} احمدی`, `${f} یزدانی`]);
// Some are stored as typed on an Arabic keyboard (ي ك), with a ZWNJ or with diacritics: each
// must stand where its Persian spelling would.
const AS_TYPED: Record<string, string> = {
  "کاظم یزدانی": "كاظم يزداني",
  "یوسف احمدی": "يوسف احمدي",
  "غلامرضا یزدانی": "غلام\u200Cرضا یزدانی",
  "مریم احمدی": "مَریَم احمدی",
  "گلی یزدانی": "گلي يزداني",
};
// Without a Persian name: after all the others on a Persian page, in Latin order.
const LATIN_ONLY = ["Aaron Latin-only", "Mina Latin-only", "zed Latin-only"];

let db: TestDatabase;
let researcher: Actor;
let legal: Actor;
const idOf = new Map<string, string>(); // expected Persian name (or Latin-only name) -> id

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  legal = await makeActor("LEGAL");
  // Created in neither order, with Latin names whose order is the reverse of the Persian one, so
  // a list by Latin name (or in the order of creation) cannot pass for the Persian order.
  const creation = [...IN_ORDER.keys()].sort((a, b) => ((a * 37) % IN_ORDER.length) - ((b * 37) % IN_ORDER.length));
  for (const i of creation) {
    const fa = IN_ORDER[i];
    const p = await createPerson({ actor: researcher, input: { name: `Sample ${String(900 - i)}`, nameFa: AS_TYPED[fa] ?? fa, confirmDuplicate: true } });
    idOf.set(fa, p.id);
  }
  for (const name of [...LATIN_ONLY].reverse()) idOf.set(name, (await createPerson({ actor: researcher, input: { name, confirmDuplicate: true } })).id);
}, 120_000);
afterAll(async () => db?.drop());

const expectedIds = () => [...IN_ORDER, ...LATIN_ONLY].map((n) => idOf.get(n)!);

describe("the persons list on a Persian page", () => {
  test("is in Persian alphabetical order across its pages, records without a Persian name last", async () => {
    const first = await listPersonPage({ actor: researcher, query: {}, locale: "fa" });
    expect(first).toMatchObject({ total: IN_ORDER.length + LATIN_ONLY.length, page: 1, pages: 2, pageSize: LIST_PER_PAGE });
    const second = await listPersonPage({ actor: researcher, query: { page: 2 }, locale: "fa" });
    expect(second.page).toBe(2);
    // The page boundary falls inside the Persian names: the order runs on from one page to the next.
    const all = [...first.items, ...second.items];
    expect(all.map((p) => p.id)).toEqual(expectedIds());
    // The names as stored: an Arabic-keyboard spelling stands where its Persian spelling would.
    expect(all[IN_ORDER.indexOf("کاظم یزدانی")].nameFa).toBe("كاظم يزداني");
    expect(second.items.slice(-LATIN_ONLY.length).map((p) => p.name)).toEqual(LATIN_ONLY);
  });

  test("an English page keeps the Latin order", async () => {
    const rows = [...(await listPersonPage({ actor: researcher, query: {}, locale: "en" })).items, ...(await listPersonPage({ actor: researcher, query: { page: 2 }, locale: "en" })).items];
    const latin = rows.map((p) => p.name);
    expect(latin).toEqual([...latin].sort((a, b) => a.localeCompare(b, "en")));
    // No locale (the API): the Latin order too.
    expect((await listPersonPage({ actor: researcher, query: {} })).items.map((p) => p.id)).toEqual(rows.slice(0, LIST_PER_PAGE).map((p) => p.id));
  });

  test("the dossier's subject menu and the search filter's person list are in the same order", async () => {
    expect((await listDossierSubjects({ actor: legal, locale: "fa" })).persons.map((p) => p.id)).toEqual(expectedIds());
    expect((await searchFilterOptions({ actor: researcher, locale: "fa" })).persons.choices?.map((p) => p.id)).toEqual(expectedIds());
    const english = (await listDossierSubjects({ actor: legal, locale: "en" })).persons.map((p) => p.name);
    expect(english).toEqual([...english].sort((a, b) => a.localeCompare(b, "en")));
  });
});

describe("organisations and places on a Persian page", () => {
  test("are in Persian alphabetical order, those without a Persian name last", async () => {
    // Latin names in the reverse order; پ چ ژ گ ی would sort after ف ق by code point.
    const orgs = [
      ["Z Committee", "انجمن"],
      ["Y Council", "پیکار"],
      ["X Front", "جبهه"],
      ["W Union", "چریک"],
      ["V Group", "ژیان"],
      ["U Society", "فدائیان"],
      ["T League", "گروه"],
      ["S Party", "يگانگي"],
    ];
    for (const [name, nameFa] of [...orgs].reverse()) await createOrganisation({ actor: researcher, input: { name, nameFa } });
    await createOrganisation({ actor: researcher, input: { name: "A Latin-only Alliance" } });
    const listed = (await listOrganisationPage({ actor: researcher, query: {}, locale: "fa" })).items.map((o) => o.name);
    expect(listed).toEqual([...orgs.map(([name]) => name), "A Latin-only Alliance"]);
    expect((await listOrganisationPage({ actor: researcher, query: {}, locale: "en" })).items.map((o) => o.name)).toEqual(["A Latin-only Alliance", ...orgs.map(([name]) => name).reverse()]);

    const places = [
      ["Z Prison", "زندان اوین"],
      ["Y Prison", "زندان پارک"],
      ["X Prison", "زندان چهاردیواری"],
      ["W Prison", "زندان قزل‌حصار"],
      ["V Prison", "زندان كرمان"],
      ["U Prison", "زندان گوهردشت"],
    ];
    for (const [name, nameFa] of [...places].reverse()) await createPlace({ actor: researcher, input: { name, nameFa } });
    await createPlace({ actor: researcher, input: { name: "A Latin-only Camp" } });
    const placeNames = (await listPlacePage({ actor: researcher, query: {}, locale: "fa" })).items.map((p) => p.name);
    expect(placeNames).toEqual([...places.map(([name]) => name), "A Latin-only Camp"]);
    expect((await searchFilterOptions({ actor: researcher, locale: "fa" })).places.choices?.map((p) => p.name)).toEqual(placeNames);
  });
});

describe("the search filter's event list on a Persian page", () => {
  test("is in Persian alphabetical order of the events' Persian titles, those without one last", async () => {
    // English titles in the reverse order; ژ گ ی after ب by code point, ك on an Arabic keyboard.
    const events = [
      ["Z event", "بازداشت‌ها"],
      ["Y event", "ژوئیه"],
      ["X event", "كشتار"],
      ["W event", "گورها"],
      ["V event", "یادبود"],
    ];
    for (const [title, titleFa] of [...events].reverse()) await createEvent({ actor: researcher, input: { title, titleFa, dateStart: "1988" } });
    await createEvent({ actor: researcher, input: { title: "A Latin-only event", dateStart: "1988" } });
    const choices = (await searchFilterOptions({ actor: researcher, locale: "fa" })).events.choices?.map((e) => e.name);
    expect(choices).toEqual([...events.map(([title]) => title), "A Latin-only event"]);
    // An English page: as the database orders the titles (unchanged).
    expect((await searchFilterOptions({ actor: researcher })).events.choices?.map((e) => e.name)).toEqual(["A Latin-only event", ...events.map(([title]) => title).reverse()]);
  });
});

describe("the proceedings list on a Persian page", () => {
  test("is in Persian alphabetical order of the Persian titles across its pages, those without one last; English pages and the API by the English title", async () => {
    // English titles in the reverse order; پ and گ would sort after ف by code point, ي is typed on an Arabic keyboard.
    const proceedings = [
      ["Z prosecution", "پرونده"],
      ["Y prosecution", "دادگاه"],
      ["X prosecution", "فرجام"],
      ["W prosecution", "گزارش"],
      ["V prosecution", "يادداشت"],
    ];
    for (const [title, titleFa] of [...proceedings].reverse()) await createProceeding({ actor: researcher, input: { title, titleFa, kind: "CRIMINAL_TRIAL" } });
    await createProceeding({ actor: researcher, input: { title: "A Latin-only prosecution", kind: "CRIMINAL_TRIAL" } });
    const pageOf = async (page: number, locale?: string) => (await listProceedingPage({ actor: researcher, query: { page, pageSize: 4 }, locale })).items.map((p) => p.title);
    // The boundary between the pages falls inside the Persian titles.
    expect([...(await pageOf(1, "fa")), ...(await pageOf(2, "fa"))]).toEqual([...proceedings.map(([title]) => title), "A Latin-only prosecution"]);
    const english = ["A Latin-only prosecution", ...proceedings.map(([title]) => title).reverse()];
    expect([...(await pageOf(1, "en")), ...(await pageOf(2, "en"))]).toEqual(english);
    expect([...(await pageOf(1)), ...(await pageOf(2))]).toEqual(english);
    // A new dossier's subject menu lists them in the same order.
    expect((await listDossierSubjects({ actor: legal, locale: "fa" })).proceedings.map((p) => p.title)).toEqual([...proceedings.map(([title]) => title), "A Latin-only prosecution"]);
    expect((await listDossierSubjects({ actor: legal, locale: "en" })).proceedings.map((p) => p.title)).toEqual(english);
    // So does the statement page's linking form, with both titles of each; English pages and the default by the English title.
    const choices = await listProceedingChoices({ actor: researcher, locale: "fa" });
    expect(choices.map((p) => p.title)).toEqual([...proceedings.map(([title]) => title), "A Latin-only prosecution"]);
    expect(choices[0]).toEqual({ id: expect.any(String), title: "Z prosecution", titleFa: "پرونده" });
    expect((await listProceedingChoices({ actor: researcher, locale: "en" })).map((p) => p.title)).toEqual(english);
    expect((await listProceedingChoices({ actor: researcher })).map((p) => p.title)).toEqual(english);
  });
});
