import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { read, write } from "@/lib/db/write";
import { runnerGone } from "@/lib/jobs/runner";
import { AppError } from "@/lib/errors";
import { cleanFileName } from "@/lib/exhibits/shared";
import { storageRoot, uploadChunks } from "@/lib/exhibits/storage";
import { humanBytes } from "@/lib/exhibits/format";
import { parseInput, zInteger, zOwnRecord } from "@/lib/validation";
import { IMPORT_KINDS } from "./fields";
import { runImport, type ImportResult } from "./run-import";

// Imports from the web: the uploaded sheet (or ZIP) is streamed to disk under the exhibit
// store's imports/ folder, named by its SHA-256, and every dry run and the real run read it
// from there. The upload is never held in memory.
//
// A sheet is kept only while it is needed: a witness sheet holds legal names and contacts in
// clear, which the database itself keeps only encrypted. It is removed once a real run of it has
// completed (its SHA-256 stays on the import jobs), and a sheet not used for a day (a dry run
// never followed, a run refused or interrupted and not taken up again) is removed at the next
// upload; one refused before any import was recorded for it, at once. A sheet still being read by
// a run is never removed.

export const DEFAULT_MAX_IMPORT_BYTES = 4 * 1024 * 1024 * 1024;

export function maxImportBytes(): number {
  const n = Number(process.env.CASEFILE_MAX_IMPORT_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_IMPORT_BYTES;
}

const SHA = /^[0-9a-f]{64}$/;
export function uploadPath(sha256: string, root = storageRoot()): string {
  if (!SHA.test(sha256)) throw new Error("not a SHA-256 hex digest");
  return join(root, "imports", sha256);
}

/** How long a stored sheet is kept after its last use when no real run of it completes. */
export const UNUSED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a run of the sheet `sha256` is underway: one whose process is gone is not, nor one
 * still PENDING (no process has taken it up yet) after a day.
 */
async function inUse(sha256: string, now = Date.now()): Promise<boolean> {
  const jobs = await read((db) =>
    db.importJob.findMany({ where: { fileSha256: sha256, status: { in: ["PENDING", "CHECKING", "RUNNING"] } }, select: { status: true, runner: true, createdAt: true } }),
  );
  return jobs.some((j) => (j.status === "PENDING" ? now - j.createdAt.getTime() <= UNUSED_UPLOAD_MS : !runnerGone(j.runner)));
}

/** Removes the stored sheet `sha256`, unless a run is reading it. */
export async function releaseUpload(sha256: string, root = storageRoot()): Promise<boolean> {
  if (await inUse(sha256)) return false;
  await rm(uploadPath(sha256, root), { force: true });
  return true;
}

/** Removes the stored sheets (and unfinished uploads) last used more than UNUSED_UPLOAD_MS ago. */
export async function sweepUploads(root = storageRoot(), now = Date.now()): Promise<number> {
  const dir = join(root, "imports");
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const at = await stat(join(dir, name)).catch(() => null);
    if (!at?.isFile() || now - at.mtimeMs <= UNUSED_UPLOAD_MS) continue;
    if (SHA.test(name) ? await releaseUpload(name, root) : name.endsWith(".part") && (await rm(join(dir, name), { force: true }), true)) removed++;
  }
  return removed;
}

/** Streams an upload to imports/<sha256>; the same file uploaded twice is kept once. */
export async function storeUpload(input: Readable, root = storageRoot(), maxBytes = maxImportBytes()): Promise<{ sha256: string; size: number; path: string }> {
  const dir = join(root, "imports");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await sweepUploads(root).catch(() => undefined);
  const tmp = join(dir, `${randomUUID()}.part`);
  const fh = await open(tmp, "wx", 0o600);
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const b of uploadChunks(input)) {
      size += b.length;
      if (size > maxBytes) throw new AppError("TOO_LARGE", `The file is larger than the import limit of ${humanBytes(maxBytes)}. Nothing was written.`, { file: [`file_too_large:${maxBytes}`] });
      hash.update(b);
      await fh.write(b);
    }
    if (size === 0) throw new AppError("INVALID_INPUT", "The file is empty. Nothing was written.", { file: ["import_file_empty"] });
    await fh.sync();
    await fh.close();
    const sha256 = hash.digest("hex");
    const path = uploadPath(sha256, root);
    await rename(tmp, path);
    return { sha256, size, path };
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    input.destroy();
    throw e;
  }
}

