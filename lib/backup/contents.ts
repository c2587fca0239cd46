import "server-only";
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import yauzl from "yauzl";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { eventHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { AppError } from "@/lib/errors";
import { decryptFileToFile } from "./age";
import { ARCHIVE, BACKUP_FORMAT, BACKUP_VERSION, MANIFEST, type Manifest } from "./manifest";
import { hashingTap, sha256OfFile, sha256OfStream } from "@/lib/crypto/file-hash";

// Reading a backup directory back: the manifest, the database copy and the exhibit files, in
// clear or from the encrypted archive. Used to verify a backup just written and to restore one.

export class BackupProblem extends AppError {
  constructor(message: string) {
    super("INVALID_INPUT", message);
  }
}

export function backupTempDir(): Promise<string> {
  return mkdtemp(join(process.env.CASEFILE_BACKUP_TMPDIR || tmpdir(), "casefile-backup-"));
}

export { sha256OfFile };

/** Copies a stream to a file, hashing it on the way. */
export async function copyHashing(input: Readable, dest: string): Promise<{ sha256: string; size: number }> {
  const tap = hashingTap();
  await pipeline(input, tap.stream, createWriteStream(dest, { flags: "wx", mode: 0o600 }));
  return tap.digest();
}

export const hashStream: (input: Readable) => Promise<{ sha256: string; size: number }> = sha256OfStream;

export function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", reject);
    p.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function readManifest(dir: string): Promise<{ manifest: Manifest; bytes: Buffer }> {
  const bytes = await readFile(join(dir, MANIFEST)).catch(() => {
    throw new BackupProblem(`${join(dir, MANIFEST)} is missing: ${dir} is not a Casefile backup.`);
  });
  let m: Manifest;
  try {
    m = JSON.parse(bytes.toString("utf8")) as Manifest;
  } catch {
    throw new BackupProblem(`${MANIFEST} in ${dir} is not valid JSON: the backup is damaged.`);
  }
  if (m?.format !== BACKUP_FORMAT) throw new BackupProblem(`${dir} is not a Casefile backup (its manifest has no "format": "${BACKUP_FORMAT}").`);
  if (typeof m.version !== "number" || m.version > BACKUP_VERSION)
    throw new BackupProblem(`This backup is in backup format version ${m.version}, made by a newer Casefile; this version reads version ${BACKUP_VERSION}. Update Casefile, then restore.`);
  return { manifest: m, bytes };
}

/** Every file the manifest lists is there, with its size and SHA-256. */
export async function checkStoredFiles(dir: string, m: Manifest): Promise<void> {
  for (const f of m.files) {
    const path = join(dir, f.name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) throw new BackupProblem(`The backup file ${f.name} is missing.`);
    const got = await sha256OfFile(path);
    if (got.sha256 !== f.sha256 || got.size !== f.size) throw new BackupProblem(`The backup file ${f.name} does not match its SHA-256 in the manifest (computed ${got.sha256}): it was changed or damaged.`);
  }
}

export type OpenedBackup = {
  manifest: Manifest;
  manifestBytes: Buffer;
  /** The plain database copy (a temporary file when the backup is encrypted). */
  databaseFile: string;
  /** Each exhibit file's stream, one after the other. */
  exhibits(fn: (sha256: string, stream: Readable) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens a backup after checking every stored file against the manifest. An encrypted one is
 * decrypted into a private temporary directory (a wrong passphrase fails at the first header).
 */
export async function openBackup(dir: string, passphrase?: string): Promise<OpenedBackup> {
  const { manifest, bytes } = await readManifest(dir);
  await checkStoredFiles(dir, manifest);
  const tmp = await backupTempDir();
  const cleanup = () => rm(tmp, { recursive: true, force: true });
  try {
    if (!manifest.encrypted) {
      const dbFile = join(dir, manifest.database.name);
      const names = manifest.files.map((f) => f.name).filter((n) => n.startsWith("exhibits/"));
      return {
        manifest,
        manifestBytes: bytes,
        databaseFile: dbFile,
        async exhibits(fn) {
          for (const n of names) await fn(n.split("/").pop()!, createReadStream(join(dir, n)));
        },
        close: cleanup,
      };
    }
    if (!passphrase) throw new BackupProblem("This backup is encrypted: give its passphrase (--passphrase-file FILE or --passphrase-env VAR).");
    const zipPath = join(tmp, "archive.zip");
    await decryptFileToFile(join(dir, ARCHIVE), zipPath, passphrase, ARCHIVE);
    const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (e: yauzl.Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.on("end", resolve);
      zip.on("error", reject);
      zip.readEntry();
    });
    const dbEntry = entries.find((e) => e.fileName === manifest.database.name);
    if (!dbEntry) throw new BackupProblem(`The encrypted archive does not contain ${manifest.database.name}.`);
    const dbFile = join(tmp, manifest.database.name);
    await copyHashing(await zip.openReadStreamPromise(dbEntry), dbFile);
    return {
      manifest,
      manifestBytes: bytes,
      databaseFile: dbFile,
      async exhibits(fn) {
        for (const e of entries) if (e.fileName.startsWith("exhibits/")) await fn(e.fileName.split("/").pop()!, await zip.openReadStreamPromise(e));
      },
      close: async () => {
        zip.close();
        await cleanup();
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

export type ChainCheck = { ok: true; head: string; events: number } | { ok: false; reason: string };

/** Verifies the audit chain inside a SQLite database file (a copy, not the live database). */
export async function verifyChainInSqliteFile(file: string): Promise<ChainCheck> {
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  try {
    let prev = GENESIS_HASH;
    let seq = 1;
    for (;;) {
      const rows = await client.auditEvent.findMany({ where: { seq: { gte: seq } }, orderBy: { seq: "asc" }, take: 2000 });
      if (rows.length === 0) break;
      for (const r of rows) {
        if (r.seq !== seq) return { ok: false, reason: `event ${seq} is missing` };
        if (r.prevHash !== prev) return { ok: false, reason: `broken link at event ${seq}` };
        if (eventHash({ ...r, at: r.at.toISOString() }) !== r.hash) return { ok: false, reason: `event ${seq}'s hash does not match its content` };
        prev = r.hash;
        seq++;
      }
    }
    return { ok: true, head: `${seq - 1}:${prev}`, events: seq - 1 };
  } finally {
    await client.$disconnect();
  }
}

export function sqliteIntegrity(file: string): string {
  const conn = new Database(file, { readonly: true });
  try {
    const rows = conn.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    conn.close();
  }
}

/**
 * Checks a backup's contents completely: stored files against the manifest, the database copy
 * against its hash (SQLite: integrity_check and the audit chain up to the recorded head;
 * PostgreSQL: pg_restore can read the dump's table of contents), every exhibit file against its
 * SHA-256. Throws a BackupProblem naming the first thing wrong.
 */
export async function verifyOpenedBackup(b: OpenedBackup): Promise<void> {
  const m = b.manifest;
  const db = await sha256OfFile(b.databaseFile);
  if (db.sha256 !== m.database.sha256) throw new BackupProblem(`The database copy ${m.database.name} does not match its SHA-256 in the manifest.`);
  if (m.provider === "sqlite") {
    const integrity = sqliteIntegrity(b.databaseFile);
    if (integrity !== "ok") throw new BackupProblem(`The database copy fails PRAGMA integrity_check: ${integrity}`);
    const chain = await verifyChainInSqliteFile(b.databaseFile);
    if (!chain.ok) throw new BackupProblem(`The audit chain in the database copy does not verify: ${chain.reason}.`);
    if (chain.head !== m.auditHead) throw new BackupProblem(`The database copy's audit chain ends at ${chain.head}, not at ${m.auditHead} as the manifest says.`);
  } else {
    const r = await run("pg_restore", ["--list", b.databaseFile]);
    if (r.code !== 0 || !r.stdout.includes("TABLE DATA public AuditEvent")) throw new BackupProblem(`pg_restore cannot read the dump ${m.database.name}: ${r.stderr.trim() || "no AuditEvent data in its table of contents"}`);
  }
  let count = 0;
  let bytes = 0;
  await b.exhibits(async (sha256, stream) => {
    const got = await hashStream(stream);
    if (got.sha256 !== sha256) throw new BackupProblem(`The exhibit file ${sha256} in the backup does not match its SHA-256 (computed ${got.sha256}).`);
    count++;
    bytes += got.size;
  });
  if (count !== m.exhibits.count) throw new BackupProblem(`The backup holds ${count} exhibit files; its manifest says ${m.exhibits.count}.`);
  void bytes;
}
