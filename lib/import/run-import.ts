import "server-only";
import { createReadStream } from "node:fs";
import type { Actor } from "@/lib/auth/actor";
import { THIS_RUNNER } from "@/lib/jobs/runner";
import { authorize } from "@/lib/auth/policy";
import { dbProvider, getDb } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError, isAppError } from "@/lib/errors";
import { discardTemp, placeTemp, receiveToTemp, storageRoot, type TempFile } from "@/lib/exhibits/storage";
import { compactSearchIndex } from "@/lib/search/compact";
import { emptyMapping, FIELDS, guessMapping, isImportKind, IMPORT_KINDS, mappedField, missingRequired, type ImportKind, type Mapping } from "./fields";
import { fileRefusal, openZip, readCsv, sha256File, sniffFormat, type InputFormat, type ZipArchive } from "./input";
import { loadRegistry, loadWitnessCodes, planRow, rowKeyOf, type InFile, type PlannedFile, type Problem, type RecordRef, type RowPlan, type Values } from "./kinds";
import { writeRow, writeStatementsBatch } from "./write-rows";

// One import, dry or real, from a file on disk. The same function does both: it reads and
// plans every row (reads only), and a real run then writes the planned rows — in one
// transaction, or in batches of the size the user chose, each its own transaction. A crash
// or kill in the middle loses only the open transaction, so the database is as it was before
// that import (or batch); rows already imported are recognised by ImportedRow and not made
// twice when the import is run again.

export type RowReport = {
  row: number;
  outcome: RowPlan["outcome"];
  label: string;
  record: RecordRef | null;
  /** UPDATE: the fields of the record the row changes. */
  changes?: string[];
  problems: Problem[];
  warnings: Problem[];
  batch?: number;
  /** For refused rows, the cells as read, so the screen can offer to fix them; never a witness sheet's. */
  cells?: Record<string, string | null>;
};

export type BatchReport = { batch: number; fromRow: number; toRow: number; rows: number; committed: boolean };

export type ImportResult = {
  jobId: string;
  kind: ImportKind;
  format: InputFormat;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  status: "COMPLETED" | "REFUSED" | "FAILED";
  headers: string[];
  mapping: Mapping;
  /** `linked`: rows that are an existing record and change nothing of it; `updated`: rows that are one and change it. */
  counts: { rows: number; created: number; linked: number; updated: number; refused: number; already: number };
  rows: RowReport[];
  batches: BatchReport[];
  error?: string;
};

export type ImportOptions = {
  actor: Actor | null;
  path: string;
  fileName?: string;
  kind: string;
  mapping?: Mapping;
  templateName?: string;
  dryRun: boolean;
  /** Rows per transaction; none = the whole import in one transaction. */
  batchSize?: number;
  /** A real run with refused rows writes nothing unless this is set (the refused rows are then left out). */
  skipRefused?: boolean;
  /** Cell corrections made on the dry-run screen: row number -> header -> value. */
  edits?: Record<string, Record<string, string>>;
  /** An existing job to run under (the web upload creates it); otherwise one is created. */
  jobId?: string;
  onProgress?: (p: Progress) => void;
  root?: string;
};

export type Progress = { phase: "CHECKING" | "RUNNING"; done: number; total: number };

/** Progress of the jobs this process runs, for a reader that cannot see an open transaction (SQLite). */
const g = globalThis as unknown as { __casefileImportProgress?: Map<string, Progress> };
/** Shared by every route of this process (globalThis: route bundles may hold their own copy of this module). */
export const liveProgress: Map<string, Progress> = (g.__casefileImportProgress ??= new Map());

const PROGRESS_EVERY = 100;
/** Rows planned together, after reading the witnesses they name (loadWitnessCodes). */
const ROWS_PER_READ = 500;
/**
 * How much of the refused rows' cells a report echoes (characters, each cell counted CELL_COST
 * more) so the screen can offer to fix them: every report is held in memory and stored whole,
 * so a sheet of many wide or long refused rows echoes its first ones only; the rest are reported
 * with their problems, without cells.
 */
const MAX_ECHOED_CHARS = 16 * 1024 * 1024;
const CELL_COST = 32;

