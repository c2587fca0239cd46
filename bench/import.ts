// `npx tsx --conditions=react-server bench/import.ts [--rows N] [--bytes B] [--batch N]` — the
// import benchmark (not a test). Writes a ZIP of a statements CSV with N rows, each naming one
// generated PDF, B bytes of files in all (default 10,000 rows and 1 GiB), into a fresh SQLite
// database with the demo seed; then times the dry run, the real run (in batches) and a second
// run (which must create nothing), samples the process's resident memory throughout, checks
// the result (exhibit count, stored files' hashes, the audit chain) and appends a section
// "Import" to bench/RESULTS.md.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import yazl from "yazl";

const { values } = parseArgs({ options: { rows: { type: "string" }, bytes: { type: "string" }, batch: { type: "string" }, keep: { type: "boolean" } } });
const ROWS = Number(values.rows ?? 10_000);
const BYTES = Number(values.bytes ?? 1024 ** 3);
const BATCH = Number(values.batch ?? 1000);
const FILE_BYTES = Math.floor(BYTES / ROWS);

const dir = mkdtempSync(join(tmpdir(), "casefile-bench-import-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.db")}`;
process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
process.env.CASEFILE_DATA_KEY ??= "k1.ckrjpSn65kydICKhwUW9mirGCqenGotzQtCRurueS8k";

const { migrate } = await import("@/lib/db/migrate");
const { closeDb } = await import("@/lib/db/client");
const { read } = await import("@/lib/db/write");
const { seedDemo } = await import("@/lib/seed/seed-demo");
const { findUserByEmail } = await import("@/lib/users/users");
const { runImport } = await import("@/lib/import");
const { verifyAuditChain } = await import("@/lib/audit/verify-chain");
const { checkStoredFile } = await import("@/lib/exhibits/storage");

// ---------------------------------------------------------------- memory

let peak = 0;
let phasePeak = 0;
const sample = () => {
  const rss = process.memoryUsage().rss;
  peak = Math.max(peak, rss);
  phasePeak = Math.max(phasePeak, rss);
};
const sampler = setInterval(sample, 50);
const mb = (b: number) => Math.round(b / 1024 / 1024);

type Phase = { name: string; seconds: number; peakRssMB: number; note: string };
const phases: Phase[] = [];
async function phase<T>(name: string, fn: () => Promise<T>, note: (r: T) => string = () => ""): Promise<T> {
  sample();
  phasePeak = process.memoryUsage().rss;
  const t = process.hrtime.bigint();
  const r = await fn();
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  sample();
  phases.push({ name, seconds, peakRssMB: mb(phasePeak), note: note(r) });
  console.log(`${name}: ${seconds.toFixed(1)} s, peak RSS ${mb(phasePeak)} MB ${note(r)}`);
  return r;
}

// ---------------------------------------------------------------- the input

/** A PDF-looking file of `size` bytes, different for every n, generated as it is read (never whole in memory). */
function pdfStream(n: number, size: number): Readable {
  const header = Buffer.from(`%PDF-1.4\n% bench file ${n}\n`);
  let sent = 0;
  let x = (n * 2654435761) >>> 0 || 1;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const len = Math.min(64 * 1024, size - sent);
      const full = Buffer.allocUnsafe(len + 3);
      const b = full.subarray(0, len);
      for (let i = 0; i < len; i += 4) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        full.writeUInt32LE(x >>> 0, i);
      }
      if (sent === 0) header.copy(b, 0, 0, Math.min(header.length, len));
      sent += len;
      this.push(b);
    },
  });
}

async function writeZip(path: string): Promise<void> {
  const lines = ["witness,title,language,text,interviewers,interview date,files"];
  for (let i = 0; i < ROWS; i++) {
    const text = `Fictional benchmark testimony ${i}. The witness describes the corridor, the lists of names and the night the lights went out in ward ${i % 40}. `.repeat(4);
    lines.push(`W-000${1 + (i % 3)},Bench statement ${i},en,"${text}",Interviewer A|Interviewer B,summer 1988,files/${String(Math.floor(i / 1000)).padStart(2, "0")}/exhibit-${i}.pdf`);
  }
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(lines.join("\n")), "statements.csv", { compress: false });
  for (let i = 0; i < ROWS; i++) zip.addReadStream(pdfStream(i, FILE_BYTES), `files/${String(Math.floor(i / 1000)).padStart(2, "0")}/exhibit-${i}.pdf`, { compress: false, size: FILE_BYTES });
  zip.end();
  await new Promise<void>((res, rej) => zip.outputStream.pipe(createWriteStream(path)).on("close", () => res()).on("error", rej));
}

// ---------------------------------------------------------------- run

console.log(`import benchmark: ${ROWS} rows, ${mb(BYTES)} MB of files (${FILE_BYTES} bytes each), batches of ${BATCH}; in ${dir}`);
await migrate(process.env.DATABASE_URL);
await seedDemo();
const u = (await findUserByEmail("researcher@demo.casefile"))!;
const actor = { id: u.id, email: u.email, name: u.name, role: "RESEARCHER" as const };
const zipPath = join(dir, "statements.zip");
await phase("generate the ZIP (streamed)", () => writeZip(zipPath), () => `(${mb(statSync(zipPath).size)} MB on disk)`);

const dry = await phase(
  "dry run (parse, match, stream and hash every file)",
  () => runImport({ actor, path: zipPath, kind: "STATEMENTS", dryRun: true }),
  (r) => `(${r.counts.created} to create, ${r.counts.refused} refused)`,
);
const real = await phase(
  `real run, batches of ${BATCH}`,
  () => runImport({ actor, path: zipPath, kind: "STATEMENTS", dryRun: false, batchSize: BATCH }),
  (r) => `(${r.counts.created} created in ${r.batches.length} batches)`,
);
const again = await phase(
  "second run of the same file",
  () => runImport({ actor, path: zipPath, kind: "STATEMENTS", dryRun: false, batchSize: BATCH }),
  (r) => `(${r.counts.already} imported before, ${r.counts.created} created)`,
);
const chain = await phase("audit chain verification", () => verifyAuditChain(), (r) => `(${r.events} events, ${r.ok ? "ok" : "BROKEN"})`);
clearInterval(sampler);

const exhibits = await read((d) => d.exhibit.count());
const stored = await read((d) => d.blob.aggregate({ _sum: { size: true } }));
const sampleRows = await read((d) => d.exhibit.findMany({ take: 20, orderBy: { number: "desc" }, select: { sha256: true } }));
let matches = 0;
for (const e of sampleRows) if ((await checkStoredFile(e.sha256)).result === "MATCH") matches++;
const dryMatchesReal =
  JSON.stringify(dry.rows.map((r) => [r.row, r.outcome, r.problems])) === JSON.stringify(real.rows.map((r) => [r.row, r.outcome, r.problems]));
const maxRss = process.resourceUsage().maxRSS * 1024;
await closeDb();

const ok = real.counts.created === ROWS && again.counts.created === 0 && again.counts.already === ROWS && exhibits === ROWS && chain.ok && matches === sampleRows.length && dryMatchesReal;
console.log(`exhibits ${exhibits}, stored ${mb(Number(stored._sum.size ?? 0))} MB, sampled files matching their hash ${matches}/${sampleRows.length}, dry run = real run: ${dryMatchesReal}, process peak RSS ${mb(maxRss)} MB; ${ok ? "OK" : "PROBLEMS"}`);

// ---------------------------------------------------------------- RESULTS.md

const sh = (c: string) => {
  try {
    return execSync(c, { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
};
const realPhase = phases.find((p) => p.name.startsWith("real run"))!;
const section = `## Import

