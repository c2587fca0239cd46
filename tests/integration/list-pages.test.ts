import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createEvent, listEventPage, listEvents, searchEvents } from "@/lib/events";
import { createOrganisation, listOrganisationPage, searchOrganisations } from "@/lib/organisations";
import { createPerson, listPersonPage, listPersons } from "@/lib/persons";
import { createPlace, listPlacePage, searchPlaces } from "@/lib/places";
import { createProceeding, listProceedingPage, listProceedings, searchProceedings } from "@/lib/proceedings";
import { createSource, listSources } from "@/lib/sources";
import { countReadableWitnesses, createWitness, findWitnessListRow, listWitnessPage } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The long lists (witnesses, events, the registries) a page at a time, with a small page size
// so that a handful of rows make several pages.

let db: TestDatabase;
let researcher: Actor;
let legal: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, legal] = await Promise.all([makeActor("RESEARCHER"), makeActor("LEGAL")]);
});
afterAll(async () => db?.drop());

const consent = (scope: string) => ({ scope, givenAt: "2024-01-10", method: "WRITTEN" });

describe("the witnesses list", () => {
  let codes: string[];
  let shared: string[];
  beforeAll(async () => {
    codes = [];
    shared = [];
    // W-0001 … W-0012; every third one has consented to legal sharing.
    for (let i = 1; i <= 12; i++) {
      const w = await createWitness({ actor: researcher, input: { consents: [consent(i % 3 === 0 ? "LEGAL_SHARING" : "INTERNAL_RESEARCH")] } });
      codes.push(w.code);
      if (i % 3 === 0) shared.push(w.code);
    }
  });

  test("comes a page at a time in code order, with the total and the number of pages", async () => {
    const first = await listWitnessPage({ actor: researcher, query: { pageSize: 5 } });
    expect(first).toMatchObject({ total: 12, page: 1, pages: 3, pageSize: 5 });
    expect(first.items.map((w) => w.code)).toEqual(codes.slice(0, 5));
    const third = await listWitnessPage({ actor: researcher, query: { pageSize: 5, page: 3 } });
    expect(third.items.map((w) => w.code)).toEqual(codes.slice(10));
    // Without a page size: 50 a page.
    expect((await listWitnessPage({ actor: researcher })).pageSize).toBe(50);
  });

  test("a page past the last gives the last", async () => {
    const past = await listWitnessPage({ actor: researcher, query: { pageSize: 5, page: 99 } });
    expect(past).toMatchObject({ page: 3, pages: 3 });
    expect(past.items.map((w) => w.code)).toEqual(codes.slice(10));
  });

  test("a page number that is not one is refused as invalid input", async () => {
    for (const page of ["abc", "-3", "0", "1.5", "99999999999999999999"]) {
      await expect(listWitnessPage({ actor: researcher, query: { page } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(listWitnessPage({ actor: researcher, query: { pageSize: 201 } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { pageSize: ["too_large:200"] } });
  });

  test("the filter finds a code by any part of it, in any case, in Persian digits and with «ص» for W, and pages its matches", async () => {
    expect((await listWitnessPage({ actor: researcher, query: { q: "w-001" } })).items.map((w) => w.code)).toEqual(["W-0010", "W-0011", "W-0012"]);
    expect((await listWitnessPage({ actor: researcher, query: { q: "۱۲" } })).items.map((w) => w.code)).toEqual(["W-0012"]);
    // Typed on a Persian keyboard, whose W key types «ص»: the filter (shown back as the matches' heading) is the code.
    expect(await listWitnessPage({ actor: researcher, query: { q: "ص-۰۰۱۲" } })).toMatchObject({ q: "W-0012", total: 1, items: [{ code: "W-0012" }] });
    const paged = await listWitnessPage({ actor: researcher, query: { q: "W-001", pageSize: 2, page: 2 } });
    expect(paged).toMatchObject({ total: 3, page: 2, pages: 2, q: "W-001" });
    expect(paged.items.map((w) => w.code)).toEqual(["W-0012"]);
    const none = await listWitnessPage({ actor: researcher, query: { q: "W-9", page: 4 } });
    expect(none).toMatchObject({ total: 0, page: 1, pages: 1, items: [] });
    // A LIKE wildcard is not a wildcard.
    expect((await listWitnessPage({ actor: researcher, query: { q: "%" } })).total).toBe(12);
    // As a wildcard "9_" would need a character after the 9, which no code has; as text it is "9".
    expect((await listWitnessPage({ actor: researcher, query: { q: "9_" } })).items.map((w) => w.code)).toEqual(["W-0009"]);
    // A code typed without its hyphen is read with it, as the start of a code ("w1" is "W-1").
    expect(await listWitnessPage({ actor: researcher, query: { q: "ص۰" } })).toMatchObject({ q: "W-0", total: 12 });
    expect(await listWitnessPage({ actor: researcher, query: { q: "w0012" } })).toMatchObject({ q: "W-0012", total: 1 });
  });

  test("a legal team's count, pages and filter hold only the witnesses who consented to legal sharing", async () => {
    const all = await listWitnessPage({ actor: legal, query: { pageSize: 3 } });
    expect(all).toMatchObject({ total: shared.length, pages: 2 });
    expect(all.items.map((w) => w.code)).toEqual(shared.slice(0, 3));
    expect((await listWitnessPage({ actor: legal, query: { q: "W-001" } })).items.map((w) => w.code)).toEqual(["W-0012"]);
    expect(await findWitnessListRow({ actor: legal, code: "W-0001" })).toBeNull();
    expect((await findWitnessListRow({ actor: legal, code: "W-0003" }))?.code).toBe("W-0003");
    // By id (the new-statement form's preselected witness) and by a typed code, the same rule.
    const first = (await findWitnessListRow({ actor: researcher, code: "w-۰۰۰۱" }))!;
    expect(first.code).toBe("W-0001");
    expect((await findWitnessListRow({ actor: researcher, id: first.id }))?.code).toBe("W-0001");
    expect(await findWitnessListRow({ actor: legal, id: first.id })).toBeNull();
    expect(await findWitnessListRow({ actor: researcher, code: "W-001" })).toBeNull();
  });

  test("the count of witnesses one may choose from (the new-statement form) follows the list's rule", async () => {
    expect(await countReadableWitnesses({ actor: researcher })).toBe(codes.length);
    expect(await countReadableWitnesses({ actor: legal })).toBe(shared.length);
    expect(await countReadableWitnesses({ actor: legal })).toBe((await listWitnessPage({ actor: legal })).total);
    await expect(countReadableWitnesses({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("a row carries no identity", async () => {
    const row = (await listWitnessPage({ actor: researcher, query: { pageSize: 1 } })).items[0]!;
    expect(Object.keys(row).sort()).toEqual(["_count", "code", "createdAt", "createdById", "fictional", "id", "protectionLevel"]);
  });
});

describe("the events list", () => {
  beforeAll(async () => {
    const titles: [string, string, string][] = [
      ["Visits stopped", "قطع ملاقات‌ها", "Mordad 1367"],
      ["Khomeini's secret order", "فرمان محرمانهٔ خمینی", "1988-07-28"],
      ["Death commission at Evin", "هیئت مرگ در اوین", "1988-08"],
      ["Mass graves at Khavaran", "گورهای جمعی خاوران", "1988-09"],
      ["Evin transfers", "", "1988-07-19"],
      ["Later report", "", "1990"],
      ["Arrests resumed", "", "1988-07-19"],
      ["Gohardasht hangings", "اعدام‌ها در گوهردشت", "1988-08-15"],
    ];
    for (const [title, titleFa, dateStart] of titles) await createEvent({ actor: researcher, input: { title, titleFa, dateStart } });
  });

  test("comes a page at a time in listEvents' date order, with the total", async () => {
    const all = (await listEvents({ actor: researcher })).map((e) => e.id);
    expect(all).toHaveLength(8);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await listEventPage({ actor: researcher, query: { pageSize: 3, page } }));
    expect(pages.map((p) => [p.total, p.page, p.pages])).toEqual([[8, 1, 3], [8, 2, 3], [8, 3, 3]]);
    expect(pages.flatMap((p) => p.items.map((e) => e.id))).toEqual(all);
    expect(pages[0]!.items.map((e) => e.title).slice(0, 2)).toEqual(["Arrests resumed", "Evin transfers"]);
    expect(pages[2]!.items.map((e) => e.title).at(-1)).toBe("Later report");
    expect((await listEventPage({ actor: researcher })).pageSize).toBe(50);
  });

  test("a page past the last gives the last; a page number that is not one is invalid input", async () => {
    expect(await listEventPage({ actor: researcher, query: { pageSize: 3, page: 1000 } })).toMatchObject({ page: 3, pages: 3 });
    for (const page of ["abc", "-3", "99999999999999999999"]) await expect(listEventPage({ actor: researcher, query: { page } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  test("the title filter finds what GET /events?q= finds, in either script and any spelling, and pages it", async () => {
    for (const q of ["Evin", "اوین", "Gohardasht", "Khomeini order", "Mehr"]) {
      const found = (await searchEvents({ actor: researcher, query: { q } })).map((e) => e.id);
      const listed = await listEventPage({ actor: researcher, query: { q } });
      expect(listed.items.map((e) => e.id), q).toEqual(found);
      expect(listed.total, q).toBe(found.length);
    }
    const evin = (await searchEvents({ actor: researcher, query: { q: "Evin" } })).map((e) => e.id);
    expect(evin.length).toBeGreaterThanOrEqual(2);
    const second = await listEventPage({ actor: researcher, query: { q: "Evin", pageSize: 1, page: 2 } });
    expect(second).toMatchObject({ total: evin.length, page: 2, pages: evin.length });
    expect(second.items.map((e) => e.id)).toEqual([evin[1]]);
    const past = await listEventPage({ actor: researcher, query: { q: "Evin", pageSize: 1, page: 50 } });
    expect(past.items.map((e) => e.id)).toEqual([evin.at(-1)]);
    expect(await listEventPage({ actor: researcher, query: { q: "zzzqqq", page: 3 } })).toMatchObject({ items: [], total: 0, page: 1, pages: 1 });
  });
});

describe("the registry lists", () => {
  beforeAll(async () => {
    const names: [string, string][] = [
      ["Hossein-Ali Nayyeri", "حسینعلی نیری"],
      ["Mostafa Pour-Mohammadi", "مصطفی پورمحمدی"],
      ["Ebrahim Raisi", "ابراهیم رئیسی"],
      ["Morteza Eshraghi", "مرتضی اشراقی"],
      ["Hamid Noury", "حمید نوری"],
    ];
    for (const [name, nameFa] of names) {
      await createPerson({ actor: researcher, input: { name, nameFa } });
      await createPlace({ actor: researcher, input: { name: `${name} street`, nameFa: `خیابان ${nameFa}` } });
      await createOrganisation({ actor: researcher, input: { name: `${name} office`, nameFa: `دفتر ${nameFa}` } });
      await createProceeding({ actor: researcher, input: { title: `The case of ${name}`, kind: "OTHER" } });
      await createSource({ actor: researcher, input: { title: `A report on ${name} (fictional)`, year: 2020 } });
    }
  });

  test("persons come a page at a time, everyone by name or the search's matches best first, with positions", async () => {
    const everyone = (await listPersons({ actor: researcher })).map((p) => p.id);
    const pages = [1, 2, 3].map((page) => listPersonPage({ actor: researcher, query: { pageSize: 2, page } }));
    const got = await Promise.all(pages);
    expect(got.map((p) => [p.total, p.page, p.pages])).toEqual([[5, 1, 3], [5, 2, 3], [5, 3, 3]]);
    expect(got.flatMap((p) => p.items.map((x) => x.id))).toEqual(everyone);
    expect(got[0]!.items[0]).toHaveProperty("positions");
    expect((await listPersonPage({ actor: researcher, query: { pageSize: 2, page: 9 } })).page).toBe(3);
    const found = (await listPersons({ actor: researcher, query: { q: "نیری" } })).map((p) => p.id);
    const listed = await listPersonPage({ actor: researcher, query: { q: "نیری", pageSize: 1 } });
    expect(listed).toMatchObject({ total: found.length, pages: found.length });
    expect(listed.items.map((p) => p.id)).toEqual(found.slice(0, 1));
    await expect(listPersonPage({ actor: researcher, query: { page: "abc" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  test("places and organisations come a page at a time, as their search orders them", async () => {
    for (const [list, search] of [
      [listPlacePage, searchPlaces],
      [listOrganisationPage, searchOrganisations],
    ] as const) {
      const all = (await search({ actor: researcher })).map((x) => x.id);
      const second = await list({ actor: researcher, query: { pageSize: 2, page: 2 } });
      expect(second).toMatchObject({ total: 5, page: 2, pages: 3 });
      expect(second.items.map((x) => x.id)).toEqual(all.slice(2, 4));
      const last = await list({ actor: researcher, query: { pageSize: 2, page: 40 } });
      expect(last.items.map((x) => x.id)).toEqual(all.slice(4));
      const raisi = (await search({ actor: researcher, query: { q: "Raisi" } })).map((x) => x.id);
      expect((await list({ actor: researcher, query: { q: "Raisi" } })).items.map((x) => x.id)).toEqual(raisi);
    }
  });

  test("proceedings come a page at a time by title, or the title search's matches", async () => {
    const all = (await listProceedings({ actor: researcher })).map((x) => x.id);
    const pages = await Promise.all([1, 2, 3].map((page) => listProceedingPage({ actor: researcher, query: { pageSize: 2, page } })));
    expect(pages.flatMap((p) => p.items.map((x) => x.id))).toEqual(all);
    expect(pages[2]).toMatchObject({ total: 5, page: 3, pages: 3 });
    const noury = (await searchProceedings({ actor: researcher, query: { q: "Noury" } })).map((x) => x.id);
    expect(noury.length).toBeGreaterThan(0);
    expect((await listProceedingPage({ actor: researcher, query: { q: "Noury", page: 7 } })).items.map((x) => x.id)).toEqual(noury);
  });

  test("sources: a page past the last gives the last, and says which it is", async () => {
    const all = await listSources({ actor: researcher, query: { pageSize: 2 } });
    expect(all).toMatchObject({ total: 5, page: 1, pages: 3 });
    const past = await listSources({ actor: researcher, query: { pageSize: 2, page: 4 } });
    expect(past).toMatchObject({ total: 5, page: 3, pages: 3 });
    expect(past.items).toHaveLength(1);
  });
});
