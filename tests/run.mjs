#!/usr/bin/env node
// `npm test`: every suite, in order — vitest (unit, and integration on a SQLite file and on
// the PostgreSQL server), the production build, then Playwright in Chromium. A suite that
// cannot run counts as failed. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const out = join("data", "test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// 1. vitest
const vitestJson = join(out, "vitest.json");
const vitestOk = run("vitest: unit and integration (SQLite, PostgreSQL)", process.execPath, [
  "node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests ?? 0;
  totals.failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites ?? 0);
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  if (!vitestOk && (v.numFailedTests ?? 0) + (v.numFailedTestSuites ?? 0) === 0) {
    totals.failed += 1;
    problems.push("vitest exited with an error");
  }
} else {
  totals.failed += 1;
  problems.push("vitest did not run");
}

// 2. the production build the browser tests use
const built = run("next build", process.execPath, ["node_modules/next/dist/bin/next", "build"]);
if (!built) {
  totals.failed += 1;
  problems.push("next build failed");
}

// 3. Playwright
const chromium = process.env.CASEFILE_CHROMIUM ?? "/usr/bin/chromium";
if (!built) {
  problems.push("browser tests not run: no build");
  totals.failed += 1;
} else if (!existsSync(chromium)) {
  problems.push(`browser tests not run: ${chromium} is missing (apt-get install chromium)`);
  totals.failed += 1;
} else {
  const pwJson = join(out, "playwright.json");
  const pwOk = run("playwright: end to end in Chromium", process.execPath, [
    "node_modules/@playwright/test/cli.js", "test", "--reporter=list,json",
  ], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  const p = readJson(pwJson);
  if (p?.stats) {
    totals.passed += p.stats.expected ?? 0;
    totals.failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
    totals.skipped += p.stats.skipped ?? 0;
    if (!pwOk && (p.stats.unexpected ?? 0) === 0) {
      totals.failed += 1;
      problems.push("playwright exited with an error");
    }
    if ((p.errors ?? []).length) problems.push(`playwright: ${p.errors.length} error(s) outside tests`);
  } else {
    totals.failed += 1;
    problems.push("playwright did not run");
  }
}

console.log("");
for (const p of problems) console.log(`problem: ${p}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
