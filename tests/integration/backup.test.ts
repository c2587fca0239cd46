import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createBackup, restoreBackup } from "@/lib/backup";
import { sha256OfFile } from "@/lib/backup/contents";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { emptyDatabase, freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";
import { buildRichData, PERSIAN_TEXT, STATEMENT_MARKER, WITNESS_NAME } from "./transfer-data";

// Backups of a live installation and restores into empty ones, on the provider under test.
// The scrypt work factor is lowered for speed (CASEFILE_BACKUP_SCRYPT_LOG_N); the scheme is the same.

let src: TestDatabase;
const dbs: TestDatabase[] = [];
const work = mkdtempSync(join(tmpdir(), "casefile-backup-test-"));
const srcStore = join(work, "store-src");
const PASSPHRASE = "correct horse battery staple";
let actors: Awaited<ReturnType<typeof buildRichData>>["actors"];
let clearBackup: string;

async function useSource() {
  await closeDb();
  process.env.DATABASE_URL = src.url;
  process.env.CASEFILE_STORAGE_DIR = srcStore;
}

/** A new empty installation (migrated, as after a fresh install) that lib now points at. */
async function emptyInstallation(migrated = true) {
  const d = await emptyDatabase();
  if (migrated) await migrate(d.url);
  dbs.push(d);
  const store = mkdtempSync(join(work, "store-"));
  await closeDb();
  process.env.DATABASE_URL = d.url;
  process.env.CASEFILE_STORAGE_DIR = store;
  return { db: d, store };
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: src.url, CASEFILE_STORAGE_DIR: srcStore, ...env },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", (e) => resolve({ code: -1, stdout, stderr: stderr + String(e) }));
    p.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

async function expectWholeToAPointInTime() {
  const chain = await verifyAuditChain();
  expect(chain.ok).toBe(true);
  const statements = await read((d) => d.statement.findMany({ select: { id: true, revisionNumber: true, _count: { select: { revisions: true } } } }));
  for (const s of statements) expect(s._count.revisions).toBe(s.revisionNumber);
  const created = await read((d) => d.auditEvent.findMany({ where: { action: "statement.create" }, select: { recordId: true } }));
  expect(new Set(created.map((e) => e.recordId))).toEqual(new Set(statements.map((s) => s.id)));
  return statements.length;
}

beforeAll(async () => {
  process.env.CASEFILE_BACKUP_SCRYPT_LOG_N = "10";
  src = await freshDatabase();
  process.env.CASEFILE_STORAGE_DIR = srcStore;
  ({ actors } = await buildRichData());
  clearBackup = join(work, "clear");
  const r = await createBackup({ dir: clearBackup });
  expect(r).toMatchObject({ verified: true });
});
afterAll(async () => {
  await closeDb();
  for (const d of dbs) await d.drop().catch(() => undefined);
  await src?.drop();
  rmSync(work, { recursive: true, force: true });
  delete process.env.CASEFILE_STORAGE_DIR;
  delete process.env.CASEFILE_BACKUP_SCRYPT_LOG_N;
});

describe("backup and restore", () => {
  test("a backup taken by the CLI while statements are being written restores whole, to one point in time", async () => {
    await useSource();
    const witness = await createWitness({ actor: actors.RESEARCHER, input: { fictional: true } });
    const before = await read((d) => d.statement.count());
    const dir = join(work, "live");
    let done = false;
    let written = 0;
    const refused: string[] = [];
    const writers = (async () => {
      // At most 3000, in case the backup never finishes.
      while (!done && written + refused.length < 3000) {
        const t0 = Date.now();
        try {
          await createStatement({ actor: actors.RESEARCHER, input: { witnessId: witness.id, title: `during backup ${written}`, language: "en", originalText: `Written while the backup ran, number ${written}.` } });
          written++;
        } catch (e) {
          refused.push(`${(e as { code?: string }).code} after ${Date.now() - t0} ms`);
        }
        // Let the event loop see the child's output and exit between writes, as a server would.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const child = cli(["backup", dir]);
    // Keep writing until the backup has finished, and a little after.
    const r = await child;
    done = true;
    await writers;
    // The backup's own writes (its BackupRecord, its audit event) come from another process while
    // the app writes: every write transaction takes the write lock before it reads
    // (lib/db/write.ts), so none of the app's writes may be refused for it.
    expect(refused).toEqual([]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/verified/);
    expect(written).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "casefile-backup", version: 1, provider: testProvider(), encrypted: false, migration: expect.stringMatching(/^\d{14}_/) });
    expect(manifest.auditHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    for (const f of manifest.files) expect((await sha256OfFile(join(dir, f.name))).sha256).toBe(f.sha256);
    const record = await read((d) => d.backupRecord.findFirst({ where: { location: dir } }));
    expect(record).toMatchObject({ verified: true, encrypted: false, provider: testProvider() });
    const after = await read((d) => d.statement.count());

    // Migrated but empty (as after installing): restore replaces the empty schema.
    const { store } = await emptyInstallation(true);
    const restored = await restoreBackup({ dir });
    expect(restored.auditHead).toBe(manifest.auditHead);
    const n = await expectWholeToAPointInTime();
    expect(n).toBeGreaterThanOrEqual(before);
    expect(n).toBeLessThanOrEqual(after);
    // The restored chain extends the backup's head by the restore event alone.
    const last = await read((d) => d.auditEvent.findFirst({ orderBy: { seq: "desc" } }));
    expect(last).toMatchObject({ action: "backup.restore", seq: Number(manifest.auditHead.split(":")[0]) + 1, prevHash: manifest.auditHead.split(":")[1] });
    expect(readdirSync(store).filter((d) => d !== "tmp").length).toBeGreaterThan(0);
  }, 180_000);

  test("an encrypted backup holds no witness name or statement text in clear; a wrong passphrase fails and writes nothing; the right one restores", async () => {
    await useSource();
    const dir = join(work, "encrypted");
    const r = await createBackup({ dir, passphrase: PASSPHRASE });
    expect(r.verified).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["backup.zip.age", "manifest.json"]);
    const needles = [WITNESS_NAME, STATEMENT_MARKER, PERSIAN_TEXT, "Zarvanqoli", "شهادت آزمایشی"].map((s) => Buffer.from(s, "utf8"));
    for (const f of allFiles(dir)) {
      const bytes = readFileSync(f);
      for (const n of needles) expect({ file: f, found: bytes.includes(n) }).toEqual({ file: f, found: false });
    }
    // The same search finds the text in the unencrypted backup, so it could have failed.
    expect(allFiles(clearBackup).some((f) => readFileSync(f).includes(Buffer.from(STATEMENT_MARKER)))).toBe(true);

    const { db, store } = await emptyInstallation(false);
    await expect(restoreBackup({ dir, passphrase: "not the passphrase" })).rejects.toThrow(/passphrase does not open backup\.zip\.age/);
    await expect(restoreBackup({ dir })).rejects.toThrow(/encrypted: give its passphrase/);
    if (db.provider === "sqlite") expect(existsSync(db.url.replace(/^file:/, ""))).toBe(false);
    expect(allFiles(store)).toEqual([]);

    await restoreBackup({ dir, passphrase: PASSPHRASE });
    await expectWholeToAPointInTime();
    const w = await read((d) => d.witness.findFirst({ where: { legalNameEnc: { not: null } } }));
    expect(w?.legalNameEnc).toBeTruthy();
    expect(w?.legalNameEnc).not.toContain(WITNESS_NAME);
  });

  test("a backup from a newer version, a tampered exhibit file and a non-empty destination are refused, naming the problem", async () => {
    const manifest = JSON.parse(readFileSync(join(clearBackup, "manifest.json"), "utf8"));
    const copy = (name: string) => {
      const dir = join(work, name);
      cpSync(clearBackup, dir, { recursive: true });
      for (const f of allFiles(dir)) chmodSync(f, 0o644);
      return dir;
    };
    await emptyInstallation();
    const newer = copy("newer");
    writeFileSync(join(newer, "manifest.json"), JSON.stringify({ ...manifest, migration: "29991231000000_from_the_future" }));
    await expect(restoreBackup({ dir: newer })).rejects.toThrow(/29991231000000_from_the_future, newer than this version/);
    writeFileSync(join(newer, "manifest.json"), JSON.stringify({ ...manifest, version: 7 }));
    await expect(restoreBackup({ dir: newer })).rejects.toThrow(/backup format version 7, made by a newer Casefile/);

    const exhibit = (manifest.files as { name: string }[]).find((f) => f.name.startsWith("exhibits/"))!.name;
    const tampered = copy("tampered");
    writeFileSync(join(tampered, exhibit), "not the original");
    await expect(restoreBackup({ dir: tampered })).rejects.toThrow(new RegExp(`${exhibit}.*does not match`));
    // Even with the manifest rewritten to the new file's hash, the file's own name (its SHA-256) gives it away.
    const forged = { ...manifest, files: manifest.files.map((f: { name: string }) => (f.name === exhibit ? { ...f, ...statAndHash(join(tampered, exhibit)) } : f)) };
    writeFileSync(join(tampered, "manifest.json"), JSON.stringify(forged));
    await expect(restoreBackup({ dir: tampered })).rejects.toThrow(new RegExp(`exhibit file ${exhibit.split("/").pop()}.*does not match`));
    expect(await read((d) => d.auditEvent.count())).toBe(0);

    // Into the source itself: not empty.
    await useSource();
    const events = await read((d) => d.auditEvent.count());
    await expect(restoreBackup({ dir: clearBackup })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not empty") });
    expect(await read((d) => d.auditEvent.count())).toBe(events);
  });
});

function statAndHash(path: string) {
  const bytes = readFileSync(path);
  return { size: statSync(path).size, sha256: createHash("sha256").update(bytes).digest("hex") };
}
