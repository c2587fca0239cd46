import { afterAll, describe, expect, test } from "vitest";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { read } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { emptyDatabase, execSql, migrateBefore, testProvider, type TestDatabase } from "@/tests/support/database";

// Migration *_import_report_witness_cells takes out of the witness imports' kept reports the
// cells of their refused rows, which could hold identity under a column the import did not read.
// Other imports' reports, and everything else in a witness report, stay as they were.

const provider = testProvider();
let d: TestDatabase | undefined;
afterAll(async () => {
  await closeDb();
  await d?.drop();
});

const row = (n: number, outcome: string, cells?: Record<string, string | null>) => ({
  row: n,
  outcome,
  label: `#${n}`,
  record: null,
  problems: outcome === "REFUSE" ? [{ column: "protection", key: "invalid_choice" }] : [],
  warnings: [],
  ...(cells ? { cells } : {}),
});

describe("upgrading the witness imports' reports", () => {
  test("a witness report loses its refused rows' cells and keeps the rest; a statements report keeps its cells", async () => {
    d = await emptyDatabase(provider);
    const upgrade = await migrateBefore(d.url, provider, "_import_report_witness_cells");
    await closeDb();
    process.env.DATABASE_URL = d.url;
    const researcher = await makeActor("RESEARCHER");
    const witnessReport = {
      headers: ["legal name", "Phone number", "protection"],
      mapping: { "legal name": "legalName", "Phone number": "", protection: "protectionLevel" },
      rows: [row(2, "CREATE"), row(3, "REFUSE", { "legal name": null, "Phone number": "+98 912 000 3333", protection: "SUPERSECRET" }), row(4, "REFUSE", { "legal name": null, "Phone number": "Relative «خواهر آزمایشی»", protection: "X" })],
      batches: [],
      counts: { updated: 0 },
    };
    const statementsReport = { headers: ["title"], mapping: { title: "title" }, rows: [row(2, "REFUSE", { title: "A fictional title" })], batches: [] };
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const insert = (id: string, kind: string, report: string) =>
      `INSERT INTO "ImportJob" ("id", "kind", "format", "fileName", "fileSha256", "dryRun", "status", "report", "createdById", "createdAt") VALUES (${quote(id)}, ${quote(kind)}, 'CSV', 'sheet.csv', ${quote("a".repeat(64))}, ${provider === "sqlite" ? 1 : "true"}, 'COMPLETED', ${quote(report)}, ${quote(researcher.id)}, CURRENT_TIMESTAMP)`;
    await execSql(d, insert("job-witnesses", "WITNESSES", JSON.stringify(witnessReport)));
    await execSql(d, insert("job-statements", "STATEMENTS", JSON.stringify(statementsReport)));
    await execSql(d, insert("job-empty", "WITNESSES", "[]"));

    const result = await migrate(d.url);
    expect(result.applied).toContain(upgrade);
    await closeDb();

    const jobs = new Map((await read((db) => db.importJob.findMany())).map((j) => [j.id, j.report]));
    expect(jobs.get("job-witnesses")).not.toContain("912 000");
    expect(jobs.get("job-witnesses")).not.toContain("آزمایشی");
    expect(JSON.parse(jobs.get("job-witnesses")!)).toEqual({ ...witnessReport, rows: [row(2, "CREATE"), row(3, "REFUSE"), row(4, "REFUSE")] });
    expect(JSON.parse(jobs.get("job-statements")!)).toEqual(statementsReport);
    expect(jobs.get("job-empty")).toBe("[]");
  });
});
