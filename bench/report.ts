// bench/RESULTS.md from bench/results.json: one table per database, each measured figure next
// to its target, and by how much a missed target was missed.

type Load = { requests: number; perSecond: number; p50: number; p95: number; serverCpuMsPerRequest?: number | null };
type Result = {
  provider: string;
  /** The server's processes (CASEFILE_SERVER_PROCESSES); 1 when not recorded. */
  serverProcesses?: number;
  at: string;
  machine: Record<string, unknown>;
  sizes: Record<string, number>;
  generation: { statementsPerSecond: number; statementsSeconds: number; statementsPerCpuSecond?: number; linksPerSecond: number; auditEvents: number; totalSeconds: number; reused?: boolean };
  audit: { events: number; seconds: number; perSecond: number; cpuSeconds?: number; perCpuSecond?: number };
  loadAverage?: { min: number; median: number; max: number; samples: number };
  direct: { searchName: { p50: number; p95: number }; searchPhrase: { p50: number; p95: number }; searchPhraseFirst?: { p50: number; p95: number }; searchNameFirst?: { p50: number; p95: number }; searchNameConcurrent?: { p50: number; p95: number }; searchPhraseConcurrent?: { p50: number; p95: number }; linkSuggestions?: { p50: number; p95: number; prepareMs: number; names: number } };
  http: Record<"searchName" | "searchPhrase" | "statementPage" | "personPage" | "filteredList", Load> & Partial<Record<"apiFloor" | "bareFloor" | "pageFloor" | "statementPageAlone" | "personPageAlone", Load>>;
  queries?: { name: string[]; phrase: string[] };
  serverPeakRssMb: number;
  connections: number;
  durationSeconds: number;
  /** Seconds of the same load before each measured one (absent: four requests, in runs before 2026-12-05). */
  warmupSeconds?: number;
  notes?: string[];
};

export const TARGETS = {
  searchP95Ms: 50,
  searchVsDirect: 3,
  statementPageP95Ms: 100,
  personPageP95Ms: 150,
  searchesPerSecond: 300,
  bulkStatementsPerSecond: 2000,
  auditEventsPerSecond: 100_000,
  serverRssMb: 400,
};

const fmt = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : Number.isInteger(x) ? x.toLocaleString("en") : x.toFixed(1));

function check(value: number | null, target: number, lowerIsBetter: boolean): string {
  if (value === null || Number.isNaN(value)) return "**not measured** (no request completed)";
  const ok = lowerIsBetter ? value <= target : value >= target;
  if (ok) return "met";
  const factor = lowerIsBetter ? value / target : target / value;
  // Within a tenth of the line, "1.0×" would say nothing: by how many percent instead (to a tenth
  // of a percent under one).
  const percent = (factor - 1) * 100;
  const by = factor < 1.1 ? `${percent < 1 ? Math.max(0.1, percent).toFixed(1) : Math.round(percent)}%` : `${factor.toFixed(1)}×`;
  return `**missed** (${by} ${lowerIsBetter ? "over" : "short"})`;
}

type Quantiles = { p50: number; p95: number };

/** A row of searches run in the runner's process, with no target: absent from runs made before it was measured. */
function directRow<T extends Quantiles>(label: string, d: T | undefined, result?: (d: T) => string): string[] {
  if (!d) return [];
  return [`| ${label} | ${fmt(d.p50)} | ${fmt(d.p95)} | | |${result ? ` ${result(d)} ` : " "}|`];
}

