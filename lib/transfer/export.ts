import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { dbProvider, getDb, type Tx } from "@/lib/db/client";
import { write } from "@/lib/db/write";
import { blobPath, storageRoot } from "@/lib/exhibits/storage";
import { columnsOf, delegate, encodeValue, EXPORTED_TABLES, ORDER_BY } from "./tables";

// The full export (FORMAT.md): every table needed to recreate the installation, read in one
// consistent snapshot, as one JSON document, plus the exhibit files named by their SHA-256.

export const FORMAT_MARKER = "casefile-export";
export const FORMAT_VERSION = 1;
export const DOCUMENT_NAME = "casefile-export.json";

export type ExportFile = { sha256: string; size: number; path: string };
export type BuiltExport = { exportId: string; json: Buffer; sha256: string; files: ExportFile[]; counts: Record<string, number>; auditHead: string };

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

/** Reads everything into one JSON document. Records the export in the audit log first. */
export async function buildExport({ actor }: { actor: Actor | null }): Promise<BuiltExport> {
  authorize(actor, "data.export");
  const exportId = randomUUID();
  await write((tx) => writeAudit(tx, { actor, action: "transfer.export", recordType: "Instance", recordId: exportId, after: { exportId, format: FORMAT_MARKER, version: FORMAT_VERSION } }));
  const version = await casefileVersion();
  const db = getDb();
  return inSnapshot(async (tx) => {
    const parts: string[] = [];
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
    parts.push(JSON.stringify(header).slice(0, -1), ',\n"tables":{');
    const files: ExportFile[] = [];
    let firstTable = true;
    for (const table of EXPORTED_TABLES) {
      const cols = columnsOf(db, table);
      const orderBy = ORDER_BY[table] ?? [{ id: "asc" as const }];
      parts.push(`${firstTable ? "" : ","}\n${JSON.stringify(table)}:[`);
      firstTable = false;
      let n = 0;
      for (let skip = 0; ; skip += PAGE) {
        const rows = await delegate(tx, table).findMany({ orderBy, skip, take: PAGE });
        for (const r of rows) {
          const out: Record<string, unknown> = {};
          for (const c of cols) out[c.name] = encodeValue(c.type, r[c.name]);
          parts.push(`${n === 0 ? "" : ","}\n${JSON.stringify(out)}`);
          if (table === "Blob") files.push({ sha256: r.sha256 as string, size: Number(r.size), path: filePathInExport(r.sha256 as string) });
          n++;
        }
        if (rows.length < PAGE) break;
      }
      counts[table] = n;
      parts.push("]");
    }
    parts.push(`},\n"files":${JSON.stringify(files)}}\n`);
    const json = Buffer.from(parts.join(""), "utf8");
    return { exportId, json, sha256: sha256Hex(json), files, counts, auditHead };
  });
}

/** The export as a ZIP stream: casefile-export.json, then files/<2 hex>/<sha256>, read from the store as they are zipped. */
export function zipExport(built: BuiltExport, root = storageRoot()): Readable {
  const zip = new ZipFile();
  zip.addBuffer(built.json, DOCUMENT_NAME, { compress: true });
  // Evidence files are stored as they are (most are already compressed media).
  for (const f of built.files) zip.addReadStream(createReadStream(blobPath(f.sha256, root)), f.path, { compress: false, size: f.size });
  zip.end();
  const out = new PassThrough();
  zip.outputStream.on("error", (e) => out.destroy(e));
  return zip.outputStream.pipe(out);
}

export async function writeExportZip({ actor, file, root = storageRoot() }: { actor: Actor | null; file: string; root?: string }): Promise<BuiltExport> {
  const built = await buildExport({ actor });
  const { createWriteStream } = await import("node:fs");
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  zipExport(built, root).pipe(out);
  await finished(out);
  return built;
}

export async function writeExportDirectory({ actor, dir, root = storageRoot() }: { actor: Actor | null; dir: string; root?: string }): Promise<BuiltExport> {
  const built = await buildExport({ actor });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, DOCUMENT_NAME), built.json, { flag: "wx", mode: 0o600 });
  for (const f of built.files) {
    await mkdir(join(dir, "files", f.sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    await copyFile(blobPath(f.sha256, root), join(dir, f.path));
  }
  return built;
}
