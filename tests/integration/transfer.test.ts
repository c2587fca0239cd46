import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import yauzl from "yauzl";
import yazl from "yazl";
import { isAppError } from "@/lib/errors";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { closeDb, getDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { checkStoredFile } from "@/lib/exhibits/storage";
import { EXCLUDED_TABLES, EXPORTED_TABLES, importCasefileExport, writeExportDirectory, writeExportZip, type ImportProgress } from "@/lib/transfer";
import { allModels, columnsOf, delegate, encodeValue, ORDER_BY } from "@/lib/transfer/tables";
import { emptyDatabase, freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";
import { buildRichData, demoActors } from "./transfer-data";

// Round trip: a seeded installation with every kind of record is exported, the export is loaded
// into a fresh empty database, and every table is compared row by row. What may differ, and
// only that: the destination's audit log has one more event (the import itself) and the search
// index's row numbers and timestamps (it is derived, rebuilt on import).

let src: TestDatabase;
const dbs: TestDatabase[] = [];
const work = mkdtempSync(join(tmpdir(), "casefile-transfer-"));
const srcStore = join(work, "store-src");
let zipFile: string;
let exportDir: string;
let sourceTables: Record<string, unknown[]>;
let sourceSearch: unknown[];
let zipHead: number;
let dirHead: number;

async function use(db: TestDatabase, store: string) {
  await closeDb();
  process.env.DATABASE_URL = db.url;
  process.env.CASEFILE_STORAGE_DIR = store;
}

async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = getDb();
  const out: Record<string, unknown[]> = {};
  for (const t of EXPORTED_TABLES) {
    const cols = columnsOf(db, t);
    const rows = await read((d) => delegate(d, t).findMany({ orderBy: ORDER_BY[t] ?? [{ id: "asc" }] }));
    out[t] = rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, encodeValue(c.type, r[c.name])])));
  }
  return out;
}

const searchDocs = () =>
  read((d) => d.searchDoc.findMany({ orderBy: [{ type: "asc" }, { recordId: "asc" }] })).then((rows) => rows.map(({ id: _id, updatedAt: _u, ...rest }) => rest));

beforeAll(async () => {
  src = await freshDatabase();
  process.env.CASEFILE_STORAGE_DIR = srcStore;
  await buildRichData();
  const { ADMIN } = await demoActors();
  zipFile = join(work, "export.zip");
  const built = await writeExportZip({ actor: ADMIN, file: zipFile });
  zipHead = Number(built.auditHead.split(":")[0]);
  exportDir = join(work, "export-dir");
  dirHead = Number((await writeExportDirectory({ actor: ADMIN, dir: exportDir })).auditHead.split(":")[0]);
  sourceTables = await snapshot();
  sourceSearch = await searchDocs();
});
afterAll(async () => {
  await closeDb();
  for (const d of dbs) await d.drop().catch(() => undefined);
  await src?.drop();
  rmSync(work, { recursive: true, force: true });
  delete process.env.CASEFILE_STORAGE_DIR;
});

async function freshDestination(provider = testProvider()) {
  const d = await emptyDatabase(provider);
  await migrate(d.url);
  dbs.push(d);
  const store = mkdtempSync(join(work, "store-"));
  await use(d, store);
  return { db: d, store };
}

