import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { createEvent } from "@/lib/events/events";
import { createPerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { indexAfterMigration } from "@/lib/search/reindex";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { emptyDatabase, freshDatabase, migrateBefore, testProvider, type TestDatabase } from "@/tests/support/database";
import { expectSearchIndexMatchesEntries } from "@/tests/support/search-index";

// A phrase in quotes is found only where its words follow one another in one field: never from a
// record's title into its text, which a reader never sees side by side. SQLite's FTS5 keeps the
// two in columns of their own; PostgreSQL's vector puts an empty position between them (migration
// *_search_title_break). Fictional records throughout.

const provider = testProvider();

describe("a phrase across a record's title and its text", () => {
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

describe("upgrading to the break between title and text", () => {
  let d: TestDatabase | undefined;
  afterAll(async () => {
    await closeDb();
    await d?.drop();
  });

  test("entries indexed before the migration no longer join their title to their text, and nothing else changes", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_search_title_break");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    const now = new Date();
    await write((tx) =>
      tx.$executeRaw`INSERT INTO "SearchDoc" ("type", "recordId", "title", "body", "normTitle", "normBody", "normJoined", "updatedAt") VALUES
        ('source', 'src1', 'Fictional notes of 1988', 'In July the visits stopped.', 'fictional notes of 1988', 'in july the visits stopped', '', ${now}),
        ('source', 'src2', 'Fictional Gohar-dasht notes', 'Transfers were made at night.', 'fictional gohardasht notes', 'transfers were made at night', 'fictional gohar dasht notes', ${now})`,
    );
    const r = await migrate(d.url);
    expect(r.applied).toEqual([upgrade]);
    await indexAfterMigration(r.applied);

    const reader = await makeActor("RESEARCHER");
    const found = async (q: string) => (await search({ actor: reader, query: { q } })).items.map((i) => i.id);
    expect(await found('"1988 in july"')).toEqual([]);
    expect(await found('"notes transfers"')).toEqual([]);
    expect(await found('"notes of 1988"')).toEqual(["src1"]);
    expect(await found('"in july the"')).toEqual(["src1"]);
    expect(await found('"transfers were made"')).toEqual(["src2"]);
    expect(await found('"dasht notes"')).toEqual(["src2"]);
    // The full-text index holds exactly what its entries say, the migration's vectors included.
    await expectSearchIndexMatchesEntries();
  });
});
