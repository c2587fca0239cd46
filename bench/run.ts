// `npm run bench` — the search and page benchmark (a benchmark, not a test: `npm test` only runs
// it once on a small archive to see that it works, tests/e2e/bench.spec.ts, and reads none of its
// figures). Generates a synthetic archive into a fresh database, starts the production server
// (lib/cli/http-server.mjs, as `npm start` runs it; run `next build` first), loads it with autocannon from a second process
// (bench/load.mjs), runs the same searches directly against the database in this process (the
// floor), and writes bench/results.json and bench/RESULTS.md.
//
//   npm run bench -- [--provider sqlite|postgresql] [--statements 100000] [--port 3190] [--duration 15] [--warmup 5] [--server-processes 1] [--keep] [--skip-http] [--dir bench]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createToken } from "@/lib/auth/tokens";
import { serverArgs } from "@/lib/cli/server-process";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { search } from "@/lib/search";
import { loadSuggestCandidates } from "@/lib/links/suggest-links";
import { findMentions, prepareCandidates } from "@/lib/links/suggest";
import { read } from "@/lib/db/write";
import { generate, reloadGenerated, PLACES, rng, STOCK_PHRASES, type Generated } from "./generate";
import { loadsNotAllAnswered, mergeIntoResults, renderMarkdown, TARGETS } from "./report";

// The machine is shared: the 1-minute load average is sampled through the run and reported.
const loadSamples: number[] = [];
const sampleLoad = () => {
  try {
    loadSamples.push(Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]));
  } catch {
    /* not Linux */
  }
};
sampleLoad();
setInterval(sampleLoad, 5_000).unref();
function loadSummary() {
  if (!loadSamples.length) return undefined;
  const s = [...loadSamples].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]!, samples: s.length };
}

const { values } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    statements: { type: "string", default: process.env.BENCH_STATEMENTS ?? "100000" },
    port: { type: "string", default: "3190" },
    duration: { type: "string", default: "15" },
    // Seconds of the same load, not counted, before each kind is measured (0: four requests only).
    warmup: { type: "string", default: "5" },
    // The server's processes (CASEFILE_SERVER_PROCESSES, lib/cli/http-server.mjs). Results of a run
    // with more than one are kept apart from the one-process results ("sqlite, 2 server processes").
    "server-processes": { type: "string", default: "1" },
    // Generation, audit verification and the direct searches only (no server, no results written).
    "skip-http": { type: "boolean", default: false },
    // Keep the generated database (bench/out, or a PostgreSQL database named by size) and reuse
    // it on the next run of the same size and provider: generation is skipped, its timings are
    // read back from the earlier run. For re-measuring the searches and pages after a change.
    keep: { type: "boolean", default: false },
    "pg-admin-url": { type: "string", default: process.env.CASEFILE_BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    // Where results.json, RESULTS.md and the working files (out/) go: bench/ unless a trial run
    // (the browser tests' run of the benchmark itself) is to leave the recorded results alone.
    dir: { type: "string" },
  },
});
const provider = values.provider as "sqlite" | "postgresql";
const N = Number(values.statements);
const PORT = Number(values.port);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
if (!Number.isFinite(WARMUP) || WARMUP < 0) throw new Error(`--warmup must be a number of seconds from 0, not "${values.warmup}"`);
const SERVER_PROCESSES = Number(values["server-processes"]);
if (!Number.isInteger(SERVER_PROCESSES) || SERVER_PROCESSES < 1) throw new Error(`--server-processes must be a whole number from 1, not "${values["server-processes"]}"`);
const root = process.cwd();
const dir = values.dir ? resolve(values.dir) : join(root, "bench");
const out = join(dir, "out");
mkdirSync(out, { recursive: true });
const log = (s: string) => console.log(`[bench ${provider}] ${s}`);

const KEEP = values.keep!;
const kept = join(out, `kept-${provider}-${N}.json`);

