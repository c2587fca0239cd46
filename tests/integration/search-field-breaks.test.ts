import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/sqlite/client";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { createEvent } from "@/lib/events/events";
import { createPerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { normalizeForSearch } from "@/lib/search/normalize";
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
    // The records and their entries are written as that installation wrote them, in SQL on its
    // schema (not by today's create functions, which would write columns it does not have yet):
    // the fields of an entry's text one to a line, the normalised text whole.
    const researcher = await makeActor("RESEARCHER");
    const s = { id: "stmt-old-1", title: "Fictional notes of 1988", originalText: "In July the visits stopped at Evin" };
    const translation = "Evin was closed to families";
    const p = { id: "person-old-1", name: "Fictional Brannoc Ilse", aliases: ["Ilse Brannoc", "Brannoc Vael"] };
    // A place whose text is one field: indexing it again writes the same entry, so only the
    // migration *_search_title_break's own update can put the break after its title.
    const pl = { id: "place-old-1", name: "Fictional Harrowmere gate", city: "Harrowmere town" };
    const now = new Date("2026-12-01T12:00:00.000Z");
    const entry = (type: string, recordId: string, title: string, body: string, statement?: { witnessId: string }) =>
      Prisma.sql`INSERT INTO "SearchDoc" ("type", "recordId", "title", "body", "normTitle", "normBody", "normJoined", "language", "status", "authorId", "witnessId", "updatedAt")
        VALUES (${type}, ${recordId}, ${title}, ${body}, ${normalizeForSearch(title)}, ${normalizeForSearch(body)}, ${""},
          ${statement ? "en" : null}, ${statement ? "DRAFT" : null}, ${statement ? researcher.id : null}, ${statement?.witnessId ?? null}, ${now})`;
    await write(async (tx) => {
      await tx.$executeRaw`INSERT INTO "Witness" ("id", "code", "fictional", "createdById", "updatedAt") VALUES (${"witness-old-1"}, ${"W-0001"}, ${true}, ${researcher.id}, ${now})`;
      await tx.$executeRaw`INSERT INTO "Statement" ("id", "witnessId", "authorId", "fictional", "title", "language", "originalText", "updatedAt")
        VALUES (${s.id}, ${"witness-old-1"}, ${researcher.id}, ${true}, ${s.title}, ${"en"}, ${s.originalText}, ${now})`;
      const details = JSON.stringify({ translations: [{ language: "en", text: translation, translator: "T" }] });
      await tx.$executeRaw`INSERT INTO "StatementRevision" ("id", "statementId", "number", "title", "language", "originalText", "summary", "details", "reason", "authorId", "contentHash")
        VALUES (${"rev-old-1"}, ${s.id}, ${1}, ${s.title}, ${"en"}, ${s.originalText}, ${""}, ${details}, ${"created"}, ${researcher.id}, ${"0".repeat(64)})`;
      await tx.$executeRaw`INSERT INTO "Person" ("id", "name", "updatedAt") VALUES (${p.id}, ${p.name}, ${now})`;
      for (const [i, name] of p.aliases.entries()) await tx.$executeRaw`INSERT INTO "PersonAlias" ("id", "personId", "name") VALUES (${`alias-old-${i + 1}`}, ${p.id}, ${name})`;
      await tx.$executeRaw(entry("statement", s.id, s.title, `${s.originalText}\n${translation}`, { witnessId: "witness-old-1" }));
      await tx.$executeRaw(entry("person", p.id, p.name, p.aliases.join("\n")));
      await tx.$executeRaw`INSERT INTO "Place" ("id", "name", "city", "updatedAt") VALUES (${pl.id}, ${pl.name}, ${pl.city}, ${now})`;
      await tx.$executeRaw(entry("place", pl.id, pl.name, pl.city));
    });
    const reader = await makeActor("REVIEWER");
    const found = async (q: string) => (await search({ actor: reader, query: { q } })).items.map((i) => i.id);
    // As it was: across two fields on both databases, from the title into the text on PostgreSQL.
    expect(await found('"at evin evin was"')).toEqual([s.id]);
    expect(await found('"ilse brannoc brannoc vael"')).toEqual([p.id]);
    if (provider === "postgresql") {
      expect(await found('"1988 in july"')).toEqual([s.id]);
      expect(await found('"gate harrowmere"')).toEqual([pl.id]);
    }

    const r = await migrate(d.url);
    expect(r.applied[0]).toBe(upgrade);
    expect(r.applied.some((m) => m.endsWith("_search_field_breaks"))).toBe(true);
    const again = await indexAfterMigration(r.applied);
    expect(again?.indexed.statement).toBe(1);
    expect(again?.indexed.person).toBe(1);
    expect(again?.indexed.place).toBe(1);

    expect(await found('"at evin evin was"')).toEqual([]);
    expect(await found('"ilse brannoc brannoc vael"')).toEqual([]);
    expect(await found('"1988 in july"')).toEqual([]);
    expect(await found('"gate harrowmere"')).toEqual([]);
    expect(await found('"notes of 1988"')).toEqual([s.id]);
    expect(await found('"visits stopped at evin"')).toEqual([s.id]);
    expect(await found('"evin was closed"')).toEqual([s.id]);
    expect(await found('"ilse brannoc"')).toEqual([p.id]);
    expect(await found('"brannoc vael"')).toEqual([p.id]);
    expect(await found('"harrowmere gate"')).toEqual([pl.id]);
    expect(await found('"harrowmere town"')).toEqual([pl.id]);
    // The full-text index holds exactly what its entries say, the migration's vectors included.
    await expectSearchIndexMatchesEntries();
  });
});
