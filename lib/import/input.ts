import "server-only";
import { open as openFile } from "node:fs/promises";
import { posix } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import yauzl from "yauzl";
import { AppError } from "@/lib/errors";
import { sha256OfFile } from "@/lib/crypto/file-hash";
import { humanBytes } from "@/lib/exhibits/format";

// Reading what the user gave us: a CSV file, or a ZIP holding one CSV and the files its rows
// name. Everything is streamed: the CSV is decoded and parsed as it is read, and a ZIP's files
// are opened one at a time when they are needed. Nothing here writes anything.

export type InputFormat = "CSV" | "ZIP" | "JSON";

/** The SHA-256 of a file on disk, streamed. */
export async function sha256File(path: string): Promise<string> {
  return (await sha256OfFile(path)).sha256;
}

/** ZIP by its signature, JSON by its first character, anything else is taken for CSV. */
export async function sniffFormat(path: string): Promise<InputFormat> {
  const fh = await openFile(path, "r");
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return "ZIP";
    const text = head.toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
    if (text.startsWith("{")) return "JSON";
    return "CSV";
  } finally {
    await fh.close();
  }
}

/** A whole-file refusal: nothing was written; the message key says what to do. */
export function fileRefusal(key: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError("INVALID_INPUT", message, { file: [key] }, details);
}

const ENCODING_HELP = "Save the sheet as “CSV UTF-8” and import it again. Nothing was written.";

// What one import reads of a sheet. Everything read is planned and reported in memory, and a
// ZIP's CSV can expand far beyond the upload (a few MB of ZIP can hold gigabytes of text), so
// the text, the rows and each row are bounded; past a bound the file is refused, naming it.

/** The largest row: far above what a valid row holds (a text field takes at most 200,000 characters). */
export const MAX_ROW_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_SHEET_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_SHEET_ROWS = 100_000;

function positiveEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}
/** The most text (in bytes, after a ZIP is unpacked) an import reads of its sheet. */
export const maxSheetBytes = () => positiveEnv("CASEFILE_MAX_IMPORT_SHEET_BYTES", DEFAULT_MAX_SHEET_BYTES);
/** The most data rows (after the header) one import takes. */
export const maxSheetRows = () => positiveEnv("CASEFILE_MAX_IMPORT_ROWS", DEFAULT_MAX_SHEET_ROWS);

export type SheetLimits = { maxBytes: number; maxRows: number; maxRowBytes: number };
const sheetLimits = (): SheetLimits => ({ maxBytes: maxSheetBytes(), maxRows: maxSheetRows(), maxRowBytes: MAX_ROW_BYTES });

/**
 * Decodes the bytes as UTF-8 (a byte-order mark is dropped), refusing UTF-16 and anything that
 * is not valid UTF-8 — typically a sheet saved by Excel in Windows-1256 (Arabic) — with a
 * message that says to save as UTF-8.
 */
export async function* decodeUtf8(input: AsyncIterable<Buffer | Uint8Array>, maxBytes = Infinity): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let first = true;
  let offset = 0;
  let lines = 1; // the line the next chunk starts on
  for await (const raw of input) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (first && chunk.length) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw fileRefusal("import_encoding_utf16", `The file is in UTF-16, not UTF-8. ${ENCODING_HELP}`);
      }
      // UTF-16 without a byte-order mark: every other byte of Latin text is zero.
      const sample = chunk.subarray(0, 512);
      let zeros = 0;
      for (const b of sample) if (b === 0) zeros++;
      if (sample.length >= 4 && zeros * 4 >= sample.length) throw fileRefusal("import_encoding_utf16", `The file is in UTF-16, not UTF-8. ${ENCODING_HELP}`);
    }
    if (offset + chunk.length > maxBytes) {
      const limit = humanBytes(maxBytes);
      throw fileRefusal(`import_sheet_too_large:${maxBytes}`, `The sheet is larger than ${limit}. Split it into several files and import them one after another. Nothing was written.`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const highBytes = [...chunk].filter((b) => b >= 0xc0).length;
      const at = firstInvalidByte(chunk);
      const line = lines + countNewlines(chunk.subarray(0, at));
      throw fileRefusal(
        "import_encoding_not_utf8",
        `The file is not valid UTF-8 (at byte ${offset + at}, line ${line}${highBytes ? "; it looks like Windows-1256 or another legacy encoding" : ""}). ${ENCODING_HELP}`,
      );
    }
    offset += chunk.length;
    lines += countNewlines(chunk);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw fileRefusal("import_encoding_not_utf8", `The file ends in the middle of a character: it is not valid UTF-8. ${ENCODING_HELP}`);
  }
}

