import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import yazl from "yazl";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { getDb, type Tx } from "@/lib/db/client";
import * as dbWrite from "@/lib/db/write";
import { read } from "@/lib/db/write";
import { isAppError, type AppError } from "@/lib/errors";
import { blobPath } from "@/lib/exhibits/storage";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { getImportJob, rerunImport, runImport, saveTemplate, uploadAndCheck, type ImportResult } from "@/lib/import";
import { sweepUploads, UNUSED_UPLOAD_MS, uploadPath } from "@/lib/import/uploads";
import { existsSync, utimesSync } from "node:fs";
import { Readable } from "node:stream";
import { seedDemo } from "@/lib/seed/seed-demo";
import { createUser, findUserByEmail } from "@/lib/users/users";
import { createToken } from "@/lib/auth/tokens";
import { POST as importRoute } from "@/app/api/v1/imports/route";
import { readdirSync as listDir } from "node:fs";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { snapshot } from "@/tests/support/import-snapshot";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";

let db: TestDatabase;
let researcher: Actor;
let dir: string;

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-import-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  await seedDemo();
  const u = (await findUserByEmail("researcher@demo.casefile"))!;
  researcher = { id: u.id, email: u.email, name: u.name, role: "RESEARCHER" };
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const BOM = "\uFEFF";
let n = 0;
function file(content: string | Buffer, ext = "csv"): string {
  const p = join(dir, `f${++n}.${ext}`);
  writeFileSync(p, content);
  return p;
}

const outcomes = (r: ImportResult) => r.rows.map((x) => ({ row: x.row, outcome: x.outcome, problems: x.problems, warnings: x.warnings, linked: x.outcome === "LINK" ? x.record?.id : undefined }));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("expected the import to be refused");
}

const nouriId = () => read(async (d) => (await d.person.findUniqueOrThrow({ where: { key: "nouri" } })).id);

const PERSONS_FA = [
  "نام,نام فارسی,نام‌های دیگر,سمت,از,تا",
  "Hamid Abbasi,,حمید نوری|Hamid Nouri,,,",
  "Ahmad Nemouneh,احمد نمونه,Ahmad Nemooneh؛ احمد نمونه‌ای,بازجو,مرداد ۱۳۶۷,1988",
  "Sara Fictional,سارا خیالی,,,,",
].join("\n");

describe("importing persons", () => {
  test("a Persian CSV with and without BOM reads the same; aliases (| and ؛) link to the public-record official instead of a duplicate", async () => {
    const withBom = await runImport({ actor: researcher, path: file(BOM + PERSONS_FA), kind: "PERSONS", dryRun: true });
    const without = await runImport({ actor: researcher, path: file(PERSONS_FA), kind: "PERSONS", dryRun: true });
    expect(withBom.headers[0]).toBe("نام");
    expect(withBom.mapping).toMatchObject({ نام: "name", "نام فارسی": "nameFa", "نام‌های دیگر": "aliases", سمت: "position", از: "positionFrom", تا: "positionTo" });
    expect(outcomes(withBom)).toEqual(outcomes(without));
    expect(withBom.rows.map((r) => r.outcome)).toEqual(["LINK", "CREATE", "CREATE"]);
    expect(withBom.rows[0].record).toEqual({ type: "Person", id: await nouriId(), label: "Hamid Nouri" });
    expect(withBom.rows[0].row).toBe(2);
  });

  test("the dry run's report is the real run's outcome; every created record is audited as imported with the job and file hash; a second run creates nothing", async () => {
    const path = file(BOM + PERSONS_FA);
    const sha = createHash("sha256").update(readFileSync(path)).digest("hex");
    const before = await snapshot();
    const dry = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: true });
    expect(await snapshot()).toEqual(before);
    const real = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(outcomes(real)).toEqual(outcomes(dry));
    expect(real.counts).toEqual({ rows: 3, created: 2, linked: 1, updated: 0, refused: 0, already: 0 });
    const created = real.rows.filter((r) => r.outcome === "CREATE").map((r) => r.record!.id!);
    const persons = await read((d) => d.person.findMany({ where: { id: { in: created } }, include: { aliases: true, positions: true } }));
    const ahmad = persons.find((p) => p.name === "Ahmad Nemouneh")!;
    expect(ahmad.aliases.map((a) => a.name).sort()).toEqual(["Ahmad Nemooneh", "احمد نمونه‌ای"].sort());
    expect(ahmad.positions[0]).toMatchObject({ title: "بازجو", fromDate: "مرداد ۱۳۶۷", fromEarliest: "1988-07-23" });
    const events = await read((d) => d.auditEvent.findMany({ where: { action: "person.import" }, orderBy: { seq: "asc" } }));
    expect(events.map((e) => e.recordId).sort()).toEqual([...created].sort());
    for (const e of events) expect(JSON.parse(e.after!).import).toMatchObject({ jobId: real.jobId, fileSha256: sha });
    expect(await read((d) => d.importedRow.count({ where: { importJobId: real.jobId } }))).toBe(3);
    expect((await verifyAuditChain()).ok).toBe(true);
    const job = await getImportJob({ actor: researcher, jobId: real.jobId });
    expect(job).toMatchObject({ status: "COMPLETED", created: 2, linked: 1, refused: 0, rowsTotal: 3, rowsDone: 3, fileSha256: sha });

    const after = await snapshot();
    const again = await runImport({ actor: researcher, path: file(PERSONS_FA), kind: "PERSONS", dryRun: false });
    expect(again.rows.map((r) => r.outcome)).toEqual(["ALREADY", "ALREADY", "ALREADY"]);
    expect(again.rows[1].record?.id).toBe(created[0]);
    expect(await snapshot()).toEqual(after);
  });

  test("a saved template maps a sheet whose headers guess nothing", async () => {
    const sheet = "Col A,Col B\nMorteza Eshraghi,\nNew Person Zed,Z Alias";
    const none = await refusal(runImport({ actor: researcher, path: file(sheet), kind: "PERSONS", dryRun: true }));
    expect(none.fields?.file).toEqual(["import_missing_columns:name"]);
    await saveTemplate({ actor: researcher, input: { kind: "PERSONS", name: "old sheet", mapping: { "Col A": "name", "Col B": "aliases" } } });
    const r = await runImport({ actor: researcher, path: file(sheet), kind: "PERSONS", templateName: "old sheet", dryRun: true });
    expect(r.rows.map((x) => x.outcome)).toEqual(["LINK", "CREATE"]);
    expect(r.rows[0].record?.label).toBe("Morteza Eshraqi");
  });
});

