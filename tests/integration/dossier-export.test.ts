import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createToken } from "@/lib/auth/tokens";
import { read, write } from "@/lib/db/write";
import { addDossierItem, createDossier, deleteDossier } from "@/lib/dossiers";
import { getDossierExport, listDossierExports, openExportPackage, startDossierExport, type DossierExportOut } from "@/lib/dossiers/export";
import { mayRevealInExport } from "@/lib/dossiers/export/content";
import { packagePath } from "@/lib/dossiers/export/package";
import { uploadExhibit } from "@/lib/exhibits";
import { blobPath } from "@/lib/exhibits/storage";
import { createLink } from "@/lib/links";
import { CHECKLIST } from "@/lib/review/schemas";
import { decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createSource } from "@/lib/sources";
import { createStatement } from "@/lib/statements/statements";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { pdf, png } from "@/tests/support/exhibit-files";
import { POST as startRoute } from "@/app/api/v1/dossiers/[id]/exports/route";
import { GET as packageRoute, HEAD as packageHead } from "@/app/api/v1/dossier-exports/[exportId]/package/route";

// Fictional testimony throughout. The packages are built for real: Chromium prints the PDF,
// yazl writes the ZIP, and everything is read back with yauzl, pdftotext and the verifier.

let db: TestDatabase;
let storage: string;
let exportsDir: string;
let researcher: Actor;
let reviewer: Actor;
let legal: Actor;
let legal2: Actor;
let admin: Actor;
let dossierId: string;
let emptyDossierId: string;
let exhibitPdf: { id: string; sha256: string };

const SECRET = "Xanthippe Vorquellian-Tabrizi";
const SECRET_WITHDRAWN = "Oswin Kettleburrow-Sadeghi";
const FA_QUOTE = "حمید عباسی نام‌ها را از روی فهرست می‌خواند";
const FA_TEXT = `این متن ساختگی است. در مرداد ۱۳۶۷ در گوهردشت ${FA_QUOTE} و ما را به راهرو بردند. The guard said "commission" in English.`;
const EN_QUOTE = "read the names from a list in the corridor";
const EN_TEXT = `This text is fictional. In August 1988 a man who called himself Hamid ${EN_QUOTE} at Gohardasht.`;
const RESULTS = join(process.cwd(), "data", "test-results");

function verified(statementId: string) {
  return (async () => {
    await submitStatement({ actor: researcher, statementId });
    await takeForReview({ actor: reviewer, statementId });
    await decideReview({ actor: reviewer, statementId, input: { revisionNumber: 1, decision: "VERIFIED", checklist: Object.fromEntries(CHECKLIST.map((k) => [k, true])), sourceReliability: "B", credibility: 2 } });
  })();
}

function linkQuote(statementId: string, text: string, quote: string, personId: string, extra: Record<string, unknown> = {}) {
  const start = text.indexOf(quote);
  return createLink({ actor: researcher, input: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + quote.length, quote, personId, role: "TOOK_PART", allegationType: "KILLING", ...extra } });
}

async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((res, rej) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (e, s) => {
        if (e) return rej(e);
        const chunks: Buffer[] = [];
        for await (const c of s!) chunks.push(c as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.on("end", () => res());
    zip.on("error", rej);
    zip.readEntry();
  });
  return out;
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
// pdftotext marks right-to-left runs with embedding controls; they are not part of the words.
const pdfText = (file: string, page?: number) =>
  execFileSync("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), file, "-"], { encoding: "utf8" }).replace(/[\u202a-\u202e]/g, "");

function cli(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url, CASEFILE_STORAGE_DIR: storage, CASEFILE_EXPORT_DIR: exportsDir },
  });
}

async function exportAs(actor: Actor, input: Record<string, unknown> = {}, id = dossierId): Promise<DossierExportOut> {
  return startDossierExport({ actor, dossierId: id, input, wait: true });
}

