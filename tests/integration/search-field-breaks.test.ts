import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/sqlite/client";
import { closeDb, rawAll } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { createEvent } from "@/lib/events/events";
import { createPerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { FIELD_SEPARATOR, normalizeForSearch } from "@/lib/search/normalize";
import { indexAfterMigration } from "@/lib/search/reindex";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { emptyDatabase, freshDatabase, migrateBefore, testProvider, type TestDatabase } from "@/tests/support/database";
import { expectSearchIndexMatchesEntries } from "@/tests/support/search-index";

// A phrase in quotes is found only where its words follow one another in one field: never from a
// record's title into its text, nor from a statement's original text into its translation or
// summary, nor from one of a person's spellings into the next, which a reader never sees side by
// side. SQLite's FTS5 keeps the title in a column of its own; PostgreSQL's vector puts an empty
// position after it (migration *_search_title_break); between two fields of the text stands a
// break token no query holds (normalize.ts normBodyOf, migration *_search_field_breaks).
// Fictional records throughout.

const provider = testProvider();

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
});
afterAll(async () => db?.drop());

const ids = async (q: string) => (await search({ actor: reviewer, query: { q } })).items.map((i) => i.id);

describe("a phrase across a record's title and its text", () => {
  test("a statement's title's last word and its text's first word are not a phrase", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({
      actor: researcher,
      input: { witnessId: w.id, title: "Fictional account of the summer of 1988", language: "en", originalText: "In July the visits were stopped at the prison.", summary: "" },
    });
    expect(await ids('"1988 in july"')).toEqual([]);
    expect(await ids('"summer of 1988 in"')).toEqual([]);
    // Each on its own side is still a phrase, and both words are still found.
    expect(await ids('"summer of 1988"')).toEqual([s.id]);
    expect(await ids('"in july the visits"')).toEqual([s.id]);
    expect(await ids("1988 july")).toEqual([s.id]);
  });

  test("in Persian, and in a registry record: a person's name and its first alias, an event's title and its Persian title", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({
      actor: researcher,
      input: { witnessId: w.id, title: "روایت ساختگی تابستان ۱۳۶۷", language: "fa", originalText: "مرداد ملاقات‌ها قطع شد.", summary: "" },
    });
    expect(await ids("«۱۳۶۷ مرداد»")).toEqual([]);
    expect(await ids("«تابستان ۱۳۶۷»")).toEqual([s.id]);

    const p = await createPerson({ actor: researcher, input: { name: "Fictional Quillon Varrek", aliases: [{ name: "Ostrel Quillon" }] } });
    expect(await ids('"varrek ostrel"')).toEqual([]);
    expect(await ids('"ostrel quillon"')).toEqual([p.id]);
    const e = await createEvent({ actor: researcher, input: { title: "Fictional Zembla hearing", titleFa: "جلسه ساختگی زمبلا", dateStart: "1988-08" } });
    expect(await ids('"zembla hearing جلسه"')).toEqual([]);
    expect(await ids('"zembla hearing"')).toEqual([e.id]);
  });
});

describe("a phrase across two fields of a record's text", () => {
  test("a statement's original text, its translation and its summary", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({
      actor: researcher,
      input: {
        witnessId: w.id,
        title: "Fictional sample",
        language: "fa",
        originalText: "متن ساختگی که با نام اوین\nپایان می‌یابد و ما را به اوین بردند",
        translations: [{ language: "en", text: "A fictional translation that ends with Evin", translator: "T" }],
        summary: "Evin transfers are described in this fictional sample.",
      },
    });
    expect(await ids('"with evin evin transfers"')).toEqual([]);
    expect(await ids('"evin evin"')).toEqual([]);
    // A line break inside a field is not a field's end.
    expect(await ids("«اوین پایان»")).toEqual([s.id]);
    expect(await ids('"ends with evin"')).toEqual([s.id]);
    expect(await ids('"evin transfers are"')).toEqual([s.id]);
    // The snippet marks a word of the summary where it stands.
    const hit = (await search({ actor: reviewer, query: { q: '"evin transfers"' } })).items.find((i) => i.id === s.id)!;
    expect(hit.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["Evin", "transfers"]);
  });

  test("a person's spellings", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Tarrow Vesk", aliases: [{ name: "Tarrow Vesk-Amin" }, { name: "Orrin Tarrow" }, { name: "Halden Morr" }] } });
    expect(await ids('"amin orrin"')).toEqual([]);
    expect(await ids('"tarrow halden"')).toEqual([]);
    expect(await ids('"orrin tarrow"')).toEqual([p.id]);
    expect(await ids('"vesk amin"')).toEqual([p.id]);
    const hit = (await search({ actor: reviewer, query: { q: '"orrin tarrow"' } })).items.find((i) => i.id === p.id)!;
    expect(hit.parts.filter((x) => x.mark).map((x) => x.text)).toEqual(["Orrin", "Tarrow"]);
  });
});

describe("upgrading to the breaks", () => {
  let d: TestDatabase | undefined;
  afterAll(async () => {
    await closeDb();
    await d?.drop();
  });

  test("records indexed before the migrations no longer join their title to their text or one field to the next, and nothing else changes", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_search_title_break");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    const researcher = await makeActor("RESEARCHER");
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({
      actor: researcher,
      input: {
        witnessId: w.id,
        title: "Fictional notes of 1988",
        language: "en",
        originalText: "In July the visits stopped at Evin",
        translations: [{ language: "en", text: "Evin was closed to families", translator: "T" }],
        summary: "",
      },
    });
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Brannoc Ilse", aliases: [{ name: "Ilse Brannoc" }, { name: "Brannoc Vael" }] } });
    // Their entries as they were written before: the fields one to a line, the normalised text whole.
    for (const e of await rawAll<{ id: number; body: string }>(Prisma.sql`SELECT "id", "body" FROM "SearchDoc"`)) {
      const body = e.body.split(`\n${FIELD_SEPARATOR}`).join("\n");
      await write((tx) => tx.$executeRaw`UPDATE "SearchDoc" SET "body" = ${body}, "normBody" = ${normalizeForSearch(body)} WHERE "id" = ${e.id}`);
    }
    const reader = await makeActor("REVIEWER");
    const found = async (q: string) => (await search({ actor: reader, query: { q } })).items.map((i) => i.id);
    // As it was: across two fields on both databases, from the title into the text on PostgreSQL.
    expect(await found('"at evin evin was"')).toEqual([s.id]);
    expect(await found('"ilse brannoc brannoc vael"')).toEqual([p.id]);
    if (provider === "postgresql") expect(await found('"1988 in july"')).toEqual([s.id]);

    const r = await migrate(d.url);
    expect(r.applied[0]).toBe(upgrade);
    expect(r.applied.some((m) => m.endsWith("_search_field_breaks"))).toBe(true);
    const again = await indexAfterMigration(r.applied);
    expect(again?.indexed.statement).toBe(1);
    expect(again?.indexed.person).toBe(1);

    expect(await found('"at evin evin was"')).toEqual([]);
    expect(await found('"ilse brannoc brannoc vael"')).toEqual([]);
    expect(await found('"1988 in july"')).toEqual([]);
    expect(await found('"notes of 1988"')).toEqual([s.id]);
    expect(await found('"visits stopped at evin"')).toEqual([s.id]);
    expect(await found('"evin was closed"')).toEqual([s.id]);
    expect(await found('"ilse brannoc"')).toEqual([p.id]);
    expect(await found('"brannoc vael"')).toEqual([p.id]);
    // The full-text index holds exactly what its entries say, the migration's vectors included.
    await expectSearchIndexMatchesEntries();
  });
});
