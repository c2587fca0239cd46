import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures";

// `npm run bench` (bench/run.ts) once, on a small archive with one-second loads, against the
// production build these tests use: it must run from generation to its written table, every load
// answered 200. None of its figures is read here (this machine's speed is not a test); its results
// go to a directory of their own, never over bench/results.json.

const PORT = Number(process.env.CASEFILE_E2E_PORT ?? 3100) + 4;

test("the benchmark runs end to end on a small archive, every load answered 200, and writes its table", async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "casefile-bench-"));
  try {
    const args = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/run.ts", "--statements", "300", "--duration", "1", "--warmup", "0", "--port", String(PORT), "--dir", dir];
    const child = spawn(process.execPath, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((res) => child.on("close", res));
    expect(code, output.slice(-3000)).toBe(0);

    const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as Record<string, { sizes: { statements: number }; http: Record<string, { requests: number; statuses: Record<string, number> }>; direct: Record<string, { p50: number }> }>;
    const r = results.sqlite!;
    expect(r.sizes.statements).toBe(300);
    // Every row the table reads, each load answered, all 200.
    for (const row of ["searchName", "searchPhrase", "filteredList", "statementPage", "personPage", "statementPageAlone", "personPageAlone", "apiFloor", "bareFloor", "pageFloor"]) {
      expect(r.http[row]?.requests, row).toBeGreaterThan(0);
      expect(Object.keys(r.http[row]!.statuses), row).toEqual(["200"]);
    }
    for (const row of ["searchName", "searchPhrase", "searchNameConcurrent", "searchPhraseConcurrent"]) expect(r.direct[row]?.p50, row).toBeGreaterThan(0);
    const md = readFileSync(join(dir, "RESULTS.md"), "utf8");
    expect(md).toContain("## sqlite — 300 statements");
    expect(md).toMatch(/\| search, name queries \(HTTP\) \| [\d.]+ \| [\d.]+ \| [\d.]+ \| p95 ≤ 50 ms \| (met|\*\*missed\*\*[^|]*) \|/);
    // The recorded results were left alone.
    expect(readFileSync("bench/results.json", "utf8")).not.toContain('"statements": 300,');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
