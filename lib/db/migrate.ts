import "server-only";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqlitePath, type Provider } from "./provider";
import { SQLITE_BUSY_TIMEOUT_MS } from "./client";

// Our own migration runner. Prisma's `migrate deploy` needs a native engine that cannot be
// downloaded here, so the SQL made by `prisma migrate diff` (prisma/prisma-cli.mjs new NAME)
// is applied by this: in name order, each migration in its own transaction together with its
// bookkeeping row, skipping what was already applied and refusing to run if an applied
// migration's file has since changed.

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; skipped: number };

const TABLE = "_casefile_migrations";

export function migrationsDir(provider: Provider): string {
  return join(process.cwd(), "prisma", "migrations", provider);
}

export function loadMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(migrations: Migration[], applied: Map<string, string>) {
  for (const [name, checksum] of applied) {
    const m = migrations.find((x) => x.name === name);
    if (!m) throw new Error(`The database has migration ${name}, which this version of Casefile does not know.`);
    if (m.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied; refusing to continue.`);
  }
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqlitePath(url);
  mkdirSync(dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    conn.pragma("journal_mode = WAL"); // persistent: every later connection uses WAL
    conn.pragma("synchronous = FULL");
    // SQLite changes a table by rebuilding it (create new, copy, drop old, rename). With foreign
    // keys enforced, dropping the old table would fire ON DELETE actions on the rows that refer
    // to it (SET NULL, CASCADE) and lose data. The switch only works outside a transaction, so it
    // is turned off for the run, and each migration's result is checked before its COMMIT instead.
    conn.pragma("foreign_keys = OFF");
    conn.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const result: MigrateResult = { applied: [], skipped: 0 };
    for (const m of migrations) {
      // BEGIN IMMEDIATE takes the write lock first, so two runners cannot both apply m.
      conn.exec("BEGIN IMMEDIATE");
      try {
        const rows = conn.prepare(`SELECT name, checksum FROM ${TABLE}`).all() as { name: string; checksum: string }[];
        const applied = new Map(rows.map((r) => [r.name, r.checksum]));
        checkApplied(migrations, applied);
        if (applied.has(m.name)) {
          conn.exec("ROLLBACK");
          result.skipped++;
          continue;
        }
        conn.exec(m.sql);
        const broken = conn.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${m.name} would leave ${broken.length} row(s) pointing at missing records; nothing was changed.`);
        conn.prepare(`INSERT INTO ${TABLE} (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
        conn.exec("COMMIT");
        result.applied.push(m.name);
      } catch (e) {
        if (conn.inTransaction) conn.exec("ROLLBACK");
        throw e;
      }
    }
    return result;
  } finally {
    conn.pragma("foreign_keys = ON");
    conn.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const result: MigrateResult = { applied: [], skipped: 0 };
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        // One runner at a time across processes.
        await client.query("SELECT pg_advisory_xact_lock(734501)");
        const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${TABLE}`);
        const applied = new Map(rows.map((r) => [r.name, r.checksum]));
        checkApplied(migrations, applied);
        if (applied.has(m.name)) {
          await client.query("ROLLBACK");
          result.skipped++;
          continue;
        }
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
        result.applied.push(m.name);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    }
    return result;
  } finally {
    await client.end();
  }
}

export async function migrate(url: string): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = loadMigrations(provider);
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
