import { afterAll, beforeAll, describe, expect, test } from "vitest";
import Database from "better-sqlite3";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { sqlitePath } from "@/lib/db/provider";
import pg from "pg";
import { read, write } from "@/lib/db/write";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let researcher: Actor;
beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
});
afterAll(async () => db?.drop());

describe("concurrent writers", () => {
  test("20 concurrent writers: every acknowledged write is present, the chain verifies, the file is intact", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const WRITERS = 20;
    const PER_WRITER = 5;
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => {
        for (let j = 0; j < PER_WRITER; j++) {
          const s = await createStatement({
            actor: researcher,
            input: { witnessId: w.id, title: `writer ${i} #${j}`, language: "fa", originalText: `متن ${i}-${j}` },
          });
          acknowledged.push(s.id);
          if (j % 2 === 0) {
            await updateStatement({ actor: researcher, statementId: s.id, input: { title: `writer ${i} #${j}`, language: "fa", originalText: `ویرایش ${i}-${j}`, reason: "edit", baseRevision: 1 } });
          }
        }
      }),
    );
    expect(acknowledged).toHaveLength(WRITERS * PER_WRITER);
    const stored = await read((d) => d.statement.findMany({ where: { id: { in: acknowledged } }, select: { id: true, revisionNumber: true, title: true } }));
    expect(stored).toHaveLength(acknowledged.length);
    expect(stored.filter((s) => s.revisionNumber === 2)).toHaveLength(WRITERS * Math.ceil(PER_WRITER / 2));
    const audit = await read((d) => d.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } }));
    expect(audit.map((a) => a.seq)).toEqual(audit.map((_, i) => i + 1));
    expect(await verifyAuditChain()).toMatchObject({ ok: true, events: audit.length });

    if (db.provider === "sqlite") {
      const conn = new Database(sqlitePath(db.url), { readonly: true });
      try {
        expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(conn.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        conn.close();
      }
    }
  });

  test("a failed write in the middle of concurrent writes does not disturb the others", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createStatement({ actor: researcher, input: { witnessId: i % 5 === 0 ? "missing" : w.id, title: `t${i}`, language: "en", originalText: "x" } }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(4);
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    expect(await read((d) => d.statement.count({ where: { id: { in: ok } } }))).toBe(16);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a write transaction that reads first is not refused when another process writes in between", async () => {
    // Another process (a CLI import or backup beside the app) writes while one of the app's
    // transactions has read but not yet written. On SQLite a transaction opened with a plain
    // BEGIN would then fail at its first write (SQLITE_BUSY_SNAPSHOT): write() takes the write
    // lock first, so the other process waits instead (here, with no busy timeout, it is told
    // BUSY at once) and the app's transaction commits.
    const w = await createWitness({ actor: researcher, input: {} });
    let otherProcess = "";
    const other = async (title: string) => {
      if (db.provider === "sqlite") {
        const conn = new Database(sqlitePath(db.url));
        conn.pragma("busy_timeout = 0");
        try {
          conn.prepare(`UPDATE "Witness" SET "updatedAt" = "updatedAt" WHERE id = ?`).run(w.id);
          return `wrote ${title}`;
        } catch (e) {
          return (e as { code?: string }).code ?? String(e);
        } finally {
          conn.close();
        }
      }
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(`UPDATE "Witness" SET "updatedAt" = "updatedAt" WHERE id = $1`, [w.id]);
        return `wrote ${title}`;
      } finally {
        await client.end();
      }
    };
    const result = await write(async (tx) => {
      const n = await tx.statement.count();
      otherProcess = await other("during");
      await tx.witness.update({ where: { id: w.id }, data: { fictional: true } });
      return n;
    });
    expect(typeof result).toBe("number");
    expect(otherProcess).toBe(db.provider === "sqlite" ? "SQLITE_BUSY" : "wrote during");
    expect(await read((d) => d.witness.findUnique({ where: { id: w.id }, select: { fictional: true } }))).toEqual({ fictional: true });
    expect(await other("after")).toBe("wrote after");
  });
});
