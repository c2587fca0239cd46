// bench/RESULTS.md from bench/results.json: one table per database, each measured figure next
// to its target, and by how much a missed target was missed.

type Load = { requests: number; perSecond: number; p50: number; p95: number };
type Result = {
  provider: string;
  at: string;
  machine: Record<string, unknown>;
  sizes: Record<string, number>;
  generation: { statementsPerSecond: number; statementsSeconds: number; linksPerSecond: number; auditEvents: number; totalSeconds: number };
  audit: { events: number; seconds: number; perSecond: number };
  direct: { searchName: { p50: number; p95: number }; searchPhrase: { p50: number; p95: number } };
  http: Record<"searchName" | "searchPhrase" | "statementPage" | "personPage" | "filteredList", Load>;
  serverPeakRssMb: number;
  connections: number;
  durationSeconds: number;
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
  return `**missed** (${factor.toFixed(1)}× ${lowerIsBetter ? "over" : "short"})`;
}

export function renderMarkdown(all: Record<string, Result>, t: typeof TARGETS): string {
  const lines = [
    "# Benchmark results",
    "",
    "Made by `npm run bench` (bench/run.ts; a benchmark, not part of `npm test`). A synthetic, fictional archive is generated into a fresh",
    "database, the production server (`next start`) is started, and autocannon loads it from a second process with",
    "10 connections; the same searches are also run directly against the database in the runner's process (the floor).",
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
      `## ${r.provider} — ${fmt(r.sizes.statements)} statements`,
      "",
      `Run ${r.at}. Sizes: ${Object.entries(r.sizes).map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}. Each load: ${r.connections} connections for ${r.durationSeconds} s.`,
      "",
      `Machine: ${Object.entries(r.machine).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join("; ")}.`,
      "",
      "| measure | p50 | p95 | req/s | target | result |",
      "|---|---:|---:|---:|---|---|",
      `| search, name queries (HTTP) | ${fmt(h.searchName.p50)} | ${fmt(h.searchName.p95)} | ${fmt(h.searchName.perSecond)} | p95 ≤ ${t.searchP95Ms} ms | ${check(h.searchName.p95, t.searchP95Ms, true)} |`,
      `| search, phrase queries (HTTP) | ${fmt(h.searchPhrase.p50)} | ${fmt(h.searchPhrase.p95)} | ${fmt(h.searchPhrase.perSecond)} | p95 ≤ ${t.searchP95Ms} ms | ${check(h.searchPhrase.p95, t.searchP95Ms, true)} |`,
      `| search, name queries, direct (floor) | ${fmt(r.direct.searchName.p50)} | ${fmt(r.direct.searchName.p95)} | | HTTP p95 ≤ ${t.searchVsDirect}× floor | ${ratioName.toFixed(1)}×: ${check(ratioName, t.searchVsDirect, true)} |`,
      `| search, phrase queries, direct (floor) | ${fmt(r.direct.searchPhrase.p50)} | ${fmt(r.direct.searchPhrase.p95)} | | HTTP p95 ≤ ${t.searchVsDirect}× floor | ${ratioPhrase.toFixed(1)}×: ${check(ratioPhrase, t.searchVsDirect, true)} |`,
      `| searches per second (the slower kind) | | | ${fmt(searchRate)} | ≥ ${t.searchesPerSecond}/s | ${check(searchRate, t.searchesPerSecond, false)} |`,
      `| statement page (HTML, signed in) | ${fmt(h.statementPage.p50)} | ${fmt(h.statementPage.p95)} | ${fmt(h.statementPage.perSecond)} | p95 ≤ ${t.statementPageP95Ms} ms | ${check(h.statementPage.p95, t.statementPageP95Ms, true)} |`,
      `| person page (HTML, signed in) | ${fmt(h.personPage.p50)} | ${fmt(h.personPage.p95)} | ${fmt(h.personPage.perSecond)} | p95 ≤ ${t.personPageP95Ms} ms | ${check(h.personPage.p95, t.personPageP95Ms, true)} |`,
      `| filtered statement list (API, status + language, 50 a page) | ${fmt(h.filteredList.p50)} | ${fmt(h.filteredList.p95)} | ${fmt(h.filteredList.perSecond)} | | |`,
      `| bulk creation, statements with revision, audit event and index entry | | | ${fmt(r.generation.statementsPerSecond)} | ≥ ${fmt(t.bulkStatementsPerSecond)}/s | ${check(r.generation.statementsPerSecond, t.bulkStatementsPerSecond, false)} |`,
      `| audit verification (${fmt(r.audit.events)} events in ${r.audit.seconds} s) | | | ${fmt(r.audit.perSecond)} | ≥ ${fmt(t.auditEventsPerSecond)}/s | ${check(r.audit.perSecond, t.auditEventsPerSecond, false)} |`,
      `| server peak resident memory (MB) | | | ${fmt(r.serverPeakRssMb)} | ≤ ${t.serverRssMb} MB | ${check(r.serverPeakRssMb, t.serverRssMb, true)} |`,
      "",
      ...(r.notes ?? []).map((n) => `- ${n}`),
      "",
    );
  }
  return lines.join("\n");
}
