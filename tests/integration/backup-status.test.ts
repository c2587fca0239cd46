import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listBackups } from "@/lib/backup";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// What the admin screen warns about: no backup, the last one older than 7 days, the last one not verified.
let db: TestDatabase;
let admin: Actor;
let researcher: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [admin, researcher] = await Promise.all([makeActor("ADMIN"), makeActor("RESEARCHER")]);
});
afterAll(async () => db?.drop());

const DAY = 86_400_000;
const record = (createdAt: Date, verified: boolean, message = verified ? "verified" : "NOT verified: exhibit file x does not match") =>
  write((tx) => tx.backupRecord.create({ data: { createdAt, location: "/backups/x", provider: "sqlite", encrypted: true, manifestSha256: "a".repeat(64), files: 2, sizeBytes: 1234n, verified, verifiedAt: verified ? createdAt : null, message } }));

describe("backup status for the admin screen", () => {
  test("never, stale after 7 days, failed verification, fine — and only for administrators", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect((await listBackups({ actor: admin, now })).warning).toBe("never");
    await record(new Date(now.getTime() - 8 * DAY), true);
    const stale = await listBackups({ actor: admin, now });
    expect(stale).toMatchObject({ warning: "stale", rows: [{ verified: true, sizeBytes: 1234 }] });
    await record(new Date(now.getTime() - 6 * DAY), true);
    expect((await listBackups({ actor: admin, now })).warning).toBe("none");
    await record(new Date(now.getTime() - DAY), false);
    const failed = await listBackups({ actor: admin, now });
    expect(failed.warning).toBe("failed");
    expect(failed.last?.message).toMatch(/NOT verified/);
    expect(failed.lastVerified?.createdAt).toEqual(new Date(now.getTime() - 6 * DAY));
    await expect(listBackups({ actor: researcher, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBackups({ actor: null, now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
