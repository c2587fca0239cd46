import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { eventHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { dbProvider, ensureConnectionSettings, getDb, type Tx } from "@/lib/db/client";
import { loadMigrations } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { placeTemp, removeStoredFile, storageRoot } from "@/lib/exhibits/storage";
import { indexRecord, indexStatements } from "@/lib/search/index-record";
import { SEARCH_TYPES } from "@/lib/search/types";
import { filePathInExport, FORMAT_MARKER, FORMAT_VERSION } from "./export";
import { detached, walkDocument } from "./document-reader";
import { openExport, type ExportSource } from "./source";
import { columnsOf, decodeValue, delegate, EXPORTED_TABLES, type ExportedTable } from "./tables";

// Loads a full export into an EMPTY installation, all or nothing: same ids, same revision
// hashes, same exhibit files, the audit log copied event for event (same seq and hashes), then
// one new event recording the import. See FORMAT.md.

export type ImportExportResult = {
  dryRun: boolean;
  exportId: string;
  exportSha256: string;
  counts: Record<string, number>;
  files: number;
  auditHead: string;
};

export type ImportProgress = { phase: "checking" | "loading" | "indexing"; done: number; total?: number; unit: "rows" | "statements" };

/** The export's members other than its tables (document-reader.ts reads the tables a row at a time). */
type Header = {
  format: string;
  version: number;
  exportId: string;
  createdAt: string;
  casefileVersion: string;
  source: { provider: string; migration: string | null; auditHead: string };
  files: { sha256: string; size: number; path: string }[];
};

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The time limit of the import's one transaction for an export of `rows` rows: 30 minutes, or
 * 10 ms a row when that is longer. Measured: 411,005 rows (100,000 statements) loaded and indexed
 * in 13 min 50 s on SQLite on a loaded 2-core machine, about 2 ms a row, so an archive several
 * times that size still finishes inside its limit; the limit is there to end a load that hangs.
 */
export function loadTimeoutMs(rows: number): number {
  return Math.max(30 * 60_000, rows * 10);
}

function bad(message: string): AppError {
  return new AppError("INVALID_INPUT", message);
}

/** The document's header, checked: a Casefile export, of a format version this one reads, complete. */
export function checkHeader(h: Record<string, unknown>, hasTables: boolean): Header {
  const d = h as Partial<Header>;
  if (d.format !== FORMAT_MARKER) throw bad(`This is not a Casefile export (no "format": "${FORMAT_MARKER}" marker).`);
  if (typeof d.version !== "number" || !Number.isInteger(d.version) || d.version < 1) throw bad("The export has no valid format version.");
  if (d.version > FORMAT_VERSION)
    throw bad(`This export is in format version ${d.version}, written by a newer Casefile; this version reads format ${FORMAT_VERSION} and older. Update Casefile, then import again. Nothing was written.`);
  if (typeof d.exportId !== "string" || !d.source || typeof d.source !== "object" || !hasTables || !Array.isArray(d.files)) throw bad("The export is incomplete (exportId, source, tables or files missing).");
  return d as Header;
}

/**
 * Checks the exported audit log on its own, an event at a time as the document is read:
 * contiguous, linked, every hash recomputed, and (finish) ending at the recorded head.
 */
function chainChecker() {
  let prev = GENESIS_HASH;
  let seq = 1;
  const step = (e: Record<string, unknown>) => {
    if (e.seq !== seq) throw bad(`The export's audit log is not complete: event ${seq} is missing. Nothing was written.`);
    if (e.prevHash !== prev) throw bad(`The export's audit log is broken at event ${seq} (link). Nothing was written.`);
    const hash = eventHash({
      seq: e.seq as number,
      at: e.at as string,
      actorId: (e.actorId as string | null) ?? null,
      actorLabel: e.actorLabel as string,
      action: e.action as string,
      recordType: e.recordType as string,
      recordId: e.recordId as string,
      before: (e.before as string | null) ?? null,
      after: (e.after as string | null) ?? null,
      prevHash: e.prevHash as string,
    });
    if (hash !== e.hash) throw bad(`The export's audit log was altered: event ${seq}'s hash does not match its content. Nothing was written.`);
    prev = hash;
    seq++;
  };
  const finish = (head: string) => {
    const got = `${seq - 1}:${prev}`;
    if (got !== head) throw bad(`The export's audit log ends at ${got}, not at the head it records (${head}): events were removed or added. Nothing was written.`);
  };
  return { step, finish };
}

/** Witnesses that point at another witness come after it. */
function orderWitnesses(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const visit = (r: Record<string, unknown>, depth: number) => {
    if (done.has(r.id as string)) return;
    if (depth > rows.length) throw bad("The export's witnesses refer to each other in a cycle.");
    const target = r.sameAsId ? byId.get(r.sameAsId as string) : undefined;
    if (target) visit(target, depth + 1);
    done.add(r.id as string);
    out.push(r);
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/** Names of tables holding anything: empty means nothing here. */
export async function nonEmptyTables(db: Tx): Promise<string[]> {
  const out: string[] = [];
  for (const t of EXPORTED_TABLES) if ((await delegate(db, t).count()) > 0) out.push(t);
  return out;
}

async function receiveFile(stream: Readable, expected: string, root: string, keep: boolean): Promise<{ sha256: string; size: number; tmpPath?: string }> {
  const hash = createHash("sha256");
  let size = 0;
  let tmpPath: string | undefined;
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  if (keep) {
    await mkdir(join(root, "tmp"), { recursive: true, mode: 0o700 });
    tmpPath = join(root, "tmp", `${randomUUID()}.part`);
    fh = await open(/*turbopackIgnore: true*/ tmpPath, "wx", 0o600);
  }
  try {
    for await (const c of stream) {
      const chunk = c as Buffer;
      hash.update(chunk);
      size += chunk.length;
      if (fh) await fh.write(chunk);
    }
    if (fh) {
      await fh.sync();
      await fh.close();
      fh = undefined;
      await chmod(tmpPath!, 0o440);
    }
    const sha256 = hash.digest("hex");
    if (sha256 !== expected) {
      if (tmpPath) await rm(tmpPath, { force: true });
      throw bad(`The exhibit file ${filePathInExport(expected)} in the export does not match its SHA-256 (computed ${sha256}); the export is damaged or was altered. Nothing was written.`);
    }
    return { sha256, size, tmpPath };
  } catch (e) {
    await fh?.close().catch(() => undefined);
    if (tmpPath) await rm(tmpPath, { force: true });
    throw e;
  }
}

class DryRunRollback extends Error {}

/**
 * Reads a full export (ZIP, directory or casefile-export.json) into this installation, which
 * must be empty. With dryRun, everything is checked and loaded inside a transaction that is then
 * rolled back; no file is stored.
 */
export async function importCasefileExport({
  file,
  dryRun = false,
  actor = "system",
  root = storageRoot(),
  onProgress,
}: {
  file: string;
  dryRun?: boolean;
  actor?: Actor | "system";
  root?: string;
  /** Called as the work goes on: rows checked (first reading), rows loaded (second), statements indexed. */
  onProgress?: (p: ImportProgress) => void;
}): Promise<ImportExportResult> {
  if (actor !== "system") authorize(actor, "import.run");
  const source: ExportSource = await openExport(file);
  const placed: string[] = [];
  try {
    // First reading: everything is checked, nothing is written. The document is read as a
    // stream (document-reader.ts), a row at a time; only the witnesses (ordered before loading)
    // and the blobs' file names are kept.
    const chain = chainChecker();
    const unknownTables: string[] = [];
    let outOfOrder: string | null = null;
    let lastTable = -1;
    const witnesses: Record<string, unknown>[] = [];
    const witnessIndex = new Map<Record<string, unknown>, number>();
    const blobs: unknown[] = [];
    let checked = 0;
    const walked = await walkDocument(await source.document(), {
      table(name) {
        const at = (EXPORTED_TABLES as readonly string[]).indexOf(name);
        if (at < 0) unknownTables.push(name);
        else if (at < lastTable) outOfOrder ??= name;
        else lastTable = at;
      },
      row(table, r, i) {
        if (++checked % 5000 === 0) onProgress?.({ phase: "checking", done: checked, unit: "rows" });
        if (table === "AuditEvent") chain.step(r);
        else if (table === "Blob") blobs.push(r.sha256);
        else if (table === "Witness") {
          witnesses.push(r);
          witnessIndex.set(r, i);
        }
      },
    });
    const exportSha256 = walked.sha256;
    const doc = checkHeader(walked.header, walked.hasTables);

    const known = loadMigrations(dbProvider()).map((m) => m.name);
    if (doc.source.migration && !known.includes(doc.source.migration))
      throw bad(`This export comes from a database at migration ${doc.source.migration}, which this version of Casefile does not know (newer). Update Casefile, then import again. Nothing was written.`);
    if (unknownTables.length) throw bad(`The export holds tables this version does not know: ${unknownTables.join(", ")}. Nothing was written.`);
    if (outOfOrder)
      throw bad(`The export's table ${outOfOrder} comes after a table that refers to it: tables must be in load order (FORMAT.md), as Casefile writes them. Nothing was written.`);
    chain.finish(doc.source.auditHead);
    const orderedWitnesses = orderWitnesses(witnesses);

    const nonEmpty = await read(nonEmptyTables);
    if (nonEmpty.length)
      throw new AppError("CONFLICT", `This installation is not empty (${nonEmpty.join(", ")} hold records). A full export can only be loaded into an empty Casefile: point DATABASE_URL at a new database, run db:migrate, then import. Nothing was written.`);

    // Every file the blobs name, hashed on the way in (stored only on a real run).
    for (const sha256 of blobs) {
      if (typeof sha256 !== "string" || !SHA256.test(sha256)) throw bad("The export names an exhibit file with an invalid SHA-256.");
      const stream = await source.file(filePathInExport(sha256));
      if (!stream) throw bad(`The export does not contain the exhibit file ${filePathInExport(sha256)} that its records name. Nothing was written.`);
      const got = await receiveFile(stream, sha256, root, !dryRun);
      if (got.tmpPath) {
        const stored = await placeTemp({ tmpPath: got.tmpPath, sha256: got.sha256, size: got.size, mime: "application/octet-stream", root });
        if (stored.created) placed.push(sha256);
      }
    }

    const db = getDb();
    const counts: Record<string, number> = Object.fromEntries(EXPORTED_TABLES.map((t) => [t, 0]));
    const searchTableOf = { statement: "Statement", person: "Person", organisation: "Organisation", place: "Place", event: "Event", proceeding: "Proceeding", source: "Source" } as const;
    const searchable = new Set<string>(Object.values(searchTableOf));
    const run = async (tx: Tx) => {
      const again = await nonEmptyTables(tx);
      if (again.length) throw new AppError("CONFLICT", `This installation is not empty (${again.join(", ")} hold records). Nothing was written.`);
      // Second reading: each table's rows are loaded as they come, 200 to a statement.
      const ids = new Map<string, string[]>();
      let batch: Record<string, unknown>[] = [];
      const decode = (table: ExportedTable, r: Record<string, unknown>, i: number) => {
        const out: Record<string, unknown> = {};
        for (const c of columnsOf(db, table)) {
          if (!(c.name in r)) continue; // a column added since the export was written keeps its default
          out[c.name] = decodeValue(c.type, r[c.name], `${table} row ${i + 1}, ${c.name}`);
        }
        return out;
      };
      const flush = async (table: ExportedTable) => {
        if (batch.length) await delegate(tx, table).createMany({ data: batch });
        batch = [];
      };
      let loaded = 0;
      const add = async (table: ExportedTable, r: Record<string, unknown>, i: number) => {
        batch.push(decode(table, r, i));
        counts[table]++;
        if (++loaded % 5000 === 0) onProgress?.({ phase: "loading", done: loaded, total: checked, unit: "rows" });
        if (searchable.has(table)) {
          const list = ids.get(table) ?? [];
          list.push(detached(r.id as string));
          ids.set(table, list);
        }
        if (batch.length >= 200) await flush(table);
      };
      const again2 = await walkDocument(await source.document(), {
        // Witnesses were put in order in the first reading: a witness after the one it names.
        async table(name) {
          if (name !== "Witness") return;
          for (const w of orderedWitnesses) await add("Witness", w, witnessIndex.get(w) ?? 0);
          await flush("Witness");
        },
        async row(table, r, i) {
          if (table !== "Witness") await add(table as ExportedTable, r, i);
        },
        async tableEnd(table) {
          await flush(table as ExportedTable);
        },
      });
      if (again2.sha256 !== exportSha256) throw bad("The export's casefile-export.json changed while it was being read. Nothing was written.");
      // The search index is derived: built here, in the same transaction.
      for (const type of SEARCH_TYPES) {
        const list = ids.get(searchTableOf[type]) ?? [];
        if (type === "statement")
          for (let i = 0; i < list.length; i += 500) {
            await indexStatements(tx, list.slice(i, i + 500));
            onProgress?.({ phase: "indexing", done: Math.min(i + 500, list.length), total: list.length, unit: "statements" });
          }
        else for (const id of list) await indexRecord(tx, type, id);
      }
      const event = await writeAudit(tx, {
        actor,
        action: "transfer.import",
        recordType: "Instance",
        recordId: doc.exportId,
        after: { exportId: doc.exportId, exportSha256, format: doc.format, version: doc.version, sourceAuditHead: doc.source.auditHead, sourceProvider: doc.source.provider, counts },
      });
      if (dryRun) throw new DryRunRollback();
      return `${event.seq}:${event.hash}`;
    };
    let auditHead: string;
    try {
      // One transaction for the whole load, with a longer limit than write()'s two minutes, which
      // grows with the export (loadTimeoutMs). The installation is empty, so nothing else is writing to it.
      await ensureConnectionSettings();
      auditHead = await getDb().$transaction((tx) => run(tx as Tx), { maxWait: 60_000, timeout: loadTimeoutMs(checked) });
    } catch (e) {
      if (e instanceof DryRunRollback) auditHead = doc.source.auditHead;
      else throw e;
    }
    return { dryRun, exportId: doc.exportId, exportSha256, counts, files: blobs.length, auditHead };
  } catch (e) {
    // Files stored by this run that no record now uses.
    for (const sha of placed) await removeStoredFile(sha, root).catch(() => undefined);
    throw e;
  } finally {
    source.close();
  }
}