async function updateJob(jobId: string, data: Record<string, unknown>) {
  await write((tx) => tx.importJob.update({ where: { id: jobId }, data }));
}

/**
 * rowsDone while a transaction is open: on PostgreSQL through another pooled connection (so it
 * is visible to everyone at once); on SQLite, where the writer holds the only write lock, in
 * this process's memory (liveProgress) until the batch commits.
 */
async function reportProgress(jobId: string, p: Progress, opts: ImportOptions, inTransaction: boolean) {
  liveProgress.set(jobId, p);
  opts.onProgress?.(p);
  if (inTransaction) {
    if (dbProvider() === "postgresql") await getDb().importJob.update({ where: { id: jobId }, data: { rowsDone: p.done, status: p.phase } });
    return;
  }
  await updateJob(jobId, { rowsDone: p.done, status: p.phase });
}

function editRefusal(key: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { edits: [key] });
}

function validateMapping(kind: ImportKind, headers: string[], mapping: Mapping): Mapping {
  const fields = new Set(FIELDS[kind].map((f) => f.field));
  const out = emptyMapping();
  const used = new Map<string, string>();
  for (const h of headers) {
    const field = mappedField(mapping, h);
    if (field && !fields.has(field)) throw fileRefusal(`import_unknown_field:${field}`, `The mapping names a field '${field}' that ${kind} does not have. Nothing was written.`);
    if (field && used.has(field))
      throw fileRefusal(`import_field_mapped_twice:${field}`, `Two columns ('${used.get(field)}' and '${h}') are mapped to the same field '${field}'. Nothing was written.`);
    if (field) used.set(field, h);
    out[h] = field;
  }
  return out;
}

async function templateMapping(kind: ImportKind, name: string): Promise<Mapping> {
  const t = await read((db) => db.importTemplate.findUnique({ where: { kind_name: { kind, name } } }));
  if (!t) throw new AppError("NOT_FOUND", `No ${kind} import template named '${name}'.`, { template: ["not_found"] });
  return JSON.parse(t.mapping) as Mapping;
}

/** The one entry point: a dry run (dryRun: true) or a real run of an import. */
export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const { actor } = opts;
  authorize(actor, "import.run");
  if (!isImportKind(opts.kind)) throw new AppError("INVALID_INPUT", `Kind must be one of ${IMPORT_KINDS.join(", ")}.`, { kind: ["invalid_choice"] });
  const kind = opts.kind;
  const format = await sniffFormat(opts.path);
  if (format === "JSON") throw fileRefusal("import_json_not_supported", "This is a JSON file; the importer reads CSV (or a ZIP with a CSV and files). Nothing was written.");
  const fileSha256 = await sha256File(opts.path);
  const fileName = opts.fileName ?? opts.path.split(/[\\/]/).pop() ?? "import";
  const root = opts.root ?? storageRoot();

  const jobId =
    opts.jobId ??
    (await write((tx) => tx.importJob.create({ data: { kind, format, fileName, fileSha256, dryRun: opts.dryRun, status: "CHECKING", runner: THIS_RUNNER, createdById: actor.id } }))).id;
  if (opts.jobId) await updateJob(jobId, { kind, format, fileSha256, dryRun: opts.dryRun, status: "CHECKING", runner: THIS_RUNNER, rowsDone: 0, error: null, finishedAt: null });

  let zip: ZipArchive | null = null;
  const temps: TempFile[] = [];
  try {
    const result = await plan(opts, { kind, format, fileSha256, fileName, jobId, root }, (z) => (zip = z), temps);
    if (opts.dryRun || result.status !== "COMPLETED") return await finish(jobId, result);
    return await finish(jobId, await execute(opts, result, root, zip, temps));
  } catch (e) {
    const message = isAppError(e) ? e.message : "The import failed; nothing of the unfinished transaction was written.";
    await updateJob(jobId, { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() }).catch(() => undefined);
    liveProgress.delete(jobId);
    if (isAppError(e)) throw new AppError(e.code, e.message, e.fields, { ...(e.details ?? {}), jobId });
    throw e;
  } finally {
    for (const t of temps) await discardTemp(t).catch(() => undefined);
    (zip as ZipArchive | null)?.close();
  }
}

