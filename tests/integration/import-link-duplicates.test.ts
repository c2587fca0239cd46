import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read, write } from "@/lib/db/write";
import { runImport, type ImportResult } from "@/lib/import";
import type { RowPlan } from "@/lib/import/kinds";
import { writeRow, writeStatementsBatch } from "@/lib/import/write-rows";
import { ZCreateStatement } from "@/lib/statements/schemas";
import { seedDemo } from "@/lib/seed/seed-demo";
import { findUserByEmail } from "@/lib/users/users";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A statements row may name one person by two of their names (a spelling and an alias, the
// Latin and the Persian name) where the text has only one of them: both names find the same
// passage, and the statement must get one link for it, not two (a duplicate counts one
// witness's quote twice on the person's page).

let db: TestDatabase;
let researcher: Actor;
let dir: string;

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-import-links-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  await seedDemo();
  const u = (await findUserByEmail("researcher@demo.casefile"))!;
  researcher = { id: u.id, email: u.email, name: u.name, role: "RESEARCHER" };
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function file(content: string): string {
  const p = join(dir, `f${++n}.csv`);
  writeFileSync(p, content);
  return p;
}

const nouriId = () => read(async (d) => (await d.person.findUniqueOrThrow({ where: { key: "nouri" } })).id);
const linksOf = (statementId: string) => read((d) => d.link.findMany({ where: { statementId }, orderBy: { startOffset: "asc" } }));
const linkAudits = (statementId: string) =>
  read(async (d) => (await d.auditEvent.findMany({ where: { action: "link.import" } })).filter((e) => JSON.parse(e.after!).statementId === statementId));
const statementIds = (r: ImportResult) => r.rows.filter((x) => x.outcome === "CREATE").map((x) => x.record!.id!);

/** No two links in the database say the same thing of the same passage. */
async function noDuplicateLinks() {
  const all = await read((d) => d.link.findMany());
  const keys = all.map((l) => JSON.stringify([l.statementId, l.revisionNumber, l.startOffset, l.endOffset, l.personId, l.role, l.allegationType, l.eventId, l.placeId, l.proceedingId]));
  expect(new Set(keys).size).toBe(keys.length);
}

describe("importing statements never writes the same link twice", () => {
  test("two names of one person in a row's persons cell, only one of them in the text, make one link at that passage; the row is created without a problem", async () => {
    const sheet = [
      "witness,title,language,text,persons",
      // An alias in the text, the registry name not: both find "Hamid Abbasi".
      "W-0002,Two spellings,en,I saw Hamid Abbasi in the corridor.,Hamid Abbasi|Hamid Nouri",
      // The Persian name in the text, the Latin one not: both find «حمید نوری».
      "W-0002,دو نام,fa,حمید نوری را در راهرو دیدم.,حمید نوری|Hamid Nouri",
      // Both names in the text: two passages, two links (not duplicates).
      "W-0002,Both names,en,Hamid Nouri was also called Hamid Abbasi.,Hamid Nouri|Hamid Abbasi",
    ].join("\n");
    const path = file(sheet);
    const dry = await runImport({ actor: researcher, path, kind: "STATEMENTS", dryRun: true });
    expect(dry.rows.map((r) => [r.outcome, r.problems, r.warnings])).toEqual([
      ["CREATE", [], []],
      ["CREATE", [], []],
      ["CREATE", [], []],
    ]);
    const real = await runImport({ actor: researcher, path, kind: "STATEMENTS", dryRun: false });
    expect(real.rows.map((r) => [r.outcome, r.problems, r.warnings])).toEqual(dry.rows.map((r) => [r.outcome, r.problems, r.warnings]));
    const [alias, persian, both] = statementIds(real);
    const nouri = await nouriId();
    expect((await linksOf(alias)).map((l) => [l.personId, l.quote, l.startOffset, l.endOffset])).toEqual([[nouri, "Hamid Abbasi", 6, 18]]);
    expect((await linksOf(persian)).map((l) => [l.personId, l.quote, l.startOffset])).toEqual([[nouri, "حمید نوری", 0]]);
    expect((await linksOf(both)).map((l) => [l.quote, l.startOffset])).toEqual([
      ["Hamid Nouri", 0],
      ["Hamid Abbasi", "Hamid Nouri was also called ".length],
    ]);
    // One audit event per link written, none for the link left out.
    expect(await linkAudits(alias)).toHaveLength(1);
    expect(await linkAudits(persian)).toHaveLength(1);
    expect(await linkAudits(both)).toHaveLength(2);
    await noDuplicateLinks();
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  test("a sheet imported again, or a row repeated in it, writes no second link", async () => {
    const sheet = "witness,title,language,text,persons\nW-0002,Again,en,I saw Hamid Abbasi there.,Hamid Abbasi|Hamid Nouri\nW-0002,Again,en,I saw Hamid Abbasi there.,Hamid Nouri|Hamid Abbasi\n";
    const first = await runImport({ actor: researcher, path: file(sheet), kind: "STATEMENTS", dryRun: false });
    expect(first.rows.map((r) => [r.outcome, r.problems])).toEqual([
      ["CREATE", []],
      ["REFUSE", [{ column: null, key: "duplicate_row:2" }]],
    ]);
    expect(first.status).toBe("REFUSED");
    const written = await runImport({ actor: researcher, path: file(sheet), kind: "STATEMENTS", dryRun: false, skipRefused: true });
    const [id] = statementIds(written);
    expect(await linksOf(id)).toHaveLength(1);
    const links = await read((d) => d.link.count());
    const again = await runImport({ actor: researcher, path: file(sheet), kind: "STATEMENTS", dryRun: false, skipRefused: true });
    expect(again.rows.map((r) => r.outcome)).toEqual(["ALREADY", "REFUSE"]);
    expect(await read((d) => d.link.count())).toBe(links);
    await noDuplicateLinks();
  });

  // The writers themselves leave out a repeated link, whatever a plan holds: both of them
  // (rows one at a time, and statements a batch at a time).
  const plan = async (row: number, title: string): Promise<RowPlan> => {
    const witness = await read((d) => d.witness.findUniqueOrThrow({ where: { code: "W-0002" } }));
    const p = { personId: await nouriId(), start: 6, end: 18 };
    return {
      row,
      rowKey: `test-${title}`,
      outcome: "CREATE",
      label: title,
      record: { type: "Statement", id: null, label: title },
      problems: [],
      warnings: [],
      data: {
        statement: ZCreateStatement.parse({
          witnessId: witness.id,
          title,
          language: "en",
          originalText: "I saw Hamid Abbasi in the corridor.",
          summary: "",
          interviewDate: "",
          interviewPlace: "",
          interviewers: [],
          periodCovered: "",
          placesCovered: [],
          notes: "",
        }),
        persons: [p, { ...p }],
        filePaths: [],
      },
    };
  };
  const job = () =>
    write((tx) => tx.importJob.create({ data: { kind: "STATEMENTS", format: "CSV", fileName: "t.csv", fileSha256: "0".repeat(64), dryRun: false, status: "RUNNING", createdById: researcher.id } }));

  test("a plan naming the same passage twice gets one link from either writer", async () => {
    const j = await job();
    const meta = { actor: researcher, jobId: j.id, fileSha256: j.fileSha256, fileName: j.fileName };
    const one = await write(async (tx) => writeRow(tx, "STATEMENTS", await plan(2, "Row by row"), meta));
    const [batched] = await write(async (tx) => writeStatementsBatch(tx, [await plan(3, "In a batch")], meta));
    expect(await linksOf(one!.id!)).toHaveLength(1);
    expect(await linksOf(batched!.id!)).toHaveLength(1);
    expect(await linkAudits(one!.id!)).toHaveLength(1);
    expect(await linkAudits(batched!.id!)).toHaveLength(1);
    await noDuplicateLinks();
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
