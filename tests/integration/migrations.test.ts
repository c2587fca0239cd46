import { afterAll, describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { loadMigrations, migrate } from "@/lib/db/migrate";
import { sqlitePath } from "@/lib/db/provider";
import { emptyDatabase, execSql, testProvider, type TestDatabase } from "@/tests/support/database";

const provider = testProvider();
const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
});

async function empty() {
  const d = await emptyDatabase(provider);
  dbs.push(d);
  return d;
}

/** Runs a SQL script (many statements) on a database. */
const execScript = (url: string, sql: string) => execSql({ provider, url }, sql);

type Shape = Record<string, string[]>;

// Objects the migrations add by hand, outside Prisma's schema, for lib/search: on SQLite the
// FTS5 virtual table "SearchFts" and the shadow tables FTS5 keeps for it; on PostgreSQL the
// table "SearchVector" (each entry's tsvector, kept by a trigger on "SearchDoc") and its GIN
// index. The reference database cannot have them, so they are left out of the comparison by name
// (their behaviour is tested in tests/integration/search*.test.ts).
const HAND_MADE_TABLES = new Set(["SearchFts", "SearchFts_data", "SearchFts_idx", "SearchFts_docsize", "SearchFts_config", "SearchFts_content", "SearchVector"]);

/** Tables, columns (type, nullability, default), indexes and foreign keys, in a comparable form. */
async function shapeOf(url: string): Promise<Shape> {
  const shape: Shape = {};
  if (provider === "sqlite") {
    const c = new Database(sqlitePath(url), { readonly: true });
    const tables = c.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_casefile_migrations' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables.filter((t) => !HAND_MADE_TABLES.has(t.name))) {
      const cols = c.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as Record<string, unknown>[];
      const idx = c.prepare(`SELECT name, "unique" FROM pragma_index_list(?) ORDER BY name`).all(name) as { name: string; unique: number }[];
      const fks = c.prepare(`SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)`).all(name) as Record<string, unknown>[];
      shape[name] = [
        ...cols.map((x) => `col ${x.name} ${x.type} nn=${x.notnull} d=${x.dflt_value} pk=${x.pk}`),
        ...idx.map((i) => `idx ${i.name} u=${i.unique} ${(c.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name) as { name: string }[]).map((r) => r.name).join(",")}`),
        ...fks.map((f) => `fk ${f.from}->${f.table}.${f.to} ${f.on_delete}`).sort(),
      ];
    }
    c.close();
  } else {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const cols = await c.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema='public' AND table_name <> '_casefile_migrations' ORDER BY table_name, ordinal_position`,
    );
    for (const r of cols.rows.filter((x) => !HAND_MADE_TABLES.has(x.table_name))) (shape[r.table_name] ??= []).push(`col ${r.column_name} ${r.data_type} ${r.is_nullable} d=${r.column_default}`);
    const idx = await c.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname='public' AND tablename <> '_casefile_migrations' ORDER BY tablename, indexname`);
    for (const r of idx.rows.filter((x) => !HAND_MADE_TABLES.has(x.tablename))) (shape[r.tablename] ??= []).push(`idx ${r.indexdef}`);
    const fks = await c.query(
      `SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype='f' AND connamespace='public'::regnamespace ORDER BY 1, 2`,
    );
    for (const r of fks.rows.filter((x) => !HAND_MADE_TABLES.has(x.t.replace(/"/g, "")))) (shape[r.t.replace(/"/g, "")] ??= []).push(`fk ${r.def}`);
    await c.end();
  }
  // Column order differs legitimately: ALTER TABLE adds columns at the end.
  for (const k of Object.keys(shape)) shape[k].sort();
  return shape;
}

