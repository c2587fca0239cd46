import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eventHash } from "@/lib/audit/canonical";
import { auditCheckpoint, formatCheckpoint, parseCheckpoint, verifyAuditChain } from "@/lib/audit/verify-chain";
import { writeAudit } from "@/lib/audit/write-audit";
import { write, read } from "@/lib/db/write";
import { execSql, freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

async function rawExec(sql: string) {
  return execSql(db, sql);
}


describe("the audit log", () => {
  test("an empty log verifies with zero events", async () => {
    expect(await verifyAuditChain()).toMatchObject({ ok: true, events: 0 });
  });

  test("events chain to one another and verify", async () => {
    for (let i = 0; i < 5; i++) {
      await write((tx) => writeAudit(tx, { actor: "system", action: "test.event", recordType: "Test", recordId: `r${i}`, after: { i, text: "متن فارسی" } }));
    }
    const rows = await read((d) => d.auditEvent.findMany({ orderBy: { seq: "asc" } }));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, events: 5 });
  });

  test("the database refuses to update or delete an audit event", async () => {
    await expect(rawExec(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "seq" = 2`)).rejects.toThrow(/append-only/);
    await expect(rawExec(`DELETE FROM "AuditEvent" WHERE "seq" = 2`)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, events: 5 });
  });

  test("fields that need escaping, and a time stored in another form, still verify", async () => {
    // The verifier lets the database write out each event's canonical JSON; whatever it cannot
    // write exactly as JSON.stringify does is checked from the fields themselves.
    await write((tx) =>
      writeAudit(tx, { actor: "system", action: "test.event", recordType: "Test", recordId: 'odd "id"\n\t\u0001 \u2028', after: { text: 'quote " back \\ slash / \u007f نمونهٔ\u200cساختگی 😀' } }),
    );
    const last = await read((d) => d.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } }));
    const fields = { seq: last.seq + 1, at: "2026-12-01T16:02:38.205Z", actorId: null, actorLabel: "system", action: "test.event", recordType: "Test", recordId: "by-hand", before: null, after: null, prevHash: last.hash };
    const at = db.provider === "sqlite" ? fields.at : "2026-12-01 16:02:38.205";
    await rawExec(
      `INSERT INTO "AuditEvent" ("seq", "at", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash") VALUES (${fields.seq}, '${at}', NULL, 'system', 'test.event', 'Test', 'by-hand', NULL, NULL, '${last.hash}', '${eventHash(fields)}')`,
    );
    expect(await verifyAuditChain()).toMatchObject({ ok: true, events: fields.seq });
  });

  test("an event edited behind the application's back is reported by its sequence number", async () => {
    // An attacker with database access first removes the guard, then rewrites history.
    const dropGuard =
      db.provider === "sqlite"
        ? `DROP TRIGGER "AuditEvent_no_update"`
        : `DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`;
    await rawExec(dropGuard);
    await rawExec(`UPDATE "AuditEvent" SET "after" = '{"i":99}' WHERE "seq" = 3`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, firstBad: 3 });
  });
});

describe("audit checkpoints", () => {
  test("a log cut short after a checkpoint is detected against that checkpoint, though its chain alone still verifies", async () => {
    const fresh = await freshDatabase();
    try {
      for (let i = 0; i < 6; i++) await write((tx) => writeAudit(tx, { actor: "system", action: "test.event", recordType: "Test", recordId: `c${i}`, after: { i } }));
      const cp = await auditCheckpoint();
      expect(cp.seq).toBe(6);
      expect(parseCheckpoint(formatCheckpoint(cp))).toEqual(cp);
      expect(await verifyAuditChain({ checkpoint: cp })).toMatchObject({ ok: true, events: 6 });
      const earlier = { seq: 4, hash: (await read((d) => d.auditEvent.findUniqueOrThrow({ where: { seq: 4 } }))).hash };

      // Someone with database access drops the guard and removes the last two events.
      const dropGuard =
        fresh.provider === "sqlite" ? `DROP TRIGGER "AuditEvent_no_delete"` : `DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`;
      await execSql(fresh, dropGuard);
      await execSql(fresh, `DELETE FROM "AuditEvent" WHERE "seq" > 4`);

      expect(await verifyAuditChain()).toMatchObject({ ok: true, events: 4 });
      expect(await verifyAuditChain({ checkpoint: cp })).toMatchObject({ ok: false, firstBad: 5 });
      expect(await verifyAuditChain({ checkpoint: earlier })).toMatchObject({ ok: true });
      expect(await verifyAuditChain({ checkpoint: { seq: 3, hash: "f".repeat(64) } })).toMatchObject({ ok: false, firstBad: 3 });
      expect(parseCheckpoint("12:nothex")).toBeNull();
    } finally {
      await fresh.drop();
      process.env.DATABASE_URL = db.url;
    }
  });
});

