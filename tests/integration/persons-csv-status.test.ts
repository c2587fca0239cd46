import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getRecordHistory } from "@/lib/audit/record-history";
import { read } from "@/lib/db/write";
import { runImport, type ImportResult } from "@/lib/import";
import { problemText } from "@/lib/import/messages";
import { createPerson, getPerson, listPersons, updatePerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { CSV_COLUMNS, exportListCsv } from "@/lib/transfer/csv";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { snapshot } from "@/tests/support/import-snapshot";

// A person's status notes (statusNotes, statusNotesFa) in the persons CSV and in a persons
// spreadsheet import, on a real database: the export's last two columns, read only as far as the
// reader may read persons; an import that creates persons with them, or changes them on a person
// it matches (dry run first, audited and in the history as an edit); a value longer than the form
// allows refused on its row; and the exported file imported again changing nothing. Made-up
// persons throughout.

let db: TestDatabase;
let researcher: Actor;
let legal: Actor;
let dir: string;

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-persons-status-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  [researcher, legal] = await Promise.all([makeActor("RESEARCHER"), makeActor("LEGAL")]);
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function sheet(content: string | Buffer): string {
  const p = join(dir, `sheet-${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

async function bytesOf(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

async function personsCsv(actor: Actor, query: Record<string, unknown> = {}) {
  const bytes = await bytesOf(await exportListCsv({ actor, kind: "persons", query }));
  return { bytes, rows: parse(bytes, { bom: true, columns: true }) as Record<string, string>[] };
}

const personRow = (id: string) => read((d) => d.person.findUniqueOrThrow({ where: { id } }));
const personEvents = (id: string) => read((d) => d.auditEvent.findMany({ where: { recordType: "Person", recordId: id }, orderBy: { seq: "asc" } }));
const byRow = (r: ImportResult) => Object.fromEntries(r.rows.map((x) => [x.row, x]));

describe("status notes in the persons CSV", () => {
  test("are its last two columns, after summary_fa, with each person's notes in English and in Persian, a formula defused", async () => {
    const p = await createPerson({
      actor: researcher,
      input: { name: "Fictional Warden Pellinor", summaryFa: "زندانبان ساختگی.", statusNotes: "-Sanctioned (fictional).", statusNotesFa: "تحریم شده (ساختگی)." },
    });
    const bare = await createPerson({ actor: researcher, input: { name: "Fictional Clerk Ondrasko" } });
    const { bytes, rows } = await personsCsv(researcher);
    // The header as written, and as the documented list says: new columns at the end only.
    expect(bytes.subarray(3).toString("utf8").split(/\r?\n/)[0]).toBe(CSV_COLUMNS.persons.join(","));
    expect(CSV_COLUMNS.persons.slice(-3)).toEqual(["summary_fa", "status_notes", "status_notes_fa"]);
    expect(rows.find((r) => r.id === p.id)).toMatchObject({ summary_fa: "زندانبان ساختگی.", status_notes: "'-Sanctioned (fictional).", status_notes_fa: "تحریم شده (ساختگی)." });
    expect(rows.find((r) => r.id === bare.id)).toMatchObject({ status_notes: "", status_notes_fa: "" });
  });

  test("a legal team's file holds the same persons and notes as the person pages show that team, and no more", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Judge Amberlane", statusNotes: "Retired (fictional).", statusNotesFa: "بازنشسته (ساختگی)." } });
    const { rows } = await personsCsv(legal);
    expect(rows.map((r) => r.id).sort()).toEqual((await listPersons({ actor: legal })).map((x) => x.id).sort());
    for (const r of rows) {
      const page = await getPerson({ actor: legal, personId: r.id! });
      expect([r.status_notes?.replace(/^'/, ""), r.status_notes_fa]).toEqual([page.statusNotes, page.statusNotesFa]);
      expect(Object.keys(r)).toEqual([...CSV_COLUMNS.persons]);
    }
    expect(rows.find((r) => r.id === p.id)).toMatchObject({ status_notes: "Retired (fictional).", status_notes_fa: "بازنشسته (ساختگی)." });
    await expect(exportListCsv({ actor: null, kind: "persons", query: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("status notes in a persons import", () => {
  test("a new person is created with them, from the export's headers or Persian ones; the dry run writes nothing", async () => {
    const path = sheet(
      "\uFEFF" +
        stringify([
          ["name", "status_notes", "status_notes_fa"],
          ["Fictional Guard Tessaly", "In hiding (fictional).", "پنهان (ساختگی)."],
        ]),
    );
    const before = await snapshot();
    const dry = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: true });
    expect(dry.mapping).toEqual({ name: "name", status_notes: "statusNotes", status_notes_fa: "statusNotesFa" });
    expect(dry.rows.map((r) => r.outcome)).toEqual(["CREATE"]);
    expect(await snapshot()).toEqual(before);

    const real = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    const id = real.rows[0]!.record!.id!;
    expect(await personRow(id)).toMatchObject({ statusNotes: "In hiding (fictional).", statusNotesFa: "پنهان (ساختگی)." });
    const [created] = await personEvents(id);
    expect(created!.action).toBe("person.import");
    expect(JSON.parse(created!.after!)).toMatchObject({ statusNotes: "In hiding (fictional).", statusNotesFa: "پنهان (ساختگی)." });

    const fa = await runImport({ actor: researcher, path: sheet(["نام,وضعیت کنونی,وضعیت کنونی به فارسی", "Fictional Porter Vashti,Deceased (fictional).,درگذشته (ساختگی)."].join("\n")), kind: "PERSONS", dryRun: false });
    expect(fa.mapping).toMatchObject({ "وضعیت کنونی": "statusNotes", "وضعیت کنونی به فارسی": "statusNotesFa" });
    expect(await personRow(fa.rows[0]!.record!.id!)).toMatchObject({ statusNotes: "Deceased (fictional).", statusNotesFa: "درگذشته (ساختگی)." });
  });

  test("new notes for a person already there: the dry run names the change and writes nothing; the run changes only them, as an edit, in the history and the search", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Governor Quellmarsh", summary: "A fictional governor.", statusNotes: "Whereabouts unknown.", statusNotesFa: "محل او معلوم نیست." } });
    const stored = await personRow(p.id);
    // An empty Persian cell leaves the Persian notes as they are.
    const path = sheet(["name,summary,status_notes,status_notes_fa", "Fictional Governor Quellmarsh,Something else entirely.,Living in Zarnovia (fictional).,"].join("\n"));

    const before = await snapshot();
    const dry = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: true });
    expect(dry.rows[0]).toMatchObject({ outcome: "UPDATE", record: { type: "Person", id: p.id }, changes: ["statusNotes"] });
    expect(dry.counts).toMatchObject({ created: 0, linked: 0, updated: 1, refused: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await personRow(p.id)).toEqual(stored);

    const real = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(real.rows[0]).toMatchObject({ outcome: "UPDATE", record: { id: p.id }, changes: ["statusNotes"] });
    const after = await personRow(p.id);
    // Only the status notes: the summary of the sheet is not applied to a person already there.
    expect(after).toMatchObject({ summary: "A fictional governor.", statusNotes: "Living in Zarnovia (fictional).", statusNotesFa: "محل او معلوم نیست." });
    expect(after.updatedAt.getTime()).toBeGreaterThan(stored.updatedAt.getTime());

    const events = await personEvents(p.id);
    expect(events.map((e) => e.action)).toEqual(["person.create", "person.update"]);
    expect(events[1]!.actorId).toBe(researcher.id);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ statusNotes: "Whereabouts unknown.", statusNotesFa: "محل او معلوم نیست." });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ statusNotes: "Living in Zarnovia (fictional).", statusNotesFa: "محل او معلوم نیست.", import: { jobId: real.jobId, fileSha256: real.fileSha256, row: 2 } });

    const history = await getRecordHistory({ actor: legal, recordType: "Person", recordId: p.id });
    expect(history.at(-1)!.action).toBe("person.update");
    expect(history.at(-1)!.changes.find((c) => c.field === "statusNotes")).toMatchObject({ before: "Whereabouts unknown.", after: "Living in Zarnovia (fictional).", kind: "changed" });
    expect(history.at(-1)!.changes.map((c) => c.field)).not.toContain("statusNotesFa");

    expect((await search({ actor: researcher, query: { q: "Zarnovia", type: "person" } })).items.map((i) => i.id)).toEqual([p.id]);

    // The same file again: imported before, nothing changes.
    const again = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(again.rows.map((r) => r.outcome)).toEqual(["ALREADY"]);
    expect(await personRow(p.id)).toEqual(after);
    expect((await personEvents(p.id)).length).toBe(2);
  });

  test("notes longer than the form allows refuse their row, on their column, in the reader's language; nothing is created or changed", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Prosecutor Grendahl", statusNotes: "Kept as it is." } });
    const stored = await personRow(p.id);
    const path = sheet(
      stringify([
        ["name", "status_notes", "status_notes_fa"],
        ["Fictional Prosecutor Grendahl", "x".repeat(10_001), ""],
        ["Fictional Newcomer Ilvasse", "", "ق".repeat(10_001)],
        ["Fictional Newcomer Brask", "Fine (fictional).", ""],
      ]),
    );
    const before = await snapshot();
    const dry = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: true });
    const rows = byRow(dry);
    expect(rows[2]).toMatchObject({ outcome: "REFUSE", problems: [{ column: "status_notes", key: "too_long:10000" }] });
    expect(rows[3]).toMatchObject({ outcome: "REFUSE", problems: [{ column: "status_notes_fa", key: "too_long:10000" }] });
    expect(rows[4]).toMatchObject({ outcome: "CREATE" });
    expect(problemText("too_long:10000", "en")).toMatch(/10,?000/);
    expect(problemText("too_long:10000", "fa")).toMatch(/[\u0600-\u06FF]/);
    expect(problemText("too_long:10000", "fa")).not.toBe(problemText("too_long:10000", "en"));

    // A real run with refused rows writes nothing at all.
    const real = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(real.status).toBe("REFUSED");
    expect(await snapshot()).toEqual(before);
    expect(await personRow(p.id)).toEqual(stored);
    // 10,000 characters are allowed, as in the form.
    const ok = await runImport({ actor: researcher, path: sheet(stringify([["name", "status_notes"], ["Fictional Prosecutor Grendahl", "y".repeat(10_000)]])), kind: "PERSONS", dryRun: false });
    expect(ok.rows[0]).toMatchObject({ outcome: "UPDATE", changes: ["statusNotes"] });
    expect((await personRow(p.id)).statusNotes).toHaveLength(10_000);
  });

  test("the persons CSV imported again as it is changes nothing and reports nothing to change; with one note changed, only that person changes", async () => {
    await createPerson({
      actor: researcher,
      input: {
        name: "Fictional Interrogator Morvayne",
        nameFa: "بازجوی ساختگی موروین",
        aliases: [{ name: "Morvain" }, { name: "Fictional Morvane" }],
        positions: [{ title: "Fictional interrogator", titleFa: "بازجوی ساختگی", from: "1988", to: "1989" }],
        summary: "A fictional interrogator, \"quoted\", with a comma.",
        statusNotes: "=Not a formula.\nSecond line, with \"quotes\".",
        statusNotesFa: "@ساکن شهر موهوم‌آباد؛\nخط دوم.",
      },
    });
    await createPerson({ actor: researcher, input: { name: "Fictional Scribe Tallowmere", statusNotes: "+ Pardoned (fictional).", statusNotesFa: "- بخشوده (ساختگی)." } });
    const exported = await personsCsv(researcher);
    expect(exported.rows.length).toBeGreaterThan(5);
    const path = sheet(exported.bytes);
    const persons = () => read((d) => d.person.findMany({ orderBy: { id: "asc" } }));
    const beforePersons = await persons();
    const before = await snapshot();

    const dry = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: true });
    expect(dry.mapping).toMatchObject({ name: "name", name_fa: "nameFa", aliases: "aliases", summary: "summary", summary_fa: "summaryFa", status_notes: "statusNotes", status_notes_fa: "statusNotesFa" });
    // Each row is a person already there and changes nothing of them (or is the very row an
    // earlier import of this database read: imported before).
    expect(dry.counts).toMatchObject({ rows: exported.rows.length, created: 0, updated: 0, refused: 0 });
    expect(dry.counts.linked + dry.counts.already).toBe(exported.rows.length);
    expect(dry.rows.every((r) => (r.outcome === "LINK" || r.outcome === "ALREADY") && r.changes === undefined)).toBe(true);
    expect(dry.rows.filter((r) => r.outcome === "LINK").map((r) => r.label)).toEqual(expect.arrayContaining(["Fictional Interrogator Morvayne", "Fictional Scribe Tallowmere"]));

    const real = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(real.counts).toEqual(dry.counts);
    expect(await persons()).toEqual(beforePersons);
    // No record and no audit event changes: only the import's own note of the rows it has read.
    const { ImportedRow: importedBefore, ...restBefore } = before;
    const { ImportedRow: importedAfter, ...restAfter } = await snapshot();
    expect(restAfter).toEqual(restBefore);
    expect(importedAfter).toBe(Number(importedBefore) + dry.counts.linked);

    // One cell changed in the spreadsheet: that person's notes change, nobody else's.
    const edited = exported.rows.map((r) => (r.name === "Fictional Scribe Tallowmere" ? { ...r, status_notes_fa: "آزاد شد (ساختگی)." } : r));
    const third = await runImport({ actor: researcher, path: sheet("\uFEFF" + stringify(edited, { header: true, columns: [...CSV_COLUMNS.persons] })), kind: "PERSONS", dryRun: false });
    expect(third.rows.filter((r) => r.outcome === "UPDATE").map((r) => [r.label, r.changes])).toEqual([["Fictional Scribe Tallowmere", ["statusNotesFa"]]]);
    expect(third.rows.filter((r) => r.outcome !== "UPDATE").every((r) => r.outcome === "ALREADY")).toBe(true);
    const changed = (await persons()).filter((p, i) => JSON.stringify(p) !== JSON.stringify(beforePersons[i]));
    expect(changed.map((p) => [p.name, p.statusNotes, p.statusNotesFa])).toEqual([["Fictional Scribe Tallowmere", "+ Pardoned (fictional).", "آزاد شد (ساختگی)."]]);
    expect((await personsCsv(researcher)).rows.find((r) => r.name === "Fictional Scribe Tallowmere")).toMatchObject({ status_notes: "'+ Pardoned (fictional).", status_notes_fa: "آزاد شد (ساختگی)." });
  });

  test("a row of the export names its person by id: persons with names as close as two can be, or renamed since, are each matched, not refused or made again", async () => {
    const a = await createPerson({ actor: researcher, input: { name: "Fictional Hamid Rostamkhani", statusNotes: "First (fictional)." } });
    const b = await createPerson({ actor: researcher, input: { name: "Fictional Hamid Rostamkhany", statusNotes: "Second (fictional).", confirmDuplicate: true } });
    const { rows } = await personsCsv(researcher, { q: "Rostamkhani" });
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    // By names alone the two rows are ambiguous.
    const withoutId = rows.map(({ id: _id, ...r }) => r);
    const named = await runImport({ actor: researcher, path: sheet(stringify(withoutId, { header: true })), kind: "PERSONS", dryRun: true });
    expect(named.rows.map((r) => r.outcome)).toEqual(["REFUSE", "REFUSE"]);

    // a is renamed after the export; the sheet gives both new notes.
    await updatePerson({ actor: researcher, personId: a.id, input: { name: "Fictional Hamid Rostam-Khani" } });
    const count = await read((d) => d.person.count());
    const edited = rows.map((r) => ({ ...r, status_notes: `${r.status_notes} Updated.` }));
    const r = await runImport({ actor: researcher, path: sheet(stringify(edited, { header: true })), kind: "PERSONS", dryRun: false });
    expect(r.rows.map((x) => [x.outcome, x.record?.id, x.changes])).toEqual(rows.map((row) => ["UPDATE", row.id, ["statusNotes"]]));
    expect(await read((d) => d.person.count())).toBe(count);
    expect([(await personRow(a.id)).statusNotes, (await personRow(b.id)).statusNotes]).toEqual(["First (fictional). Updated.", "Second (fictional). Updated."]);
    expect((await personRow(a.id)).name).toBe("Fictional Hamid Rostam-Khani");
  });
});
