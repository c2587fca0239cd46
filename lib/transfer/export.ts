import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, open, readFile, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { dbProvider, getDb, type Tx } from "@/lib/db/client";
import { write } from "@/lib/db/write";
import { blobPath, storageRoot } from "@/lib/exhibits/storage";
import { columnsOf, delegate, encodeValue, EXPORTED_TABLES, ORDER_BY } from "./tables";

// The full export (FORMAT.md): every table needed to recreate the installation, read in one
// consistent snapshot, as one JSON document (written to a file as it is made, never held in
// memory whole), plus the exhibit files named by their SHA-256.

export const FORMAT_MARKER = "casefile-export";
export const FORMAT_VERSION = 1;
export const DOCUMENT_NAME = "casefile-export.json";

export type ExportFile = { sha256: string; size: number; path: string };
export type BuiltExport = { exportId: string; documentPath: string; size: number; sha256: string; files: ExportFile[]; counts: Record<string, number>; auditHead: string };

export async function casefileVersion(): Promise<string> {
  try {
    return (JSON.parse(await readFile(join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

export async function lastMigration(db: Tx): Promise<string | null> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM "_casefile_migrations" ORDER BY name DESC LIMIT 1`);
  return rows[0]?.name ?? null;
}

const PAGE = 2000;

/** Runs fn in one read snapshot: REPEATABLE READ on PostgreSQL, a read transaction on SQLite. */
async function inSnapshot<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (dbProvider() === "postgresql") {
    // The SQLite client's types stand for both and do not list PostgreSQL's isolation levels.
    const options = { isolationLevel: "RepeatableRead", maxWait: 60_000, timeout: 30 * 60_000 } as unknown as { maxWait: number };
    return getDb().$transaction((tx) => fn(tx as Tx), options);
  }
  // On SQLite write() also keeps this process's writers waiting for the few seconds it takes;
  // a transaction that only reads takes no write lock, so other processes carry on.
  return write(fn);
}

export function filePathInExport(sha256: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * Where the document goes while it is written: a file (written a piece at a time, never held
 * whole: an archive of 100,000 statements makes a document longer than the longest string the
 * runtime can hold), hashed on the way.
 */
class DocumentWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly hash = createHash("sha256");
  bytes = 0;
  private constructor(private readonly fh: FileHandle) {}

  static async create(path: string): Promise<DocumentWriter> {
    return new DocumentWriter(await open(path, "wx", 0o600));
  }

  async push(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    await this.fh.write(chunk);
  }

  /** Writes what is left, makes it durable and closes the file; the document's SHA-256. */
  async finish(): Promise<string> {
    await this.flush();
    await this.fh.sync();
    await this.fh.close();
    return this.hash.digest("hex");
  }

  async abandon(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

/**
 * Writes everything, read in one snapshot, as casefile-export.json at `documentPath` (a new file).
 * Records the export in the audit log first.
 */
async function writeDocument({ actor, documentPath }: { actor: Actor | null; documentPath: string }): Promise<BuiltExport> {
  authorize(actor, "data.export");
  const exportId = randomUUID();
  await write((tx) => writeAudit(tx, { actor, action: "transfer.export", recordType: "Instance", recordId: exportId, after: { exportId, format: FORMAT_MARKER, version: FORMAT_VERSION } }));
  const version = await casefileVersion();
  const db = getDb();
  const out = await DocumentWriter.create(documentPath);
  try {
    return await inSnapshot(async (tx) => {
      const counts: Record<string, number> = {};
      const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
      const auditHead = head ? `${head.seq}:${head.hash}` : "0:" + "0".repeat(64);
      const header = {
        format: FORMAT_MARKER,
        version: FORMAT_VERSION,
        exportId,
        createdAt: new Date().toISOString(),
        casefileVersion: version,
        source: { provider: dbProvider(), migration: await lastMigration(tx), auditHead },
      };
      await out.push(JSON.stringify(header).slice(0, -1) + ',\n"tables":{');
      const files: ExportFile[] = [];
      let firstTable = true;
      for (const table of EXPORTED_TABLES) {
        const cols = columnsOf(db, table);
        const orderBy = ORDER_BY[table] ?? [{ id: "asc" as const }];
        await out.push(`${firstTable ? "" : ","}\n${JSON.stringify(table)}:[`);
        firstTable = false;
        let n = 0;
        for (let skip = 0; ; skip += PAGE) {
          const rows = await delegate(tx, table).findMany({ orderBy, skip, take: PAGE });
          for (const r of rows) {
            const row: Record<string, unknown> = {};
            for (const c of cols) row[c.name] = encodeValue(c.type, r[c.name]);
            await out.push(`${n === 0 ? "" : ","}\n${JSON.stringify(row)}`);
            if (table === "Blob") files.push({ sha256: r.sha256 as string, size: Number(r.size), path: filePathInExport(r.sha256 as string) });
            n++;
          }
          if (rows.length < PAGE) break;
        }
        counts[table] = n;
        await out.push("]");
      }
      await out.push(`},\n"files":${JSON.stringify(files)}}\n`);
      const sha256 = await out.finish();
      return { exportId, documentPath, size: out.bytes, sha256, files, counts, auditHead };
    });
  } catch (e) {
    await out.abandon();
    await rm(documentPath, { force: true });
    throw e;
  }
}

/**
 * Checks that the actor may make the full export, reading and recording nothing: what buildExport
 * checks first, and all that a HEAD request for the export is answered with (a HEAD sends no
 * file, so it must not make or audit one).
 */
export function checkFullExport({ actor }: { actor: Actor | null }): void {
  authorize(actor, "data.export");
}

/**
 * The export's document, written to a temporary file in the store's tmp/ folder, for a ZIP made
 * from it. `dispose` removes the file (zipExport does, once the ZIP has read it or failed).
 */
export async function buildExport({ actor, root = storageRoot() }: { actor: Actor | null; root?: string }): Promise<BuiltExport & { dispose(): Promise<void> }> {
  checkFullExport({ actor });
  await mkdir(join(root, "tmp"), { recursive: true, mode: 0o700 });
  const documentPath = join(root, "tmp", `export-${randomUUID()}.json`);
  const built = await writeDocument({ actor, documentPath });
  return { ...built, dispose: () => rm(documentPath, { force: true }) };
}

/**
 * The export as a ZIP stream: casefile-export.json, then files/<2 hex>/<sha256>, read from the
 * store as they are zipped. The document's temporary file is removed when the ZIP ends or fails.
 */
export function zipExport(built: BuiltExport & { dispose(): Promise<void> }, root = storageRoot()): Readable {
  const zip = new ZipFile();
  zip.addReadStream(createReadStream(built.documentPath), DOCUMENT_NAME, { compress: true, size: built.size });
  // Evidence files are stored as they are (most are already compressed media).
  for (const f of built.files) zip.addReadStream(createReadStream(blobPath(f.sha256, root)), f.path, { compress: false, size: f.size });
  zip.end();
  const out = new PassThrough();
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    void built.dispose().catch(() => undefined);
  };
  zip.outputStream.on("error", (e) => {
    dispose();
    out.destroy(e);
  });
  out.on("close", dispose);
  return zip.outputStream.pipe(out);
}

export async function writeExportZip({ actor, file, root = storageRoot() }: { actor: Actor | null; file: string; root?: string }): Promise<BuiltExport> {
  const built = await buildExport({ actor, root });
  try {
    const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
    zipExport(built, root).pipe(out);
    await finished(out);
  } finally {
    await built.dispose();
  }
  return built;
}

export async function writeExportDirectory({ actor, dir, root = storageRoot() }: { actor: Actor | null; dir: string; root?: string }): Promise<BuiltExport> {
  authorize(actor, "data.export");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const built = await writeDocument({ actor, documentPath: join(dir, DOCUMENT_NAME) });
  for (const f of built.files) {
    await mkdir(join(dir, "files", f.sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    await copyFile(blobPath(f.sha256, root), join(dir, f.path));
  }
  return built;
}
