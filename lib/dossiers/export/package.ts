import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Actor } from "@/lib/auth/actor";
import type { ExportedEvent } from "@/lib/audit/export-log";
import { hashingTap, sha256OfFile } from "@/lib/crypto/file-hash";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { extensionFor } from "@/lib/exhibits/download";
import { blobPath, storageRoot } from "@/lib/exhibits/storage";
import type { ExportContent, ExportExhibit } from "./content";
import { printDossierPdf } from "./pdf";
import { exportsRoot, packagePath, partPath, workDir } from "./paths";
import { readmeText } from "./readme";

// Builds the package: a ZIP streamed to <exports>/<exportId>.zip.part and renamed into place
// only when complete. Exhibit files are streamed from the store and re-hashed on the way in;
// one that no longer matches its recorded SHA-256 (or is missing) stops the export, and the
// partial file is deleted. Nothing of an exhibit is held in memory beyond a stream's buffer.

export const PACKAGE_FORMAT = "casefile-dossier-package/1";

export { exportsRoot, packagePath, partPath, workDir };

/** Removes whatever an unfinished export left behind. */
export async function removeLeftovers(exportId: string, root = exportsRoot()): Promise<void> {
  await rm(partPath(exportId, root), { force: true });
  await rm(workDir(exportId, root), { recursive: true, force: true });
}

export type ManifestFile = {
  path: string;
  sha256: string;
  size: number;
  exhibitNumber: string | null;
  record: { type: "Dossier" | "Exhibit" | "Export"; id: string } | null;
};

export type Manifest = {
  format: typeof PACKAGE_FORMAT;
  dossier: { id: string; title: string; subjectType: string; subject: ExportContent["dossier"]["subject"] };
  export: { id: string; exportedAt: string; exporter: { id: string; email: string; name: string } };
  counts: { statements: number; notVerified: number; exhibits: number; sources: number; files: number; auditEvents: number; revealedWitnesses: number };
  excluded: { count: number; reasons: Record<string, number>; exhibitNumbers: string[] };
  statements: { exhibitNumber: string; id: string; revision: number; status: string; witnessCode: string; grading: string | null; citations: number }[];
  sources: { exhibitNumber: string; id: string; title: string }[];
  files: ManifestFile[];
};

export type Progress = (phase: string, done: number, total: number) => Promise<void>;

export class ExhibitCheckError extends AppError {
  constructor(
    readonly exhibitNumber: string,
    readonly result: "MISMATCH" | "MISSING",
  ) {
    super(
      "INVALID_STATE",
      result === "MISSING"
        ? `The stored file of exhibit ${exhibitNumber} is missing. The export was stopped and no package was kept.`
        : `The stored file of exhibit ${exhibitNumber} no longer matches its recorded SHA-256. The export was stopped and no package was kept.`,
      undefined,
      { exhibitNumber, result },
    );
  }
}

/** A readable name for the file inside the package: CF-0003-original-name.pdf */
export function exhibitFileName(e: Pick<ExportExhibit, "exhibitNumber" | "originalName" | "mime">): string {
  const ext = extensionFor(e.mime);
  const base = e.originalName
    .replace(/\.[^.]{1,8}$/, "")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}_-]+/gu, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `exhibits/${e.exhibitNumber}${base ? `-${base}` : ""}.${ext}`;
}