type Meta = { kind: ImportKind; format: InputFormat; fileSha256: string; fileName: string; jobId: string; root: string };
type Planned = ImportResult & { plans: RowPlan[] };

async function plan(opts: ImportOptions, meta: Meta, setZip: (z: ZipArchive) => void, temps: TempFile[]): Promise<Planned> {
  const { kind, jobId } = meta;
  let zip: ZipArchive | null = null;
  let source: AsyncIterable<Buffer>;
  if (meta.format === "ZIP") {
    zip = await openZip(opts.path);
    setZip(zip);
    source = (await zip.open(zip.csvName)) as AsyncIterable<Buffer>;
  } else {
    source = createReadStream(opts.path) as AsyncIterable<Buffer>;
  }
  const rows = readCsv(source);
  const first = await rows.next();
  if (first.done) throw fileRefusal("import_file_empty", "The file is empty. Nothing was written.");
  const headers = first.value.cells.map((h) => h.replace(/^\uFEFF/, "").trim());
  const seenHeader = new Set<string>();
  for (const h of headers) {
    if (!h) throw fileRefusal("import_empty_header", "A column has no header. Give every column a name in the first row. Nothing was written.");
    if (seenHeader.has(h)) throw fileRefusal(`import_duplicate_header:${h}`, `Two columns have the header '${h}'. Nothing was written.`);
    seenHeader.add(h);
  }
  const given = opts.mapping ?? (opts.templateName ? await templateMapping(kind, opts.templateName) : undefined);
  const mapping = validateMapping(kind, headers, given ?? guessMapping(kind, headers));
  const missing = missingRequired(kind, mapping);
  if (missing.length)
    throw fileRefusal(`import_missing_columns:${missing.join(", ")}`, `Required columns are missing: ${missing.join(", ")}. Add them to the sheet or map a column to them. Nothing was written.`, {
      missing,
      headers,
    });
  const columnOf = (field: string) => headers.find((h) => mapping[h] === field) ?? null;
  // A correction must name a column the sheet has, and (below) a row it has: one that names
  // neither would be dropped without a word, and the reader would take the row as fixed.
  for (const edit of Object.values(opts.edits ?? {}))
    for (const h of Object.keys(edit))
      if (!headers.includes(h)) throw editRefusal(`import_edit_unknown_column:${h}`, `A correction names the column '${h}', which the sheet does not have. Nothing was written.`);

  const registry = await read((db) => loadRegistry(db, kind));
  const inFile: InFile = { byName: new Map() };
  const seen = new Map<string, number>();
  const plans: RowPlan[] = [];
  const reports: RowReport[] = [];
  let done = 0;
  let echoed = 0;
  // Rows are planned ROWS_PER_READ at a time, the witness codes those rows name read first: a
  // statements import reads only the witnesses its rows name, a few queries per batch of rows.
  const pending: { row: number; columns: number; edited: boolean; cells: string[]; values: Values; rowKey: string }[] = [];
  const planPending = async () => {
    if (kind === "STATEMENTS" && pending.length) await read((db) => loadWitnessCodes(db, registry, pending.map((x) => x.values)));
    for (const { row, columns, edited, cells, values, rowKey } of pending) {
      let p: RowPlan;
      if (columns !== headers.length && !edited) {
        p = { row, rowKey, outcome: "REFUSE", label: `#${row}`, record: null, problems: [{ column: null, key: `wrong_column_count:${columns}/${headers.length}` }], warnings: [] };
      } else if (seen.has(rowKey)) {
        p = { row, rowKey, outcome: "REFUSE", label: `#${row}`, record: null, problems: [{ column: null, key: `duplicate_row:${seen.get(rowKey)}` }], warnings: [] };
      } else if (registry.imported.has(rowKey)) {
        const r = registry.imported.get(rowKey)!;
        const label = values.name || values.title || `#${row}`;
        p = { row, rowKey, outcome: "ALREADY", label: kind === "WITNESSES" ? `#${row}` : label, record: { type: r.recordType, id: r.recordId, label: kind === "WITNESSES" ? r.recordType : label }, problems: [], warnings: [] };
      } else {
        p = { row, rowKey, ...planRow(kind, values, row, { kind, registry, inFile, columnOf, hasFile: zip ? (x) => zip!.has(x) : undefined }) };
        if (p.outcome === "CREATE" && zip && kind === "STATEMENTS") await checkFiles(p, zip, meta.root, columnOf("files"));
      }
      seen.set(rowKey, seen.get(rowKey) ?? row);
      plans.push(p);
      const rep: RowReport = { row, outcome: p.outcome, label: p.label, record: p.record, ...(p.changes ? { changes: p.changes } : {}), problems: p.problems, warnings: p.warnings };
      // A witness sheet's cells are never shown back, whatever its columns are mapped to: any of
      // them can hold a name, a phone number or an address, and the report is kept.
      if (p.outcome === "REFUSE" && kind !== "WITNESSES" && echoed < MAX_ECHOED_CHARS) {
        rep.cells = Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ""]));
        for (const c of cells) echoed += CELL_COST + c.length;
      }
      reports.push(rep);
      if (++done % PROGRESS_EVERY === 0) await reportProgress(jobId, { phase: "CHECKING", done, total: 0 }, opts, false);
    }
    pending.length = 0;
  };
  const edited = new Set<string>();
  for await (const { row, cells: raw } of rows) {
    const cells = [...raw];
    const edit = opts.edits?.[String(row)];
    if (edit) edited.add(String(row));
    if (edit) for (const [h, value] of Object.entries(edit)) cells[headers.indexOf(h)] = String(value);
    const values: Values = {};
    for (let i = 0; i < headers.length; i++) if (mapping[headers[i]]) values[mapping[headers[i]]] = (cells[i] ?? "").trim();
    pending.push({ row, columns: raw.length, edited: Boolean(edit), cells, values, rowKey: rowKeyOf(kind, values) });
    if (pending.length === ROWS_PER_READ) await planPending();
  }
  await planPending();
  const notARow = Object.keys(opts.edits ?? {}).find((r) => !edited.has(r));
  if (notARow !== undefined) throw editRefusal(`import_edit_unknown_row:${notARow}`, `A correction names row ${notARow}, which the sheet does not have. Nothing was written.`);
  await updateJob(jobId, { rowsTotal: done, rowsDone: done });
  const counts = countOf(reports);
  const blocked = !opts.dryRun && counts.refused > 0 && !opts.skipRefused;
  return {
    jobId,
    kind,
    format: meta.format,
    fileName: meta.fileName,
    fileSha256: meta.fileSha256,
    dryRun: opts.dryRun,
    status: blocked ? "REFUSED" : "COMPLETED",
    headers,
    mapping,
    counts,
    rows: reports,
    batches: [],
    plans,
    ...(blocked ? { error: `${counts.refused} row(s) refused; nothing was written. Fix them, or run again leaving them out.` } : {}),
  };
}

