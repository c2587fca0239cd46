import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createEvent, searchEvents } from "@/lib/events/events";
import { createPerson } from "@/lib/persons";
import { createPlace } from "@/lib/places/places";
import { createProceeding, searchProceedings } from "@/lib/proceedings/proceedings";
import { MAX_CANDIDATES, resolveFilterName, searchFilterOptions } from "@/lib/search/filter-options";
import { createStatement } from "@/lib/statements/statements";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { read } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The search page's registry filters: titles of events and proceedings found in either script,
// registries listed whole only up to a cap (beyond it, only the chosen record's name), and a
// typed filter name turned into one record, several to choose from, or none. Fictional records.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;
const id: Record<string, string> = {};

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  id.nayyeri = (await createPerson({ actor: researcher, input: { name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری", aliases: [{ name: "Hossein Ali Nayeri" }] } })).id;
  id.karimi = (await createPerson({ actor: researcher, input: { name: "Sample Karimi", nameFa: "نمونه کریمی" } })).id;
  id.karimian = (await createPerson({ actor: researcher, input: { name: "Sample Karimian", nameFa: "نمونه کریمیان", confirmDuplicate: true } })).id;
  id.evin = (await createPlace({ actor: researcher, input: { name: "Evin Prison", nameFa: "زندان اوین" } })).id;
  id.gohardasht = (await createPlace({ actor: researcher, input: { name: "Gohardasht Prison", nameFa: "زندان گوهردشت", aliases: ["Rajaei Shahr"] } })).id;
  id.lockdown = (await createEvent({ actor: researcher, input: { title: "Prisons locked down", titleFa: "ممنوع‌الملاقات شدن زندان‌ها", dateStart: "1988-07-19" } })).id;
  id.transfers = (await createEvent({ actor: researcher, input: { title: "Transfers between prisons", titleFa: "انتقال میان زندان‌ها", dateStart: "1987" } })).id;
  id.nouri = (await createProceeding({ actor: researcher, input: { title: "Prosecution of Hamid Nouri (Sweden)", kind: "CRIMINAL_TRIAL" } })).id;
  id.tribunal = (await createProceeding({ actor: researcher, input: { title: "People's tribunal on the 1988 killings", kind: "TRIBUNAL" } })).id;
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language: "en", originalText: "A fictional account." } });
});
afterAll(async () => db?.drop());