export function renderMarkdown(all: Record<string, Result>, t: typeof TARGETS): string {
  const lines = [
    "# Benchmark results",
    "",
    "Made by `npm run bench` (bench/run.ts; a benchmark, not part of `npm test`). A synthetic, fictional archive is generated into a fresh",
    "database, the production server (`lib/cli/http-server.mjs`, Next's handler as `next start` runs it) is started, and autocannon loads it from a second process with",
    "10 connections (the pages also with one); the same searches are also run directly against the database in the runner's process, one at a time (the floor) and ten at a time.",
    "Latencies in milliseconds. Raw figures: bench/results.json.",
    "",
  ];
  for (const r of Object.values(all)) {
    const h = r.http;
    const worstSearchP95 = Math.max(h.searchName.p95, h.searchPhrase.p95);
    const ratioName = h.searchName.p95 / Math.max(0.01, r.direct.searchName.p95);
    const ratioPhrase = h.searchPhrase.p95 / Math.max(0.01, r.direct.searchPhrase.p95);
    const searchRate = Math.min(h.searchName.perSecond, h.searchPhrase.perSecond);
    lines.push(
      `## ${r.provider} — ${fmt(r.sizes.statements)} statements${(r.serverProcesses ?? 1) > 1 ? `, ${r.serverProcesses} server processes` : ""}`,
      "",
      `Run ${r.at}. Sizes: ${Object.entries(r.sizes).map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}. Each load: ${r.connections} connections for ${r.durationSeconds} s, ${r.warmupSeconds ? `after ${r.warmupSeconds} s of the same load to warm the server up (not counted)` : "after four requests to warm the server up"}.`,
      "",
      ...(r.loadAverage ? [`Load average (1 min) sampled every 5 s during this run: min ${r.loadAverage.min}, median ${r.loadAverage.median}, max ${r.loadAverage.max} on 2 cores (${r.loadAverage.samples} samples).`, ""] : []),
      ...(r.generation.reused ? ["The archive was generated by an earlier run of the same size (`--keep`); its creation figures are from that run.", ""] : []),
      `Machine: ${Object.entries(r.machine).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join("; ")}.`,
      "",
      "| measure | p50 | p95 | req/s | target | result | server CPU ms/request |",
      "|---|---:|---:|---:|---|---|---:|",
      `| search, name queries (HTTP) | ${fmt(h.searchName.p50)} | ${fmt(h.searchName.p95)} | ${fmt(h.searchName.perSecond)} | p95 ≤ ${t.searchP95Ms} ms | ${check(h.searchName.p95, t.searchP95Ms, true)} | ${fmt(h.searchName.serverCpuMsPerRequest)} |`,
      `| search, phrase queries (HTTP) | ${fmt(h.searchPhrase.p50)} | ${fmt(h.searchPhrase.p95)} | ${fmt(h.searchPhrase.perSecond)} | p95 ≤ ${t.searchP95Ms} ms | ${check(h.searchPhrase.p95, t.searchP95Ms, true)} | ${fmt(h.searchPhrase.serverCpuMsPerRequest)} |`,
      `| search, name queries, direct (floor) | ${fmt(r.direct.searchName.p50)} | ${fmt(r.direct.searchName.p95)} | | HTTP p95 ≤ ${t.searchVsDirect}× floor | ${ratioName.toFixed(1)}×: ${check(ratioName, t.searchVsDirect, true)} |`,
      `| search, phrase queries, direct (floor) | ${fmt(r.direct.searchPhrase.p50)} | ${fmt(r.direct.searchPhrase.p95)} | | HTTP p95 ≤ ${t.searchVsDirect}× floor | ${ratioPhrase.toFixed(1)}×: ${check(ratioPhrase, t.searchVsDirect, true)} |`,
      ...directRow("search, name queries, direct, ten at a time (not a target: how much of the HTTP p95 is queueing)", r.direct.searchNameConcurrent, (d) => `HTTP p95 is ${(h.searchName.p95 / Math.max(0.01, d.p95)).toFixed(1)}× this`),
      ...directRow("search, phrase queries, direct, ten at a time (as above)", r.direct.searchPhraseConcurrent, (d) => `HTTP p95 is ${(h.searchPhrase.p95 / Math.max(0.01, d.p95)).toFixed(1)}× this`),
      ...directRow("search, name queries never searched before, direct (each once: the registries' names matched, then remembered)", r.direct.searchNameFirst),
      ...directRow("search, phrase queries never searched before, direct (each once)", r.direct.searchPhraseFirst),
      ...directRow(`link suggestions for one statement, direct (${fmt(r.direct.linkSuggestions?.names)} registry names, not remembered; keying them first: ${fmt(r.direct.linkSuggestions?.prepareMs)} ms)`, r.direct.linkSuggestions),
      `| searches per second (the slower kind) | | | ${fmt(searchRate)} | ≥ ${t.searchesPerSecond}/s | ${check(searchRate, t.searchesPerSecond, false)} |`,
      `| statement page (HTML, signed in) | ${fmt(h.statementPage.p50)} | ${fmt(h.statementPage.p95)} | ${fmt(h.statementPage.perSecond)} | p95 ≤ ${t.statementPageP95Ms} ms | ${check(h.statementPage.p95, t.statementPageP95Ms, true)} | ${fmt(h.statementPage.serverCpuMsPerRequest)} |`,
      `| person page (HTML, signed in) | ${fmt(h.personPage.p50)} | ${fmt(h.personPage.p95)} | ${fmt(h.personPage.perSecond)} | p95 ≤ ${t.personPageP95Ms} ms | ${check(h.personPage.p95, t.personPageP95Ms, true)} | ${fmt(h.personPage.serverCpuMsPerRequest)} |`,
      ...(h.statementPageAlone ? [`| statement page, one connection (a reader alone on the server; the target is read at 10 connections, above) | ${fmt(h.statementPageAlone.p50)} | ${fmt(h.statementPageAlone.p95)} | ${fmt(h.statementPageAlone.perSecond)} | | | ${fmt(h.statementPageAlone.serverCpuMsPerRequest)} |`] : []),
      ...(h.personPageAlone ? [`| person page, one connection (as above) | ${fmt(h.personPageAlone.p50)} | ${fmt(h.personPageAlone.p95)} | ${fmt(h.personPageAlone.perSecond)} | | | ${fmt(h.personPageAlone.serverCpuMsPerRequest)} |`] : []),
      `| filtered statement list (API, status + language, 50 a page) | ${fmt(h.filteredList.p50)} | ${fmt(h.filteredList.p95)} | ${fmt(h.filteredList.perSecond)} | | | ${fmt(h.filteredList.serverCpuMsPerRequest)} |`,
      ...(h.apiFloor ? [`| reference: API route with one trivial query (GET /api/v1/health) | ${fmt(h.apiFloor.p50)} | ${fmt(h.apiFloor.p95)} | ${fmt(h.apiFloor.perSecond)} | | | ${fmt(h.apiFloor.serverCpuMsPerRequest)} |`] : []),
      ...(h.bareFloor ? [`| reference: the smallest page (/signin, signed out: the root layout and one short form, no database read) | ${fmt(h.bareFloor.p50)} | ${fmt(h.bareFloor.p95)} | ${fmt(h.bareFloor.perSecond)} | | | ${fmt(h.bareFloor.serverCpuMsPerRequest)} |`] : []),
      ...(h.pageFloor ? [`| reference: small signed-in page (/settings) | ${fmt(h.pageFloor.p50)} | ${fmt(h.pageFloor.p95)} | ${fmt(h.pageFloor.perSecond)} | | | ${fmt(h.pageFloor.serverCpuMsPerRequest)} |`] : []),
      `| bulk creation, statements with revision, audit event and index entry | | | ${fmt(r.generation.statementsPerSecond)} | ≥ ${fmt(t.bulkStatementsPerSecond)}/s | ${check(r.generation.statementsPerSecond, t.bulkStatementsPerSecond, false)} |`,
      ...(r.generation.statementsPerCpuSecond
        ? [`| bulk creation per CPU-second of the creating process${r.provider === "sqlite" ? " (SQLite works in-process)" : " (PostgreSQL's own CPU not counted)"} | | | ${fmt(r.generation.statementsPerCpuSecond)} | ≥ ${fmt(t.bulkStatementsPerSecond)}/s | ${check(r.generation.statementsPerCpuSecond, t.bulkStatementsPerSecond, false)} |`]
        : []),
      `| audit verification (${fmt(r.audit.events)} events in ${r.audit.seconds} s) | | | ${fmt(r.audit.perSecond)} | ≥ ${fmt(t.auditEventsPerSecond)}/s | ${check(r.audit.perSecond, t.auditEventsPerSecond, false)} |`,
      ...(r.audit.perCpuSecond
        ? [`| audit verification per CPU-second of the verifying process (${r.audit.cpuSeconds} s CPU) | | | ${fmt(r.audit.perCpuSecond)} | ≥ ${fmt(t.auditEventsPerSecond)}/s | ${check(r.audit.perCpuSecond, t.auditEventsPerSecond, false)} |`]
        : []),
      `| server peak resident memory (MB${(r.serverProcesses ?? 1) > 1 ? `, each process's peak added up: the supervisor and ${r.serverProcesses} workers` : ""}) | | | ${fmt(r.serverPeakRssMb)} | ≤ ${t.serverRssMb} MB | ${check(r.serverPeakRssMb, t.serverRssMb, true)} |`,
      "",
      ...(r.queries ? [`Queries: ${r.queries.name.length} name queries (${r.queries.name.slice(0, 6).map((q) => `\`${q}\``).join(", ")}, …: surnames, alias spellings, Persian and Arabic-keyboard spellings, full names); ${r.queries.phrase.length} phrase queries: ${r.queries.phrase.map((q) => `\`${q}\``).join(", ")}.`, ""] : []),
      ...(r.notes ?? []).map((n) => `- ${n}`),
      "",
    );
  }
  return lines.join("\n");
}

/** What autocannon says of a load's answers (bench/load.mjs). */
type Answers = { requests: number; statuses: Record<string, number>; errors: number; timeouts: number };

/**
 * The loads not every request of which was answered 200 (refused, failed, throttled, timed out,
 * or none at all), each described: their figures would be of something else than their rows say.
 */
export function loadsNotAllAnswered(http: Record<string, Answers>): string[] {
  return Object.entries(http)
    .filter(([, v]) => v.requests === 0 || v.errors > 0 || v.timeouts > 0 || Object.keys(v.statuses).some((s) => s !== "200"))
    .map(([k, v]) => `${k} ${JSON.stringify({ requests: v.requests, statuses: v.statuses, errors: v.errors, timeouts: v.timeouts })}`);
}

/**
 * bench/RESULTS.md holds this benchmark's part first and other benchmarks' parts after it (each
 * under its own top-level "# " heading, e.g. "# Dossier export"): only the first part is replaced.
 */
export function mergeIntoResults(existing: string, mine: string): string {
  const lines = existing.split("\n");
  const next = lines.findIndex((l, i) => i > 0 && /^# /.test(l));
  const rest = next >= 0 ? lines.slice(next).join("\n") : "";
  return `${mine.trimEnd()}\n\n${rest}`.trimEnd() + "\n";
}