beforeAll(async () => {
  db = await freshDatabase();
  storage = mkdtempSync(join(tmpdir(), "casefile-dx-store-"));
  exportsDir = mkdtempSync(join(tmpdir(), "casefile-dx-exports-"));
  process.env.CASEFILE_STORAGE_DIR = storage;
  process.env.CASEFILE_EXPORT_DIR = exportsDir;
  mkdirSync(RESULTS, { recursive: true });
  [researcher, reviewer, legal, legal2, admin] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER"), makeActor("LEGAL"), makeActor("LEGAL"), makeActor("ADMIN")]);
  let nouri = "";
  let commission = "";
  let trial = "";
  let appeal = "";
  await write(async (tx) => {
    nouri = (await tx.person.create({ data: { name: "Hamid Nouri", nameFa: "حمید نوری" } })).id;
    commission = (await tx.event.create({ data: { title: "Commission at Gohardasht", titleFa: "هیئت در گوهردشت", dateStart: "Mordad 1367", precision: "month", earliest: "1988-07-23", latest: "1988-08-22" } })).id;
    trial = (await tx.proceeding.create({ data: { title: "Prosecution of Hamid Nouri (export test)", kind: "CRIMINAL_TRIAL", court: "Stockholm District Court", charges: "War crimes and murder (export test)", chargesFa: "جنایت جنگی و قتل (آزمون)", defendants: { create: [{ personId: nouri }] } } })).id;
    // A proceeding another passage cites (not the dossier's subject, so its titles are in the PDF only through that citation).
    appeal = (await tx.proceeding.create({ data: { title: "Fictional appeal hearing (export test)", titleFa: "دادرسی تجدیدنظر ساختگی", kind: "OTHER" } })).id;
  });
  const grant = (scope: string) => ({ scope, givenAt: "2023-01-01", method: "WRITTEN" });
  const protectedW = await createWitness({ actor: researcher, input: { protectionLevel: "PROTECTED", identity: { legalName: SECRET }, consents: [grant("INTERNAL_RESEARCH"), grant("LEGAL_SHARING")] } });
  const withdrawingW = await createWitness({ actor: researcher, input: { identity: { legalName: SECRET_WITHDRAWN }, consents: [grant("LEGAL_SHARING")] } });

  const fa = await createStatement({ actor: researcher, input: { witnessId: protectedW.id, title: "گواهی ساختگی دربارهٔ گوهردشت", language: "fa", originalText: FA_TEXT, interviewDate: "مرداد ۱۴۰۲" } });
  const en = await createStatement({ actor: researcher, input: { witnessId: protectedW.id, title: "Fictional account of the corridor", language: "en", originalText: EN_TEXT } });
  const gone = await createStatement({ actor: researcher, input: { witnessId: withdrawingW.id, title: "Fictional statement whose consent is withdrawn", language: "en", originalText: EN_TEXT } });
  await verified(fa.id);
  await verified(gone.id); // en stays a draft: marked NOT VERIFIED in the PDF
  await linkQuote(fa.id, FA_TEXT, FA_QUOTE, nouri, { eventId: commission, proceedingId: trial });
  await linkQuote(en.id, EN_TEXT, EN_QUOTE, nouri, { allegationType: "PERSECUTION", proceedingId: appeal });
  await linkQuote(gone.id, EN_TEXT, EN_QUOTE, nouri);
  const up = (bytes: Buffer, name: string, statementId: string) =>
    uploadExhibit({ actor: researcher, file: { stream: Readable.from([bytes]), name }, input: { statementId, description: "fictional exhibit" } });
  const u1 = await up(pdf("CASEFILE EXHIBIT ONE"), "یادداشت زندان.pdf", fa.id);
  const u2 = await up(png(10, 200, 10), "corridor sketch.png", en.id);
  exhibitPdf = { id: u1.exhibit.id, sha256: u1.exhibit.sha256 };
  const source = await createSource({ actor: legal, input: { title: "Fictional NGO report on 1988", author: "Fictional Rights Watch", year: 2019 } });

  const d = await createDossier({ actor: legal, input: { title: "Nouri bundle — پروندهٔ نوری", subjectType: "PROCEEDING", subjectId: trial, preselect: false } });
  dossierId = d.id;
  for (const [kind, refId] of [["STATEMENT", fa.id], ["STATEMENT", en.id], ["STATEMENT", gone.id], ["EXHIBIT", u1.exhibit.id], ["EXHIBIT", u2.exhibit.id], ["SOURCE", source.id]] as const) {
    await addDossierItem({ actor: legal, dossierId, input: { kind, refId } });
  }
  const withdrawable = await read((x) => x.consent.findFirstOrThrow({ where: { witnessId: withdrawingW.id, scope: "LEGAL_SHARING" } }));
  await withdrawConsent({ actor: researcher, consentId: withdrawable.id, input: { note: "withdrawn by the witness" } });
  emptyDossierId = (await createDossier({ actor: legal, input: { title: "Empty", subjectType: "PERSON", subjectId: nouri, preselect: false } })).id;
}, 120_000);

afterAll(async () => {
  delete process.env.CASEFILE_STORAGE_DIR;
  delete process.env.CASEFILE_EXPORT_DIR;
  await db?.drop();
  for (const d of readdirSync(storage)) for (const f of readdirSync(join(storage, d))) chmodSync(join(storage, d, f), 0o600);
  rmSync(storage, { recursive: true, force: true });
  rmSync(exportsDir, { recursive: true, force: true });
});

let pseudonymous: DossierExportOut; // legal, identities not asked for
let pseudonymousEntries: Map<string, Buffer>;

