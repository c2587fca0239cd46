import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { ZipFile } from "yazl";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { eventHash, GENESIS_HASH, sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/client";
import { databaseUrl, providerOf, sqlitePath } from "@/lib/db/provider";
import { write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { blobPath, storageRoot } from "@/lib/exhibits/storage";
import { casefileVersion } from "@/lib/transfer/export";
import { encryptStreamToFile } from "./age";
import { backupTempDir, copyHashing, openBackup, run, sha256OfFile, sqliteIntegrity, verifyChainInSqliteFile, verifyOpenedBackup } from "./contents";
import { ARCHIVE, BACKUP_FORMAT, BACKUP_VERSION, databaseName, exhibitName, MANIFEST, type Manifest, type StoredFile } from "./manifest";

// `casefile backup DIR`: a consistent copy of the database taken while the app runs (SQLite:
// VACUUM INTO, which reads one snapshot; PostgreSQL: pg_dump in custom format inside an exported
// REPEATABLE READ snapshot), the exhibit files that copy refers to, and manifest.json with the
// SHA-256 of every file. The written backup is then read back and checked in full before it is
// called verified. With a passphrase, the database and the files go into one age-encrypted
// archive (backup.zip.age); manifest.json then holds nothing but hashes, sizes and versions.

export type BackupResult = { recordId: string; dir: string; manifest: Manifest; verified: boolean; message: string; sizeBytes: number };

type Snapshot = { dbFile: string; migration: string | null; auditHead: string; blobs: { sha256: string; size: number }[] };

async function snapshotSqlite(url: string, tmp: string): Promise<Snapshot> {
  const dbFile = join(tmp, "database.sqlite");
  // Not opened read-only: a read-only connection cannot take part in WAL shared memory as a normal reader.
  const conn = new Database(sqlitePath(url), { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    conn.prepare("VACUUM INTO ?").run(dbFile);
  } finally {
    conn.close();
  }
  const integrity = sqliteIntegrity(dbFile);
  if (integrity !== "ok") throw new AppError("INVALID_STATE", `The database copy fails PRAGMA integrity_check: ${integrity}`);
  const chain = await verifyChainInSqliteFile(dbFile);
  if (!chain.ok) throw new AppError("INVALID_STATE", `The audit chain in the database copy does not verify: ${chain.reason}. The live database needs attention (npm run casefile -- audit:verify).`);
  const copy = new Database(dbFile, { readonly: true });
  try {
    const migration = (copy.prepare(`SELECT name FROM "_casefile_migrations" ORDER BY name DESC LIMIT 1`).get() as { name: string } | undefined)?.name ?? null;
    const blobs = (copy.prepare(`SELECT sha256, size FROM "Blob" ORDER BY sha256`).all() as { sha256: string; size: number | bigint }[]).map((b) => ({ sha256: b.sha256, size: Number(b.size) }));
    return { dbFile, migration, auditHead: chain.head, blobs };
  } finally {
    copy.close();
  }
}

async function snapshotPostgres(url: string, tmp: string): Promise<Snapshot> {
  const dbFile = join(tmp, "database.pgdump");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snap = (await c.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0]!.s;
    // What the dump will contain, read in the same snapshot: the chain (verified here), the
    // migration, the files.
    let prev = GENESIS_HASH;
    let seq = 1;
    for (;;) {
      const { rows } = await c.query<{ seq: number; at: string; actorId: string | null; actorLabel: string; action: string; recordType: string; recordId: string; before: string | null; after: string | null; prevHash: string; hash: string }>(
        `SELECT seq, to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, "actorId", "actorLabel", action, "recordType", "recordId", before, after, "prevHash", hash FROM "AuditEvent" WHERE seq >= $1 ORDER BY seq LIMIT 2000`,
        [seq],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        if (r.seq !== seq || r.prevHash !== prev || eventHash(r) !== r.hash)
          throw new AppError("INVALID_STATE", `The audit chain does not verify at event ${seq}; the live database needs attention (npm run casefile -- audit:verify).`);
        prev = r.hash;
        seq++;
      }
    }
    const migration = (await c.query<{ name: string }>(`SELECT name FROM "_casefile_migrations" ORDER BY name DESC LIMIT 1`)).rows[0]?.name ?? null;
    const blobs = (await c.query<{ sha256: string; size: string }>(`SELECT sha256, size::text AS size FROM "Blob" ORDER BY sha256`)).rows.map((b) => ({ sha256: b.sha256, size: Number(b.size) }));
    const r = await run("pg_dump", ["--format=custom", `--snapshot=${snap}`, `--file=${dbFile}`, `--dbname=${url}`]);
    if (r.code !== 0) throw new AppError("INVALID_STATE", `pg_dump failed: ${r.stderr.trim()}`);
    await c.query("COMMIT");
    return { dbFile, migration, auditHead: `${seq - 1}:${prev}`, blobs };
  } finally {
    await c.end();
  }
}

async function ensureEmptyDir(dir: string) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await readdir(dir);
  if (entries.length) throw new AppError("CONFLICT", `${dir} is not empty. Give a new or empty directory for each backup.`);
}

async function listFilesIn(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFilesIn(dir, rel)));
    else out.push(rel);
  }
  return out;
}