describe("events and proceedings by title", () => {
  test("an event is found by its English or Persian title, in another spelling, with its full record and a score", async () => {
    const [hit] = await searchEvents({ actor: reviewer, query: { q: "locked down" } });
    expect(hit).toMatchObject({ id: id.lockdown, title: "Prisons locked down", dateStart: "1988-07-19", places: [] });
    expect(hit.score).toBeGreaterThan(0);
    // An Arabic-keyboard yeh and kaf in the Persian title still find it.
    expect((await searchEvents({ actor: reviewer, query: { q: "انتقال ميان زندان‌ها" } })).map((e) => e.id)[0]).toBe(id.transfers);
    expect(await searchEvents({ actor: reviewer, query: { q: "nothing of the sort" } })).toEqual([]);
    // Without a query: every event in date order, as the list.
    expect((await searchEvents({ actor: reviewer, query: {} })).map((e) => e.id)).toEqual([id.transfers, id.lockdown]);
    expect(await searchEvents({ actor: reviewer, query: { limit: "1" } })).toHaveLength(1);
  });

  test("a proceeding is found by a spelling of its title", async () => {
    const hits = await searchProceedings({ actor: reviewer, query: { q: "Hamid Noori" } });
    expect(hits[0]).toMatchObject({ id: id.nouri, kind: "CRIMINAL_TRIAL" });
    expect(hits.map((h) => h.id)).not.toContain(id.tribunal);
  });

  test("signed out: refused; bad input: a field error", async () => {
    await expect(searchEvents({ actor: null, query: { q: "prisons" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(searchProceedings({ actor: null, query: { q: "Nouri" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(searchEvents({ actor: reviewer, query: { q: "x".repeat(201) } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(searchProceedings({ actor: reviewer, query: { limit: "0" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("the filters' choices", () => {
  test("small registries are listed whole, with the chosen record; the authors are those who recorded statements", async () => {
    const o = await searchFilterOptions({ actor: reviewer, chosen: { places: id.evin } });
    expect(o.searchable).toBe(true);
    expect(o.persons.choices?.map((p) => p.name)).toEqual(["Hossein-Ali Nayyeri", "Sample Karimi", "Sample Karimian"]);
    expect(o.events.choices).toEqual([
      { id: id.lockdown, name: "Prisons locked down", nameFa: "ممنوع‌الملاقات شدن زندان‌ها", date: "1988-07-19" },
      { id: id.transfers, name: "Transfers between prisons", nameFa: "انتقال میان زندان‌ها", date: "1987" },
    ]);
    expect(o.places.chosen).toEqual({ id: id.evin, name: "Evin Prison", nameFa: "زندان اوین" });
    expect(o.persons.chosen).toBeNull();
    expect(o.proceedings.choices?.map((p) => p.id)).toEqual([id.tribunal, id.nouri]);
    expect(o.authors.map((a) => a.id)).toEqual([researcher.id]);
  });

  test("a registry larger than the cap is not listed; only the chosen record is read, by id", async () => {
    const o = await searchFilterOptions({ actor: reviewer, chosen: { persons: id.karimian, events: "no-such-event" }, cap: 2 });
    expect(o.persons).toEqual({ choices: null, chosen: { id: id.karimian, name: "Sample Karimian", nameFa: "نمونه کریمیان" } });
    // Two places and two events are within a cap of 2; an unknown id is no record.
    expect(o.places.choices).toHaveLength(2);
    expect(o.events.chosen).toBeNull();
    const none = await searchFilterOptions({ actor: reviewer, cap: 1 });
    for (const kind of ["persons", "events", "places", "proceedings"] as const) expect(none[kind]).toEqual({ choices: null, chosen: null });
  });

  test("a legal team's author list names only those who recorded a statement it may read", async () => {
    const other = await makeActor("RESEARCHER");
    const legal = await makeActor("LEGAL");
    const shared = await createWitness({ actor: other, input: { fictional: true, consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" }] } });
    await createStatement({ actor: other, input: { witnessId: shared.id, title: "Fictional shared sample", language: "en", originalText: "A fictional account, shared." } });
    const authors = async (actor: Actor) => (await searchFilterOptions({ actor })).authors.map((a) => a.id).sort();
    // The first researcher's only statement is from a witness without legal-sharing consent.
    expect(await authors(reviewer)).toEqual([researcher.id, other.id].sort());
    expect(await authors(legal)).toEqual([other.id]);
    const consent = await read((tx) => tx.consent.findFirstOrThrow({ where: { witnessId: shared.id, scope: "LEGAL_SHARING" } }));
    await withdrawConsent({ actor: other, consentId: consent.id, input: {} });
    expect(await authors(legal)).toEqual([]);
    expect(await authors(reviewer)).toEqual([researcher.id, other.id].sort());
  });

  test("signed out: refused", async () => {
    await expect(searchFilterOptions({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(resolveFilterName({ actor: null, kind: "persons", text: "Nayyeri" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("a typed filter name", () => {
  test("one match, in either script and any spelling: that record", async () => {
    expect(await resolveFilterName({ actor: reviewer, kind: "persons", text: "نيري" })).toEqual({ status: "one", option: { id: id.nayyeri, name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" } });
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "Rajaei Shahr" })).toMatchObject({ status: "one", option: { id: id.gohardasht } });
    expect(await resolveFilterName({ actor: reviewer, kind: "events", text: "Prisons locked down" })).toEqual({
      status: "one",
      option: { id: id.lockdown, name: "Prisons locked down", nameFa: "ممنوع‌الملاقات شدن زندان‌ها", date: "1988-07-19" },
    });
    expect(await resolveFilterName({ actor: reviewer, kind: "proceedings", text: "Hamid Nouri" })).toMatchObject({ status: "one", option: { id: id.nouri } });
  });

  test("the name of the record already chosen keeps it, in either language", async () => {
    expect(await resolveFilterName({ actor: reviewer, kind: "persons", text: "نمونه کریمی", currentId: id.karimi })).toMatchObject({ status: "one", option: { id: id.karimi } });
    expect(await resolveFilterName({ actor: reviewer, kind: "persons", text: " sample karimi ", currentId: id.karimi })).toMatchObject({ status: "one", option: { id: id.karimi } });
  });

  test("an exact name among near ones is that record; a name several records share offers them; none matching is none", async () => {
    expect(await resolveFilterName({ actor: reviewer, kind: "persons", text: "Sample Karimi" })).toMatchObject({ status: "one", option: { id: id.karimi } });
    const several = await resolveFilterName({ actor: reviewer, kind: "persons", text: "Karimi" });
    expect(several.status).toBe("several");
    expect(several.status === "several" && several.options.map((o) => o.id).sort()).toEqual([id.karimi, id.karimian].sort());
    expect(several.status === "several" && several.more).toBe(false);
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "Qezel Hesar" })).toEqual({ status: "none" });
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "   " })).toEqual({ status: "none" });
    // Text with a control character, or longer than a name can be, matches nothing; it is not an error.
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "Evin\u0000\u0001" })).toEqual({ status: "none" });
    expect((await resolveFilterName({ actor: reviewer, kind: "events", text: "z".repeat(5000) })).status).toBe("none");
  });

  test("more matches than can be offered: the best MAX_CANDIDATES, and word that there are more", async () => {
    for (let i = 1; i <= MAX_CANDIDATES + 2; i++) await createPlace({ actor: researcher, input: { name: `Sample cell block ${i}` } });
    const r = await resolveFilterName({ actor: reviewer, kind: "places", text: "Sample cell block" });
    expect(r).toMatchObject({ status: "several", more: true });
    expect(r.status === "several" && r.options).toHaveLength(MAX_CANDIDATES);
    // The exact name of one of them is that one.
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "Sample cell block 12" })).toMatchObject({ status: "one", option: { name: "Sample cell block 12" } });
  });
});

describe("a word typed in part, across scripts", () => {
  // A Persian word's key has no short vowels: the key of "Mehr" (the month, a name) is the start
  // of محرمانه's (mahramaneh, "secret"), and a title is ordinary words, not a name's spellings.
  test("finds a title's word only in its own script: \"Mehr\" is not «محرمانه», the whole word in Latin letters is", async () => {
    const order = (await createEvent({ actor: researcher, input: { title: "Secret order (test)", titleFa: "فرمان محرمانه (آزمایشی)", dateStart: "1988-07" } })).id;
    const court = (await createProceeding({ actor: researcher, input: { title: "دادگاه محرمانه (آزمایشی)", kind: "TRIBUNAL" } })).id;
    const events = async (q: string) => (await searchEvents({ actor: reviewer, query: { q } })).map((e) => e.id);
    const proceedings = async (q: string) => (await searchProceedings({ actor: reviewer, query: { q } })).map((p) => p.id);
    expect(await events("Mehr")).not.toContain(order);
    expect(await proceedings("Mehr")).not.toContain(court);
    expect((await resolveFilterName({ actor: reviewer, kind: "events", text: "Mehr" })).status).toBe("none");
    // The word whole in the other script, the start of a word in its own: found.
    expect(await events("mahramaneh")).toContain(order);
    expect(await events("farman")).toContain(order);
    expect(await events("محرما")).toContain(order);
    expect(await events("Secr")).toContain(order);
    expect(await proceedings("mahramaneh")).toContain(court);
    expect(await proceedings("دادگا")).toContain(court);
  });
});
