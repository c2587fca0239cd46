import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { eventHash, GENESIS_HASH, sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { dbProvider, ensureConnectionSettings, getDb, type Tx } from "@/lib/db/client";
import { loadMigrations } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { placeTemp, removeStoredFile, storageRoot } from "@/lib/exhibits/storage";
import { indexRecord } from "@/lib/search/index-record";
import { SEARCH_TYPES } from "@/lib/search/types";
import { filePathInExport, FORMAT_MARKER, FORMAT_VERSION } from "./export";
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

type Doc = {
  format: string;
  version: number;
  exportId: string;
  createdAt: string;
  casefileVersion: string;
  source: { provider: string; migration: string | null; auditHead: string };
  tables: Record<string, Record<string, unknown>[]>;
  files: { sha256: string; size: number; path: string }[];
};

const SHA256 = /^[0-9a-f]{64}$/;

function bad(message: string): AppError {
  return new AppError("INVALID_INPUT", message);
}

export function parseExportDocument(bytes: Buffer): Doc {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw bad("The export's casefile-export.json is not valid JSON; the file is damaged or not a Casefile export.");
  }
  const d = doc as Partial<Doc> | null;
  if (!d || typeof d !== "object" || d.format !== FORMAT_MARKER) throw bad(`This is not a Casefile export (no "format": "${FORMAT_MARKER}" marker).`);
  if (typeof d.version !== "number" || !Number.isInteger(d.version) || d.version < 1) throw bad("The export has no valid format version.");
  if (d.version > FORMAT_VERSION)
    throw bad(`This export is in format version ${d.version}, written by a newer Casefile; this version reads format ${FORMAT_VERSION} and older. Update Casefile, then import again. Nothing was written.`);
  if (typeof d.exportId !== "string" || !d.source || typeof d.tables !== "object" || !d.tables || !Array.isArray(d.files)) throw bad("The export is incomplete (exportId, source, tables or files missing).");
  return d as Doc;
}

/** Checks the exported audit log on its own: contiguous, linked, every hash recomputed, ending at the recorded head. */
function checkChain(events: Record<string, unknown>[], head: string) {
  let prev = GENESIS_HASH;
  let seq = 1;
  for (const e of events) {
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
  }
  const got = `${seq - 1}:${prev}`;
  if (got !== head) throw bad(`The export's audit log ends at ${got}, not at the head it records (${head}): events were removed or added. Nothing was written.`);
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
    fh = await open(tmpPath, "wx", 0o600);
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
}: {
  file: string;
  dryRun?: boolean;
  actor?: Actor | "system";
  root?: string;
}): Promise<ImportExportResult> {
  if (actor !== "system") authorize(actor, "import.run");
  const source: ExportSource = await openExport(file);
  const placed: string[] = [];
  try {
    const bytes = await source.document();
    const exportSha256 = sha256Hex(bytes);
    const doc = parseExportDocument(bytes);

    const known = loadMigrations(dbProvider()).map((m) => m.name);
    if (doc.source.migration && !known.includes(doc.source.migration))
      throw bad(`This export comes from a database at migration ${doc.source.migration}, which this version of Casefile does not know (newer). Update Casefile, then import again. Nothing was written.`);
    const unknownTables = Object.keys(doc.tables).filter((t) => !(EXPORTED_TABLES as readonly string[]).includes(t));
    if (unknownTables.length) throw bad(`The export holds tables this version does not know: ${unknownTables.join(", ")}. Nothing was written.`);
    for (const t of EXPORTED_TABLES) if (!Array.isArray(doc.tables[t] ?? [])) throw bad(`The export's table ${t} is not a list.`);

    checkChain(doc.tables.AuditEvent ?? [], doc.source.auditHead);

    const nonEmpty = await read(nonEmptyTables);
    if (nonEmpty.length)
      throw new AppError("CONFLICT", `This installation is not empty (${nonEmpty.join(", ")} hold records). A full export can only be loaded into an empty Casefile: point DATABASE_URL at a new database, run db:migrate, then import. Nothing was written.`);

    // Every file the blobs name, hashed on the way in (stored only on a real run).
    const blobs = (doc.tables.Blob ?? []) as { sha256: string }[];
    for (const b of blobs) {
      if (typeof b.sha256 !== "string" || !SHA256.test(b.sha256)) throw bad("The export names an exhibit file with an invalid SHA-256.");
      const stream = await source.file(filePathInExport(b.sha256));
      if (!stream) throw bad(`The export does not contain the exhibit file ${filePathInExport(b.sha256)} that its records name. Nothing was written.`);
      const got = await receiveFile(stream, b.sha256, root, !dryRun);
      if (got.tmpPath) {
        const stored = await placeTemp({ tmpPath: got.tmpPath, sha256: got.sha256, size: got.size, mime: "application/octet-stream", root });
        if (stored.created) placed.push(b.sha256);
      }
    }

    const db = getDb();
    const counts: Record<string, number> = {};
    const run = async (tx: Tx) => {
      const again = await nonEmptyTables(tx);
      if (again.length) throw new AppError("CONFLICT", `This installation is not empty (${again.join(", ")} hold records). Nothing was written.`);
      for (const table of EXPORTED_TABLES) {
        const cols = columnsOf(db, table);
        let rows = doc.tables[table] ?? [];
        if (table === "Witness") rows = orderWitnesses(rows);
        const data = rows.map((r, i) => {
          const out: Record<string, unknown> = {};
          for (const c of cols) {
            if (!(c.name in r)) continue; // a column added since the export was written keeps its default
            out[c.name] = decodeValue(c.type, r[c.name], `${table} row ${i + 1}, ${c.name}`);
          }
          return out;
        });
        for (let i = 0; i < data.length; i += 200) await delegate(tx, table).createMany({ data: data.slice(i, i + 200) });
        counts[table] = data.length;
      }
      // The search index is derived: built here, in the same transaction.
      const tableOf = { statement: "Statement", person: "Person", organisation: "Organisation", place: "Place", event: "Event", proceeding: "Proceeding", source: "Source" } as const;
      for (const type of SEARCH_TYPES) for (const r of doc.tables[tableOf[type]] ?? []) await indexRecord(tx, type, r.id as string);
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
      // One transaction for the whole load, with a longer limit than write()'s two minutes (a
      // large export takes longer). The installation is empty, so nothing else is writing to it.
      await ensureConnectionSettings();
      auditHead = await getDb().$transaction((tx) => run(tx as Tx), { maxWait: 60_000, timeout: 30 * 60_000 });
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