async function recordBackup(actor: Actor | "system", data: { location: string; provider: string; encrypted: boolean; manifestSha256: string; files: number; sizeBytes: number; verified: boolean; message: string }) {
  return write(async (tx) => {
    const r = await tx.backupRecord.create({ data: { ...data, sizeBytes: BigInt(data.sizeBytes), verifiedAt: data.verified ? new Date() : null } });
    await writeAudit(tx, {
      actor,
      action: "backup.create",
      recordType: "BackupRecord",
      recordId: r.id,
      after: { location: data.location, provider: data.provider, encrypted: data.encrypted, verified: data.verified, manifestSha256: data.manifestSha256, message: data.message },
    });
    return r;
  });
}

/**
 * Makes a backup into `dir` (new or empty). The result says whether it verified; a backup
 * that did not is recorded as such (BackupRecord.verified = false, with the reason).
 */
export async function createBackup({
  dir,
  passphrase,
  actor = "system",
  root = storageRoot(),
}: {
  dir: string;
  passphrase?: string;
  actor?: Actor | "system";
  root?: string;
}): Promise<BackupResult> {
  if (actor !== "system") authorize(actor, "backup.manage");
  if (passphrase !== undefined && passphrase.length < 8) throw new AppError("INVALID_INPUT", "The passphrase must be at least 8 characters (better: five or more random words).");
  const location = resolve(dir);
  const url = databaseUrl();
  const provider = providerOf(url);
  await ensureEmptyDir(location);
  const tmp = await backupTempDir();
  const encrypted = passphrase !== undefined;
  let manifest: Manifest | undefined;
  let manifestSha256 = "";
  let sizeBytes = 0;
  try {
    const snap = provider === "sqlite" ? await snapshotSqlite(url, tmp) : await snapshotPostgres(url, tmp);
    const dbPlain = await sha256OfFile(snap.dbFile);
    const dbName = databaseName(provider);
    const exhibitBytes = snap.blobs.reduce((n, b) => n + b.size, 0);

    if (!encrypted) {
      await copyHashing(createReadStream(snap.dbFile), join(location, dbName));
      for (const b of snap.blobs) {
        const dest = join(location, exhibitName(b.sha256));
        await mkdir(dirname(dest), { recursive: true, mode: 0o700 });
        const got = await copyHashing(createReadStream(blobPath(b.sha256, root)), dest).catch((e: NodeJS.ErrnoException) => {
          if (e.code === "ENOENT") throw new AppError("INVALID_STATE", `The exhibit file ${b.sha256} is missing from the store (${root}); run exhibits:verify.`);
          throw e;
        });
        if (got.sha256 !== b.sha256) throw new AppError("INVALID_STATE", `The stored exhibit file ${b.sha256} does not match its SHA-256 (computed ${got.sha256}); run exhibits:verify.`);
      }
    } else {
      const zip = new ZipFile();
      zip.addReadStream(createReadStream(snap.dbFile), dbName, { compress: true, size: dbPlain.size });
      for (const b of snap.blobs) zip.addReadStream(createReadStream(blobPath(b.sha256, root)), exhibitName(b.sha256), { compress: false, size: b.size });
      zip.end();
      await encryptStreamToFile(zip.outputStream as unknown as import("node:stream").Readable, join(location, ARCHIVE), passphrase!);
    }

    const files: StoredFile[] = [];
    for (const name of (await listFilesIn(location)).sort()) {
      const h = await sha256OfFile(join(location, name));
      files.push({ name, size: h.size, sha256: h.sha256 });
      sizeBytes += h.size;
    }
    manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      casefileVersion: await casefileVersion(),
      provider,
      migration: snap.migration,
      auditHead: snap.auditHead,
      encrypted,
      database: { name: dbName, size: dbPlain.size, sha256: dbPlain.sha256 },
      exhibits: { count: snap.blobs.length, bytes: exhibitBytes },
      files,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
    manifestSha256 = sha256Hex(manifestBytes);
    await writeFile(join(location, MANIFEST), manifestBytes, { flag: "wx", mode: 0o600 });
    sizeBytes += manifestBytes.length;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const r = await recordBackup(actor, { location, provider, encrypted, manifestSha256, files: 0, sizeBytes, verified: false, message: `failed: ${message}` }).catch(() => null);
    await rm(tmp, { recursive: true, force: true });
    if (r) (e as { backupRecordId?: string }).backupRecordId = r.id;
    throw e;
  }
  await rm(tmp, { recursive: true, force: true });

  // Read back what was written, as a restore would, and check all of it.
  let verified = false;
  let message: string;
  try {
    const opened = await openBackup(location, passphrase);
    try {
      await verifyOpenedBackup(opened);
    } finally {
      await opened.close();
    }
    verified = true;
    message = `verified: ${manifest.files.length} files, audit chain ${manifest.auditHead.split(":")[0]} events, ${manifest.exhibits.count} exhibit files`;
  } catch (e) {
    message = `NOT verified: ${e instanceof Error ? e.message : String(e)}`;
  }
  const r = await recordBackup(actor, { location, provider, encrypted, manifestSha256, files: manifest.files.length + 1, sizeBytes, verified, message });
  return { recordId: r.id, dir: location, manifest, verified, message, sizeBytes };
}

export async function directorySize(dir: string): Promise<number> {
  let n = 0;
  for (const f of await listFilesIn(dir)) n += (await stat(join(dir, f))).size;
  return n;
}