async function freshDatabaseUrl(): Promise<{ url: string; reused: boolean; drop: () => Promise<void> }> {
  const reuse = KEEP && existsSync(kept);
  if (provider === "sqlite") {
    const file = join(out, KEEP ? `bench-${N}.db` : "bench.db");
    if (!reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    return { url: `file:${file}`, reused: reuse, drop: async () => undefined };
  }
  const name = KEEP ? `casefile_bench_kept_${N}` : `casefile_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: values["pg-admin-url"] });
  await admin.connect();
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  }
  await admin.end();
  const url = values["pg-admin-url"]!.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    reused: reuse,
    drop: async () => {
      if (KEEP) return;
      const c = new pg.Client({ connectionString: values["pg-admin-url"] });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

function machine() {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  return {
    nproc: sh("nproc", []),
    cpu: cpus()[0]?.model ?? "unknown",
    memory: (sh("free", ["-h"]).split("\n").find((l) => l.startsWith("Mem:")) ?? "unknown").replace(/\s+/g, " "),
    loadAverage: sh("cat", ["/proc/loadavg"]).split(" ").slice(0, 3).join(" "),
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: provider === "sqlite" ? "better-sqlite3 (SQLite 3.5x, WAL, synchronous=FULL)" : undefined,
    postgresql: provider === "postgresql" ? sh("psql", ["--version"]) : undefined,
    note: "a shared development machine: the load average sampled during the run says what else was running",
  };
}

/** The process and its descendants. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      tree.push(...execFileSync("pgrep", ["-P", String(tree[i])], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number));
    } catch {
      /* no children */
    }
  }
  return tree;
}

/** CPU seconds (user + system) used so far by a process and its children (/proc/<pid>/stat, 100 ticks a second). */
function cpuSecondsOf(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const f = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      /* gone */
    }
  }
  return ticks / 100;
}

/**
 * Peak resident memory of a process and its children, in MB: each process's own high-water mark
 * (VmHWM), added up. With one server process that is its peak; with several (a supervisor and its
 * workers) it is at least what they held at any one moment, since their peaks may not coincide.
 */
function peakRssMb(pid: number): number {
  let sum = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) sum += Number(m[1]) / 1024;
    } catch {
      /* gone */
    }
  }
  return Math.round(sum);
}

type Load = { requests: number; perSecond: number; p50: number; p95: number; p99: number; max: number; statuses: Record<string, number>; errors: number; timeouts: number; non2xx: number };

function load(paths: string[], headers: Record<string, string>, connections = 10, duration: number | undefined = DURATION, amount?: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const config = { url: `http://127.0.0.1:${PORT}`, paths, headers, connections, ...(amount ? { amount } : { duration }) };
    const child = spawn(process.execPath, [join(root, "bench", "load.mjs"), JSON.stringify(config)], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`load.mjs exited ${code}`))));
  });
}

async function signIn(email: string, password: string): Promise<string> {
  const base = `http://127.0.0.1:${PORT}`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}

function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { p50: Math.round(q(50) * 100) / 100, p95: Math.round(q(95) * 100) / 100, n: s.length };
}

/** The floor: the searches straight to the database, one at a time, `repeat` rounds. */
async function direct(actor: Actor, queries: string[], repeat = 2) {
  return directConcurrent(actor, queries, repeat, 1);
}

/**
 * The same searches straight to the database with `connections` of them under way at once, as the
 * HTTP load runs them: each caller starts its next search when its last has answered. Not a
 * target's measure (the floor is one at a time); with ten, it shows how much of the HTTP p95 is
 * the searches queueing for the database and this process, and how much the server adds.
 */
async function directConcurrent(actor: Actor, queries: string[], repeat: number, connections = 10) {
  const times: number[] = [];
  const todo = Array.from({ length: repeat }, () => queries).flat();
  let next = 0;
  const caller = async () => {
    while (next < todo.length) {
      const q = todo[next++]!;
      const t = performance.now();
      await search({ actor, query: { q } });
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, caller));
  return quantiles(times);
}

