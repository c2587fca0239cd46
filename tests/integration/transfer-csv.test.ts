import { parse } from "csv-parse/sync";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { createLink } from "@/lib/links";
import { createStatement } from "@/lib/statements/statements";
import { buildExport } from "@/lib/transfer";
import { CSV_COLUMNS, exportListCsv } from "@/lib/transfer/csv";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let researcher: Actor;
let legal: Actor;
let shared: { id: string; code: string };
let hidden: { id: string; code: string };
let sharedStatement: string;
let hiddenStatement: string;
let personId: string;
let otherPersonId: string;
let proceedingId: string;
const NAME = "Behrouzkhan Tavallaeinejad";

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, legal] = await Promise.all([makeActor("RESEARCHER"), makeActor("LEGAL")]);
  shared = await createWitness({
    actor: researcher,
    input: { fictional: true, identity: { legalName: NAME }, consents: [{ scope: "LEGAL_SHARING", givenAt: "2021-01-01", method: "WRITTEN" }] },
  });
  hidden = await createWitness({ actor: researcher, input: { fictional: true, identity: { legalName: "Someone Else Entirely" } } });
  sharedStatement = (await createStatement({ actor: researcher, input: { witnessId: shared.id, title: "گزارش زندان اوین", language: "fa", originalText: "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد." } })).id;
  hiddenStatement = (await createStatement({ actor: researcher, input: { witnessId: hidden.id, title: "=HYPERLINK(\"http://x\")", language: "en", originalText: "A statement without legal-sharing consent." } })).id;
  personId = (await write((tx) => tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیّری", summary: "عضو هیئت (نمونهٔ آزمایشی)", aliases: { create: [{ name: "Nayeri" }] } } }))).id;
  proceedingId = (await write((tx) => tx.proceeding.create({ data: { title: "Fictional tribunal (CSV test)", titleFa: "دادگاه ساختگی آزمون", kind: "OTHER" } }))).id;
  await createLink({ actor: researcher, input: { statementId: sharedStatement, revisionNumber: 1, startOffset: 14, endOffset: 23, quote: "ملاقات‌ها", personId, role: "PRESENT", allegationType: "OTHER", proceedingId } });
  otherPersonId = (await write((tx) => tx.person.create({ data: { name: "Fictional Bystander", nameFa: "رهگذر ساختگی" } }))).id;
  await createLink({ actor: researcher, input: { statementId: sharedStatement, revisionNumber: 1, startOffset: 3, endOffset: 8, quote: "مرداد", personId: otherPersonId, role: "OTHER", allegationType: "OTHER" } });
});
afterAll(async () => db?.drop());

async function bytesOf(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

async function csv(actor: Actor | null, kind: "statements" | "persons" | "links", query: Record<string, unknown> = {}) {
  const bytes = await bytesOf(await exportListCsv({ actor, kind, query }));
  return { bytes, rows: parse(bytes, { bom: true, columns: true }) as Record<string, string>[] };
}

describe("CSV exports of lists", () => {
  test("statements: UTF-8 with BOM, documented columns, Persian intact, pseudonym codes only, formulas defused", async () => {
    const { bytes, rows } = await csv(researcher, "statements");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS.statements]);
    const fa = rows.find((r) => r.id === sharedStatement)!;
    expect(fa).toMatchObject({ title: "گزارش زندان اوین", language: "fa", witness_code: shared.code, revision: "1", text: "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد." });
    expect(rows.find((r) => r.id === hiddenStatement)!.title).toBe("'=HYPERLINK(\"http://x\")");
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    expect(bytes.includes(Buffer.from("Tavallaeinejad"))).toBe(false);
  });

  test("a statement the reader's consent rules hide is not in the file; filters apply", async () => {
    const legalRows = (await csv(legal, "statements")).rows.map((r) => r.id);
    expect(legalRows).toContain(sharedStatement);
    expect(legalRows).not.toContain(hiddenStatement);
    expect((await csv(researcher, "statements", { language: "en" })).rows.map((r) => r.id)).toEqual([hiddenStatement]);
    await expect(exportListCsv({ actor: researcher, kind: "statements", query: { status: "NOPE" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // Links of hidden statements are hidden too.
    const linkRows = (await csv(legal, "links")).rows;
    expect(linkRows.every((r) => r.statement_id !== hiddenStatement)).toBe(true);
  });

  test("persons and links", async () => {
    const persons = (await csv(researcher, "persons", { q: "نیری" })).rows;
    expect(persons[0]).toMatchObject({ id: personId, name: "Hossein-Ali Nayyeri", name_fa: "حسین‌علی نیّری", aliases: "Nayeri", summary: "عضو هیئت (نمونهٔ آزمایشی)" });
    const links = (await csv(researcher, "links", { personId })).rows;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ statement_id: sharedStatement, witness_code: shared.code, quote: "ملاقات‌ها", person_name: "Hossein-Ali Nayyeri", role: "PRESENT" });
  });

  test("links: the proceeding by its English title and, in a column of its own after the older ones, its Persian title", async () => {
    const { bytes, rows } = await csv(researcher, "links", { statementId: sharedStatement });
    // The columns of earlier files keep their places; the Persian title comes last.
    const header = ["id", "statement_id", "statement_title", "witness_code", "revision", "quote", "person_id", "person_name", "role", "allegation_type", "event", "place", "proceeding", "anchor", "note", "created_at", "proceeding_fa"];
    expect(bytes.subarray(3).toString("utf8").split(/\r?\n/)[0]).toBe(header.join(","));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS.links]);
    const cited = rows.find((r) => r.person_id === personId)!;
    expect(cited).toMatchObject({ proceeding: "Fictional tribunal (CSV test)", proceeding_fa: "دادگاه ساختگی آزمون", anchor: "ANCHORED" });
    // A link citing no proceeding leaves both empty.
    expect(rows.find((r) => r.person_id === otherPersonId)).toMatchObject({ quote: "مرداد", proceeding: "", proceeding_fa: "" });
  });

  test("permissions: signed-out refused; the full export is for administrators only", async () => {
    await expect(exportListCsv({ actor: null, kind: "statements", query: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(buildExport({ actor: researcher })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(buildExport({ actor: legal })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
