import "server-only";
import { randomUUID } from "node:crypto";
import { chmod, copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { verifyAuditChain, parseCheckpoint } from "@/lib/audit/verify-chain";
import { writeAudit } from "@/lib/audit/write-audit";
import { closeDb } from "@/lib/db/client";
import { loadMigrations, migrate } from "@/lib/db/migrate";
import { databaseUrl, providerOf, sqlitePath } from "@/lib/db/provider";
import { write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { verifyAllExhibits } from "@/lib/exhibits";
import { placeTemp, removeStoredFile, storageRoot } from "@/lib/exhibits/storage";
import { EXPORTED_TABLES } from "@/lib/transfer/tables";
import { BackupProblem, copyHashing, openBackup, readManifest, run, verifyOpenedBackup } from "./contents";

// `casefile restore DIR`: brings a backup into an EMPTY installation (DATABASE_URL and
// CASEFILE_STORAGE_DIR), then verifies the audit chain up to the backup's head and every exhibit
// file before it reports success. Run it with the app stopped.

export type RestoreResult = { provider: string; auditHead: string; events: number; exhibits: number; migrationsApplied: string[] };

const q = (t: string) => `"${t}"`;

async function sqliteIsEmpty(file: string): Promise<{ empty: boolean; exists: boolean; busy: string[] }> {
  const s = await stat(file).catch(() => null);
  if (!s) return { empty: true, exists: false, busy: [] };
  const conn = new Database(file, { readonly: true });
  try {
    const tables = new Set((conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const busy = EXPORTED_TABLES.filter((t) => tables.has(t) && (conn.prepare(`SELECT COUNT(*) AS n FROM ${q(t)}`).get() as { n: number }).n > 0);
    return { empty: busy.length === 0, exists: true, busy };
  } finally {
    conn.close();
  }
}

async function postgresTables(c: pg.Client): Promise<string[]> {
  return (await c.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename);
}

function notEmpty(busy: string[]): AppError {
  return new AppError(
    "CONFLICT",
    `This installation is not empty (${busy.join(", ")} hold records). A backup is restored only into an empty installation: point DATABASE_URL at a new database (and CASEFILE_STORAGE_DIR at a new directory). Nothing was written.`,
  );
}

export async function restoreBackup({ dir, passphrase, root = storageRoot() }: { dir: string; passphrase?: string; root?: string }): Promise<RestoreResult> {
  const url = databaseUrl();
  const provider = providerOf(url);
  // What the clear manifest says is checked before anything is decrypted.
  const { manifest: m } = await readManifest(resolve(dir));
  if (m.provider !== provider)
    throw new BackupProblem(`This is a backup of a ${m.provider} database, and DATABASE_URL names a ${provider} one. Restore it into ${m.provider} (or move data between the two with a full export and import). Nothing was written.`);
  const known = loadMigrations(provider).map((x) => x.name);
  if (m.migration && !known.includes(m.migration))
    throw new BackupProblem(`This backup's database is at schema migration ${m.migration}, newer than this version of Casefile knows (latest ${known.at(-1)}). Update Casefile, then restore. Nothing was written.`);
  const opened = await openBackup(resolve(dir), passphrase);
  const placed: string[] = [];
  let databaseWritten = false;
  try {
    await verifyOpenedBackup(opened);

    // The destination must be empty.
    await closeDb();
    let pgClient: pg.Client | undefined;
    if (provider === "sqlite") {
      const st = await sqliteIsEmpty(sqlitePath(url));
      if (!st.empty) throw notEmpty(st.busy);
    } else {
      pgClient = new pg.Client({ connectionString: url });
      await pgClient.connect();
      const tables = await postgresTables(pgClient);
      const busy: string[] = [];
      for (const t of EXPORTED_TABLES) if (tables.includes(t) && Number((await pgClient.query(`SELECT COUNT(*) AS n FROM ${q(t)}`)).rows[0].n) > 0) busy.push(t);
      if (busy.length) {
        await pgClient.end();
        throw notEmpty(busy);
      }
    }

    // Exhibit files first (each hashed again on the way into the store), then the database.
    await mkdir(join(root, "tmp"), { recursive: true, mode: 0o700 });
    let exhibits = 0;
    await opened.exhibits(async (sha256, stream) => {
      const tmpPath = join(root, "tmp", `${randomUUID()}.part`);
      const got = await copyHashing(stream, tmpPath);
      if (got.sha256 !== sha256) {
        await rm(tmpPath, { force: true });
        throw new BackupProblem(`The exhibit file ${sha256} in the backup does not match its SHA-256 (computed ${got.sha256}). Nothing was restored.`);
      }
      await chmod(tmpPath, 0o440);
      const stored = await placeTemp({ tmpPath, sha256, size: got.size, mime: "application/octet-stream", root });
      if (stored.created) placed.push(sha256);
      exhibits++;
    });

    databaseWritten = true;
    if (provider === "sqlite") {
      const file = sqlitePath(url);
      await mkdir(dirname(file), { recursive: true });
      for (const suffix of ["", "-wal", "-shm", "-journal"]) await rm(file + suffix, { force: true });
      const part = `${file}.restoring`;
      await rm(part, { force: true });
      await copyFile(opened.databaseFile, part);
      await rename(part, file);
    } else {
      const c = pgClient!;
      // Drop whatever empty tables an earlier db:migrate made; pg_restore recreates the schema.
      await c.query("DROP SCHEMA public CASCADE");
      await c.query("CREATE SCHEMA public");
      await c.end();
      const r = await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${url}`, opened.databaseFile]);
      if (r.code !== 0) throw new BackupProblem(`pg_restore failed: ${r.stderr.trim()}`);
    }
    // A backup from an older version is brought up to this code's schema.
    const migrated = await migrate(url);
    await closeDb();

    const head = parseCheckpoint(m.auditHead);
    const chain = await verifyAuditChain({ checkpoint: head ?? undefined });
    if (!chain.ok) throw new BackupProblem(`The restored audit chain does not verify: ${chain.reason} at event ${chain.firstBad}.`);
    if (head && chain.events !== head.seq) throw new BackupProblem(`The restored audit log has ${chain.events} events; the backup's head is ${head.seq}.`);
    const files = await verifyAllExhibits({ root });
    if (files.problems.length)
      throw new BackupProblem(`Restored exhibit files do not verify: ${files.problems.map((p) => `${p.number} ${p.result}`).join(", ")}.`);
    await write((tx) =>
      writeAudit(tx, { actor: "system", action: "backup.restore", recordType: "Instance", recordId: m.auditHead, after: { createdAt: m.createdAt, provider: m.provider, auditHead: m.auditHead, encrypted: m.encrypted, casefileVersion: m.casefileVersion } }),
    );
    return { provider, auditHead: m.auditHead, events: chain.events, exhibits, migrationsApplied: migrated.applied };
  } catch (e) {
    // Leave the installation as empty as it was found.
    for (const sha of placed) await removeStoredFile(sha, root).catch(() => undefined);
    if (databaseWritten) await undoDatabase(url).catch(() => undefined);
    throw e;
  } finally {
    await opened.close();
  }
}

async function undoDatabase(url: string) {
  await closeDb();
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    for (const suffix of ["", "-wal", "-shm", "-journal", ".restoring"]) await rm(file + suffix, { force: true });
    return;
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("DROP SCHEMA public CASCADE");
    await c.query("CREATE SCHEMA public");
  } finally {
    await c.end();
  }
}
