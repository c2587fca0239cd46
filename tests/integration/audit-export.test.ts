import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportAuditLog } from "@/lib/audit/export-log";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let dir: string;
let reviewer: Actor;
beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-export-"));
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  const w = await createWitness({ actor: researcher, input: { identity: { legalName: "Hidden Name" } } });
  await createStatement({ actor: researcher, input: { witnessId: w.id, title: "t", language: "fa", originalText: "متن شهادت" } });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

async function exportTo(file: string, actor: Actor) {
  let text = "";
  for await (const line of exportAuditLog({ actor })) text += line;
  writeFileSync(file, text);
  return text;
}

function verifier(file: string) {
  // The standalone script, run as a third party would: plain node, no project code or packages.
  const r = spawnSync(process.execPath, [join(process.cwd(), "lib/audit/verify-export.mjs"), file], { encoding: "utf8", cwd: dir });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("audit export", () => {
  test("an export verifies with the standalone script, and the export is itself in the log", async () => {
    const file = join(dir, "a.jsonl");
    const text = await exportTo(file, reviewer);
    const lines = text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ action: "audit.export", actorLabel: reviewer.email });
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(text).not.toContain("Hidden Name");
    expect(text).not.toContain("متن شهادت");
    const r = verifier(file);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`OK: ${lines.length} events verified`);
    expect(await read((d) => d.auditEvent.count({ where: { action: "audit.export" } }))).toBe(1);
  });

  test("a changed, removed or reordered event is named by the verifier", async () => {
    const file = join(dir, "b.jsonl");
    const lines = (await exportTo(file, reviewer)).trim().split("\n");
    const changed = lines.map((l, i) => (i === 2 ? l.replace('"action":"', '"action":"x') : l));
    writeFileSync(file, changed.join("\n"));
    expect(verifier(file)).toMatchObject({ code: 1, out: expect.stringContaining("sequence number 3") });
    writeFileSync(file, lines.filter((_, i) => i !== 1).join("\n"));
    expect(verifier(file)).toMatchObject({ code: 1, out: expect.stringMatching(/sequence number 2\).*missing event/) });
    writeFileSync(file, [lines[1], lines[0], ...lines.slice(2)].join("\n"));
    expect(verifier(file).code).toBe(1);
  });

  test("a researcher or legal team may not export", async () => {
    for (const role of ["RESEARCHER", "LEGAL"] as const) {
      const a = await makeActor(role);
      await expect(exportAuditLog({ actor: a }).next()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