describe("bad input is refused with row, column and message, and nothing is written", () => {
  test("whole-file refusals: missing required columns (listed), UTF-16, Windows-1256, a ZIP without its CSV", async () => {
    const before = await snapshot();
    const missing = await refusal(runImport({ actor: researcher, path: file("عنوان,خلاصه\nx,y"), kind: "STATEMENTS", dryRun: false }));
    expect(missing.fields?.file).toEqual(["import_missing_columns:witness, language, originalText"]);
    expect(missing.details).toMatchObject({ missing: ["witness", "language", "originalText"] });
    expect(missing.message).toMatch(/witness, language, originalText/);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name\nحمید\n", "utf16le")]);
    expect((await refusal(runImport({ actor: researcher, path: file(utf16), kind: "PERSONS", dryRun: false }))).fields?.file).toEqual(["import_encoding_utf16"]);
    // "name\nسلام\n" as Excel saves it in Windows-1256 (Arabic).
    const cp1256 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xd3, 0xe1, 0xc7, 0xe3, 0x0a]);
    const enc = await refusal(runImport({ actor: researcher, path: file(cp1256), kind: "PERSONS", dryRun: false }));
    expect(enc.fields?.file).toEqual(["import_encoding_not_utf8"]);
    expect(enc.message).toMatch(/Save the sheet as .CSV UTF-8./);
    // The message says where: the first byte of the first character that is not UTF-8, and its line.
    expect(enc.message).toMatch(/at byte 5, line 2;/);
    const far = Buffer.concat([Buffer.from("name\n" + "Sara Longfile\n".repeat(10_000)), Buffer.from("Ali \u062d", "utf8"), Buffer.from([0xe1, 0x41, 0x0a])]);
    const farRefusal = await refusal(runImport({ actor: researcher, path: file(far), kind: "PERSONS", dryRun: false }));
    expect(farRefusal.message).toContain(`at byte ${5 + 14 * 10_000 + 6}, line ${2 + 10_000}`);

    const zipPath = join(dir, "nocsv.zip");
    await makeZip(zipPath, [["a.txt", Buffer.from("hello")]]);
    expect((await refusal(runImport({ actor: researcher, path: zipPath, kind: "STATEMENTS", dryRun: false }))).fields?.file).toEqual(["import_zip_no_csv"]);
    expect(await snapshot()).toEqual(before);
  });

  test("row refusals: unreadable dates (Solar Hijri and Gregorian), duplicate rows, unknown people and witnesses, files the ZIP lacks", async () => {
    const before = await snapshot();
    const events = [
      "title,date,places",
      "Lockdown of the wards,۱۲ مرداد ۱۳۶۷,Evin Prison",
      "Transfer,31/02/1988,Gohardasht Prison",
      "Hearing,Mordad 1399 somewhen,",
      "Transfer,31/02/1988,Gohardasht Prison",
      "Visit,1988-08,Nowhere Prison",
    ].join("\n");
    const r = await runImport({ actor: researcher, path: file(events), kind: "EVENTS", dryRun: false });
    expect(r.status).toBe("REFUSED");
    expect(r.rows.map((x) => [x.row, x.outcome])).toEqual([
      [2, "CREATE"],
      [3, "REFUSE"],
      [4, "REFUSE"],
      [5, "REFUSE"],
      [6, "REFUSE"],
    ]);
    expect(r.rows[1].problems).toEqual([{ column: "date", key: "date_impossible" }]);
    expect(r.rows[2].problems).toEqual([{ column: "date", key: "date_unparseable" }]);
    expect(r.rows[3].problems).toEqual([{ column: null, key: "duplicate_row:3" }]);
    expect(r.rows[4].problems).toEqual([{ column: "places", key: "unknown_place:Nowhere Prison" }]);
    expect(r.rows[1].cells).toEqual({ title: "Transfer", date: "31/02/1988", places: "Gohardasht Prison" });

    const statements = [
      "witness,title,language,text,persons,files",
      "W-0001,یک,fa,او گفت حمید نوری آنجا بود.,حمید نوری,",
      "W-9999,دو,fa,متن,,",
      "W-0001,سه,fa,متنی دربارهٔ کسی,Unknown Official Xyz,",
      "W-0001,چهار,fa,متن چهار,,audio/missing.mp3",
    ].join("\n");
    const zipPath = join(dir, "statements.zip");
    await makeZip(zipPath, [["statements.csv", Buffer.from(statements)]]);
    const s = await runImport({ actor: researcher, path: zipPath, kind: "STATEMENTS", dryRun: false });
    expect(s.format).toBe("ZIP");
    expect(s.rows.map((x) => x.outcome)).toEqual(["CREATE", "REFUSE", "REFUSE", "REFUSE"]);
    expect(s.rows[1].problems).toEqual([{ column: "witness", key: "unknown_witness:W-9999" }]);
    expect(s.rows[2].problems).toEqual([{ column: "persons", key: "unknown_person:Unknown Official Xyz" }]);
    expect(s.rows[3].problems).toEqual([{ column: "files", key: "zip_missing_file:audio/missing.mp3" }]);
    expect(await snapshot()).toEqual(before);

    // Fixing the flagged rows (as the dry-run screen does) and leaving the rest out.
    const fixed = await runImport({
      actor: researcher,
      path: file(events),
      kind: "EVENTS",
      dryRun: true,
      edits: { "3": { date: "31/03/1988" }, "4": { date: "Mordad 1367" } },
    });
    expect(fixed.rows.slice(0, 3).map((x) => x.outcome)).toEqual(["CREATE", "CREATE", "CREATE"]);
  });

  test("a correction that names a column or a row the sheet does not have is refused, saying which, and nothing is written", async () => {
    const sheet = "title,date\nFictional correction check,1988-07-19\n";
    const before = await snapshot();
    for (const [edits, key] of [
      [{ "2": { dates: "1988-07-20" } }, "import_edit_unknown_column:dates"],
      [{ "7": { date: "1988-07-20" } }, "import_edit_unknown_row:7"],
      [{ "1": { date: "1988-07-20" } }, "import_edit_unknown_row:1"],
    ] as const) {
      for (const dryRun of [true, false]) {
        const e = await refusal(runImport({ actor: researcher, path: file(sheet), kind: "EVENTS", dryRun, edits }));
        expect(e.fields).toEqual({ edits: [key] });
      }
    }
    expect(fieldErrorMessage("import_edit_unknown_row:7", "fa")).toContain("۷");
    expect(await snapshot()).toEqual(before);
  });

  test("an upload cut off inside the sheet is answered 400 (the body ended too soon), and no file is kept", async () => {
    const token = (await createToken({ actor: researcher, input: { name: "cut off" } })).secret;
    const b = "cut";
    const body = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nPERSONS\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nname\nSara`);
    const headers = { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${b}`, "content-length": String(body.length) };
    const res = await importRoute(new Request("http://casefile.test/api/v1/imports", { method: "POST", headers, body, duplex: "half" } as RequestInit), { params: Promise.resolve({}) } as never);
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/interrupted before the file was complete/);
    expect(listDir(join(dir, "store", "imports")).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  test("headers named like Object.prototype's properties (__proto__, constructor, toString) are columns like any other, guessed or mapped", async () => {
    const before = await snapshot();
    const sheet = "__proto__,constructor,toString,name\nproto cell,ctor cell,ts cell,Sara Protofield\n";
    // Guessed: the three headers mean nothing to PERSONS and are left out; the row is fine.
    const guessed = await runImport({ actor: researcher, path: file(sheet), kind: "PERSONS", dryRun: true });
    expect(guessed.rows.map((r) => [r.outcome, r.label])).toEqual([["CREATE", "Sara Protofield"]]);
    expect(Object.entries(guessed.mapping)).toEqual([["__proto__", ""], ["constructor", ""], ["toString", ""], ["name", "name"]]);
    // Mapped by the client (multipart field, then the JSON body of a re-run), "__proto__" included.
    const mapping = { ["__proto__"]: "name", constructor: "summary", name: "" };
    const mapped = await uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(sheet)]), name: "proto.csv" }, fields: Promise.resolve({ kind: "PERSONS", mapping: JSON.stringify(mapping) }) });
    expect(mapped.rows.map((r) => [r.outcome, r.label])).toEqual([["CREATE", "proto cell"]]);
    expect(Object.entries(mapped.mapping)).toEqual([["__proto__", "name"], ["constructor", "summary"], ["toString", ""], ["name", ""]]);
    const body = JSON.parse(`{"dryRun":true,"mapping":${JSON.stringify(mapping)},"edits":{"2":{"__proto__":"Edited Proto"}}}`);
    const again = (await rerunImport({ actor: researcher, jobId: mapped.jobId, input: body })) as ImportResult;
    expect(again.rows.map((r) => [r.outcome, r.label])).toEqual([["CREATE", "Edited Proto"]]);
    // A mapping that leaves such a header out leaves its column out.
    const partial = await runImport({ actor: researcher, path: file(sheet), kind: "PERSONS", dryRun: true, mapping: JSON.parse('{"name":"name"}') });
    expect(partial.rows.map((r) => r.outcome)).toEqual(["CREATE"]);
    // A mapping that is no object is refused saying what to send, in the reader's language.
    const e = await refusal(rerunImport({ actor: researcher, jobId: mapped.jobId, input: { dryRun: true, mapping: "name" } }));
    expect(e.fields?.mapping).toEqual(["import_mapping_invalid"]);
    const notJson = await refusal(uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(sheet)]), name: "proto.csv" }, fields: Promise.resolve({ kind: "PERSONS", mapping: "{name" }) }));
    expect(notJson.fields?.mapping).toEqual(["import_mapping_invalid"]);
    expect(fieldErrorMessage("import_mapping_invalid", "fa")).toMatch(/^نگاشت را/);
    expect(await snapshot()).toEqual(before);
  });

  test("a ZIP entry leading out of the archive, a symbolic link or two entries of one name refuse the ZIP naming the entry, in the reader's language", async () => {
    const before = await snapshot();
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2000, 65), Buffer.from("\n%%EOF\n")]);
    const sheet = (f: string) => Buffer.from(`witness,title,language,text,files\nW-0001,Zip names,en,Some text,${f}\n`);
    // yazl refuses to write such names: written as "QQ/…" or "/QQ…" and patched in place (local header and central directory).
    const patched = async (name: string, entries: [string, Buffer][], from: string, to: string) => {
      const p = join(dir, name);
      await makeZip(p, entries);
      const bytes = readFileSync(p);
      writeFileSync(p, Buffer.from(bytes.toString("latin1").split(from).join(to), "latin1"));
      return p;
    };
    const cases: [string, string, string][] = [
      [await patched("trav.zip", [["statements.csv", sheet("a.pdf")], ["a.pdf", pdf], ["QQ/QQ/evil.txt", Buffer.from("hi")]], "QQ/QQ/", "../../"), "import_zip_unsafe_name:../../evil.txt", "../../evil.txt"],
      [await patched("abs.zip", [["statements.csv", sheet("x.pdf")], ["QQtc/x.pdf", pdf]], "QQtc/", "/etc/"), "import_zip_unsafe_name:/etc/x.pdf", "/etc/x.pdf"],
      [await patched("drive.zip", [["statements.csv", sheet("x.pdf")], ["QQ/x.pdf", pdf]], "QQ/", "C:/"), "import_zip_unsafe_name:C:/x.pdf", "C:/x.pdf"],
    ];
    const link = join(dir, "link.zip");
    await makeZip(link, [["statements.csv", sheet("a.pdf")], ["a.pdf", Buffer.from("/etc/passwd"), { mode: 0o120777 }]]);
    cases.push([link, "import_zip_symlink:a.pdf", "a.pdf"]);
    const dup = join(dir, "dup.zip");
    await makeZip(dup, [["statements.csv", sheet("a.pdf")], ["a.pdf", pdf], ["./a.pdf", Buffer.from("%PDF-1.4\nother\n%%EOF\n")]]);
    cases.push([dup, "import_zip_duplicate_name:a.pdf", "a.pdf"]);
    for (const [path, key, entry] of cases) {
      const e = await refusal(runImport({ actor: researcher, path, kind: "STATEMENTS", dryRun: false }));
      expect(e.fields?.file).toEqual([key]);
      expect(e.message).toContain(`'${entry}'`);
      expect(fieldErrorMessage(key, "fa")).toContain(`«${entry}»`);
      expect(fieldErrorMessage(key, "en")).toContain(`“${entry}”`);
    }
    expect(await snapshot()).toEqual(before);
  });

  test("a sheet past the bounds (a row of more than 8 MB, too much text, too many rows), from a small ZIP too, is refused as a whole saying which", async () => {
    const before = await snapshot();
    // A few KB of ZIP holding a row of 9 MB: before, it was read into one cell without end (a ZIP of 2 MB with 2 GB took the server down).
    const big = join(dir, "big-row.zip");
    await makeZip(big, [["places.csv", Buffer.concat([Buffer.from('name,note\nBig,"'), Buffer.alloc(9 * 1024 * 1024, 120), Buffer.from('"\n')])]]);
    const row = await refusal(runImport({ actor: researcher, path: big, kind: "PLACES", dryRun: true }));
    expect(row.fields?.file).toEqual(["import_row_too_large:2"]);
    expect(fieldErrorMessage("import_row_too_large:2", "fa")).toContain("ردیف ۲ ");
    // A quote left open: the rest of the file would be one cell.
    const open = await refusal(runImport({ actor: researcher, path: file(`name,note\nFine,row\nOpen,"${"long text\n".repeat(900_000)}`), kind: "PLACES", dryRun: true }));
    expect(open.fields?.file).toEqual(["import_row_too_large:3"]);
    expect(open.message).toMatch(/check the quotes/);

    const sheet = ["name,city", ...Array.from({ length: 5 }, (_, i) => `Bounded Place ${i},Tehran`)].join("\n");
    const env = process.env;
    try {
      process.env = { ...env, CASEFILE_MAX_IMPORT_ROWS: "5" };
      expect((await runImport({ actor: researcher, path: file(sheet), kind: "PLACES", dryRun: true })).counts.rows).toBe(5);
      process.env = { ...env, CASEFILE_MAX_IMPORT_ROWS: "4" };
      expect((await refusal(runImport({ actor: researcher, path: file(sheet), kind: "PLACES", dryRun: false }))).fields?.file).toEqual(["import_too_many_rows:4"]);
      process.env = { ...env, CASEFILE_MAX_IMPORT_SHEET_BYTES: "100" };
      const zipped = join(dir, "bounded.zip");
      await makeZip(zipped, [["places.csv", Buffer.from(sheet)]]);
      const text = await refusal(runImport({ actor: researcher, path: zipped, kind: "PLACES", dryRun: false }));
      expect(text.fields?.file).toEqual(["import_sheet_too_large:100"]);
      expect(fieldErrorMessage(text.fields!.file![0]!, "en")).toMatch(/larger than 100 bytes. Split it/);
      expect(fieldErrorMessage(text.fields!.file![0]!, "fa")).toContain("۱۰۰ بایت");
      expect(fieldErrorMessage(text.fields!.file![0]!, "fa")).not.toMatch(/[A-Za-z0-9]/);
    } finally {
      process.env = env;
    }
    expect(await snapshot()).toEqual(before);
  });

  test("lines ending in CR alone: the separator is chosen from the header line, not from the whole first chunk", async () => {
    const r = await runImport({ actor: researcher, path: file("name;city\rCR Place One;Tehran, Iran\rCR Place Two;Karaj\r"), kind: "PLACES", dryRun: true });
    expect(r.headers).toEqual(["name", "city"]);
    expect(r.rows.map((x) => [x.outcome, x.label])).toEqual([
      ["CREATE", "CR Place One"],
      ["CREATE", "CR Place Two"],
    ]);
  });

  test("a cell holding a NUL character refuses its row, naming the column, and nothing is written", async () => {
    const before = await snapshot();
    const sheet = ["title,date,description", "Lockdown,۱۲ مرداد ۱۳۶۷,ok", "Trans\u0000fer,1988-08-01,a\u0000b"].join("\n");
    const r = await runImport({ actor: researcher, path: file(sheet), kind: "EVENTS", dryRun: false });
    expect(r.status).toBe("REFUSED");
    expect(r.rows.map((x) => [x.row, x.outcome, x.label])).toEqual([
      [2, "CREATE", "Lockdown"],
      [3, "REFUSE", "#3"],
    ]);
    expect(r.rows[1].problems).toEqual([
      { column: "title", key: "invalid_text" },
      { column: "description", key: "invalid_text" },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("statements with files, witnesses with protected identity", () => {
  test("a ZIP's files are streamed into the exhibit store by SHA-256 and attached; persons named are linked at their passage", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5000, 65), Buffer.from("\n%%EOF\n")]);
    const sha = createHash("sha256").update(pdf).digest("hex");
    const csv = "witness,title,language,text,persons,files\nW-0002,Testimony with a file,en,I saw Hamid Abbasi in the corridor.,Hamid Abbasi,docs/letter.pdf\n";
    const zipPath = join(dir, "with-files.zip");
    await makeZip(zipPath, [["rows.csv", Buffer.from(csv)], ["docs/letter.pdf", pdf]]);
    const dry = await runImport({ actor: researcher, path: zipPath, kind: "STATEMENTS", dryRun: true });
    expect(await read((d) => d.blob.count({ where: { sha256: sha } }))).toBe(0);
    const r = await runImport({ actor: researcher, path: zipPath, kind: "STATEMENTS", dryRun: false });
    expect(outcomes(r)).toEqual(outcomes(dry));
    const id = r.rows[0].record!.id!;
    const ex = await read((d) => d.exhibit.findFirstOrThrow({ where: { links: { some: { statementId: id } } }, include: { blob: true, custody: true } }));
    expect(ex).toMatchObject({ sha256: sha, originalName: "letter.pdf", blob: { mime: "application/pdf", size: BigInt(pdf.length) } });
    expect(createHash("sha256").update(readFileSync(blobPath(sha, join(dir, "store")))).digest("hex")).toBe(sha);
    expect(await read((d) => d.searchDoc.count({ where: { type: "statement", recordId: id } }))).toBe(1);
    const link = await read((d) => d.link.findFirstOrThrow({ where: { statementId: id } }));
    expect(link).toMatchObject({ personId: await nouriId(), quote: "Hamid Abbasi", startOffset: 6, endOffset: 18 });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  test("witness identity is encrypted and appears in no report, job or audit event", async () => {
    const secret = "Maryam Secretname";
    const r = await runImport({ actor: researcher, path: file(`legal name,contact,protection\n${secret},+98 912 000 0000,محرمانه\n,,nonsense-level\n`), kind: "WITNESSES", dryRun: false, skipRefused: true });
    expect(r.rows.map((x) => x.outcome)).toEqual(["CREATE", "REFUSE"]);
    expect(r.rows[1].problems).toEqual([{ column: "protection", key: "invalid_choice" }]);
    const w = await read((d) => d.witness.findUniqueOrThrow({ where: { id: r.rows[0].record!.id! } }));
    expect(w.protectionLevel).toBe("CONFIDENTIAL");
    expect(w.legalNameEnc).toBeTruthy();
    expect(w.legalNameEnc).not.toContain("Secretname");
    const job = await read((d) => d.importJob.findUniqueOrThrow({ where: { id: r.jobId } }));
    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: w.id } }));
    const rows = await read((d) => d.importedRow.findMany({ where: { kind: "WITNESSES" } }));
    for (const text of [JSON.stringify(r), job.report, JSON.stringify(audit), JSON.stringify(rows)]) {
      expect(text).not.toContain("Secretname");
      expect(text).not.toContain("912 000");
    }
  });

  test("a refused witness row's cells are not shown back, whatever the sheet's columns: a phone, an address or a relative under a header the import does not read neither", async () => {
    const sheet = ["legal name,Phone number,Home address,نام خانوادگی,protection,notes", "Golnar Unreadcol,+98 912 000 2222,Shiraz Hafez st 9,آزمایشی‌دو,SUPERSECRET,met in 2019"].join("\n");
    const r = await runImport({ actor: researcher, path: file(sheet), kind: "WITNESSES", dryRun: true });
    expect(r.rows.map((x) => [x.outcome, x.problems])).toEqual([["REFUSE", [{ column: "protection", key: "invalid_choice" }]]]);
    expect(r.rows[0].cells).toBeUndefined();
    const job = await read((d) => d.importJob.findUniqueOrThrow({ where: { id: r.jobId } }));
    for (const text of [JSON.stringify(r), job.report, JSON.stringify(await getImportJob({ actor: researcher, jobId: r.jobId }))])
      for (const cell of ["Unreadcol", "912 000", "Hafez", "آزمایشی", "SUPERSECRET", "met in 2019"]) expect(text).not.toContain(cell);
  });

  test("a source's date is read as dates are everywhere: one its year does not fall in, or one that cannot be read, refuses its row; a year left empty is taken from the date", async () => {
    const sheet = ["title,year,date", "Dated source A,2016,19 Mordad 1395", "Dated source B,,2016-08-09", "Dated source C,1990,Mordad 1367", "Dated source D,,the spring after"].join("\n");
    const r = await runImport({ actor: researcher, path: file(sheet), kind: "SOURCES", dryRun: true });
    expect(r.rows.map((x) => [x.row, x.outcome, x.problems])).toEqual([
      [2, "CREATE", []],
      [3, "CREATE", []],
      [4, "REFUSE", [{ column: "date", key: "date_outside_year:1990" }]],
      [5, "REFUSE", [{ column: "date", key: "date_unparseable" }]],
    ]);
    const ok = await runImport({ actor: researcher, path: file(sheet.split("\n").slice(0, 3).join("\n")), kind: "SOURCES", dryRun: false });
    expect(ok.status).not.toBe("REFUSED");
    const stored = await read((d) => d.source.findMany({ where: { title: { startsWith: "Dated source" } }, select: { title: true, year: true, date: true }, orderBy: { title: "asc" } }));
    expect(stored).toEqual([
      { title: "Dated source A", year: 2016, date: "19 Mordad 1395" },
      { title: "Dated source B", year: 2016, date: "2016-08-09" },
    ]);
  });

  test("batches: each batch is its own transaction and is reported", async () => {
    const rows = ["title,author,year", ...Array.from({ length: 7 }, (_, i) => `Batch source ${i},Author ${i},${1990 + i}`)].join("\n");
    const r = await runImport({ actor: researcher, path: file(rows), kind: "SOURCES", dryRun: false, batchSize: 3 });
    expect(r.batches.map((b) => [b.batch, b.fromRow, b.toRow, b.committed])).toEqual([
      [1, 2, 4, true],
      [2, 5, 7, true],
      [3, 8, 8, true],
    ]);
    expect(r.rows.map((x) => x.batch)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(await read((d) => d.source.count({ where: { title: { startsWith: "Batch source" } } }))).toBe(7);
  });
});

