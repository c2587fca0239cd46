import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";
import { DOCUMENT_NAME } from "./export";

// Where an export is read from: a ZIP, a directory holding casefile-export.json and files/, or
// a bare casefile-export.json (its files, if any, in files/ beside it).

export type ExportSource = {
  /** casefile-export.json as a stream of bytes, from its start (each call opens it again). */
  document(): Promise<Readable>;
  /** A stream of one exhibit file, or null when the export does not contain it. */
  file(path: string): Promise<Readable | null>;
  close(): void;
};

async function zipSource(path: string): Promise<ExportSource> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (e) {
    throw new AppError("INVALID_INPUT", `${path} is not a readable ZIP file (${e instanceof Error ? e.message : String(e)}).`);
  }
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    // A damaged archive, or an entry named like a path out of it ("../x", "/x"): yauzl says which.
    zip.on("error", (e: Error) => reject(new AppError("INVALID_INPUT", `${path} is not a readable ZIP file (${e.message}). Nothing was written.`)));
    zip.readEntry();
  }).catch((e) => {
    zip.close();
    throw e;
  });
  const open = async (name: string) => {
    const e = entries.get(name);
    return e ? zip.openReadStreamPromise(e) : null;
  };
  return {
    async document() {
      const entry = entries.get(DOCUMENT_NAME);
      if (!entry) throw new AppError("INVALID_INPUT", `${path} does not contain ${DOCUMENT_NAME}; it is not a Casefile export.`);
      return zip.openReadStreamPromise(entry);
    },
    file: open,
    close: () => zip.close(),
  };
}

function dirSource(dir: string, documentPath: string): ExportSource {
  return {
    async document() {
      const s = await stat(documentPath).catch(() => null);
      if (!s?.isFile()) throw new AppError("INVALID_INPUT", `${documentPath} cannot be read; it is not a Casefile export.`);
      return createReadStream(documentPath);
    },
    async file(path: string) {
      const full = join(dir, path);
      const s = await stat(full).catch(() => null);
      return s?.isFile() ? createReadStream(full) : null;
    },
    close() {},
  };
}

export async function openExport(path: string): Promise<ExportSource> {
  const s = await stat(path).catch(() => null);
  if (!s) throw new AppError("NOT_FOUND", `${path} does not exist.`);
  if (s.isDirectory()) return dirSource(path, join(path, DOCUMENT_NAME));
  const head = Buffer.alloc(4);
  const { open } = await import("node:fs/promises");
  const fh = await open(path, "r");
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt32LE(0) === 0x04034b50) return zipSource(path);
  return dirSource(dirname(path), path);
}
