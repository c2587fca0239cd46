import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { getImportJob, INTERRUPTED_MESSAGE } from "@/lib/import/jobs";
import { seedDemo } from "@/lib/seed/seed-demo";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { makeActor } from "@/tests/support/actors";
import { snapshot } from "@/tests/support/import-snapshot";

// kill -9 of the command-line import at random points, many times: after each kill the
// database holds exactly what it held before (every table's row count and the audit chain's
// head), and the chain verifies. Then the import runs to the end, and a second run adds nothing.

let db: TestDatabase;
let dir: string;
let csv: string;
let admin: Actor;
// Statements are written a batch at a time, so the write transaction of a few hundred rows
// lasts a few seconds on this machine: long enough to be killed at varied points.
const ROWS = 2500;

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-import-kill-"));
  await seedDemo();
  admin = await makeActor("ADMIN");
  const lines = ["witness,title,language,text,interviewers"];
  for (let i = 0; i < ROWS; i++) {
    const text = `شاهد گفت که در مرداد ۱۳۶۷ زندانیان بند ${i} را به سالن بردند و دیگر بازنگشتند. `.repeat(10);
    lines.push(`W-000${1 + (i % 3)},شهادت شماره ${i},fa,"${text}",Interviewer A|مصاحبه‌گر ب`);
  }
  csv = join(dir, "statements.csv");
  writeFileSync(csv, lines.join("\r\n"));
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATABASE_URL: db.url, CASEFILE_STORAGE_DIR: join(dir, "store"), CASEFILE_IMPORT_AS: "researcher@demo.casefile" });
const ARGS = ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", "import", "--kind", "STATEMENTS"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The newest import job's status, once a job newer than `since` exists. */
async function jobStatus(since: Date): Promise<string | null> {
  const j = await read((d) => d.importJob.findFirst({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, select: { status: true } }));
  return j?.status ?? null;
}

describe("an import killed with SIGKILL", () => {
  test("leaves the database as it was every time; the full run then completes and a second run creates nothing", async () => {
    const before = await snapshot();
    // Kill points: some while the rows are being checked, most inside the write transaction,
    // at varied delays after it began.
    // The delays stay well inside the write phase even on a fast, quiet machine (a 2,500-row
    // transaction), so every kill lands before the import could finish.
    const plan = [
      { phase: "CHECKING", delay: 0 },
      { phase: "RUNNING", delay: 40 },
      { phase: "RUNNING", delay: 300 },
      { phase: "CHECKING", delay: 150 },
      { phase: "RUNNING", delay: 150 },
      { phase: "RUNNING", delay: 450 },
      { phase: "RUNNING", delay: 5 },
      { phase: "RUNNING", delay: 600 },
    ].map((p) => ({ ...p, delay: p.delay + Math.floor(Math.random() * 50) }));
    let killedInsideWrite = 0;
    for (const k of plan) {
      const since = new Date(Date.now() - 1000);
      const child = spawn(process.execPath, [...ARGS, csv], { env: env(), stdio: "ignore" });
      const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
      let done = false;
      void exited.then(() => (done = true));
      for (;;) {
        const s = await jobStatus(since);
        if (done || s === k.phase || (k.phase === "CHECKING" && s === "RUNNING")) {
          if (s === "RUNNING") killedInsideWrite++;
          break;
        }
        await sleep(20);
      }
      await sleep(k.delay);
      expect(done, "the import finished before it could be killed; make the sheet larger").toBe(false);
      child.kill("SIGKILL");
      await exited;
      expect(await snapshot()).toEqual(before);
      expect((await verifyAuditChain()).ok).toBe(true);
      // The killed process's job is reported as interrupted, not as running for ever.
      const killed = await read((d) => d.importJob.findFirstOrThrow({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "desc" } }));
      expect(await getImportJob({ actor: admin, jobId: killed.id, withRows: false })).toMatchObject({ status: "FAILED", error: INTERRUPTED_MESSAGE });
    }
    expect(killedInsideWrite).toBeGreaterThanOrEqual(5);

    const full = spawnSync(process.execPath, [...ARGS, csv], { env: env(), encoding: "utf8", timeout: 120_000 });
    expect(full.status, full.stderr).toBe(0);
    expect(full.stdout).toMatch(new RegExp(`${ROWS} rows; ${ROWS} were created, 0 linked, 0 refused, 0 imported before`));
    const afterFull = await snapshot();
    expect(afterFull.Statement).toBe((before.Statement as number) + ROWS);
    expect(afterFull.ImportedRow).toBe((before.ImportedRow as number) + ROWS);
    expect((await verifyAuditChain()).ok).toBe(true);

    const again = spawnSync(process.execPath, [...ARGS, csv], { env: env(), encoding: "utf8", timeout: 120_000 });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`0 were created, 0 linked, 0 refused, ${ROWS} imported before`));
    expect(await snapshot()).toEqual(afterFull);
  }, 300_000);
});
