import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { Prisma } from "@/generated/sqlite/client";
import { closeDb, rawAll } from "@/lib/db/client";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, PG_ADMIN_URL, type TestDatabase } from "@/tests/support/database";

// rawAll's two ways of reading: on the caller's thread, and (offThread, for searches) on SQLite's
// reader thread. Both must read the newest committed state, fail cleanly, and survive closeDb.

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
  await makeActor("RESEARCHER");
});
afterAll(async () => {
  await closeDb();
  await db?.drop();
});

const names = Prisma.sql`SELECT "name" FROM "User" ORDER BY "name"`;

describe(`raw reads (${process.env.CASEFILE_TEST_PROVIDER ?? "sqlite"})`, () => {
  test("off the main thread, the same rows as on it, and a commit is visible to the next query", async () => {
    expect(await rawAll(names, { offThread: true })).toEqual(await rawAll(names));
    const before = await rawAll<{ name: string }>(names, { offThread: true });
    const u = await makeActor("REVIEWER");
    const after = await rawAll<{ name: string }>(names, { offThread: true });
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((r) => r.name)).toContain(u.name);
  });

  test("many queries at once each get their own answer", async () => {
    const ids = Array.from({ length: 50 }, (_, i) => i);
    const rows = await Promise.all(ids.map((i) => rawAll<{ v: number }>(Prisma.sql`SELECT ${i} + 1 AS v`, { offThread: true })));
    expect(rows.map((r) => Number(r[0]!.v))).toEqual(ids.map((i) => i + 1));
  });

  test("a failing query rejects with the database's message, and the next one works", async () => {
    await expect(rawAll(Prisma.sql`SELECT "nope" FROM "NoSuchTable"`, { offThread: true })).rejects.toThrow(/NoSuchTable/i);
    expect(await rawAll(names, { offThread: true })).toEqual(await rawAll(names));
  });

  test("after closeDb the next query opens what it needs again", async () => {
    const first = await rawAll(names, { offThread: true });
    await closeDb();
    expect(await rawAll(names, { offThread: true })).toEqual(first);
  });

  // PostgreSQL only: registered only there, so no run reports it skipped.
  if (process.env.CASEFILE_TEST_PROVIDER === "postgresql")
    test("an idle connection the server ends does not stop the process, and the next query reconnects", async () => {
      const first = await rawAll(names);
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      try {
        const name = new URL(db.url).pathname.slice(1);
        const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
        expect(ended.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(await rawAll(names)).toEqual(first);
    });
});