describe("a statements import reads only the witnesses its rows name", () => {
  const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

  test("a known code maps, in any case, either script's digits and «ص» for W; an unknown code is its row's error", async () => {
    const [a, b] = await read((d) => d.witness.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" }, take: 2 }));
    const sheet = ["witness,title,language,text", `${a.code},Mapped upper,en,Fictional.`, `w-${persian(b.code.slice(2))},Mapped Persian digits,en,Fictional.`, `ص-${persian(a.code.slice(2))},Mapped Persian keyboard,en,Fictional.`, "W-99999,Unknown code,en,Fictional."].join("\n");
    const r = await runImport({ actor: researcher, path: file(sheet), kind: "STATEMENTS", dryRun: false, skipRefused: true });
    expect(r.rows.map((x) => x.outcome)).toEqual(["CREATE", "CREATE", "CREATE", "REFUSE"]);
    expect(r.rows[3].problems).toEqual([{ column: "witness", key: "unknown_witness:W-99999" }]);
    const made = await read((d) => d.statement.findMany({ where: { id: { in: [0, 1, 2].map((i) => r.rows[i].record!.id!) } }, select: { title: true, witnessId: true }, orderBy: { title: "asc" } }));
    expect(made).toEqual([
      { title: "Mapped Persian digits", witnessId: b.id },
      { title: "Mapped Persian keyboard", witnessId: a.id },
      { title: "Mapped upper", witnessId: a.id },
    ]);
  });

  test("a witness who withdrew consent to internal research takes no imported testimony: the row is refused, naming the code", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true, consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-10", method: "WRITTEN" }] } });
    const consent = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId: w.id } }));
    await withdrawConsent({ actor: researcher, consentId: consent.id, input: {} });
    const before = await read((d) => d.statement.count());
    const r = await runImport({ actor: researcher, path: file(["witness,title,language,text", `${w.code},Refused for consent,en,Fictional.`].join("\n")), kind: "STATEMENTS", dryRun: false, skipRefused: true });
    expect(r.rows.map((x) => x.outcome)).toEqual(["REFUSE"]);
    expect(r.rows[0].problems).toEqual([{ column: "witness", key: `witness_research_withdrawn:${w.code}` }]);
    expect(await read((d) => d.statement.count())).toBe(before);
  });

  test("the codes named are read, each once and at most 500 a query; no other witness is read", async () => {
    const all = await read((d) => d.witness.findMany({ select: { code: true }, orderBy: { code: "asc" } }));
    expect(all.length).toBeGreaterThan(2);
    const [a, b] = all.map((w) => w.code);
    // 1,200 rows, planned in three batches. Most name a code no witness has, in Persian digits
    // (looked up as written and as a code: some 800 strings a batch); the last cell holds a NUL.
    const lines = ["witness,title,language,text"];
    for (let r = 0; r < 1200; r++) lines.push(`${r % 10 === 0 ? a : r % 10 === 1 ? b.toLowerCase() : `w-${persian(String(70000 + r))}`},Read ${r},en,Fictional ${r}.`);
    lines.push("W-00\u00001,Read NUL,en,Fictional.");
    // Every witness read of the import's reads (read()), with what it asked and what it found.
    const real = getDb();
    const calls: { method: string; asked?: string[]; found: string[] }[] = [];
    const witness = new Proxy(real.witness, {
      get: (w, method: string) => async (args?: { where?: { code?: { in?: string[] } } }) => {
        const rows = (await (w as unknown as Record<string, (a: unknown) => Promise<{ code?: string }[]>>)[method](args)) as { code?: string }[];
        calls.push({ method, asked: args?.where?.code?.in, found: Array.isArray(rows) ? rows.map((x) => x.code ?? "?") : [] });
        return rows;
      },
    });
    const db = new Proxy(real, { get: (t, k) => (k === "witness" ? witness : ((v) => (typeof v === "function" ? v.bind(t) : v))(Reflect.get(t, k))) }) as Tx;
    const reads = vi.spyOn(dbWrite, "read").mockImplementation((fn) => fn(db));
    let r: ImportResult;
    try {
      r = await runImport({ actor: researcher, path: file(lines.join("\n")), kind: "STATEMENTS", dryRun: true });
    } finally {
      reads.mockRestore();
    }
    // Three batches of rows; the first two look up some 800 strings each, in two queries.
    expect(calls.map((c) => c.asked?.length ?? "all")).toEqual([500, expect.any(Number), 500, expect.any(Number), expect.any(Number)]);
    expect(calls.every((c) => c.method === "findMany" && c.asked && c.asked.length <= 500)).toBe(true);
    const asked = calls.flatMap((c) => c.asked ?? []);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toContain("W-70002");
    expect(asked).toContain(`w-${persian("70002")}`);
    expect(calls.flatMap((c) => c.found).sort()).toEqual([a, b]);
    expect(r.counts).toMatchObject({ rows: 1201, created: 240, refused: 961 });
    expect(r.rows[2].problems).toEqual([{ column: "witness", key: `unknown_witness:w-${persian("70002")}` }]);
    expect(r.rows[1200].problems).toEqual([{ column: "witness", key: "invalid_text" }]);
  });
});

