import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { humanBytes } from "./format";
import { ALLOWED_DESCRIPTION, detectType, SNIFF_BYTES, textChecker, type TextChecker } from "./detect-type";

// Exhibit files live outside anything the web server serves (not under public/ or .next/),
// one file per content hash: <root>/<first two hex digits>/<sha256>. The stored file is the
// evidentiary original: written once, read-only, never rewritten. Uploads go to <root>/tmp
// first and are renamed into place only when complete, hashed and of an accepted type, so a
// failed or interrupted upload never leaves a file where a stored one would be.

export const DEFAULT_STORAGE_DIR = "./data/exhibits";
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
const SHA256 = /^[0-9a-f]{64}$/;

// The files under the storage directory are data, not code: each path built at run time is marked
// turbopackIgnore so that the build does not trace (and warn about) the whole project for it. The
// same mark is on the export directory's, the import's temporary files' and the reader's extension.
export function storageRoot(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.CASEFILE_STORAGE_DIR || DEFAULT_STORAGE_DIR);
}

export function maxUploadBytes(): number {
  const raw = process.env.CASEFILE_MAX_UPLOAD_BYTES;
  if (!raw) return DEFAULT_MAX_UPLOAD_BYTES;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) {
    console.warn(`[casefile] CASEFILE_MAX_UPLOAD_BYTES=${JSON.stringify(raw)} is not a positive whole number; using ${DEFAULT_MAX_UPLOAD_BYTES}`);
    return DEFAULT_MAX_UPLOAD_BYTES;
  }
  return n;
}

export { humanBytes };

export function blobPath(sha256: string, root = storageRoot()): string {
  // The hash comes from our own database, but a path is built from it: refuse anything else.
  if (!SHA256.test(sha256)) throw new Error("not a SHA-256 hex digest");
  return join(/*turbopackIgnore: true*/ root, sha256.slice(0, 2), sha256);
}

export type TempFile = { tmpPath: string; sha256: string; size: number; mime: string; root: string };
export type StoredFile = { sha256: string; size: number; mime: string; path: string; created: boolean };
export type StoreOptions = { maxBytes?: number; root?: string };

export function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", `The file is larger than the limit of ${humanBytes(maxBytes)}. Nothing was saved.`, {
    // The limit in bytes: the reader's language says it as a size (fieldErrorMessage).
    file: [`file_too_large:${maxBytes}`],
  });
}

function refusedType(mime: string): AppError {
  return new AppError("INVALID_INPUT", `The file's content is ${mime}, which is not accepted. Accepted: ${ALLOWED_DESCRIPTION}. Nothing was saved.`, {
    file: [`file_type:${mime}`],
  });
}

/** Leftovers of uploads cut short by a crash; anything this old is no upload in progress. */
async function removeStaleTemps(tmpDir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
    if (!name.endsWith(".part")) continue;
    const p = join(tmpDir, name);
    const s = await stat(p).catch(() => null);
    if (s && now - s.mtimeMs > STALE_TEMP_MS) await rm(p, { force: true });
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * The chunks of an uploaded file as they arrive. A body that fails while it is read (cut off,
 * malformed after the file began, the client gone) is the client's mistake: INVALID_INPUT, not
 * an unexpected error.
 */
export async function* uploadChunks(input: Readable): AsyncGenerator<Buffer> {
  const iterator = input[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = await iterator.next();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError("INVALID_INPUT", "The upload was interrupted before the file was complete. Nothing was saved.", { file: ["upload_interrupted"] });
    }
    if (next.done) return;
    yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
  }
}

/**
 * Streams `input` into a temporary file, hashing as it goes and deciding the type from the
 * first bytes. Refuses (and deletes the temporary file) on an over-limit size, a type not
 * accepted, an empty file or a stream that fails; the whole file is never held in memory.
 */