/** The audit events of the records a package includes, in chain order, written as JSON Lines. */
async function writeAuditEvents(content: ExportContent, outPath: string): Promise<number> {
  const ids = new Set<string>([content.dossier.id]);
  const witnessIds = new Set<string>();
  for (const it of content.items) {
    ids.add(it.id);
    if (it.kind === "STATEMENT") {
      for (const l of it.links) ids.add(l.id);
      witnessIds.add(it.witness.id);
    }
  }
  const all = [...ids];
  const rows: ExportedEvent[] = [];
  const push = (r: { seq: number; at: Date; actorId: string | null; actorLabel: string; action: string; recordType: string; recordId: string; before: string | null; after: string | null; prevHash: string; hash: string }) =>
    rows.push({ seq: r.seq, at: r.at.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel, action: r.action, recordType: r.recordType, recordId: r.recordId, before: r.before, after: r.after, prevHash: r.prevHash, hash: r.hash });
  for (let i = 0; i < all.length; i += 400) {
    const chunk = all.slice(i, i + 400);
    for (const r of await read((db) => db.auditEvent.findMany({ where: { recordId: { in: chunk }, NOT: { recordType: "Witness" } } }))) push(r);
  }
  // Of a witness only the structured events (creation, consent); a reveal's free-text reason stays out.
  const wids = [...witnessIds];
  for (let i = 0; i < wids.length; i += 400) {
    const chunk = wids.slice(i, i + 400);
    for (const r of await read((db) => db.auditEvent.findMany({ where: { recordType: "Witness", recordId: { in: chunk }, action: { in: ["witness.create", "consent.grant", "consent.withdraw"] } } }))) push(r);
  }
  rows.sort((a, b) => a.seq - b.seq);
  const seen = new Set<number>();
  const out = createWriteStream(outPath, { mode: 0o600 });
  let n = 0;
  for (const e of rows) {
    if (seen.has(e.seq)) continue;
    seen.add(e.seq);
    if (!out.write(JSON.stringify(e) + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
    n++;
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return n;
}

/** Hashes what passes and checks it at the end against the recorded digest. */
function checkingStream(source: Readable, expected: string, exhibitNumber: string, onError: (e: Error) => void, onDone: () => void): Transform {
  const h = createHash("sha256");
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      h.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      if (h.digest("hex") !== expected) {
        const err = new ExhibitCheckError(exhibitNumber, "MISMATCH");
        cb(err);
        onError(err);
        return;
      }
      cb();
      onDone();
    },
  });
  // The failure is reported through onError (which stops the export); yazl does not listen.
  t.on("error", () => undefined);
  source.on("error", (e: NodeJS.ErrnoException) => {
    const err = e.code === "ENOENT" ? new ExhibitCheckError(exhibitNumber, "MISSING") : e;
    t.destroy(err);
    onError(err);
  });
  return source.pipe(t);
}

export type BuildResult = { path: string; fileName: string; sha256: string; size: number; manifest: Manifest };

/**
 * Writes the whole package for `content`. Throws (after removing every partial file) on any
 * failure; an ExhibitCheckError names the exhibit whose stored file did not match.
 */