describe("a dossier package", () => {
  test("every file is listed in the manifest with the SHA-256 and size of what is in the ZIP; the export is audited with the package's hash", async () => {
    pseudonymous = await exportAs(legal);
    expect(pseudonymous).toMatchObject({ status: "READY", phase: "done", mayDownload: true, excluded: { count: 1, reasons: { CONSENT_WITHDRAWN: 1 } } });
    const file = packagePath(pseudonymous.id);
    const bytes = readFileSync(file);
    expect(pseudonymous.sha256).toBe(sha(bytes));
    expect(pseudonymous.size).toBe(bytes.length);

    pseudonymousEntries = await zipEntries(file);
    const manifest = JSON.parse(pseudonymousEntries.get("manifest.json")!.toString("utf8"));
    expect(manifest.format).toBe("casefile-dossier-package/1");
    expect(manifest.dossier.id).toBe(dossierId);
    expect(manifest.export).toMatchObject({ id: pseudonymous.id, exporter: { id: legal.id, email: legal.email } });
    expect(manifest.counts).toMatchObject({ statements: 2, notVerified: 1, exhibits: 2, sources: 1, revealedWitnesses: 0 });
    expect(manifest.excluded).toEqual({ count: 1, reasons: { CONSENT_WITHDRAWN: 1 }, exhibitNumbers: ["CF-0003"] });
    // Exactly the listed files plus the manifest; each one's hash and size as listed.
    expect([...pseudonymousEntries.keys()].sort()).toEqual([...manifest.files.map((f: { path: string }) => f.path), "manifest.json"].sort());
    for (const f of manifest.files) {
      const got = pseudonymousEntries.get(f.path)!;
      expect({ path: f.path, sha256: sha(got), size: got.length }).toEqual({ path: f.path, sha256: f.sha256, size: f.size });
    }
    const exhibitsInZip = manifest.files.filter((f: { exhibitNumber: string | null }) => f.exhibitNumber);
    expect(exhibitsInZip.map((f: { path: string; exhibitNumber: string }) => [f.path, f.exhibitNumber])).toEqual([
      ["exhibits/CF-0004-یادداشت-زندان.pdf", "CF-0004"],
      ["exhibits/CF-0005-corridor-sketch.png", "CF-0005"],
    ]);
    // The exhibit is byte for byte the stored original.
    expect(sha(pseudonymousEntries.get("exhibits/CF-0004-یادداشت-زندان.pdf")!)).toBe(exhibitPdf.sha256);
    expect(pseudonymousEntries.get("verify.mjs")!.equals(readFileSync("lib/dossiers/verify-package.mjs"))).toBe(true);
    const readme = pseudonymousEntries.get("README.txt")!.toString("utf8");
    expect(readme).toContain("node verify.mjs");
    expect(readme).toContain("روش بررسی");

    // Audit events of the included records, each with its chain hash intact; none of the excluded statement.
    const events = pseudonymousEntries.get("audit-events.jsonl")!.toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(events.some((e) => e.action === "statement.create")).toBe(true);
    expect(events.some((e) => e.action === "exhibit.upload" || e.recordType === "Exhibit")).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));

    const audited = await read((x) => x.auditEvent.findMany({ where: { recordId: dossierId, action: "dossier.export" } }));
    expect(audited.map((e) => JSON.parse(e.after!))).toContainEqual(expect.objectContaining({ exportId: pseudonymous.id, sha256: sha(bytes), size: bytes.length, excluded: 1 }));
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("the PDF: Persian and English text, CF numbers, grading, non-verified marked, excluded count, footer on every page; pages rendered for a person to look at", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-dx-pdf-"));
    const file = join(dir, "dossier.pdf");
    writeFileSync(file, pseudonymousEntries.get("dossier.pdf")!);
    const text = pdfText(file);
    for (const w of ["Nouri bundle", "نوری", "Hamid Nouri", "حمید", "عباسی", "گوهردشت", "فهرست", "گاهشمار رویدادها", "Chronology of events", "CF-0001", "CF-0002", "CF-0004", "CF-0005", "B2", "NOT VERIFIED", "Statements left out: 1", "Killing", "Persecution", "W-0001"]) {
      expect(text, w).toContain(w);
    }
    // The cover says what the proceeding charges, in both languages.
    expect(pdfText(file, 1)).toContain("War crimes and murder (export test)");
    expect(pdfText(file, 1)).toContain("جنایت جنگی و قتل");
    // A cited proceeding is named in both languages, as persons and events are: "English / Persian".
    expect(text).toContain("Fictional appeal hearing (export test) / دادرسی تجدیدنظر ساختگی");
    expect(text).toContain("Commission at Gohardasht /");
    // The grading names the review it comes from in words, in both languages, not by its stored code.
    // The grade is named in words too (Usually reliable · Probably true), then the review it comes from.
    expect(text).toMatch(/B2 \(Usually reliable \//);
    // (pdftotext gives the Persian runs of such a line in an order of its own: the words, not their order.)
    expect(text).toMatch(/review \/\s*بازبینی: verified \/ تأیید, revision \//);
    expect(text).not.toMatch(/\((verified|changes_requested|disputed|rejected),/);
    // A hash may wrap across lines in its table cell.
    expect(text.replace(/\s+/g, "")).toContain(exhibitPdf.sha256);
    // Both calendars in the chronology.
    expect(text).toMatch(/1988/);
    expect(text).toContain("July–August 1988");
    expect(text).toContain("مرداد");
    expect(text).toContain("۱۳۶۷");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(3);
    for (let p = 1; p <= pages; p++) {
      const t = pdfText(file, p);
      expect(t, `footer on page ${p}`).toContain(`page ${p} of ${pages}`);
      expect(t).toContain(`Dossier ${dossierId}`);
      expect(t.replace(/\u0654/g, ""), `Persian footer on page ${p}`).toContain("صفحه"); // pdftotext puts the hamza of «صفحهٔ» before the heh
    }
    // The contents give each section's page, read back from the printed PDF: the page named holds the section's heading.
    const toc = execFileSync("pdftotext", ["-layout", "-f", "2", "-l", "2", file, "-"], { encoding: "utf8" }).replace(/[\u202a-\u202e]/g, "");
    const entries = [...toc.matchAll(/^\s*(\d+)\.\s+(.+?)\s*\/.*?(\d+)\s*$/gm)].map((m) => ({ n: m[1]!, title: m[2]!, page: Number(m[3]) }));
    expect(entries.map((e) => e.n)).toEqual(["1", "2", "3", "4", "5", "6"].slice(0, entries.length));
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const e of entries) {
      expect(e.page, e.title).toBeGreaterThan(2);
      // After the contents, the heading is on that page and no other.
      const on = [];
      for (let p = 3; p <= pages; p++) if (pdfText(file, p).includes(`${e.n}. ${e.title} /`)) on.push(p);
      expect(on, `${e.n}. ${e.title}`).toEqual([e.page]);
    }
    // The page holding the Persian statement, and the cover, as images for a person to check.
    let persianPage = 1;
    for (let p = 1; p <= pages; p++) if (pdfText(file, p).includes("عباسی")) persianPage = p;
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, join(RESULTS, "dossier-export-cover")]);
    execFileSync("pdftoppm", ["-png", "-r", "90", "-f", String(persianPage), "-l", String(persianPage), "-singlefile", file, join(RESULTS, "dossier-export-persian")]);
    expect(existsSync(join(RESULTS, "dossier-export-persian.png"))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  test("a protected name appears in no file of a package whose exporter did not reveal it, not in the PDF's text nor in any entry's bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casefile-dx-pdf-"));
    writeFileSync(join(dir, "dossier.pdf"), pseudonymousEntries.get("dossier.pdf")!);
    const text = pdfText(join(dir, "dossier.pdf"));
    for (const name of [SECRET, SECRET_WITHDRAWN]) {
      expect(text).not.toContain(name);
      expect(text).not.toContain(name.split(" ")[1]);
      for (const [path, bytes] of pseudonymousEntries) {
        expect(bytes.includes(Buffer.from(name.split(" ")[1]!, "utf8")), path).toBe(false);
        expect(bytes.includes(Buffer.from(name.split(" ")[1]!, "utf16le")), path).toBe(false);
      }
    }
    expect(readFileSync(packagePath(pseudonymous.id)).includes(Buffer.from("Vorquellian"))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  test("the name appears when consent covers legal sharing, the role may reveal and the exporter asks, with a reason; the reveal is audited; a withdrawn witness stays out", async () => {
    const before = await read((x) => x.auditEvent.count({ where: { action: "witness.reveal" } }));
    const r = await exportAs(legal, { revealIdentities: true, reason: "Disclosure to the prosecutor, case B 15255-19" });
    expect(r.status).toBe("READY");
    const entries = await zipEntries(packagePath(r.id));
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
    expect(manifest.counts.revealedWitnesses).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), "casefile-dx-pdf-"));
    writeFileSync(join(dir, "dossier.pdf"), entries.get("dossier.pdf")!);
    const text = pdfText(join(dir, "dossier.pdf"));
    expect(text).toContain(SECRET);
    expect(text).not.toContain(SECRET_WITHDRAWN);
    const reveals = await read((x) => x.auditEvent.findMany({ where: { action: "witness.reveal" }, orderBy: { seq: "asc" } }));
    expect(reveals.length).toBe(before + 1);
    expect(JSON.parse(reveals.at(-1)!.after!)).toMatchObject({ reason: "Disclosure to the prosecutor, case B 15255-19", via: "dossier.export", exportId: r.id });
    expect(reveals.at(-1)!.after).not.toContain("Vorquellian");
    // Asking without a reason is refused before anything is made.
    await expect(exportAs(legal, { revealIdentities: true })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: ["required"] } });
    rmSync(dir, { recursive: true, force: true });
  });

  test("who may put an identity into a package: consent to legal sharing AND the reveal policy", () => {
    const w = (scopes: string[], owner = researcher.id) => ({ createdById: owner, consentScopes: scopes });
    expect(mayRevealInExport(legal, w(["LEGAL_SHARING"]))).toBe(true);
    expect(mayRevealInExport(legal, w(["INTERNAL_RESEARCH"]))).toBe(false);
    expect(mayRevealInExport(admin, w(["INTERNAL_RESEARCH", "PUBLICATION"]))).toBe(false); // consent decides even for an admin
    expect(mayRevealInExport(admin, w(["LEGAL_SHARING"]))).toBe(true);
    expect(mayRevealInExport(reviewer, w(["LEGAL_SHARING"]))).toBe(false);
    expect(mayRevealInExport({ ...researcher, id: "someone-else" }, w(["LEGAL_SHARING"]))).toBe(false);
  });

  test("dossier:verify and the package's own verify.mjs pass on an intact package and name a file changed by one byte", async () => {
    const file = packagePath(pseudonymous.id);
    const ok = spawnSync(process.execPath, ["lib/dossiers/verify-package.mjs", file], { encoding: "utf8" });
    expect(ok.stdout).toMatch(/^OK: 6 files match/);
    expect(ok.status).toBe(0);

    // One byte of the stored (uncompressed) exhibit inside the ZIP.
    const bytes = Buffer.from(readFileSync(file));
    const needle = Buffer.from("CASEFILE EXHIBIT ONE");
    const at = bytes.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    bytes[at] = "X".charCodeAt(0);
    const dir = mkdtempSync(join(tmpdir(), "casefile-dx-tamper-"));
    const tampered = join(dir, "tampered.zip");
    writeFileSync(tampered, bytes);
    const bad = cli("dossier:verify", tampered);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("exhibits/CF-0004-یادداشت-زندان.pdf: MISMATCH");
    expect(bad.stderr).toContain("package NOT verified: 1 problem(s)");

    // Unzipped: node verify.mjs in the folder; then a changed README and an added file.
    const unzipped = join(dir, "pkg");
    for (const [path, content] of pseudonymousEntries) {
      mkdirSync(join(unzipped, path, ".."), { recursive: true });
      writeFileSync(join(unzipped, path), content);
    }
    const inFolder = spawnSync(process.execPath, ["verify.mjs"], { cwd: unzipped, encoding: "utf8" });
    expect(inFolder.stdout).toMatch(/^OK: 6 files match/);
    expect(inFolder.status).toBe(0);
    const atZip = spawnSync(process.execPath, [join(unzipped, "verify.mjs"), file], { encoding: "utf8" });
    expect(atZip.status).toBe(0);
    writeFileSync(join(unzipped, "README.txt"), pseudonymousEntries.get("README.txt")!.toString("utf8").replace("CASEFILE", "CASEFILF"));
    writeFileSync(join(unzipped, "exhibits", "CF-0099-extra.txt"), "not part of the package");
    rmSync(join(unzipped, "exhibits", "CF-0005-corridor-sketch.png"));
    const broken = spawnSync(process.execPath, ["verify.mjs"], { cwd: unzipped, encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("README.txt: MISMATCH");
    expect(broken.stderr).toContain("exhibits/CF-0099-extra.txt: UNEXPECTED");
    expect(broken.stderr).toContain("exhibits/CF-0005-corridor-sketch.png: MISSING");
    rmSync(dir, { recursive: true, force: true });
  });

  test("a withdrawn consent leaves the statement out of a later export too, and the API says how many", async () => {
    const list = await listDossierExports({ actor: legal, dossierId });
    expect(list.every((e) => e.status === "READY" && e.excluded.count === 1)).toBe(true);
    expect(list[0]!.excluded.reasons).toEqual({ CONSENT_WITHDRAWN: 1 });
  });
});