/** Streams each file a row names through the exhibit checks (hash, type from content, size); a refused file refuses the row. */
async function checkFiles(p: RowPlan, zip: ZipArchive, root: string, column: string | null) {
  const data = p.data as { filePaths: string[] };
  p.files = [];
  for (const path of data.filePaths) {
    try {
      // Checked (hash, type from content, size) and dropped again: a real run streams the file
      // once more when its batch is written, so no more than one temporary file exists at a time.
      const tmp = await receiveToTemp(await zip.open(path), { root });
      await discardTemp(tmp);
      p.files.push({ path, sha256: tmp.sha256, size: tmp.size, mime: tmp.mime });
    } catch (e) {
      if (!isAppError(e)) throw e;
      const reason = e.fields?.file?.[0]?.split(":")[0] ?? "";
      const key = reason === "file_type" ? "file_type_refused" : reason === "file_too_large" ? "zip_file_too_large" : reason === "file_empty" ? "zip_file_empty" : "zip_file_unreadable";
      p.outcome = "REFUSE";
      p.record = null;
      p.problems.push({ column, key: `${key}:${path}` });
    }
  }
}

/** A row's file into the store, streamed from the ZIP again and checked against the hash the plan recorded. */
async function storeFile(zip: ZipArchive, f: PlannedFile, root: string, temps: TempFile[]) {
  const tmp = await receiveToTemp(await zip.open(f.path), { root });
  temps.push(tmp);
  if (tmp.sha256 !== f.sha256) throw new AppError("CONFLICT", `The file ${f.path} changed while it was being imported. Nothing of this batch was written.`);
  const recorded = await read((db) => db.blob.findUnique({ where: { sha256: f.sha256 }, select: { sha256: true } }));
  // A file on disk that no row accounts for (left by a crash) is replaced by this freshly hashed copy.
  await placeTemp(tmp, { replace: !recorded });
  await discardTemp(tmp);
  temps.splice(temps.indexOf(tmp), 1);
}

