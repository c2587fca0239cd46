import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import { addCustodyEntry, getExhibit, listAllExhibits, listExhibitsFor, openExhibitStream, uploadExhibit, verifyAllExhibits, verifyExhibit } from "@/lib/exhibits";
import { withHashLock } from "@/lib/exhibits/shared";
import { blobPath } from "@/lib/exhibits/storage";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { ELF, HTML, pdf, png, sha256, wav } from "@/tests/support/exhibit-files";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/exhibits/route";
import { GET as fileRoute } from "@/app/api/v1/exhibits/[id]/file/route";
import { GET as exhibitRoute } from "@/app/api/v1/exhibits/[id]/route";
import { POST as custodyRoute } from "@/app/api/v1/exhibits/[id]/custody/route";
import { POST as verifyRoute } from "@/app/api/v1/exhibits/[id]/verify/route";

let db: TestDatabase;
let root: string;
let researcher: Actor;
let reviewer: Actor;
let legal: Actor;
let statementId: string;
let witnessId: string;
let token: string;

beforeAll(async () => {
  db = await freshDatabase();
  root = mkdtempSync(join(tmpdir(), "casefile-exhibits-"));
  process.env.CASEFILE_STORAGE_DIR = root;
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  // Consent to legal sharing: legal-team members see this witness's statements and exhibits.
  const w = await createWitness({ actor: researcher, input: { fictional: true, consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-10", method: "WRITTEN" }] } });
  witnessId = w.id;
  const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "شهادت", language: "fa", originalText: "متن شهادت" } });
  statementId = s.id;
  token = (await createToken({ actor: researcher, input: { name: "test" } })).secret;
});
afterAll(async () => {
  delete process.env.CASEFILE_STORAGE_DIR;
  delete process.env.CASEFILE_MAX_UPLOAD_BYTES;
  await db?.drop();
  if (root) {
    // Stored files are read-only; make them removable.
    for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) chmodSync(join(root, d, f), 0o600);
    rmSync(root, { recursive: true, force: true });
  }
});
beforeEach(() => {
  delete process.env.CASEFILE_MAX_UPLOAD_BYTES;
});

// ------------------------------------------------------------------ small real files

const sha = sha256;

/** The bytes as a stream of `chunk`-sized pieces, as a network upload would arrive. */
function streamOf(b: Buffer, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += chunk) yield b.subarray(i, i + chunk);
    })(),
  );
}

/** A stream that delivers the first `after` bytes and then fails, like a dropped connection. */
function failingStream(b: Buffer, after: number): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < after; i += 64 * 1024) yield b.subarray(i, Math.min(i + 64 * 1024, after));
      throw new Error("socket hang up");
    })(),
  );
}