export async function receiveToTemp(input: Readable, opts: StoreOptions = {}): Promise<TempFile> {
  const root = opts.root ?? storageRoot();
  const maxBytes = opts.maxBytes ?? maxUploadBytes();
  const tmpDir = join(root, "tmp");
  await mkdir(tmpDir, { recursive: true, mode: 0o700 });
  await removeStaleTemps(tmpDir);
  const tmpPath = join(tmpDir, `${randomUUID()}.part`);
  const fh = await open(tmpPath, "wx", 0o600);
  const hash = createHash("sha256");
  let size = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  // Set once the first bytes have been looked at (an object: TypeScript does not follow
  // assignments made inside the closure below).
  const found: { mime: string | null; text: TextChecker | null } = { mime: null, text: null };

  const decide = async (complete: boolean): Promise<void> => {
    const detected = await detectType(Buffer.concat(head, headSize), complete);
    if (!detected.allowed) throw refusedType(detected.mime);
    found.mime = detected.mime;
    if (detected.mime === "text/plain") {
      const checker = textChecker();
      for (const b of head) if (!checker.push(b)) throw refusedType("application/octet-stream");
      found.text = checker;
    }
    head = [];
  };

  try {
    for await (const chunk of uploadChunks(input)) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      if (found.mime === null) {
        head.push(chunk);
        headSize += chunk.length;
        if (headSize >= SNIFF_BYTES) await decide(false);
      } else if (found.text && !found.text.push(chunk)) {
        throw refusedType("application/octet-stream");
      }
      await fh.write(chunk);
    }
    if (size === 0) throw new AppError("INVALID_INPUT", "The file is empty. Nothing was saved.", { file: ["file_empty"] });
    if (found.mime === null) await decide(true);
    if (found.text && !found.text.end()) throw refusedType("application/octet-stream");
    // On disk before anyone is told it was saved.
    await fh.sync();
    await fh.close();
    await chmod(tmpPath, 0o440);
    return { tmpPath, sha256: hash.digest("hex"), size, mime: found.mime as string, root };
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmpPath, { force: true });
    // Stop reading: nothing more of this upload will be kept.
    input.destroy();
    throw e;
  }
}

export async function discardTemp(tmp: TempFile): Promise<void> {
  await rm(tmp.tmpPath, { force: true });
}

/**
 * Moves a received file into place. With `replace: false` an existing stored file of the same
 * hash is kept and the temporary one dropped (it holds the same bytes). `replace: true` is for
 * a file on disk that no database row accounts for, e.g. one left by a crash: the freshly
 * hashed copy takes its place.
 */
export async function placeTemp(tmp: TempFile, { replace = false }: { replace?: boolean } = {}): Promise<StoredFile> {
  const path = blobPath(tmp.sha256, tmp.root);
  const dir = join(tmp.root, tmp.sha256.slice(0, 2));
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const exists = await stat(/*turbopackIgnore: true*/ path).then(
    () => true,
    () => false,
  );
  if (exists && !replace) {
    await discardTemp(tmp);
    return { sha256: tmp.sha256, size: tmp.size, mime: tmp.mime, path, created: false };
  }
  await rename(tmp.tmpPath, path);
  await fsyncDir(dir);
  return { sha256: tmp.sha256, size: tmp.size, mime: tmp.mime, path, created: true };
}

/** receiveToTemp + placeTemp: stream a file into storage by its hash. */
export async function storeStream(input: Readable, opts: StoreOptions = {}): Promise<StoredFile> {
  const tmp = await receiveToTemp(input, opts);
  try {
    return await placeTemp(tmp);
  } finally {
    await discardTemp(tmp);
  }
}

/** Deletes a stored file. Only for a file that was stored moments ago and that no row uses. */
export async function removeStoredFile(sha256: string, root = storageRoot()): Promise<void> {
  await unlink(blobPath(sha256, root)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
}

export type FileCheck = { result: "MATCH" | "MISMATCH" | "MISSING"; actual: string | null; size: number | null };

/** Recomputes a stored file's hash by streaming it. */
export async function checkStoredFile(sha256: string, root = storageRoot()): Promise<FileCheck> {
  const path = blobPath(sha256, root);
  const s = await stat(/*turbopackIgnore: true*/ path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw e;
  });
  if (!s || !s.isFile()) return { result: "MISSING", actual: null, size: null };
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(/*turbopackIgnore: true*/ path)) hash.update(chunk as Buffer);
  const actual = hash.digest("hex");
  return { result: actual === sha256 ? "MATCH" : "MISMATCH", actual, size: s.size };
}

/** A read stream over a stored file, or over a byte range of it. Null when the file is missing. */
export async function openStoredFile(sha256: string, range?: { start: number; end: number }, root = storageRoot()) {
  const path = blobPath(sha256, root);
  const s = await stat(/*turbopackIgnore: true*/ path).catch(() => null);
  if (!s || !s.isFile()) return null;
  return { size: s.size, stream: createReadStream(/*turbopackIgnore: true*/ path, range ? { start: range.start, end: range.end } : {}) };
}