/**
 * Where in `chunk` the first byte sequence that is not UTF-8 begins. The longest prefix a decoder
 * in stream mode accepts is found by halving (a prefix that fails, fails when longer; one ending
 * in a cut character passes, as the stream could complete it); the bad sequence then begins at the
 * end of that prefix's last whole character, at most three bytes before. A character begun in the
 * previous chunk is not seen here, so an error at the very start of a chunk is placed at byte 0
 * of it; the line is still the right one.
 */
function firstInvalidByte(chunk: Uint8Array): number {
  const decodes = (n: number, stream: boolean) => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(chunk.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let [lo, hi] = [0, chunk.length]; // decodes(lo) and not decodes(hi), in stream mode
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (decodes(mid, true)) lo = mid;
    else hi = mid;
  }
  for (let k = lo; k >= Math.max(0, lo - 3); k--) if (decodes(k, false)) return k;
  return lo;
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** One record of the sheet: its row number as a spreadsheet shows it (the header is row 1). */
export type SheetRow = { row: number; cells: string[] };

/**
 * The header and then each row, parsed by csv-parse as the text streams in. The delimiter is
 * a comma, or a semicolon or tab when the header has those and no comma.
 */
export async function* readCsv(input: AsyncIterable<Buffer | Uint8Array>, limits: SheetLimits = sheetLimits()): AsyncGenerator<SheetRow> {
  const text = decodeUtf8(input, limits.maxBytes);
  let firstText: string | null = null;
  // Look at the first chunk to choose the delimiter, then hand everything to the parser.
  const head = await text.next();
  if (head.done) throw fileRefusal("import_file_empty", "The file is empty. Nothing was written.");
  firstText = head.value.replace(/^\uFEFF/, "");
  // Lines may end in CR alone (spreadsheets saved as "CSV (Macintosh)").
  const firstLine = firstText.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(",") ? "," : firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: limits.maxRowBytes });
  async function* all() {
    yield firstText!;
    yield* text;
  }
  // pipeline destroys the parser with the decoder's error, so the loop below sees it.
  const feed = pipeline(Readable.from(all(), { objectMode: false }), parser);
  feed.catch(() => undefined);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      // The header is row 1.
      if (row - 1 > limits.maxRows) {
        const max = limits.maxRows.toLocaleString("en");
        throw fileRefusal(`import_too_many_rows:${max}`, `The sheet has more than ${max} rows. Split it into several files and import them one after another. Nothing was written.`);
      }
      yield { row, cells: record };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const err = e as { code?: string; lines?: number; records?: number; message?: string };
    if (err.code === "CSV_MAX_RECORD_SIZE") {
      // Numbered as the rows of the report are (the header is row 1), not by line: a long cell spans lines.
      const at = (err.records ?? 0) + 1;
      const limit = humanBytes(limits.maxRowBytes);
      throw fileRefusal(
        `import_row_too_large:${at}`,
        `Row ${at} is larger than ${limit}, more than any field can hold. A quote left open makes the rest of the file one cell: check the quotes from there on. Nothing was written.`,
        { row: at },
      );
    }
    throw fileRefusal("import_csv_malformed", `The CSV cannot be read at line ${err.lines ?? "?"}: ${err.message ?? "malformed"}. Nothing was written.`, { line: err.lines ?? null });
  } finally {
    parser.destroy();
  }
  if (row === 0) throw fileRefusal("import_file_empty", "The file is empty. Nothing was written.");
}

// ---------------------------------------------------------------- ZIP

export type ZipArchive = {
  /** The CSV in the archive (the only .csv file; at the top level when there are several). */
  csvName: string;
  has(path: string): boolean;
  /** Streams one entry; the caller consumes or destroys it. */
  open(path: string): Promise<Readable>;
  close(): void;
};

/** A relative path as rows name it: forward slashes, no leading ./ and no way out of the archive. */
export function normalizeZipPath(p: string): string | null {
  const s = p.trim().replace(/\\/g, "/").replace(/^\.\/+/, "");
  if (!s || s.startsWith("/")) return null;
  const n = posix.normalize(s);
  if (n === ".." || n.startsWith("../")) return null;
  return n.normalize("NFC");
}