describe("a log longer than the pages it is read in", () => {
  // The verifier reads the log in pages (1,000 events on SQLite, 2,000 on PostgreSQL, where the
  // next page is asked for while one is being checked): 4,500 events span several of each.
  const N = 4_500;
  /** A valid chain of N events, written straight into the table; returns the head's hash. */
  async function fillChain(fresh: TestDatabase): Promise<string> {
    let prev = "0".repeat(64);
    const t0 = Date.parse("2026-12-01T10:00:00.000Z");
    for (let from = 1; from <= N; from += 500) {
      const rows: string[] = [];
      for (let seq = from; seq < from + 500; seq++) {
        const f = { seq, at: new Date(t0 + seq * 1_000).toISOString(), actorId: null, actorLabel: "system", action: "test.event", recordType: "Test", recordId: `p${seq}`, before: null, after: `{"n":${seq}}`, prevHash: prev };
        const hash = eventHash(f);
        const at = fresh.provider === "sqlite" ? f.at.replace("Z", "+00:00") : f.at;
        rows.push(`(${seq}, '${at}', NULL, 'system', 'test.event', 'Test', 'p${seq}', NULL, '${f.after}', '${prev}', '${hash}')`);
        prev = hash;
      }
      await execSql(fresh, `INSERT INTO "AuditEvent" ("seq", "at", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash", "hash") VALUES ${rows.join(", ")}`);
    }
    return prev;
  }
  const dropGuardOf = (fresh: TestDatabase) =>
    fresh.provider === "sqlite" ? [`DROP TRIGGER "AuditEvent_no_update"`, `DROP TRIGGER "AuditEvent_no_delete"`] : [`DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`];

  test("verifies whole, and an event changed on a later page is named, before or after another change", async () => {
    const fresh = await freshDatabase();
    try {
      const prev = await fillChain(fresh);
      expect(await verifyAuditChain()).toEqual({ ok: true, events: N, head: { seq: N, hash: prev } });

      const dropGuard = fresh.provider === "sqlite" ? `DROP TRIGGER "AuditEvent_no_update"` : `DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`;
      await execSql(fresh, dropGuard);
      await execSql(fresh, `UPDATE "AuditEvent" SET "after" = '{"n":0}' WHERE "seq" = 4321`);
      expect(await verifyAuditChain()).toMatchObject({ ok: false, events: 4320, firstBad: 4321, reason: "hash mismatch" });
      // A change on an earlier page stops the check there, with the later pages not read through.
      await execSql(fresh, `UPDATE "AuditEvent" SET "recordId" = 'elsewhere' WHERE "seq" = 2100`);
      expect(await verifyAuditChain()).toMatchObject({ ok: false, events: 2099, firstBad: 2100 });
    } finally {
      await fresh.drop();
      process.env.DATABASE_URL = db.url;
    }
  });

  test("a whole page of events removed from the middle is reported where the gap starts, and the check goes on to the end otherwise", async () => {
    // PostgreSQL's pages are ranges of sequence numbers, read ahead on two connections: a range
    // with no events in it must not end the reading.
    const fresh = await freshDatabase();
    try {
      await fillChain(fresh);
      for (const sql of dropGuardOf(fresh)) await execSql(fresh, sql);
      await execSql(fresh, `DELETE FROM "AuditEvent" WHERE "seq" BETWEEN 1501 AND 4200`);
      expect(await verifyAuditChain()).toMatchObject({ ok: false, events: 1500, firstBad: 1501, reason: "missing event" });
      // Only the tail cut off: the chain alone verifies (a checkpoint would tell), counted to its new end.
      await execSql(fresh, `DELETE FROM "AuditEvent" WHERE "seq" > 1500`);
      expect(await verifyAuditChain()).toMatchObject({ ok: true, events: 1500 });
    } finally {
      await fresh.drop();
      process.env.DATABASE_URL = db.url;
    }
  });
});