async function main() {
  if (!values["skip-http"] && !existsSync(join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");
  const db = await freshDatabaseUrl();
  process.env.DATABASE_URL = db.url;
  const sizes = { statements: N, persons: 500, events: 2000, links: Math.round(N / 2), witnesses: 2000 };
  let gen: Generated;
  if (db.reused) {
    log(`reusing the archive kept by an earlier run (${kept})`);
    // Brought up to the current migrations, as the server expects (applied ones are skipped).
    await migrate(db.url);
    await closeDb();
    gen = await reloadGenerated(JSON.parse(readFileSync(kept, "utf8")).timings);
  } else {
    await migrate(db.url);
    await closeDb();
    log(`generating ${JSON.stringify(sizes)}`);
    gen = await generate(sizes, log);
    if (KEEP) writeFileSync(kept, JSON.stringify({ timings: gen.timings }));
  }

  const tv = performance.now();
  const cv = process.cpuUsage();
  const verified = await verifyAuditChain();
  const verifySeconds = (performance.now() - tv) / 1000;
  const verifyCpu = process.cpuUsage(cv);
  const verifyCpuSeconds = (verifyCpu.user + verifyCpu.system) / 1e6;
  if (!verified.ok) throw new Error(`audit chain broken at ${verified.firstBad}`);
  log(`audit verified: ${verified.events} events in ${verifySeconds.toFixed(1)} s`);

  const token = (await createToken({ actor: gen.admin, input: { name: "bench" } })).secret;
  const r = rng(7);
  const namePaths: string[] = [];
  const nameQueries: string[] = [];
  for (let i = 0; i < 60; i++) {
    const p = r.pick(gen.persons);
    const q = [p.surname, p.aliases[0]!, p.surnameFa, p.aliases[1]!.split(" ")[1]!, p.name][i % 5]!;
    nameQueries.push(q);
    namePaths.push(`/api/v1/search?q=${encodeURIComponent(q)}`);
  }
  // Phrases: parts of the formulaic sentences witnesses repeat, places, and three words in a row
  // taken from statements picked at random (what a reader copies from one statement to find others).
  const phraseFrom = async (pick: ReturnType<typeof rng>) => {
    const id = gen.statementIds[pick.int(gen.statementIds.length)]!;
    const s = await read((db) => db.statement.findUniqueOrThrow({ where: { id }, select: { originalText: true } }));
    const ws = s.originalText.replace(/[.]/g, "").split(/\s+/).slice(4);
    const at = pick.int(Math.max(1, ws.length - 3));
    return ws.slice(at, at + 3).join(" ");
  };
  const quoted: string[] = [];
  for (let i = 0; i < 8; i++) quoted.push(await phraseFrom(r));
  const stock = [...STOCK_PHRASES.en, ...STOCK_PHRASES.fa].map((p) => p.split(" ").slice(0, 4).join(" "));
  const PHRASES = [...stock, ...quoted, "in Evin in 1988", ...PLACES.slice(0, 3).map((p) => `in ${p}`)];
  const phraseQueries = PHRASES.map((p) => `"${p}"`);
  const phrasePaths = phraseQueries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);

  // Names nobody searched before pay for matching the registries' names (lib/names), remembered
  // after: measured first, each once, on other persons' names than the queries below (after three
  // of those, which load the registries' names).
  await direct(gen.admin, nameQueries.slice(0, 3), 1);
  const other = rng(2281);
  const firstNames: string[] = [];
  for (let i = 0; firstNames.length < 40 && i < 400; i++) {
    const p = other.pick(gen.persons);
    const q = [p.surname, p.aliases[0]!, p.surnameFa, p.name][i % 4]!;
    if (!nameQueries.includes(q) && !firstNames.includes(q)) firstNames.push(q);
  }
  const directNameFirst = await direct(gen.admin, firstNames, 1);
  // The floor: the same searches, in this process, straight to the database, after each has run
  // once (the HTTP loads are measured after a warm-up too: both are the steady state; before
  // 2026-12-05 only ten name queries ran first, so a first search's costs were in the floor's p95).
  await direct(gen.admin, [...nameQueries, ...phraseQueries], 1);
  const directName = await direct(gen.admin, nameQueries);
  const directPhrase = await direct(gen.admin, phraseQueries, 4);
  const directNameConcurrent = await directConcurrent(gen.admin, nameQueries, 4);
  const directPhraseConcurrent = await directConcurrent(gen.admin, phraseQueries, 8);
  // The searches above repeat, so SQLite ranks them with remembered phrase counts
  // (lib/search/phrase-stats.ts). Phrases nobody searched before pay for counting: each once.
  const fresh = rng(1367);
  const firstPhrases: string[] = [];
  for (let i = 0; i < 60; i++) firstPhrases.push(`"${await phraseFrom(fresh)}"`);
  const directPhraseFirst = await direct(gen.admin, [...new Set(firstPhrases)], 1);
  // Link suggestions: the registry's names found in one statement's text, as the statement page
  // asks for them (once per revision; remembered after), here uncached, in this process.
  const t0 = performance.now();
  const prepared = prepareCandidates(await loadSuggestCandidates());
  const prepareMs = Math.round(performance.now() - t0);
  const suggestTimes: number[] = [];
  const suggestPick = rng(1988);
  for (let i = 0; i < 40; i++) {
    const id = gen.statementIds[suggestPick.int(gen.statementIds.length)]!;
    const { originalText } = await read((db) => db.statement.findUniqueOrThrow({ where: { id }, select: { originalText: true } }));
    const t = performance.now();
    findMentions(originalText, prepared);
    suggestTimes.push(performance.now() - t);
  }
  const directSuggest = { ...quantiles(suggestTimes), prepareMs, names: prepared.names.length };
  log(`direct: name ${JSON.stringify(directName)} phrase ${JSON.stringify(directPhrase)} ten at a time: name ${JSON.stringify(directNameConcurrent)} phrase ${JSON.stringify(directPhraseConcurrent)} phrase seen first ${JSON.stringify(directPhraseFirst)} name seen first ${JSON.stringify(directNameFirst)} link suggestions ${JSON.stringify(directSuggest)}`);
  await closeDb();
  if (values["skip-http"]) {
    if (provider === "postgresql") await db.drop();
    return;
  }

  log("starting the production server");
  // Started as `npm start` starts it (lib/cli/server-process.ts: the same Node options).
  const server = spawn(process.execPath, serverArgs(PORT, root), {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(PORT),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: "bench-only-secret-not-for-production",
      CASEFILE_DATA_KEY: process.env.CASEFILE_DATA_KEY ?? "k1.k_cGBqpItT10fB_tauxihzQMWhVD58c2E7HdsW4x9uc",
      CASEFILE_ENV_FILE: "data/no-such-env-file",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      CASEFILE_SERVER_PROCESSES: String(SERVER_PROCESSES),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/api/v1/health`)).ok) break;
      } catch {
        /* not yet */
      }
      if (i > 240) throw new Error("server did not start");
      await new Promise((res) => setTimeout(res, 500));
    }
    const bearer = { authorization: `Bearer ${token}` };
    const cookie = { cookie: await signIn("bench-admin@bench.invalid", "bench password 1988") };
    const pick = (ids: string[], n: number) => Array.from({ length: n }, () => ids[r.int(ids.length)]!);
    // Each kind is warmed up just before it is measured by WARMUP seconds of the same load, not
    // counted: its routes compiled, its caches filled and its code optimised by V8, as on a server
    // that has been running, and no slow request of one kind is still running during the next.
    // (Four requests, as before 2026-12-05, left the first seconds of the measured load to the JIT:
    // name searches 255/s with a p95 of 65 ms there, 295-355/s and 48-56 ms in the next 15 s.)
    // Besides latency (which on a shared machine includes waiting for a CPU), the server's own
    // CPU time per request: what a request costs, whatever else the machine is doing.
    const measure = async (paths: string[], headers: Record<string, string>, connections = 10) => {
      if (WARMUP > 0) await load(paths, headers, connections, WARMUP);
      else await load(paths.slice(0, 4), headers, 1, undefined, 4);
      const c0 = cpuSecondsOf(server.pid!);
      const r = await load(paths, headers, connections);
      const cpu = cpuSecondsOf(server.pid!) - c0;
      // The server's resident-memory high-water mark so far: which load raised it.
      return { ...r, serverCpuSeconds: Math.round(cpu * 100) / 100, serverCpuMsPerRequest: r.requests ? Math.round((cpu * 1000 * 10) / r.requests) / 10 : null, peakRssMbSoFar: peakRssMb(server.pid!) };
    };
    const http = {
      searchName: await measure(namePaths, bearer),
      searchPhrase: await measure(phrasePaths, bearer),
      filteredList: await measure(Array.from({ length: 50 }, (_, i) => `/api/v1/statements?status=${["DRAFT", "SUBMITTED", "IN_REVIEW", "VERIFIED"][i % 4]}&language=${i % 2 ? "fa" : "en"}&page=${1 + (i % 20)}&pageSize=50`), bearer),
      statementPage: await measure(pick(gen.statementIds, 200).map((id) => `/statements/${id}`), cookie),
      personPage: await measure(pick(gen.personIds, 100).map((id) => `/persons/${id}`), cookie),
      // The same pages for one reader alone: one connection, the next view asked for as soon as the
      // last has come. What a page costs a user when nobody else is loading the server; the rows
      // above are the same pages under ten connections' load, against which the targets are read.
      statementPageAlone: await measure(pick(gen.statementIds, 200).map((id) => `/statements/${id}`), cookie, 1),
      personPageAlone: await measure(pick(gen.personIds, 100).map((id) => `/persons/${id}`), cookie, 1),
      // References without targets, for the "why" of the rows above: what the framework costs a
      // request before any of our work — an API route doing one trivial query, the smallest page
      // (sign-in, signed out: the root layout and one short form, no database read), and a small
      // signed-in page (settings: the app's layout with its header, and a short form).
      apiFloor: await measure(["/api/v1/health"], {}),
      bareFloor: await measure(["/signin"], {}),
      pageFloor: await measure(["/settings"], cookie),
    };
    for (const [k, v] of Object.entries(http)) log(`${k}: ${JSON.stringify(v)}`);
    // A load answered otherwise than 200 (refused, failed, throttled, timed out) measured something
    // else than its row says: no results are written from it.
    const bad = loadsNotAllAnswered(http);
    if (bad.length) throw new Error(`not every request was answered 200, so nothing is written: ${bad.join("; ")}`);
    const peak = peakRssMb(server.pid!);
    const result = {
      provider,
      serverProcesses: SERVER_PROCESSES,
      at: new Date().toISOString(),
      machine: machine(),
      sizes,
      generation: {
        ...gen.timings,
        statementsPerSecond: Math.round(gen.timings.statementsPerSecond),
        statementsPerCpuSecond: gen.timings.statementsCpuSeconds ? Math.round(sizes.statements / gen.timings.statementsCpuSeconds) : undefined,
        linksPerSecond: Math.round(gen.timings.linksPerSecond),
        reused: db.reused,
      },
      audit: {
        events: verified.events,
        seconds: Math.round(verifySeconds * 100) / 100,
        perSecond: Math.round(verified.events / verifySeconds),
        cpuSeconds: Math.round(verifyCpuSeconds * 100) / 100,
        perCpuSecond: Math.round(verified.events / verifyCpuSeconds),
      },
      loadAverage: loadSummary(),
      direct: { searchName: directName, searchPhrase: directPhrase, searchNameConcurrent: directNameConcurrent, searchPhraseConcurrent: directPhraseConcurrent, searchPhraseFirst: directPhraseFirst, searchNameFirst: directNameFirst, linkSuggestions: directSuggest },
      http,
      serverPeakRssMb: peak,
      connections: 10,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      queries: { name: [...new Set(nameQueries)], phrase: phraseQueries },
    };
    const file = join(dir, "results.json");
    const all = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
    all[SERVER_PROCESSES > 1 ? `${provider}-${SERVER_PROCESSES}-processes` : provider] = result;
    writeFileSync(file, JSON.stringify(all, null, 2) + "\n");
    // Every run is also kept apart in bench/out (not committed), so that a run is never lost when
    // results.json is overwritten by the next one or restored from git before it was saved.
    writeFileSync(join(out, `run-${provider}-${result.at.replace(/[:.]/g, "-")}.json`), JSON.stringify(result, null, 2) + "\n");
    const md = join(dir, "RESULTS.md");
    writeFileSync(md, mergeIntoResults(existsSync(md) ? readFileSync(md, "utf8") : "", renderMarkdown(all as never, TARGETS)));
    const shown = (f: string) => (relative(root, f).startsWith("..") ? f : relative(root, f));
    log(`wrote ${shown(file)} and ${shown(md)}`);
  } finally {
    server.kill("SIGTERM");
    await closeDb();
    if (provider === "postgresql") await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
