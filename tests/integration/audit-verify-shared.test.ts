import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChainShared } from "@/lib/audit/verify-chain-shared";
import { writeAudit } from "@/lib/audit/write-audit";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { emptyDatabase, execSql, freshDatabase, type TestDatabase } from "@/tests/support/database";

// The audit page's verification: views that ask while a run is going share it; a view that asks
// after it has ended gets a new one.

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());


const event = (i: number) => write((tx) => writeAudit(tx, { actor: "system", action: "test.event", recordType: "Test", recordId: `s${i}`, after: { i } }));

describe("the audit page's verification", () => {
  test("two views asking at once share one run, and a view asking after it ended sees the events written since", async () => {
    for (let i = 1; i <= 5; i++) await event(i);
    const first = verifyAuditChainShared();
    const second = verifyAuditChainShared(); // asked for while the first is running
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: true, events: 5, head: { seq: 5 } });
    // One run, one result: the second view waited for the first's instead of reading the log again.
    expect(b).toBe(a);

    await event(6);
    const later = await verifyAuditChainShared();
    expect(later).toMatchObject({ ok: true, events: 6, head: { seq: 6 } });
    expect(later).not.toBe(a);
  });

  test("a tampered log is reported broken to both views waiting on the run that found it, and to the next", async () => {
    const dropGuard = db.provider === "sqlite" ? `DROP TRIGGER "AuditEvent_no_update"` : `DROP TRIGGER "AuditEvent_no_update_delete" ON "AuditEvent"`;
    await execSql(db, dropGuard);
    await execSql(db, `UPDATE "AuditEvent" SET "after" = '{"i":99}' WHERE "seq" = 4`);
    const [a, b] = await Promise.all([verifyAuditChainShared(), verifyAuditChainShared()]);
    expect(a).toMatchObject({ ok: false, events: 3, firstBad: 4, reason: "hash mismatch" });
    expect(b).toBe(a);
    const again = await verifyAuditChainShared();
    expect(again).toMatchObject({ ok: false, firstBad: 4 });
    expect(again).not.toBe(a);
  });

  test("a run that fails fails for every view waiting on it, and the next view starts a new run", async () => {
    // A database without the audit table yet: reading the log fails.
    const bare = await emptyDatabase();
    try {
      process.env.DATABASE_URL = bare.url;
      const [a, b] = await Promise.allSettled([verifyAuditChainShared(), verifyAuditChainShared()]);
      expect(a.status).toBe("rejected");
      expect(b.status).toBe("rejected");
      // The one run's failure, given to both.
      expect((b as PromiseRejectedResult).reason).toBe((a as PromiseRejectedResult).reason);
      await migrate(bare.url);
      expect(await verifyAuditChainShared()).toMatchObject({ ok: true, events: 0 });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = db.url;
      await bare.drop();
    }
  });
});