/** Unix file type bits of an entry's external attributes (the high 16 bits, as Info-ZIP writes them). */
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export async function openZip(path: string): Promise<ZipArchive> {
  // decodeStrings off: yauzl would otherwise fail the whole archive on an entry named "../x" or
  // "/x" with an error that reads like damage. The names are decoded and checked here instead,
  // so the refusal can name the entry to remove.
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (e, z) => (e ? rej(e) : res(z))),
  ).catch(() => {
    throw fileRefusal("import_zip_unreadable", "The ZIP file cannot be read (damaged or not a ZIP). Nothing was written.");
  });
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((res, rej) => {
      zip.on("entry", (e: yauzl.Entry) => {
        const raw = yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false);
        if (yauzl.validateFileName(raw) !== null) {
          return rej(
            fileRefusal(
              `import_zip_unsafe_name:${raw}`,
              `The ZIP holds an entry named '${raw}', a path that leads out of the archive (an absolute path or ..). Remove or rename it and upload the ZIP again. Nothing was written.`,
            ),
          );
        }
        if (!raw.endsWith("/")) {
          if (((e.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
            return rej(fileRefusal(`import_zip_symlink:${raw}`, `The ZIP entry '${raw}' is a symbolic link, not a file. Put the file itself in the ZIP. Nothing was written.`));
          }
          const name = normalizeZipPath(raw);
          if (name && entries.has(name)) {
            return rej(fileRefusal(`import_zip_duplicate_name:${name}`, `The ZIP holds two entries named '${name}'; it cannot tell which one is meant. Keep one and upload the ZIP again. Nothing was written.`));
          }
          if (name) entries.set(name, e);
        }
        zip.readEntry();
      });
      zip.on("end", () => res());
      zip.on("error", () => rej(fileRefusal("import_zip_unreadable", "The ZIP file cannot be read (damaged or not a ZIP). Nothing was written.")));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  const csvs = [...entries.keys()].filter((n) => n.toLowerCase().endsWith(".csv") && !n.startsWith("__MACOSX/"));
  const top = csvs.filter((n) => !n.includes("/"));
  const csvName = csvs.length === 1 ? csvs[0] : top.length === 1 ? top[0] : null;
  if (!csvName) {
    zip.close();
    throw fileRefusal(
      csvs.length ? "import_zip_many_csv" : "import_zip_no_csv",
      csvs.length ? `The ZIP holds several CSV files (${csvs.join(", ")}); put exactly one at its top level. Nothing was written.` : "The ZIP holds no CSV file. Nothing was written.",
    );
  }
  return {
    csvName,
    has: (p) => {
      const n = normalizeZipPath(p);
      return !!n && entries.has(n);
    },
    open: async (p) => {
      const n = normalizeZipPath(p);
      const e = n ? entries.get(n) : undefined;
      if (!e) throw new Error(`no entry ${p}`);
      return zip.openReadStreamPromise(e);
    },
    close: () => zip.close(),
  };
}

/** The name of the document inside a Casefile full export (lib/transfer/FORMAT.md). */
export const CASEFILE_EXPORT_DOCUMENT = "casefile-export.json";

/**
 * Whether a path is Casefile's own full export rather than a sheet: a directory or ZIP holding
 * casefile-export.json, or a JSON file (the export reader checks its format marker).
 */
export async function isCasefileExport(path: string): Promise<boolean> {
  const { stat } = await import("node:fs/promises");
  const s = await stat(path).catch(() => null);
  if (!s) return false;
  if (s.isDirectory()) return !!(await stat(posix.join(path, CASEFILE_EXPORT_DOCUMENT)).catch(() => null));
  const format = await sniffFormat(path);
  if (format === "JSON") return true;
  if (format !== "ZIP") return false;
  const zip = await new Promise<yauzl.ZipFile | null>((res) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => res(e ? null : z)));
  if (!zip) return false;
  try {
    return await new Promise<boolean>((res) => {
      zip.on("entry", (e: yauzl.Entry) => (e.fileName === CASEFILE_EXPORT_DOCUMENT ? res(true) : zip.readEntry()));
      zip.on("end", () => res(false));
      zip.on("error", () => res(false));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