// Keys are the sheet's headers, which may be any text, "__proto__" included (zOwnRecord).
const zMapping = zOwnRecord(z.string().max(300), z.string().max(100), "import_mapping_invalid");
const zEdits = z.record(z.string().regex(/^\d+$/), zOwnRecord(z.string().max(300), z.string().max(200_000), "import_edits_invalid"));
const jsonField = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() ? JSON.parse(v) : v === "" ? undefined : v), schema.optional());

export const ZStartImport = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "invalid_choice" }),
  template: z.string().trim().max(100).optional().transform((s) => s || undefined),
  mapping: jsonField(zMapping),
});

export const ZRunImport = z.object({
  dryRun: z.boolean().default(true),
  mapping: zMapping.optional(),
  template: z.string().trim().max(100).optional(),
  edits: zEdits.optional(),
  batchSize: zInteger((n) => n.min(1, { error: "invalid_number" }).max(1_000_000, { error: "too_large:1000000" })).optional(),
  skipRefused: z.boolean().default(false),
});

/** POST /imports: store the upload and dry-run it. */
export async function uploadAndCheck({ actor, file, fields }: { actor: Actor | null; file: { stream: Readable; name: string }; fields: Promise<Record<string, string>> | Record<string, string> }): Promise<ImportResult> {
  authorize(actor, "import.run");
  const stored = await storeUpload(file.stream);
  try {
    let data: z.infer<typeof ZStartImport>;
    try {
      data = parseInput(ZStartImport, await fields);
    } catch (e) {
      if (e instanceof SyntaxError)
        throw new AppError("INVALID_INPUT", "The mapping is not valid JSON: send an object from each column's header to a field name.", { mapping: ["import_mapping_invalid"] });
      throw e;
    }
    return await runImport({ actor, path: stored.path, fileName: cleanFileName(file.name), kind: data.kind, mapping: data.mapping, templateName: data.template, dryRun: true });
  } catch (e) {
    await forgetRefusedUpload(stored.sha256);
    throw e;
  }
}

/**
 * An upload refused before any import was recorded for it (the form's fields wrong, a JSON file, an
 * unknown template) is removed at once rather than at a sweep a day later: a witness sheet holds
 * names in clear. One an import refers to stays, to be run again with a corrected mapping; so does
 * the same file uploaded by someone else and recorded meanwhile.
 */
async function forgetRefusedUpload(sha256: string): Promise<void> {
  const recorded = await read((db) => db.importJob.count({ where: { fileSha256: sha256 } })).catch(() => 1);
  if (recorded === 0) await rm(uploadPath(sha256), { force: true }).catch(() => undefined);
}

/**
 * POST /imports/{id}/run: another dry run of the same file (changed mapping, fixed cells), or
 * the real run. The real run is started and answered at once with its job id; its progress and
 * report are read with GET /imports/{id}.
 */
export async function rerunImport({ actor, jobId, input }: { actor: Actor | null; jobId: string; input: unknown }): Promise<ImportResult | { jobId: string; status: string }> {
  authorize(actor, "import.run");
  const data = parseInput(ZRunImport, input ?? {});
  const job = await read((db) => db.importJob.findUnique({ where: { id: jobId } }));
  if (!job || !can(actor, "import.run", { creatorId: job.createdById })) throw new AppError("NOT_FOUND", "No such import.");
  const path = uploadPath(job.fileSha256);
  if (!(await stat(path).catch(() => null)))
    throw new AppError("NOT_FOUND", "The uploaded file is no longer kept on the server (it is removed once imported, or after a day unused); upload it again.", { file: ["import_file_gone"] });
  // A day unused counts from the last run.
  await utimes(path, new Date(), new Date()).catch(() => undefined);
  const opts = { actor, path, fileName: job.fileName, kind: job.kind, mapping: data.mapping, templateName: data.template, edits: data.edits, batchSize: data.batchSize, skipRefused: data.skipRefused };
  if (data.dryRun) return runImport({ ...opts, dryRun: true });
  const created = await write((tx) =>
    tx.importJob.create({ data: { kind: job.kind, format: job.format, fileName: job.fileName, fileSha256: job.fileSha256, dryRun: false, status: "PENDING", createdById: actor.id } }),
  );
  // Runs on after the answer; failures are recorded on the job (status FAILED, error). Once
  // completed the sheet is no longer needed (an interrupted run keeps it, to be run again).
  void runImport({ ...opts, dryRun: false, jobId: created.id })
    .then((r) => (r.status === "COMPLETED" ? releaseUpload(job.fileSha256) : false))
    .catch(() => undefined);
  return { jobId: created.id, status: "PENDING" };
}