Made by \`npx tsx --conditions=react-server bench/import.ts\` (bench/import.ts; not part of \`npm test\`). Run ${new Date().toISOString()}, SQLite (WAL, synchronous=FULL), ${sh("nproc")} shared vCPUs, load average ${sh("cut -d' ' -f1-3 /proc/loadavg")} at the end (other developers' builds and tests were running), Node ${process.version}.

Input: one ZIP holding a statements CSV of ${ROWS.toLocaleString("en")} rows and ${ROWS.toLocaleString("en")} generated PDF files of ${FILE_BYTES.toLocaleString("en")} bytes each (${mb(BYTES).toLocaleString("en")} MB of files), each row naming its file by relative path. Real run in batches of ${BATCH} rows (one transaction each).

| phase | seconds | peak RSS (MB) | result |
|---|---:|---:|---|
${phases.map((p) => `| ${p.name} | ${p.seconds.toFixed(1)} | ${p.peakRssMB} | ${p.note.replace(/^\(|\)$/g, "")} |`).join("\n")}

- Whole process peak resident memory: **${mb(maxRss)} MB** for ${mb(BYTES).toLocaleString("en")} MB of files: the files are streamed (ZIP entry → SHA-256 and type check → temporary file → exhibit store), never held in memory. What memory there is holds the plan of every row (the statements' text and per-row outcomes) and the Prisma client.
- Real run: ${(ROWS / realPhase.seconds).toFixed(1)} rows/s overall, its own planning pass included (the same reading, matching and file checks as the dry run). Each row is a statement, its first revision, an exhibit with its blob and custody entry, two audit events (statement.import, exhibit.import), a search index entry and an ImportedRow; statements are written a batch at a time (one insert per table per batch), so most of the time goes to the files: each is streamed from the ZIP, hashed, type-checked, written and fsynced to a temporary file, then renamed into the store — once while planning (then dropped) and once when its batch is written.
- Checks: ${exhibits.toLocaleString("en")} exhibits, ${mb(Number(stored._sum.size ?? 0)).toLocaleString("en")} MB stored; the ${sampleRows.length} newest files re-hashed: ${matches} match; the dry run's per-row report equals the real run's: ${dryMatchesReal}; second run created ${again.counts.created} (${again.counts.already.toLocaleString("en")} recognised as imported before); audit chain ${chain.ok ? "verifies" : "BROKEN"} (${chain.events.toLocaleString("en")} events). Overall: **${ok ? "OK" : "PROBLEMS"}**.
`;
const resultsPath = join(process.cwd(), "bench/RESULTS.md");
const current = readFileSync(resultsPath, "utf8");
const start = current.indexOf("\n## Import\n");
const next = start < 0 ? -1 : current.indexOf("\n## ", start + 5);
const updated = start < 0 ? `${current.replace(/\n*$/, "\n")}\n${section}` : `${current.slice(0, start + 1)}${section}${next < 0 ? "" : current.slice(next)}`;
writeFileSync(resultsPath, updated);
console.log("appended the Import section to bench/RESULTS.md");
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