describe("the web path", () => {
  test("an upload is its uploader's: another researcher is told it does not exist, to read or to run again under a mapping of their own; an admin reads it", async () => {
    const sheet = "protection level,legal name,contact\nBOGUS,Maryam Uploadowner,+98 912 555 0101\n";
    const dry = await uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(sheet)]), name: "witnesses.csv" }, fields: Promise.resolve({ kind: "WITNESSES" }) });
    expect(dry.rows.map((r) => [r.outcome, r.cells])).toEqual([["REFUSE", undefined]]);
    const other = await createUser({ actor: "system", input: { email: "researcher-two@import.test", name: "Second Researcher", role: "RESEARCHER", password: "second-researcher-pass" } });
    const second: Actor = { id: other.id, email: other.email, name: other.name, role: "RESEARCHER" };
    expect((await refusal(getImportJob({ actor: second, jobId: dry.jobId }))).code).toBe("NOT_FOUND");
    const remapped = { dryRun: true, mapping: { "protection level": "protectionLevel", "legal name": "notes", contact: "" } };
    expect((await refusal(rerunImport({ actor: second, jobId: dry.jobId, input: remapped }))).code).toBe("NOT_FOUND");
    expect((await refusal(rerunImport({ actor: second, jobId: dry.jobId, input: { dryRun: false } }))).code).toBe("NOT_FOUND");
    expect(await read((d) => d.importJob.count({ where: { createdById: second.id } }))).toBe(0);
    // Its uploader's own run under that mapping shows no cell back either: the report is kept.
    const own = (await rerunImport({ actor: researcher, jobId: dry.jobId, input: remapped })) as ImportResult;
    expect(JSON.stringify(own)).not.toContain("Uploadowner");
    const admin = (await findUserByEmail("admin@demo.casefile"))!;
    expect((await getImportJob({ actor: { id: admin.id, email: admin.email, name: admin.name, role: "ADMIN" }, jobId: dry.jobId })).id).toBe(dry.jobId);
  });

  test("an upload refused before an import is recorded for it is removed from the server at once; one an import refers to is kept", async () => {
    const sheet = "legal name,contact,protection level\nParvin Refusedupload,+98 912 555 0177,STANDARD\n";
    const sha = createHash("sha256").update(sheet).digest("hex");
    const upload = (fields: Record<string, string>) => uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(sheet)]), name: "witnesses.csv" }, fields: Promise.resolve(fields) });
    for (const fields of [{ kind: "WITNESSES", mapping: "{legal name" }, { kind: "NO_SUCH_KIND" }] as Record<string, string>[]) {
      const e = await refusal(upload(fields));
      expect(e.code, JSON.stringify(fields)).not.toBe("INTERNAL");
      expect(existsSync(uploadPath(sha)), JSON.stringify(fields)).toBe(false);
    }
    expect(await read((d) => d.importJob.count({ where: { fileSha256: sha } }))).toBe(0);
    // Once an import is recorded (here a dry run refused for its template, to be run again with
    // another), the file stays, the same file refused again too.
    const failed = await refusal(upload({ kind: "WITNESSES", template: "no such template" }));
    expect(existsSync(uploadPath(sha))).toBe(true);
    const dry = (await rerunImport({ actor: researcher, jobId: String(failed.details?.jobId), input: { dryRun: true } })) as ImportResult;
    expect(existsSync(uploadPath(sha))).toBe(true);
    await refusal(upload({ kind: "WITNESSES", mapping: "{legal name" }));
    expect(existsSync(uploadPath(sha))).toBe(true);
    expect(((await rerunImport({ actor: researcher, jobId: dry.jobId, input: { dryRun: true } })) as ImportResult).rows.map((r) => r.outcome)).toEqual(["CREATE"]);
  });

  test("an upload is stored by its hash and dry-run; a fixed cell is checked again; the real run started in the background is followed to the end", async () => {
    const sheet = "title,author,year\nWeb source one,Researcher A,1999\nWeb source two,Researcher B,19x9\n";
    const dry = await uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(sheet)]), name: "../sources.csv" }, fields: Promise.resolve({ kind: "SOURCES" }) });
    expect(dry.fileName).toBe("sources.csv");
    expect(dry.rows.map((r) => r.outcome)).toEqual(["CREATE", "REFUSE"]);
    expect(dry.rows[1].problems).toEqual([{ column: "year", key: "invalid_number" }]);
    const fixed = (await rerunImport({ actor: researcher, jobId: dry.jobId, input: { dryRun: true, edits: { "3": { year: "1989" } } } })) as ImportResult;
    expect(fixed.rows.map((r) => r.outcome)).toEqual(["CREATE", "CREATE"]);
    expect(fixed.fileSha256).toBe(dry.fileSha256);
    const started = await rerunImport({ actor: researcher, jobId: fixed.jobId, input: { dryRun: false, edits: { "3": { year: "1989" } } } });
    expect(started).toMatchObject({ status: "PENDING" });
    const jobId = (started as { jobId: string }).jobId;
    let job = await getImportJob({ actor: researcher, jobId });
    for (let i = 0; i < 200 && !["COMPLETED", "FAILED", "REFUSED"].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await getImportJob({ actor: researcher, jobId });
    }
    expect(job).toMatchObject({ status: "COMPLETED", created: 2, refused: 0, rowsDone: 2, rowsTotal: 2, dryRun: false });
    expect(job.rows.map((r) => [r.row, r.outcome, r.batch])).toEqual([
      [2, "CREATE", 1],
      [3, "CREATE", 1],
    ]);
    const src = await read((d) => d.source.findUniqueOrThrow({ where: { id: job.rows[1].record!.id! } }));
    expect(src).toMatchObject({ title: "Web source two", year: 1989 });
    // Imported, the sheet is removed from the server; the jobs keep its SHA-256, and running it
    // again asks for the file.
    for (let i = 0; i < 100 && existsSync(uploadPath(dry.fileSha256)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(uploadPath(dry.fileSha256))).toBe(false);
    expect(job.fileSha256).toBe(dry.fileSha256);
    const gone = await refusal(rerunImport({ actor: researcher, jobId, input: { dryRun: true } }));
    expect(gone.code).toBe("NOT_FOUND");
    expect(gone.fields).toEqual({ file: ["import_file_gone"] });
    expect(fieldErrorMessage("import_file_gone", "fa")).toContain("دوباره بارگذاری کنید");
  });

  test("a sheet not imported is kept for a day after its last use, then removed at the next upload; a sheet being read by a run is not", async () => {
    const upload = (text: string) =>
      uploadAndCheck({ actor: researcher, file: { stream: Readable.from([Buffer.from(text)]), name: "w.csv" }, fields: Promise.resolve({ kind: "SOURCES" }) });
    const old = await upload("title,year\nKept a day,1990\n");
    const recent = await upload("title,year\nUsed lately,1991\n");
    const reading = await upload("title,year\nStill being read,1992\n");
    const dayAgo = (Date.now() - UNUSED_UPLOAD_MS - 60_000) / 1000;
    utimesSync(uploadPath(old.fileSha256), dayAgo, dayAgo);
    utimesSync(uploadPath(recent.fileSha256), dayAgo, dayAgo);
    utimesSync(uploadPath(reading.fileSha256), dayAgo, dayAgo);
    // Another dry run counts as a use.
    await rerunImport({ actor: researcher, jobId: recent.jobId, input: { dryRun: true } });
    // A run of this process in progress (as the web path records one) reads the third.
    await dbWrite.write((tx) => tx.importJob.update({ where: { id: reading.jobId }, data: { status: "RUNNING" } }));
    await upload("title,year\nThe next upload,1993\n");
    expect(existsSync(uploadPath(old.fileSha256))).toBe(false);
    expect(existsSync(uploadPath(recent.fileSha256))).toBe(true);
    expect(existsSync(uploadPath(reading.fileSha256))).toBe(true);
    const e = await refusal(rerunImport({ actor: researcher, jobId: old.jobId, input: { dryRun: true } }));
    expect(e.fields).toEqual({ file: ["import_file_gone"] });
    // Once the run is over it goes too (at the next upload)...
    await dbWrite.write((tx) => tx.importJob.update({ where: { id: reading.jobId }, data: { status: "FAILED" } }));
    const waiting = await upload("title,year\nNever taken up,1994\n");
    expect(existsSync(uploadPath(reading.fileSha256))).toBe(false);
    // ...and so does one whose run was left waiting (PENDING) by a process that stopped, after a day.
    await dbWrite.write((tx) => tx.importJob.update({ where: { id: waiting.jobId }, data: { status: "PENDING", createdAt: new Date(Date.now() - UNUSED_UPLOAD_MS - 60_000) } }));
    utimesSync(uploadPath(waiting.fileSha256), dayAgo, dayAgo);
    expect(await sweepUploads()).toBe(1);
    expect(existsSync(uploadPath(waiting.fileSha256))).toBe(false);
  });

  test("who may import: a reviewer is refused before anything is read", async () => {
    const u = (await findUserByEmail("reviewer@demo.casefile"))!;
    const reviewer: Actor = { id: u.id, email: u.email, name: u.name, role: "REVIEWER" };
    const e = await refusal(runImport({ actor: reviewer, path: file("title\nx"), kind: "SOURCES", dryRun: true }));
    expect(e.code).toBe("FORBIDDEN");
  });
});

function makeZip(path: string, entries: ([string, Buffer] | [string, Buffer, { mode: number }])[]): Promise<void> {
  return new Promise((res, rej) => {
    const z = new yazl.ZipFile();
    for (const [name, data, options] of entries) z.addBuffer(data, name, options);
    z.end();
    z.outputStream.pipe(createWriteStream(path)).on("close", () => res()).on("error", rej);
  });
}

