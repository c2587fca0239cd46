import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeDb } from "@/lib/db/client";
import { loadMigrations, migrate } from "@/lib/db/migrate";
import { sqlitePath, type Provider } from "@/lib/db/provider";

export const PG_ADMIN_URL = process.env.CASEFILE_TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function testProvider(): Provider {
  const p = process.env.CASEFILE_TEST_PROVIDER ?? "sqlite";
  if (p !== "sqlite" && p !== "postgresql") throw new Error(`CASEFILE_TEST_PROVIDER must be sqlite or postgresql, not ${p}`);
  return p;
}

export type TestDatabase = { provider: Provider; url: string; drop(): Promise<void> };

/** An empty database of the given provider, not yet migrated. */
export async function emptyDatabase(provider: Provider = testProvider()): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "casefile-test-"));
    return { provider, url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `casefile_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    provider,
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated, empty database that the lib's client now points at. */
export async function freshDatabase(provider: Provider = testProvider()): Promise<TestDatabase> {
  const db = await emptyDatabase(provider);
  await migrate(db.url);
  await closeDb();
  process.env.DATABASE_URL = db.url;
  return {
    ...db,
    drop: async () => {
      await closeDb();
      await db.drop();
    },
  };
}

/**
 * Applies to the database at `url` the migrations that come before the one whose name ends with
 * `suffix` (which must exist, and not be the first), as an installation not yet upgraded to it
 * has them: the upgrade tests write rows the old way, then run the remaining migrations. Returns
 * that migration's full name.
 */
export async function migrateBefore(url: string, provider: Provider, suffix: string): Promise<string> {
  const all = loadMigrations(provider).map((m) => m.name);
  const at = all.findIndex((n) => n.endsWith(suffix));
  if (at < 1) throw new Error(`no migration after the first ends with ${suffix}`);
  const dir = mkdtempSync(join(tmpdir(), "casefile-mig-"));
  const cwd = process.cwd();
  try {
    for (const name of all.slice(0, at)) cpSync(join(cwd, "prisma", "migrations", provider, name), join(dir, "prisma", "migrations", provider, name), { recursive: true });
    process.chdir(dir);
    await migrate(url);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
  return all[at]!;
}

/** Runs SQL (one statement or a script of several) on a test database, outside the app's client: to tamper with it, or to set it up as an older version left it. */
export async function execSql(db: { provider: Provider; url: string }, sql: string): Promise<void> {
  if (db.provider === "sqlite") {
    const c = new Database(sqlitePath(db.url));
    try {
      c.exec(sql);
    } finally {
      c.close();
    }
    return;
  }
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
