import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath } from "@/lib/db/provider";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The command line as an operator runs it: a separate process, the same DATABASE_URL.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

function cli(args: string[], stdin = "") {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function tamper(sql: string[]) {
  if (db.provider === "sqlite") {
    const c = new Database(sqlitePath(db.url));
    for (const s of sql) c.exec(s);
    c.close();
  } else {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    for (const s of sql) await c.query(s);
    await c.end();
  }
}

describe("casefile command line", () => {
  test("user:create reads the password from stdin; bad input is explained and creates nothing", () => {
    const ok = cli(["user:create", "--email", "First.Admin@Example.org", "--name", "First Admin", "--role", "ADMIN"], "a strong first password\n");
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/created ADMIN first\.admin@example\.org/);
    const short = cli(["user:create", "--email", "x@example.org", "--name", "X", "--role", "ADMIN"], "short\n");
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/password: Use at least 12 characters/);
    const role = cli(["user:create", "--email", "y@example.org", "--name", "Y", "--role", "KING"], "long enough password\n");
    expect(role.code).toBe(2);
    const dup = cli(["user:create", "--email", "first.admin@example.org", "--name", "Again", "--role", "LEGAL"], "a strong first password\n");
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
  });

  test("token:create prints a token for an existing account only", () => {
    const t = cli(["token:create", "--email", "first.admin@example.org"]);
    expect(t.code, t.err).toBe(0);
    expect(t.out.trim()).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    expect(cli(["token:create", "--email", "nobody@example.org"]).code).toBe(1);
  });

  test("audit:verify exits 0 with the count, then 1 naming the first bad sequence number after tampering", async () => {
    const ok = cli(["audit:verify"]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/verified: 2 events/);
    const cp = cli(["audit:checkpoint"]);
    expect(cp.out.trim()).toMatch(/^2:[0-9a-f]{64}$/);
    expect(cli(["audit:verify", "--checkpoint", cp.out.trim()]).code).toBe(0);
    expect(cli(["audit:verify", "--checkpoint", "2:nothex"]).code).toBe(2);
    expect(cli(["audit:verify", "--checkpoint", `9:${"a".repeat(64)}`]).code).toBe(1);
    await tamper(
      db.provider === "sqlite"
        ? [`DROP TRIGGER "AuditEvent_no_update"`, `UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "seq" = 2`]
        : [`DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`, `UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "seq" = 2`],
    );
    const bad = cli(["audit:verify"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/BROKEN at sequence number 2\b/);
  });

  test("dossier:verify on a path that does not exist says so and exits 2, before reading anything", () => {
    const r = cli(["dossier:verify", "/no/such/package.zip"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("no such file or folder: /no/such/package.zip");
  });

  test("an unknown command prints the usage and exits 2", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage:/);
  });
});