function countOf(rows: RowReport[]) {
  const c = { rows: rows.length, created: 0, linked: 0, updated: 0, refused: 0, already: 0 };
  for (const r of rows) {
    if (r.outcome === "CREATE") c.created++;
    else if (r.outcome === "LINK") c.linked++;
    else if (r.outcome === "UPDATE") c.updated++;
    else if (r.outcome === "REFUSE") c.refused++;
    else c.already++;
  }
  return c;
}

async function execute(opts: ImportOptions, planned: Planned, root: string, zip: ZipArchive | null, temps: TempFile[]): Promise<Planned> {
  const { actor } = opts;
  authorize(actor, "import.run");
  const meta = { actor, jobId: planned.jobId, fileSha256: planned.fileSha256, fileName: planned.fileName };
  const todo = planned.plans.filter((p) => p.outcome === "CREATE" || p.outcome === "LINK" || p.outcome === "UPDATE");
  const size = opts.batchSize && opts.batchSize > 0 ? opts.batchSize : Math.max(1, todo.length);
  const byRow = new Map(planned.rows.map((r) => [r.row, r]));
  let done = 0;
  await reportProgress(planned.jobId, { phase: "RUNNING", done: 0, total: todo.length }, opts, false);
  await updateJob(planned.jobId, { rowsTotal: todo.length, rowsDone: 0, status: "RUNNING" });
  for (let b = 0; b * size < todo.length; b++) {
    const batch = todo.slice(b * size, (b + 1) * size);
    const report: BatchReport = { batch: b + 1, fromRow: batch[0].row, toRow: batch[batch.length - 1].row, rows: batch.length, committed: false };
    planned.batches.push(report);
    // The files are complete and in the store before their rows are written (as an upload does);
    // a file whose rows never commit is content no row points at, replaced by the next upload of it.
    for (const p of batch) for (const f of p.files ?? []) await storeFile(zip!, f, root, temps);
    const refs = await write(async (tx) => {
      if (planned.kind === "STATEMENTS") return writeStatementsBatch(tx, batch, meta);
      const out: (RecordRef | null)[] = [];
      let i = 0;
      for (const p of batch) {
        out.push(await writeRow(tx, planned.kind, p, meta));
        if (++i % PROGRESS_EVERY === 0) await reportProgress(planned.jobId, { phase: "RUNNING", done: done + i, total: todo.length }, opts, true);
      }
      return out;
    });
    batch.forEach((p, i) => {
      const r = byRow.get(p.row)!;
      r.record = refs[i];
      r.batch = b + 1;
    });
    report.committed = true;
    done += batch.length;
    await reportProgress(planned.jobId, { phase: "RUNNING", done, total: todo.length }, opts, false);
  }
  return planned;
}

async function finish(jobId: string, r: Planned): Promise<ImportResult> {
  const { plans: _plans, ...result } = r;
  await updateJob(jobId, {
    status: result.status,
    created: result.counts.created,
    linked: result.counts.linked,
    refused: result.counts.refused,
    report: JSON.stringify({ headers: result.headers, mapping: result.mapping, rows: result.rows, batches: result.batches, counts: result.counts }),
    error: result.error ?? null,
    finishedAt: new Date(),
  });
  liveProgress.delete(jobId);
  // An import that wrote records leaves the full-text index in many small segments: merged now,
  // after the job says it is done (see lib/search/compact.ts). A failure here loses nothing.
  if (result.status === "COMPLETED" && result.counts.created + result.counts.updated > 0) await compactSearchIndex().catch(() => undefined);
  return result;
}