/** Every stored file (not the temporary area), as paths relative to the storage root. */
function storedFiles(): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d !== "tmp")
    .flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`));
}
const tempFiles = () => (existsSync(join(root, "tmp")) ? readdirSync(join(root, "tmp")) : []);

async function counts() {
  return read(async (d) => ({
    blobs: await d.blob.count(),
    exhibits: await d.exhibit.count(),
    links: await d.exhibitLink.count(),
    custody: await d.custodyEntry.count(),
    audit: await d.auditEvent.count(),
  }));
}

function upload(actor: Actor | null, bytes: Buffer, name: string, input: Record<string, string> = { statementId }, maxBytes?: number) {
  return uploadExhibit({ actor, file: { stream: streamOf(bytes), name }, input, maxBytes });
}

// ------------------------------------------------------------------ the lib operations

describe("uploading exhibits", () => {
  test("a recording of a few MB is streamed into storage under its SHA-256, read-only and outside the web root", async () => {
    const bytes = wav(40, 1); // ≈ 3.5 MB
    expect(bytes.length).toBeGreaterThan(3_000_000);
    const before = await counts();
    const r = await upload(researcher, bytes, "مصاحبه ۱۳۶۷.wav", { statementId, description: "Recorded interview" });
    expect(r.deduplicated).toBe(false);
    expect(r.exhibit.sha256).toBe(sha(bytes));
    expect(r.exhibit.number).toMatch(/^EX-\d{4}$/);
    expect(r.exhibit.mime).toBe("audio/wav");
    expect(r.exhibit.size).toBe(bytes.length);
    expect(r.exhibit.originalName).toBe("مصاحبه ۱۳۶۷.wav");

    const path = blobPath(r.exhibit.sha256);
    expect(path).toBe(join(root, r.exhibit.sha256.slice(0, 2), r.exhibit.sha256));
    const st = statSync(path);
    expect(st.mode & 0o777).toBe(0o440);
    expect(st.size).toBe(bytes.length);
    // Nothing the web server serves directly: not under public/ or the build output.
    for (const served of ["public", ".next"]) expect(relative(resolve(served), path).startsWith("..")).toBe(true);
    expect(tempFiles()).toEqual([]);

    const blob = await read((d) => d.blob.findUnique({ where: { sha256: r.exhibit.sha256 } }));
    expect(blob!.size).toBe(BigInt(bytes.length));
    expect(await counts()).toEqual({ ...before, blobs: before.blobs + 1, exhibits: before.exhibits + 1, links: before.links + 1, custody: before.custody + 1, audit: before.audit + 1 });

    const detail = await getExhibit({ actor: reviewer, exhibitId: r.exhibit.id });
    expect(detail.custody.map((c) => c.kind)).toEqual(["RECEIVED"]);
    expect(detail.links).toEqual([{ statementId, witnessId: null }]);

    // The audit event has the hash, never the bytes, the name or the description.
    const ev = await read((d) => d.auditEvent.findFirst({ where: { recordId: r.exhibit.id, action: "exhibit.create" } }));
    const after = JSON.parse(ev!.after!);
    expect(after).toMatchObject({ number: r.exhibit.number, sha256: sha(bytes), size: bytes.length, mime: "audio/wav", statementId });
    expect(ev!.after).not.toContain("مصاحبه");
    expect(ev!.after).not.toContain("Recorded interview");
    expect(ev!.after!.length).toBeLessThan(2000);
  });

  test("the same content uploaded again is recognised by its hash: one file, one blob, one exhibit, linked twice", async () => {
    const bytes = pdf("dedupe");
    const first = await upload(researcher, bytes, "report.pdf");
    expect(first.exhibit.mime).toBe("application/pdf");
    const files = storedFiles().length;
    const before = await counts();

    const again = await upload(researcher, bytes, "copy-of-report.pdf", { witnessId });
    expect(again).toMatchObject({ deduplicated: true, linked: true });
    expect(again.exhibit.id).toBe(first.exhibit.id);
    expect(again.exhibit.number).toBe(first.exhibit.number);
    expect(again.exhibit.links).toEqual([
      { statementId, witnessId: null },
      { statementId: null, witnessId },
    ]);
    expect(storedFiles().length).toBe(files);
    expect(await counts()).toMatchObject({ blobs: before.blobs, exhibits: before.exhibits, links: before.links + 1 });
    expect(await read((d) => d.blob.count({ where: { sha256: sha(bytes) } }))).toBe(1);

    // A third upload to a place it is already linked adds nothing.
    const third = await upload(researcher, bytes, "report.pdf", { witnessId });
    expect(third).toMatchObject({ deduplicated: true, linked: false });
    expect((await counts()).links).toBe(before.links + 1);
    expect(tempFiles()).toEqual([]);

    const forWitness = await listExhibitsFor({ actor: legal, query: { witnessId } });
    expect(forWitness.map((e) => e.number)).toContain(first.exhibit.number);
  });

  test("two uploads of the same new content at once make one exhibit", async () => {
    const bytes = png(1, 2, 3);
    const [a, b] = await Promise.all([upload(researcher, bytes, "a.png"), upload(researcher, bytes, "b.png", { witnessId })]);
    expect(a.exhibit.id).toBe(b.exhibit.id);
    expect([a.deduplicated, b.deduplicated].sort()).toEqual([false, true]);
    expect(await read((d) => d.exhibit.count({ where: { sha256: sha(bytes) } }))).toBe(1);
    expect(existsSync(blobPath(sha(bytes)))).toBe(true);
  });

  test("images, PDFs and plain UTF-8 text are typed by their content, whatever their name says", async () => {
    const image = await upload(researcher, png(9, 9, 9), "photo.mp3");
    expect(image.exhibit.mime).toBe("image/png");
    const text = await upload(researcher, Buffer.from("شاهد گفت: در مرداد ۱۳۶۷ ملاقات‌ها قطع شد.\nLine two.\n"), "notes.pdf");
    expect(text.exhibit.mime).toBe("text/plain");
  });

  test.each([
    ["an executable renamed .mp3", ELF, "application/x-elf"],
    ["a web page renamed .mp3", HTML, "text/html"],
    ["text that turns binary after the first 64 KB", Buffer.concat([Buffer.alloc(70_000, "a"), Buffer.from([0, 1, 2, 0xff])]), "application/octet-stream"],
  ])("%s is refused, naming the detected type, and leaves no file and no row", async (_what, bytes, detected) => {
    const before = await counts();
    const files = storedFiles();
    const e = await upload(researcher, bytes as Buffer, "testimony.mp3").catch((x) => x);
    expect(e).toMatchObject({ code: "INVALID_INPUT", fields: { file: [`file_type:${detected}`] } });
    expect(e.message).toContain(detected);
    expect(e.message).toContain("PDF");
    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual(files);
    expect(tempFiles()).toEqual([]);
  });

  test("an upload over the limit is refused with 'too large' and leaves no temporary file and no row", async () => {
    const before = await counts();
    const files = storedFiles();
    const bytes = wav(2, 77); // ≈ 176 KB
    await expect(upload(researcher, bytes, "long.wav", { statementId }, 100_000)).rejects.toMatchObject({ code: "TOO_LARGE", fields: { file: ["file_too_large:100000"] } });
    process.env.CASEFILE_MAX_UPLOAD_BYTES = "150000";
    await expect(upload(researcher, bytes, "long.wav")).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual(files);
    expect(tempFiles()).toEqual([]);
  });

  test("an upload whose stream fails half-way leaves nothing behind", async () => {
    const before = await counts();
    const files = storedFiles();
    const bytes = wav(20, 5);
    const e = await uploadExhibit({ actor: researcher, file: { stream: failingStream(bytes, 1_000_000), name: "cut.wav" }, input: { statementId } }).catch((x) => x);
    expect(e).toMatchObject({ code: "INVALID_INPUT", fields: { file: ["upload_interrupted"] } });
    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual(files);
    expect(tempFiles()).toEqual([]);
    expect(await read((d) => d.blob.findUnique({ where: { sha256: sha(bytes) } }))).toBeNull();
  });

  test("bad fields are refused before the file is read, and an empty file is refused", async () => {
    const before = await counts();
    await expect(upload(researcher, pdf("x1"), "a.pdf", {})).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { statementId: ["link_one"] } });
    await expect(upload(researcher, pdf("x2"), "a.pdf", { statementId, witnessId })).rejects.toMatchObject({ fields: { statementId: ["link_one"] } });
    await expect(upload(researcher, pdf("x3"), "a.pdf", { statementId: "nope" })).rejects.toMatchObject({ fields: { statementId: ["not_found"] } });
    await expect(upload(researcher, pdf("x4"), "a.pdf", { statementId, description: "d".repeat(2001) })).rejects.toMatchObject({ fields: { description: ["too_long:2000"] } });
    await expect(upload(researcher, Buffer.alloc(0), "empty.pdf")).rejects.toMatchObject({ fields: { file: ["file_empty"] } });
    expect(await counts()).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  test("if the rows cannot be written after the file was stored, the new file is removed again", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const bytes = pdf("orphan");
    const before = await counts();
    // Hold the hash's lock so the upload stops between checking its fields and storing the file;
    // meanwhile its witness disappears, so the rows cannot be written.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const lock = withHashLock(sha(bytes), () => held);
    const pending = upload(researcher, bytes, "orphan.pdf", { witnessId: w.id }).catch((x) => x);
    await new Promise((r) => setTimeout(r, 300));
    await getDb().witness.delete({ where: { id: w.id } });
    release();
    await lock;
    expect(await pending).toMatchObject({ code: "INVALID_INPUT", fields: { witnessId: ["not_found"] } });
    expect(existsSync(blobPath(sha(bytes)))).toBe(false);
    expect(tempFiles()).toEqual([]);
    const after = await counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
  });
});

describe("chain of custody and verification", () => {
  test("custody entries are appended, validated, audited, and the database refuses to change them", async () => {
    const r = await upload(researcher, pdf("custody"), "custody.pdf");
    const entry = await addCustodyEntry({
      actor: researcher,
      exhibitId: r.exhibit.id,
      input: { kind: "COLLECTED", who: "مریم (پژوهشگر)", place: "Stockholm", at: "2019-11-10T14:30", note: "Handed over on a USB stick" },
    });
    expect(entry).toMatchObject({ kind: "COLLECTED", who: "مریم (پژوهشگر)", at: "2019-11-10T14:30:00.000Z" });
    await addCustodyEntry({ actor: legal, exhibitId: r.exhibit.id, input: { kind: "TRANSFERRED", who: "Prosecutor's office", at: "2021-08-10" } });
    const detail = await getExhibit({ actor: reviewer, exhibitId: r.exhibit.id });
    // Ordered by when it happened: collected before it was uploaded.
    expect(detail.custody.map((c) => c.kind)).toEqual(["COLLECTED", "TRANSFERRED", "RECEIVED"]);

    const ev = await read((d) => d.auditEvent.findMany({ where: { recordId: r.exhibit.id, action: "exhibit.custody" } }));
    expect(ev).toHaveLength(2);
    expect(ev[0].after).not.toContain("مریم");
    expect(JSON.parse(ev[0].after!).custody.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const before = await counts();
    await expect(addCustodyEntry({ actor: researcher, exhibitId: r.exhibit.id, input: { kind: "VERIFIED", who: "", at: "2999-01-01" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { kind: ["invalid_choice"], who: ["required"], at: ["date_in_future"] },
    });
    await expect(addCustodyEntry({ actor: researcher, exhibitId: r.exhibit.id, input: { kind: "COPIED", who: "x", at: "10/11/2019" } })).rejects.toMatchObject({
      fields: { at: ["invalid_datetime"] },
    });
    await expect(addCustodyEntry({ actor: researcher, exhibitId: "nope", input: { kind: "COPIED", who: "x", at: "2020-01-01" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addCustodyEntry({ actor: reviewer, exhibitId: r.exhibit.id, input: { kind: "COPIED", who: "x", at: "2020-01-01" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);

    await expect(getDb().custodyEntry.update({ where: { id: entry.id }, data: { who: "someone else" } })).rejects.toThrow();
    await expect(getDb().custodyEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await read((d) => d.custodyEntry.findUnique({ where: { id: entry.id } })))!.who).toBe("مریم (پژوهشگر)");
  });

  test("verify records MATCH, then MISMATCH for a file changed on disk and MISSING for a deleted one", async () => {
    const bytes = wav(1, 42);
    const r = await upload(researcher, bytes, "v.wav");
    const ok = await verifyExhibit({ actor: legal, exhibitId: r.exhibit.id });
    expect(ok).toMatchObject({ result: "MATCH", expected: sha(bytes), actual: sha(bytes), entry: { kind: "VERIFIED", result: "MATCH" } });

    const path = blobPath(sha(bytes));
    chmodSync(path, 0o640);
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.from([bytes[1000] ^ 0xff]), 0, 1, 1000);
    closeSync(fd);
    const bad = await verifyExhibit({ actor: reviewer, exhibitId: r.exhibit.id });
    expect(bad.result).toBe("MISMATCH");
    expect(bad.actual).not.toBe(sha(bytes));
    expect(bad.entry.note).toContain(bad.actual);

    const all = await verifyAllExhibits();
    expect(all.problems).toContainEqual({ number: r.exhibit.number, sha256: sha(bytes), result: "MISMATCH", actual: bad.actual });
    expect(all.checked).toBeGreaterThanOrEqual(all.files);

    // The command line exits 1 and names the exhibit and both hashes.
    const cli = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/casefile.ts", "exhibits:verify"], {
      env: { ...process.env, DATABASE_URL: db.url, CASEFILE_STORAGE_DIR: root },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`${r.exhibit.number} MISMATCH expected ${sha(bytes)} computed ${bad.actual}`);

    unlinkSync(path);
    const gone = await verifyExhibit({ actor: researcher, exhibitId: r.exhibit.id });
    expect(gone).toMatchObject({ result: "MISSING", actual: null });
    await expect(openExhibitStream({ actor: researcher, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "INVALID_STATE" });

    const detail = await getExhibit({ actor: researcher, exhibitId: r.exhibit.id });
    expect(detail.custody.filter((c) => c.kind === "VERIFIED").map((c) => c.result)).toEqual(["MATCH", "MISMATCH", "MISSING"]);
    const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: r.exhibit.id }, orderBy: { seq: "asc" } }))).map((e) => e.action);
    expect(actions).toEqual(["exhibit.create", "exhibit.verify", "exhibit.verify", "exhibit.verify"]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // Uploading the original again restores the missing file (same hash, so the same bytes).
    const again = await upload(researcher, bytes, "v.wav");
    expect(again.deduplicated).toBe(true);
    expect((await verifyExhibit({ actor: researcher, exhibitId: r.exhibit.id })).result).toBe("MATCH");
    expect(statSync(path).mode & 0o777).toBe(0o440);
  });

  test("verifying everything with record=true adds a VERIFIED entry per exhibit, audited as the system", async () => {
    const r = await upload(researcher, png(5, 6, 7), "p.png");
    const before = await counts();
    const all = await verifyAllExhibits({ record: true });
    const after = await counts();
    expect(after.custody - before.custody).toBe(all.checked);
    const last = await read((d) => d.custodyEntry.findFirst({ where: { exhibitId: r.exhibit.id, kind: "VERIFIED" } }));
    expect(last).toMatchObject({ result: "MATCH", actorId: "system" });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("who may do what with exhibits", () => {
  test("a legal-team member and a reviewer cannot upload; nothing of their file is kept", async () => {
    const before = await counts();
    const files = storedFiles();
    await expect(upload(legal, pdf("legal"), "l.pdf")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(upload(reviewer, pdf("rev"), "r.pdf")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual(files);
    expect(tempFiles()).toEqual([]);
  });

  test("a legal-team member sees an exhibit only while a linked witness's consent covers legal sharing", async () => {
    const hidden = await createWitness({ actor: researcher, input: { fictional: true } });
    const s = await createStatement({ actor: researcher, input: { witnessId: hidden.id, title: "t", language: "en", originalText: "x" } });
    const r = await upload(researcher, png(44, 44, 44), "hidden.png", { statementId: s.id });
    await expect(getExhibit({ actor: legal, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openExhibitStream({ actor: legal, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyExhibit({ actor: legal, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addCustodyEntry({ actor: legal, exhibitId: r.exhibit.id, input: { kind: "COPIED", who: "x", at: "2024-01-01" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listExhibitsFor({ actor: legal, query: { statementId: s.id } })).toEqual([]);
    const legalAll = await listAllExhibits({ actor: legal, query: { pageSize: "200" } });
    const reviewerAll = await listAllExhibits({ actor: reviewer, query: { pageSize: "200" } });
    expect(legalAll.items.map((e) => e.id)).not.toContain(r.exhibit.id);
    expect(reviewerAll.items.map((e) => e.id)).toContain(r.exhibit.id);
    expect(legalAll.total).toBeLessThan(reviewerAll.total);
    expect((await getExhibit({ actor: reviewer, exhibitId: r.exhibit.id })).number).toBe(r.exhibit.number);

    // Linked as well to a statement whose witness consented: visible, through that link only.
    await upload(researcher, png(44, 44, 44), "same.png", { statementId });
    const seen = await getExhibit({ actor: legal, exhibitId: r.exhibit.id });
    expect(seen.links).toEqual([{ statementId, witnessId: null }]);
    expect((await listExhibitsFor({ actor: legal, query: { statementId } })).map((e) => e.id)).toContain(r.exhibit.id);
  });

  test("a signed-out visitor cannot upload, list, read, download or verify", async () => {
    const r = await upload(researcher, pdf("signed-out"), "so.pdf");
    await expect(upload(null, pdf("anon"), "a.pdf")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getExhibit({ actor: null, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listExhibitsFor({ actor: null, query: { statementId } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(openExhibitStream({ actor: null, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(verifyExhibit({ actor: null, exhibitId: r.exhibit.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(addCustodyEntry({ actor: null, exhibitId: r.exhibit.id, input: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

// ------------------------------------------------------------------ the HTTP API

const BASE = "http://casefile.test/api/v1";
const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function multipart(parts: ({ name: string; value: string } | { name: string; filename: string; type: string; data: Buffer })[]) {
  const boundary = "----casefile" + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ("data" in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`, "utf8"), p.data, Buffer.from("\r\n"));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`, "utf8"));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function post(body: Buffer | ReadableStream<Uint8Array>, contentType: string, auth: string | null = token, language = "en") {
  const headers: Record<string, string> = { "content-type": contentType, "accept-language": language };
  if (auth) headers.authorization = `Bearer ${auth}`;
  if (Buffer.isBuffer(body)) headers["content-length"] = String(body.length);
  return uploadRoute(new Request(`${BASE}/exhibits`, { method: "POST", headers, body, duplex: "half" } as RequestInit), noParams);
}

describe("the exhibits API", () => {
  test("the OpenAPI document describes the exhibit routes, with the multipart upload", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    for (const p of ["/exhibits", "/exhibits/{id}", "/exhibits/{id}/file", "/exhibits/{id}/custody", "/exhibits/{id}/verify"]) expect(doc.paths).toHaveProperty([p]);
    expect(Object.keys(doc.paths["/exhibits"].post.requestBody!.content)).toEqual(["multipart/form-data"]);
  });

  test("a multipart upload (fields after the file) answers 201 with the exhibit; the file downloads as an attachment with nosniff", async () => {
    const bytes = wav(3, 300);
    const { body, contentType } = multipart([
      { name: "file", filename: "شهادت.wav", type: "audio/mpeg", data: bytes },
      { name: "statementId", value: statementId },
      { name: "description", value: "API upload" },
    ]);
    const res = await post(body, contentType);
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toMatchObject({ deduplicated: false, exhibit: { sha256: sha(bytes), mime: "audio/wav", originalName: "شهادت.wav", description: "API upload" } });

    const again = await post(body, contentType);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ deduplicated: true, linked: false, exhibit: { id: json.exhibit.id } });

    const auth = { authorization: `Bearer ${token}` };
    const dl = await fileRoute(new Request(`${BASE}/exhibits/${json.exhibit.id}/file`, { headers: auth }), idParams(json.exhibit.id));
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("audio/wav");
    expect(dl.headers.get("content-length")).toBe(String(bytes.length));
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect(dl.headers.get("cache-control")).toBe("private, no-store");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="EX-\d{4}\.wav"; filename\*=UTF-8''EX-\d{4}%20/);
    expect(sha(Buffer.from(await dl.arrayBuffer()))).toBe(sha(bytes));

    const inline = await fileRoute(new Request(`${BASE}/exhibits/${json.exhibit.id}/file?inline=1`, { headers: { ...auth, range: "bytes=100-199" } }), idParams(json.exhibit.id));
    expect(inline.status).toBe(206);
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(inline.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(inline.headers.get("x-content-type-options")).toBe("nosniff");
    expect(inline.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await inline.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    // Who opened the evidence is audited: the whole download once; a later byte range is part of the same viewing.
    const downloads = await read((d) => d.auditEvent.findMany({ where: { recordId: json.exhibit.id, action: "exhibit.download" } }));
    expect(downloads).toHaveLength(1);
    expect(JSON.parse(downloads[0].after!)).toMatchObject({ sha256: sha(bytes), range: "whole" });

    const list = await listRoute(new Request(`${BASE}/exhibits?statementId=${statementId}`, { headers: auth }), noParams);
    expect((await list.json()).items.map((e: { id: string }) => e.id)).toContain(json.exhibit.id);
    const all = await (await listRoute(new Request(`${BASE}/exhibits?pageSize=2`, { headers: auth }), noParams)).json();
    expect(all).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(all.items[0].id).toBe(json.exhibit.id); // newest first
    expect((await listRoute(new Request(`${BASE}/exhibits?pageSize=0`, { headers: auth }), noParams)).status).toBe(400);

    const custody = await custodyRoute(
      new Request(`${BASE}/exhibits/${json.exhibit.id}/custody`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ kind: "COPIED", who: "Archivist", at: "2024-02-02T10:00:00Z" }),
      }),
      idParams(json.exhibit.id),
    );
    expect(custody.status).toBe(201);
    const verified = await verifyRoute(new Request(`${BASE}/exhibits/${json.exhibit.id}/verify`, { method: "POST", headers: auth }), idParams(json.exhibit.id));
    expect(await verified.json()).toMatchObject({ result: "MATCH" });
    const detail = await (await exhibitRoute(new Request(`${BASE}/exhibits/${json.exhibit.id}`, { headers: auth }), idParams(json.exhibit.id))).json();
    // In the order things happened: the copy was made before this upload.
    expect(detail.custody.map((c: { kind: string }) => c.kind)).toEqual(["COPIED", "RECEIVED", "VERIFIED"]);
  });

  test("client errors are 400, 401, 403 and 413 with clear messages, never 500, and leave nothing behind", async () => {
    const legalToken = (await createToken({ actor: legal, input: { name: "t" } })).secret;
    const before = await counts();
    const files = storedFiles();
    const expectError = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      const j = await res.json();
      expect(j.error.code).toBe(code);
      return j.error as { message: string; fields?: Record<string, string[]> };
    };
    await expectError(await post(Buffer.from("{}"), "application/json"), 400, "INVALID_INPUT");
    await expectError(await post(Buffer.from("garbage"), "multipart/form-data"), 400, "INVALID_INPUT");
    await expectError(await post(Buffer.from("--x\r\nnot a part"), "multipart/form-data; boundary=x"), 400, "INVALID_INPUT");

    const elf = multipart([{ name: "statementId", value: statementId }, { name: "file", filename: "song.mp3", type: "audio/mpeg", data: ELF }]);
    const refused = await expectError(await post(elf.body, elf.contentType), 400, "INVALID_INPUT");
    expect(refused.message).toContain("application/x-elf");
    expect(refused.message).toMatch(/MP3.*PDF.*JPEG/);
    expect(refused.fields?.file?.[0]).toContain("application/x-elf");

    const noFile = multipart([{ name: "statementId", value: statementId }]);
    expect((await expectError(await post(noFile.body, noFile.contentType), 400, "INVALID_INPUT")).fields).toHaveProperty("file");

    process.env.CASEFILE_MAX_UPLOAD_BYTES = "50000";
    const big = multipart([{ name: "statementId", value: statementId }, { name: "file", filename: "big.wav", type: "audio/wav", data: wav(1, 900) }]);
    await expectError(await post(big.body, big.contentType), 413, "TOO_LARGE");
    // Without a declared length the limit is enforced while streaming.
    await expectError(await post(Readable.toWeb(streamOf(big.body)) as ReadableStream<Uint8Array>, big.contentType), 413, "TOO_LARGE");
    // The limit is given as the reader's language gives a size: no English unit or digits in Persian.
    expect((await expectError(await post(big.body, big.contentType), 413, "TOO_LARGE")).fields?.file).toEqual(["The file is larger than the limit of 48.8 KB."]);
    const bigFa = (await expectError(await post(Readable.toWeb(streamOf(big.body)) as ReadableStream<Uint8Array>, big.contentType, token, "fa"), 413, "TOO_LARGE")).fields?.file?.[0];
    expect(bigFa).toContain("۴۸٫۸ کیلوبایت");
    expect(bigFa).not.toMatch(/[A-Za-z0-9]/);
    delete process.env.CASEFILE_MAX_UPLOAD_BYTES;

    // A body that stops half-way, as when the browser tab is closed.
    const cut = multipart([{ name: "statementId", value: statementId }, { name: "file", filename: "cut.wav", type: "audio/wav", data: wav(4, 901) }]);
    const half = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(cut.body.subarray(0, 200_000)));
        c.error(new Error("client went away"));
      },
    });
    await expectError(await post(half, cut.contentType), 400, "INVALID_INPUT");

    // (A request with no credentials at all reads the session cookie, which needs Next's request
    // scope; the e2e suite covers that. A token that is not valid is refused the same way.)
    await expectError(await post(elf.body, elf.contentType, "cf_not-a-token"), 401, "UNAUTHENTICATED");
    const ok = multipart([{ name: "statementId", value: statementId }, { name: "file", filename: "ok.pdf", type: "application/pdf", data: pdf("legal-api") }]);
    await expectError(await post(ok.body, ok.contentType, legalToken), 403, "FORBIDDEN");

    // Field errors come back in the language the client asks for.
    const unlinked = multipart([{ name: "file", filename: "x.pdf", type: "application/pdf", data: pdf("fa") }]);
    const fa = await uploadRoute(
      new Request(`${BASE}/exhibits`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": unlinked.contentType, "accept-language": "fa" }, body: unlinked.body }),
      noParams,
    );
    expect((await expectError(fa, 400, "INVALID_INPUT")).fields?.statementId?.[0]).toMatch(/[\u0600-\u06ff]/);

    expect(await counts()).toEqual(before);
    expect(storedFiles()).toEqual(files);
    expect(tempFiles()).toEqual([]);

    const anon = await fileRoute(new Request(`${BASE}/exhibits/x/file`, { headers: { authorization: "Bearer cf_nope" } }), idParams("x"));
    expect(anon.status).toBe(401);
    const missing = await fileRoute(new Request(`${BASE}/exhibits/x/file`, { headers: { authorization: `Bearer ${token}` } }), idParams("x"));
    expect(missing.status).toBe(404);
  });
});