describe("refused and failed exports leave nothing behind", () => {
  test("an exhibit whose stored file no longer matches its hash stops the export, naming it; no package, no partial file", async () => {
    const path = blobPath(exhibitPdf.sha256, storage);
    const original = readFileSync(path);
    chmodSync(path, 0o600);
    const changed = Buffer.from(original);
    changed[changed.length - 10] ^= 0x01;
    writeFileSync(path, changed);
    try {
      const r = await exportAs(legal);
      expect(r).toMatchObject({ status: "FAILED", error: { code: "EXHIBIT_MISMATCH", exhibitNumber: "CF-0004" } });
      expect(r.error!.message).toContain("CF-0004");
      expect(existsSync(packagePath(r.id))).toBe(false);
      expect(existsSync(`${packagePath(r.id)}.part`)).toBe(false);
      expect(existsSync(join(exportsDir, "tmp", r.id))).toBe(false);
      const failEvent = await read((x) => x.auditEvent.findFirst({ where: { action: "dossier.export.fail" }, orderBy: { seq: "desc" } }));
      expect(JSON.parse(failEvent!.after!)).toMatchObject({ exportId: r.id, exhibitNumber: "CF-0004" });
      await expect(openExportPackage({ actor: legal, exportId: r.id })).rejects.toMatchObject({ code: "INVALID_STATE" });

      rmSync(path);
      const missing = await exportAs(legal);
      expect(missing).toMatchObject({ status: "FAILED", error: { code: "EXHIBIT_MISSING", exhibitNumber: "CF-0004" } });
      expect(existsSync(packagePath(missing.id))).toBe(false);
    } finally {
      writeFileSync(path, original);
      chmodSync(path, 0o440);
    }
  });

  test("an empty dossier and a user without dossier.export are refused before anything is created", async () => {
    const rows = () => read((x) => x.dossierExport.count());
    const before = await rows();
    await expect(startDossierExport({ actor: legal, dossierId: emptyDossierId })).rejects.toMatchObject({ code: "INVALID_STATE", details: { reason: "EMPTY" } });
    await expect(startDossierExport({ actor: reviewer, dossierId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startDossierExport({ actor: researcher, dossierId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startDossierExport({ actor: legal, dossierId: "no-such-dossier" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Through the API: 403 and 422 with a clear message.
    const call = async (actor: Actor, id: string) => {
      const token = (await createToken({ actor, input: { name: "t" } })).secret;
      const res = await startRoute(new Request(`http://x/api/v1/dossiers/${id}/exports`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: "{}" }), { params: Promise.resolve({ id }) });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
    };
    expect(await call(reviewer, dossierId)).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    const empty = await call(legal, emptyDossierId);
    expect(empty).toMatchObject({ status: 422, body: { error: { code: "INVALID_STATE" } } });
    expect(empty.body.error!.message).toContain("empty");
    expect(await rows()).toBe(before);
    expect(readdirSync(exportsDir).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  test("only the exporter (or an admin) downloads a package; each download is audited", async () => {
    await expect(openExportPackage({ actor: legal2, exportId: pseudonymous.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const f = await openExportPackage({ actor: legal, exportId: pseudonymous.id });
    const chunks: Buffer[] = [];
    for await (const c of f.stream) chunks.push(c as Buffer);
    expect(sha(Buffer.concat(chunks))).toBe(pseudonymous.sha256);
    const e = await read((x) => x.auditEvent.findFirst({ where: { action: "dossier.export.download" }, orderBy: { seq: "desc" } }));
    expect(JSON.parse(e!.after!)).toEqual({ exportId: pseudonymous.id, sha256: pseudonymous.sha256 });
    // Over HTTP: an attachment, never sniffed, streamed; another legal-team member gets 403.
    const get = async (actor: Actor) => {
      const token = (await createToken({ actor, input: { name: "dl" } })).secret;
      return packageRoute(new Request(`http://x/api/v1/dossier-exports/${pseudonymous.id}/package`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ exportId: pseudonymous.id }) });
    };
    const res = await get(legal);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="dossier-.+\.zip"$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(pseudonymous.sha256);
    expect((await get(legal2)).status).toBe(403);
  });

  test("an export left RUNNING by an earlier process is marked FAILED when exports are next read", async () => {
    const stale = await write((tx) => tx.dossierExport.create({ data: { dossierId, status: "RUNNING", phase: "exhibits", done: 2, total: 6, createdById: legal.id, createdAt: new Date(Date.now() - 3_600_000) } }));
    mkdirSync(exportsDir, { recursive: true });
    writeFileSync(`${packagePath(stale.id)}.part`, "half a zip");
    const r = await getDossierExport({ actor: legal, exportId: stale.id });
    expect(r).toMatchObject({ status: "FAILED", error: { code: "INTERRUPTED" } });
    expect(existsSync(`${packagePath(stale.id)}.part`)).toBe(false);
  });

  test("an export another live process is building is left alone; one whose process is gone is marked FAILED", async () => {
    // The parent of this test process is alive; a pid far above any in use is gone.
    const alive = await write((tx) => tx.dossierExport.create({ data: { dossierId, status: "RUNNING", phase: "pdf", runner: `${hostname()}:${process.ppid}:1`, createdById: legal.id } }));
    const gone = await write((tx) => tx.dossierExport.create({ data: { dossierId, status: "RUNNING", phase: "pdf", runner: `${hostname()}:4194000:1`, createdById: legal.id } }));
    expect(await getDossierExport({ actor: legal, exportId: alive.id })).toMatchObject({ status: "RUNNING" });
    expect(await getDossierExport({ actor: legal, exportId: gone.id })).toMatchObject({ status: "FAILED", error: { code: "INTERRUPTED" } });
    await write((tx) => tx.dossierExport.update({ where: { id: alive.id }, data: { status: "FAILED" } }));
  });

  test("deleting a dossier removes its package files; the export's SHA-256 stays in the audit log", async () => {
    const source = await createSource({ actor: legal, input: { title: "Fictional report kept for the deletion test", author: "Fictional", year: 2020 } });
    const proceedingId = (await read((x) => x.dossier.findUniqueOrThrow({ where: { id: dossierId } }))).proceedingId!;
    const d = await createDossier({ actor: legal, input: { title: "To be deleted", subjectType: "PROCEEDING", subjectId: proceedingId, preselect: false } });
    await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: source.id } });
    const done = await startDossierExport({ actor: legal, dossierId: d.id, input: {}, wait: true });
    expect(done.status).toBe("READY");
    expect(existsSync(packagePath(done.id))).toBe(true);
    await deleteDossier({ actor: legal, dossierId: d.id });
    expect(existsSync(packagePath(done.id))).toBe(false);
    const audited = await read((x) => x.auditEvent.findFirst({ where: { action: "dossier.export", recordId: d.id } }));
    expect(audited?.after).toContain(done.sha256!);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  }, 120_000);

  test("a package is not handed out again once a witness in it withdraws consent to legal sharing; a new export leaves the witness out", async () => {
    const savedPdf = async (exportId: string) => {
      const file = join(mkdtempSync(join(tmpdir(), "casefile-dx-pdf-")), "dossier.pdf");
      writeFileSync(file, (await zipEntries(packagePath(exportId))).get("dossier.pdf")!);
      return file;
    };
    const grant = { scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" };
    const secret = "Pelagia Wintermoor-Karimi";
    const stays = await createWitness({ actor: researcher, input: { consents: [grant] } });
    const leaves = await createWitness({ actor: researcher, input: { identity: { legalName: secret }, consents: [grant] } });
    const kept = await createStatement({ actor: researcher, input: { witnessId: stays.id, title: "Fictional statement that stays", language: "en", originalText: EN_TEXT } });
    const withdrawn = await createStatement({ actor: researcher, input: { witnessId: leaves.id, title: "Fictional statement of the witness who withdraws", language: "en", originalText: EN_TEXT } });
    const ex = await uploadExhibit({ actor: researcher, file: { stream: Readable.from([png(200, 10, 120)]), name: "withdrawn.png" }, input: { witnessId: leaves.id, description: "fictional" } });
    const proceedingId = (await read((x) => x.dossier.findUniqueOrThrow({ where: { id: dossierId } }))).proceedingId!;
    const d = await createDossier({ actor: legal, input: { title: "Consent withdrawn after export", subjectType: "PROCEEDING", subjectId: proceedingId, preselect: false } });
    for (const [kind, refId] of [["STATEMENT", kept.id], ["STATEMENT", withdrawn.id], ["EXHIBIT", ex.exhibit.id]] as const) await addDossierItem({ actor: legal, dossierId: d.id, input: { kind, refId } });
    const before = await startDossierExport({ actor: legal, dossierId: d.id, input: { revealIdentities: true, reason: "Disclosure to the prosecutor (test)" }, wait: true });
    expect(before).toMatchObject({ status: "READY", mayDownload: true, unavailable: null, excluded: { count: 0 } });
    expect((await listDossierExports({ actor: legal, dossierId: d.id }))[0]).toMatchObject({ id: before.id, mayDownload: true, unavailable: null });
    expect(pdfText(await savedPdf(before.id))).toContain(secret);
    // While consent holds, the exporter downloads it.
    const ok = await openExportPackage({ actor: legal, exportId: before.id });
    ok.stream.destroy();
    // HEAD answers the download's headers and records no download.
    const downloaded = () => read((x) => x.auditEvent.count({ where: { action: "dossier.export.download", recordId: d.id } }));
    const onlyOnce = await downloaded();
    const legalToken = (await createToken({ actor: legal, input: { name: "head" } })).secret;
    const headed = await packageHead(new Request(`http://x/api/v1/dossier-exports/${before.id}/package`, { method: "HEAD", headers: { authorization: `Bearer ${legalToken}` } }), { params: Promise.resolve({ exportId: before.id }) });
    expect(headed.status).toBe(200);
    expect(headed.headers.get("content-length")).toBe(String(before.size));
    expect(await downloaded()).toBe(onlyOnce);

    // A package without that witness (another dossier's) is not touched by the withdrawal.
    const other = await createDossier({ actor: legal, input: { title: "Without the witness who withdraws", subjectType: "PROCEEDING", subjectId: proceedingId, preselect: false } });
    await addDossierItem({ actor: legal, dossierId: other.id, input: { kind: "STATEMENT", refId: kept.id } });
    const without = await startDossierExport({ actor: legal, dossierId: other.id, input: {}, wait: true });
    expect(without).toMatchObject({ status: "READY", unavailable: null });

    const consent = await read((x) => x.consent.findFirstOrThrow({ where: { witnessId: leaves.id, scope: "LEGAL_SHARING" } }));
    await withdrawConsent({ actor: researcher, consentId: consent.id, input: { note: "withdrawn after the export (test)" } });
    // The package that held the witness is deleted from the server with the withdrawal, audited; the other stays.
    expect(existsSync(packagePath(before.id))).toBe(false);
    expect(existsSync(packagePath(without.id))).toBe(true);
    const retired = await read((x) => x.auditEvent.findMany({ where: { action: "dossier.export.withdraw", recordId: d.id } }));
    expect(retired.map((e) => [JSON.parse(e.after!).exportId, e.actorId])).toEqual([[before.id, researcher.id]]);
    expect(await getDossierExport({ actor: legal, exportId: before.id })).toMatchObject({ status: "READY", error: { code: "CONSENT_WITHDRAWN" } });
    const downloads = async () => read((x) => x.auditEvent.count({ where: { action: "dossier.export.download", recordId: d.id } }));
    const counted = await downloads();
    for (const actor of [legal, admin]) {
      await expect(openExportPackage({ actor, exportId: before.id })).rejects.toMatchObject({ code: "INVALID_STATE", details: { reason: "CONSENT_WITHDRAWN" } });
    }
    const token = (await createToken({ actor: legal, input: { name: "dl" } })).secret;
    const res = await packageRoute(new Request(`http://x/api/v1/dossier-exports/${before.id}/package`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ exportId: before.id }) });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain(secret);
    expect(await downloads()).toBe(counted);
    // The exports list and the export itself say so, by the same check, instead of offering a download that would be refused.
    for (const actor of [legal, admin]) {
      expect((await listDossierExports({ actor, dossierId: d.id })).find((x) => x.id === before.id)).toMatchObject({ status: "READY", mayDownload: false, unavailable: "CONSENT_WITHDRAWN" });
      expect(await getDossierExport({ actor, exportId: before.id })).toMatchObject({ mayDownload: false, unavailable: "CONSENT_WITHDRAWN" });
    }

    // A new export leaves the withdrawn witness's statement and exhibit out, and is served.
    const after = await startDossierExport({ actor: legal, dossierId: d.id, input: { revealIdentities: true, reason: "Disclosure to the prosecutor (test)" }, wait: true });
    expect(after).toMatchObject({ status: "READY", excluded: { count: 2, reasons: { CONSENT_WITHDRAWN: 2 } } });
    expect(after).toMatchObject({ mayDownload: true, unavailable: null });
    const f = await openExportPackage({ actor: legal, exportId: after.id });
    f.stream.destroy();
    expect(pdfText(await savedPdf(after.id))).not.toContain(secret);

    // A package whose file is gone is listed as such too, and its download refused alike.
    rmSync(packagePath(after.id));
    expect((await listDossierExports({ actor: legal, dossierId: d.id })).map((x) => [x.id, x.unavailable, x.mayDownload])).toEqual([
      [after.id, "PACKAGE_MISSING", false],
      [before.id, "CONSENT_WITHDRAWN", false],
    ]);
    await expect(openExportPackage({ actor: legal, exportId: after.id })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("no longer on the server") });
    // A file that is not a readable package any more: the same, not a failed dossier page.
    writeFileSync(packagePath(after.id), "not a zip");
    expect((await listDossierExports({ actor: legal, dossierId: d.id }))[0]).toMatchObject({ id: after.id, unavailable: "PACKAGE_MISSING", mayDownload: false });
    await expect(openExportPackage({ actor: legal, exportId: after.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
  }, 120_000);

  test("a statement that runs over several pages has its CF number and title at the top of each of them", async () => {
    const w = await createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" }] } });
    const long = Array.from({ length: 120 }, (_, i) => `Fictional paragraph ${i + 1}: the corridor, the list, the names read out one by one.`).join("\n\n");
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional long statement", language: "en", originalText: long } });
    const proceedingId = (await read((x) => x.dossier.findUniqueOrThrow({ where: { id: dossierId } }))).proceedingId!;
    const d = await createDossier({ actor: legal, input: { title: "One long statement", subjectType: "PROCEEDING", subjectId: proceedingId, preselect: false } });
    const item = await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: s.id } });
    const cf = item.items.find((i) => i.refId === s.id)!.exhibitNumber;
    const done = await startDossierExport({ actor: legal, dossierId: d.id, input: {}, wait: true });
    const file = join(mkdtempSync(join(tmpdir(), "casefile-dx-pdf-")), "dossier.pdf");
    writeFileSync(file, (await zipEntries(packagePath(done.id))).get("dossier.pdf")!);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    // The pages the statement's paragraphs are printed on: more than one, and each starts with its heading.
    const holding: number[] = [];
    for (let p = 1; p <= pages; p++) if (/Fictional paragraph \d+:/.test(pdfText(file, p))) holding.push(p);
    expect(holding.length).toBeGreaterThanOrEqual(2);
    // Its first page has the section's heading above it; every page it continues onto starts with its own.
    expect(pdfText(file, holding[0]!)).toContain(`${cf} — Fictional long statement`);
    for (const p of holding.slice(1)) expect(pdfText(file, p).trimStart().split("\n")[0], `page ${p}`).toBe(`${cf} — Fictional long statement`);
  }, 120_000);
});