describe(`migrations (${provider})`, () => {
  test("a database migrated from empty has exactly the shape the Prisma schema describes", async () => {
    const migrated = await empty();
    await migrate(migrated.url);
    // The reference: SQL Prisma derives from the current schema, applied to another empty database.
    const reference = await empty();
    const sql = execFileSync(process.execPath, ["prisma/prisma-cli.mjs", "sql", provider], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(sql).toContain("CREATE TABLE");
    await execScript(reference.url, sql);
    const [a, b] = [await shapeOf(migrated.url), await shapeOf(reference.url)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a).toEqual(b);
  }, 120_000);

  test("running the migrations again changes nothing", async () => {
    const d = await empty();
    const first = await migrate(d.url);
    expect(first.applied).toEqual(loadMigrations(provider).map((m) => m.name));
    const second = await migrate(d.url);
    expect(second).toEqual({ applied: [], skipped: first.applied.length });
  });

  test("a migration edited after it was applied stops the runner", async () => {
    const d = await empty();
    await migrate(d.url);
    const dir = mkdtempSync(join(tmpdir(), "casefile-mig-"));
    const cwd = process.cwd();
    try {
      cpSync(join(cwd, "prisma", "migrations"), join(dir, "prisma", "migrations"), { recursive: true });
      const first = loadMigrations(provider)[0].name;
      appendFileSync(join(dir, "prisma", "migrations", provider, first, "migration.sql"), "\n-- tampered\n");
      process.chdir(dir);
      await expect(migrate(d.url)).rejects.toThrow(/changed after it was applied/);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a migration that fails is rolled back whole", async () => {
    const d = await empty();
    await migrate(d.url);
    const dir = mkdtempSync(join(tmpdir(), "casefile-mig-"));
    const cwd = process.cwd();
    try {
      cpSync(join(cwd, "prisma", "migrations"), join(dir, "prisma", "migrations"), { recursive: true });
      const bad = join(dir, "prisma", "migrations", provider, "99999999999999_broken");
      cpSync(join(dir, "prisma", "migrations", provider, loadMigrations(provider)[0].name), bad, { recursive: true });
      const { writeFileSync } = await import("node:fs");
      writeFileSync(join(bad, "migration.sql"), `CREATE TABLE "ShouldVanish" ("id" TEXT PRIMARY KEY);\nSELECT * FROM "NoSuchTable";\n`);
      process.chdir(dir);
      await expect(migrate(d.url)).rejects.toThrow();
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(Object.keys(await shapeOf(d.url))).not.toContain("ShouldVanish");
  });

  test("upgrading a database that holds data keeps every row, through every migration", async () => {
    const d = await empty();
    const all = loadMigrations(provider).map((m) => m.name);
    const dir = mkdtempSync(join(tmpdir(), "casefile-mig-"));
    const cwd = process.cwd();
    try {
      // Stop after the first two migrations, write data, then apply the rest.
      for (const name of all.slice(0, 2)) cpSync(join(cwd, "prisma", "migrations", provider, name), join(dir, "prisma", "migrations", provider, name), { recursive: true });
      process.chdir(dir);
      await migrate(d.url);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
    const now = provider === "sqlite" ? "'2026-01-01T00:00:00.000Z'" : "now()";
    await execScript(
      d.url,
      [
        `INSERT INTO "User" ("id","email","name","role","passwordHash","updatedAt") VALUES ('u1','a@x','A','ADMIN','h',${now});`,
        `INSERT INTO "Witness" ("id","code","createdById","updatedAt") VALUES ('w1','W-0001','u1',${now});`,
        `INSERT INTO "Statement" ("id","witnessId","authorId","title","language","originalText","updatedAt") VALUES ('s1','w1','u1','t','fa','متن',${now});`,
        `INSERT INTO "Source" ("id","title","updatedAt") VALUES ('src1','A report',${now});`,
        `INSERT INTO "Claim" ("id","topic","claimedBy","low","sourceId") VALUES ('c1','death-toll-1988','X',5000,'src1');`,
        `INSERT INTO "AuditEvent" ("seq","at","actorLabel","action","recordType","recordId","prevHash","hash") VALUES (1,${now},'system','x','T','r','0','h1');`,
      ].join("\n"),
    );
    await migrate(d.url);
    const rows = async (sql: string) => {
      if (provider === "sqlite") {
        const c = new Database(sqlitePath(d.url), { readonly: true });
        const r = c.prepare(sql).all();
        c.close();
        return r;
      }
      const c = new pg.Client({ connectionString: d.url });
      await c.connect();
      const r = (await c.query(sql)).rows;
      await c.end();
      return r;
    };
    expect(await rows(`SELECT "id", "title" FROM "Source"`)).toEqual([{ id: "src1", title: "A report" }]);
    expect(await rows(`SELECT "id", "sourceId", "low" FROM "Claim"`)).toEqual([{ id: "c1", sourceId: "src1", low: 5000 }]);
    expect(await rows(`SELECT "originalText" FROM "Statement"`)).toEqual([{ originalText: "متن" }]);
    expect(await rows(`SELECT "seq" FROM "AuditEvent"`)).toEqual([{ seq: 1 }]);
  });

  // PostgreSQL only (SQLite does not compress values): registered only there, so no run reports it skipped.
  if (provider === "postgresql")
  test("the large text columns are compressed with lz4 where the server has it", async () => {
    const d = await empty();
    await migrate(d.url);
    const c = new pg.Client({ connectionString: d.url });
    await c.connect();
    try {
      const lz4 = (await c.query(`SELECT 'lz4' = ANY (enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'`)).rows[0]?.ok === true;
      const cols = (
        await c.query(
          `SELECT c.relname || '.' || a.attname AS col, a.attcompression AS comp FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           WHERE c.relname IN ('SearchDoc', 'Statement', 'StatementRevision', 'AuditEvent') AND a.attname IN ('body', 'normBody', 'originalText', 'before', 'after')
           ORDER BY 1`,
        )
      ).rows.map((r: { col: string; comp: string }) => `${r.col}:${r.comp || "default"}`);
      const want = lz4 ? "l" : "default";
      expect(cols).toEqual(
        ["AuditEvent.after", "AuditEvent.before", "SearchDoc.body", "SearchDoc.normBody", "Statement.originalText", "StatementRevision.originalText"].map((c) => `${c}:${want}`),
      );
    } finally {
      await c.end();
    }
  });
});
