import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/seed/seed-demo";
import { emptyDatabase, freshDatabase, type TestDatabase } from "@/tests/support/database";

// The command line end to end: `export` from one installation, `import` (which hands a Casefile
// export to lib/transfer) into an empty one, `audit:verify` against the source's head. Dry run and
// refusals are tested through the library in transfer.test.ts (each CLI start costs seconds).

let src: TestDatabase;
let dest: TestDatabase;
const work = mkdtempSync(join(tmpdir(), "casefile-transfer-cli-"));

function cli(url: string, store: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url, CASEFILE_STORAGE_DIR: store },
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", (e) => resolve({ code: -1, stdout, stderr: stderr + String(e) }));
    p.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  src = await freshDatabase();
  await seedDemo();
  await closeDb();
  dest = await emptyDatabase();
  await migrate(dest.url);
});
afterAll(async () => {
  await closeDb();
  await dest?.drop();
  await src?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe("export and import from the command line", () => {
  test("export, import into an empty installation, and the chain verifies against the source's head", async () => {
    const zip = join(work, "out.zip");
    const ex = await cli(src.url, join(work, "s1"), ["export", zip, "--as", "admin@demo.casefile"]);
    expect(ex.stderr).toBe("");
    expect(ex.code).toBe(0);
    const head = /audit head (\d+:[0-9a-f]{64})/.exec(ex.stdout)![1]!;

    const real = await cli(dest.url, join(work, "s2"), ["import", zip]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^loaded Casefile export/);
    const verify = await cli(dest.url, join(work, "s2"), ["audit:verify", "--checkpoint", head]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`audit chain verified: ${Number(head.split(":")[0]) + 1} events.*extends checkpoint ${head.split(":")[0]}`));
  }, 180_000);
});