export async function buildPackage({
  content,
  exportId,
  exporter,
  exportedAt,
  progress,
  root = exportsRoot(),
  exhibitRoot = storageRoot(),
}: {
  content: ExportContent;
  exportId: string;
  exporter: Actor;
  exportedAt: Date;
  progress: Progress;
  root?: string;
  exhibitRoot?: string;
}): Promise<BuildResult> {
  const work = workDir(exportId, root);
  const part = partPath(exportId, root);
  const final = packagePath(exportId, root);
  await mkdir(work, { recursive: true, mode: 0o700 });
  await mkdir(dirname(part), { recursive: true, mode: 0o700 });
  const at = exportedAt.toISOString();
  const exhibits = content.items.filter((i): i is ExportExhibit => i.kind === "EXHIBIT");
  const statements = content.items.filter((i) => i.kind === "STATEMENT");
  const sources = content.items.filter((i) => i.kind === "SOURCE");
  const total = exhibits.length + 4; // pdf, each exhibit, audit events, the small files, finishing
  let done = 0;
  let out: WriteStream | null = null;
  let zip: ZipFile | null = null;

  try {
    // Every exhibit is there before anything is built: a missing file stops the export at once.
    for (const e of exhibits) {
      const s = await stat(blobPath(e.sha256, exhibitRoot)).catch(() => null);
      if (!s || !s.isFile()) throw new ExhibitCheckError(e.exhibitNumber, "MISSING");
    }
    const files: ManifestFile[] = [];
    const exhibitFiles = exhibits.map((e) => ({ e, path: exhibitFileName(e) }));

    await progress("pdf", done, total);
    const pdfPath = join(work, "dossier.pdf");
    await printDossierPdf(content, { exportId, exportedAt: at, exporter: `${exporter.name} <${exporter.email}>`, packageFiles: exhibitFiles.map((x) => ({ path: x.path, exhibitNumber: x.e.exhibitNumber })) }, pdfPath);
    const pdf = await sha256OfFile(pdfPath);
    files.push({ path: "dossier.pdf", ...pdf, exhibitNumber: null, record: { type: "Dossier", id: content.dossier.id } });
    await progress("pdf", ++done, total);

    await progress("audit", done, total);
    const auditPath = join(work, "audit-events.jsonl");
    const auditEvents = await writeAuditEvents(content, auditPath);
    const audit = await sha256OfFile(auditPath);
    await progress("audit", ++done, total);

    const verifier = await readFile(join(process.cwd(), "lib", "dossiers", "verify-package.mjs"));
    const readme = Buffer.from(readmeText({ dossierId: content.dossier.id, exportId, exportedAt: at }), "utf8");
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

    zip = new ZipFile();
    const tap = hashingTap();
    out = createWriteStream(part, { mode: 0o600 });
    let failed: Error | null = null;
    let rejectBuild: (e: Error) => void = () => undefined;
    const fail = (e: Error) => {
      if (failed) return;
      failed = e;
      rejectBuild(e);
    };
    const finished = new Promise<void>((res, rej) => {
      rejectBuild = rej;
      zip!.on("error", fail);
      out!.on("error", fail);
      out!.on("finish", () => res());
    });
    zip.outputStream.pipe(tap.stream).pipe(out);

    const mtime = exportedAt;
    zip.addFile(pdfPath, "dossier.pdf", { mtime, mode: 0o100644, compress: true });
    for (const { e, path } of exhibitFiles) {
      files.push({ path, sha256: e.sha256, size: e.size, exhibitNumber: e.exhibitNumber, record: { type: "Exhibit", id: e.id } });
      // Media and documents are compressed already: stored as they are, which also keeps a
      // gigabyte of video from costing minutes of CPU.
      zip.addReadStreamLazy(path, { mtime, mode: 0o100644, compress: false, size: e.size }, (cb) => {
        if (failed) return; // the export is being abandoned: add nothing more
        const source = createReadStream(blobPath(e.sha256, exhibitRoot));
        cb(null, checkingStream(source, e.sha256, e.exhibitNumber, fail, () => {
          done++;
          void progress("exhibits", done, total).catch(() => undefined);
        }));
      });
    }
    zip.addFile(auditPath, "audit-events.jsonl", { mtime, mode: 0o100644 });
    files.push({ path: "audit-events.jsonl", ...audit, exhibitNumber: null, record: { type: "Export", id: exportId } });
    zip.addBuffer(readme, "README.txt", { mtime, mode: 0o100644 });
    files.push({ path: "README.txt", sha256: sha(readme), size: readme.length, exhibitNumber: null, record: null });
    zip.addBuffer(verifier, "verify.mjs", { mtime, mode: 0o100755 });
    files.push({ path: "verify.mjs", sha256: sha(verifier), size: verifier.length, exhibitNumber: null, record: null });
    done++;

    const reasons: Record<string, number> = {};
    for (const x of content.excluded) reasons[x.reason] = (reasons[x.reason] ?? 0) + 1;
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      dossier: { id: content.dossier.id, title: content.dossier.title, subjectType: content.dossier.subjectType, subject: content.dossier.subject },
      export: { id: exportId, exportedAt: at, exporter: { id: exporter.id, email: exporter.email, name: exporter.name } },
      counts: {
        statements: statements.length,
        notVerified: statements.filter((s) => s.kind === "STATEMENT" && s.status !== "VERIFIED").length,
        exhibits: exhibits.length,
        sources: sources.length,
        files: files.length,
        auditEvents,
        revealedWitnesses: content.revealed.length,
      },
      excluded: { count: content.excluded.length, reasons, exhibitNumbers: content.excluded.map((x) => x.exhibitNumber) },
      statements: statements.flatMap((s) =>
        s.kind === "STATEMENT"
          ? [{ exhibitNumber: s.exhibitNumber, id: s.id, revision: s.revisionNumber, status: s.status, witnessCode: s.witness.code, grading: s.grading?.sourceReliability && s.grading.credibility ? `${s.grading.sourceReliability}${s.grading.credibility}` : null, citations: s.links.length }]
          : [],
      ),
      sources: sources.flatMap((s) => (s.kind === "SOURCE" ? [{ exhibitNumber: s.exhibitNumber, id: s.id, title: s.title }] : [])),
      files,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8"), "manifest.json", { mtime, mode: 0o100644 });
    zip.end();
    await finished;
    if (failed) throw failed;
    await progress("finishing", ++done, total);
    await rename(part, final);
    await rm(work, { recursive: true, force: true });
    return { path: final, fileName: `${exportId}.zip`, ...tap.digest(), manifest };
  } catch (e) {
    if (zip) zip.outputStream.unpipe();
    if (out) await new Promise<void>((r) => out!.destroy(undefined as unknown as Error).once("close", () => r()));
    await removeLeftovers(exportId, root);
    await rm(final, { force: true });
    throw e;
  }
}