/** Each export holds the log up to its own transfer.export event: headSeq. */
async function expectIdenticalTo(result: { auditHead: string }, store: string, headSeq: number) {
  const dest = await snapshot();
  for (const t of EXPORTED_TABLES) {
    if (t === "AuditEvent") continue;
    expect({ table: t, rows: dest[t] }).toEqual({ table: t, rows: sourceTables[t] });
  }
  // The audit log: the source's events verbatim, then exactly one more (the import).
  const srcEvents = (sourceTables.AuditEvent as { seq: number; hash: string; action: string }[]).slice(0, headSeq);
  expect(srcEvents.at(-1)!.action).toBe("transfer.export");
  const destEvents = dest.AuditEvent as { seq: number; hash: string; prevHash: string; action: string; after: string }[];
  expect(destEvents.slice(0, -1)).toEqual(srcEvents);
  const last = destEvents.at(-1)!;
  expect(last).toMatchObject({ seq: srcEvents.length + 1, prevHash: srcEvents.at(-1)!.hash, action: "transfer.import" });
  expect(JSON.parse(last.after)).toMatchObject({ exportId: expect.any(String), exportSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(result.auditHead).toBe(`${last.seq}:${last.hash}`);
  const chain = await verifyAuditChain({ checkpoint: { seq: srcEvents.at(-1)!.seq, hash: srcEvents.at(-1)!.hash } });
  expect(chain).toMatchObject({ ok: true, events: srcEvents.length + 1 });
  // Every exhibit file, by hash, in the destination's store.
  const blobs = dest.Blob as { sha256: string }[];
  expect(blobs.length).toBeGreaterThanOrEqual(2);
  for (const b of blobs) expect(await checkStoredFile(b.sha256, store)).toMatchObject({ result: "MATCH" });
  // The derived search index comes out the same, row numbers and timestamps aside.
  expect(await searchDocs()).toEqual(sourceSearch);
}

describe("full export and import", () => {
  test("every model of the schema is either exported or left out with a reason", () => {
    const models = allModels(getDb()).sort();
    const covered = [...EXPORTED_TABLES, ...Object.keys(EXCLUDED_TABLES)].sort();
    expect(covered).toEqual(models);
  });

  test("the export holds the records, the witnesses' identity only as stored ciphertext, and the files by SHA-256", async () => {
    expect((sourceTables.StatementRevision as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect((sourceTables.Review as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((sourceTables.Link as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((sourceTables.CustodyEntry as unknown[]).length).toBeGreaterThanOrEqual(3);
    const json = readFileSync(join(exportDir, "casefile-export.json"), "utf8");
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: "casefile-export", version: 1, source: { provider: testProvider() } });
    expect(json).not.toContain("Zarvanqoli");
    const enc = (doc.tables.Witness as { legalNameEnc: string | null }[]).map((w) => w.legalNameEnc).filter(Boolean);
    expect(enc.length).toBeGreaterThanOrEqual(1);
    expect(doc.tables.ApiToken).toBeUndefined();
    // The ZIP holds the same document and the files.
    const zip = await yauzl.openPromise(zipFile, { lazyEntries: true });
    const names: string[] = [];
    await new Promise<void>((res, rej) => {
      zip.on("entry", (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.readEntry();
      zip.on("end", res);
      zip.on("error", rej);
    });
    expect(names).toContain("casefile-export.json");
    for (const b of sourceTables.Blob as { sha256: string }[]) expect(names).toContain(`files/${b.sha256.slice(0, 2)}/${b.sha256}`);
  });

  test("a dry run checks everything and writes nothing", async () => {
    const { store } = await freshDestination();
    const r = await importCasefileExport({ file: zipFile, dryRun: true });
    expect(r).toMatchObject({ dryRun: true, counts: { Statement: (sourceTables.Statement as unknown[]).length } });
    expect(await read((d) => d.auditEvent.count())).toBe(0);
    expect(await read((d) => d.user.count())).toBe(0);
    for (const b of sourceTables.Blob as { sha256: string }[]) expect((await checkStoredFile(b.sha256, store)).result).toBe("MISSING");
  });

  test("the ZIP loads into an empty installation identically: ids, revision hashes, files, the audit chain and its head", async () => {
    const { store } = await freshDestination();
    const progress: ImportProgress[] = [];
    const r = await importCasefileExport({ file: zipFile, onProgress: (p) => progress.push(p) });
    expect(r.dryRun).toBe(false);
    await expectIdenticalTo(r, store, zipHead);
    // Statements are indexed in batches, each reported.
    const statements = (sourceTables.Statement as unknown[]).length;
    expect(progress.filter((p) => p.phase === "indexing").at(-1)).toEqual({ phase: "indexing", done: statements, total: statements, unit: "statements" });
  });

  test("the directory form loads the same way", async () => {
    const { store } = await freshDestination();
    const r = await importCasefileExport({ file: exportDir });
    await expectIdenticalTo(r, store, dirHead);
    // A second import into the now non-empty installation is refused and changes nothing.
    const before = await read((d) => d.auditEvent.count());
    await expect(importCasefileExport({ file: zipFile })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not empty") });
    expect(await read((d) => d.auditEvent.count())).toBe(before);
  });

  // Across providers, in whichever direction this project's database allows (SQLite → PostgreSQL
  // in the SQLite run, PostgreSQL → SQLite in the PostgreSQL run).
  const other = testProvider() === "sqlite" ? "postgresql" : "sqlite";
  test(`an export from ${testProvider()} loads into ${other} identically`, async () => {
    const { store } = await freshDestination(other);
    const r = await importCasefileExport({ file: zipFile });
    await expectIdenticalTo(r, store, zipHead);
  });

  test("positions' Persian titles travel with them; an export written before positions had them loads with none", async () => {
    // The seeded officials' positions all have one, so the identical-copy tests above compare them.
    const positions = sourceTables.Position as { id: string; titleFa: string }[];
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.filter((x) => !/[\u0600-\u06FF]/.test(x.titleFa))).toEqual([]);
    const older = join(work, "older");
    await writeExportCopy(older);
    const docPath = join(older, "casefile-export.json");
    const doc = JSON.parse(readFileSync(docPath, "utf8"));
    for (const row of doc.tables.Position as Record<string, unknown>[]) delete row.titleFa;
    writeFileSync(docPath, JSON.stringify(doc));
    await freshDestination();
    await importCasefileExport({ file: older });
    const loaded = await read((d) => d.position.findMany({ select: { id: true, title: true, titleFa: true }, orderBy: { id: "asc" } }));
    expect(loaded.map((x) => x.id).sort()).toEqual(positions.map((x) => x.id).sort());
    expect(loaded.every((x) => x.titleFa === "" && x.title !== "")).toBe(true);
  });

  test("a newer format version, an altered audit log and a damaged file are refused by name, and nothing is written", async () => {
    const doc = JSON.parse(readFileSync(join(exportDir, "casefile-export.json"), "utf8"));
    const bad = (name: string, change: (d: typeof doc) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      const f = join(work, name);
      writeFileSync(f, JSON.stringify(copy));
      return f;
    };
    await freshDestination();
    // The bare JSON file reads its files from files/ beside it; these have none, but fail earlier.
    await expect(importCasefileExport({ file: bad("newer.json", (d) => (d.version = 99)) })).rejects.toThrow(/format version 99.*newer Casefile/);
    await expect(importCasefileExport({ file: bad("marker.json", (d) => (d.format = "something-else")) })).rejects.toThrow(/not a Casefile export/);
    await expect(
      importCasefileExport({
        file: bad("altered.json", (d) => {
          d.tables.AuditEvent[3].actorLabel = "someone-else@example.org";
        }),
      }),
    ).rejects.toThrow(/event 4's hash does not match/);
    await expect(importCasefileExport({ file: bad("cut.json", (d) => d.tables.AuditEvent.pop()) })).rejects.toThrow(/ends at .*not at the head/);
    await expect(importCasefileExport({ file: bad("migration.json", (d) => (d.source.migration = "29991231000000_from_the_future")) })).rejects.toThrow(/29991231000000_from_the_future.*does not know/);
    // Tables are loaded as they are read, so they must come in load order: statements after their authors.
    await expect(
      importCasefileExport({
        file: bad("order.json", (d) => {
          const { Statement, ...rest } = d.tables;
          d.tables = { Statement, ...rest };
        }),
      }),
    ).rejects.toThrow(/table User comes after a table that refers to it: tables must be in load order/);
    await expect(importCasefileExport({ file: bad("unknown.json", (d) => (d.tables.Gossip = [{ id: "x" }])) })).rejects.toThrow(/tables this version does not know: Gossip/);
    await expect(importCasefileExport({ file: bad("not-a-list.json", (d) => (d.tables.Person = { id: "x" })) })).rejects.toThrow(/table Person is not a list/);
    // A directory export whose exhibit file was altered.
    const damaged = join(work, "damaged");
    await writeExportCopy(damaged);
    const sha = (doc.tables.Blob as { sha256: string }[])[0]!.sha256;
    writeFileSync(join(damaged, "files", sha.slice(0, 2), sha), "tampered");
    await expect(importCasefileExport({ file: damaged })).rejects.toThrow(new RegExp(`files/${sha.slice(0, 2)}/${sha}.*does not match`));
    expect(await read((d) => d.auditEvent.count())).toBe(0);
    expect(await read((d) => d.user.count())).toBe(0);
  });

  test("a ZIP with an entry named like a path out of it, or whose document does not unpack to what it claims, is refused as the user's mistake, and nothing is written", async () => {
    await freshDestination();
    const zipOf = (name: string, entries: [string, Buffer][]) =>
      new Promise<string>((res, rej) => {
        const z = new yazl.ZipFile();
        for (const [n, data] of entries) z.addBuffer(data, n);
        z.end();
        const f = join(work, name);
        z.outputStream.pipe(createWriteStream(f)).on("close", () => res(f)).on("error", rej);
      });
    const doc = readFileSync(join(exportDir, "casefile-export.json"));
    // yazl refuses such names: written as "QQ/QQ/…" and patched in place.
    const trav = await zipOf("trav.zip", [["casefile-export.json", doc], ["QQ/QQ/evil", Buffer.from("x")]]);
    writeFileSync(trav, Buffer.from(readFileSync(trav).toString("latin1").split("QQ/QQ/").join("../../"), "latin1"));
    const e = await importCasefileExport({ file: trav, dryRun: true }).catch((x) => x);
    expect(isAppError(e) && e.code).toBe("INVALID_INPUT");
    expect(e.message).toMatch(/not a readable ZIP file \(invalid relative path: \.\.\/\.\.\/evil\)/);
    // A document whose central directory lies about its size (says about 4 GB): the entry does not
    // unpack to what it claims, so the export is damaged; the document is read as a stream, never whole.
    const bomb = await zipOf("bomb.zip", [["casefile-export.json", Buffer.from("{}")]]);
    const bytes = readFileSync(bomb);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0xfffffff0, central + 24);
    writeFileSync(bomb, bytes);
    await expect(importCasefileExport({ file: bomb, dryRun: true })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/damaged or not a Casefile export/) });
    expect(await read((d) => d.user.count())).toBe(0);
  });
});

async function writeExportCopy(dir: string) {
  const { cpSync, chmodSync } = await import("node:fs");
  cpSync(exportDir, dir, { recursive: true });
  const { readdirSync } = await import("node:fs");
  for (const d of readdirSync(join(dir, "files"))) for (const f of readdirSync(join(dir, "files", d))) chmodSync(join(dir, "files", d, f), 0o644);
}
