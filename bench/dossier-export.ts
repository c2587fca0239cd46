// Dossier export at scale (a benchmark, not a test): 500 statements with pinpoint links and
// 1 GB of exhibit files in one dossier, exported as a package into a fresh SQLite database.
// Reports the time of each phase, the package size, and the peak resident memory of this
// process (which streams the files) and of Chromium (which prints the PDF).
//
//   node --import tsx --conditions=react-server bench/dossier-export.ts [--statements 500] [--gb 1] [--files 10]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { chmod, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { read, write } from "@/lib/db/write";
import { createDossier } from "@/lib/dossiers";
import { startDossierExport } from "@/lib/dossiers/export";
import { packagePath } from "@/lib/dossiers/export/package";
import { blobPath } from "@/lib/exhibits/storage";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createUser } from "@/lib/users/users";
import { createWitness } from "@/lib/witnesses/witnesses";

const { values } = parseArgs({ options: { statements: { type: "string", default: "500" }, gb: { type: "string", default: "1" }, files: { type: "string", default: "10" } } });
const N = Number(values.statements);
const BYTES = Math.round(Number(values.gb) * 1024 ** 3);
const FILES = Number(values.files);

const work = mkdtempSync(join(tmpdir(), "casefile-bench-dx-"));
process.env.DATABASE_URL = `file:${join(work, "bench.db")}`;
process.env.CASEFILE_STORAGE_DIR = join(work, "exhibits");
process.env.CASEFILE_EXPORT_DIR = join(work, "exports");
process.env.CASEFILE_DATA_KEY ??= "k1.ckrjpSn65kydICKhwUW9mirGCqenGotzQtCRurueS8k"; // bench only
const log = (s: string) => console.log(`[bench dossier-export] ${s}`);
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** Peak RSS (VmHWM) of this process's descendants (Chromium while it prints), summed. */
function childrenPeakKb(): number {
  const parent = new Map<number, number>();
  const hwm = new Map<number, number>();
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const st = readFileSync(`/proc/${p}/status`, "utf8");
      parent.set(Number(p), Number(/PPid:\s+(\d+)/.exec(st)?.[1] ?? 0));
      hwm.set(Number(p), Number(/VmHWM:\s+(\d+)/.exec(st)?.[1] ?? 0));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  for (const [pid, kb] of hwm) {
    for (let cur = parent.get(pid), steps = 0; cur && steps < 20; cur = parent.get(cur), steps++) {
      if (cur === process.pid) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** A WAV file of `size` bytes of pseudo-random PCM, written in 1 MB chunks and hashed as it goes. */
async function writeWav(path: string, size: number, seed: number): Promise<string> {
  const hash = createHash("sha256");
  const out = createWriteStream(path);
  const dataLen = size - 44;
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + dataLen, 4);
  h.write("WAVEfmt ", 8, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(44100, 24);
  h.writeUInt32LE(88200, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(dataLen, 40);
  const put = (b: Buffer) => {
    hash.update(b);
    return out.write(b) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  };
  await put(h);
  let x = seed;
  for (let left = dataLen; left > 0; ) {
    const n = Math.min(left, 1 << 20);
    const chunk = Buffer.allocUnsafe(n);
    for (let i = 0; i + 4 <= n; i += 4) {
      x = (x * 1103515245 + 12345) >>> 0;
      chunk.writeUInt32LE(x, i);
    }
    chunk.fill(0, n - (n % 4));
    await put(chunk);
    left -= n;
  }
  await new Promise<void>((r) => out.end(() => r()));
  return hash.digest("hex");
}

async function main() {
  const t0 = performance.now();
  await migrate(process.env.DATABASE_URL!);
  const mk = async (role: "RESEARCHER" | "LEGAL") => {
    const u = await createUser({ actor: "system", input: { email: `${role.toLowerCase()}@bench.casefile`, name: `Bench ${role}`, role, password: "bench password 123" } });
    return { id: u.id, email: u.email, name: u.name, role };
  };
  const researcher = await mk("RESEARCHER");
  const legal = await mk("LEGAL");
  const person = await write((tx) => tx.person.create({ data: { name: "Hamid Nouri", nameFa: "حمید نوری" } }));
  const event = await write((tx) => tx.event.create({ data: { title: "Commission at Gohardasht", titleFa: "هیئت در گوهردشت", dateStart: "Mordad 1367", precision: "month", earliest: "1988-07-23", latest: "1988-08-22" } }));
  const proceeding = await write((tx) => tx.proceeding.create({ data: { title: "Prosecution of Hamid Nouri (bench)", kind: "CRIMINAL_TRIAL", defendants: { create: [{ personId: person.id }] } } }));
  const witnesses: string[] = [];
  for (let i = 0; i < 20; i++) {
    witnesses.push((await createWitness({ actor: researcher, input: { identity: { legalName: `Bench Witness ${i}` }, consents: [{ scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" }] } })).id);
  }
  const quote = "حمید عباسی نام‌ها را می‌خواند";
  const para = `این متن ساختگی برای سنجش است. در مرداد ۱۳۶۷ در گوهردشت ${quote} و ما را به راهرو بردند. The guard spoke of the commission. `;
  const text = para.repeat(20); // ≈ 3 KB a statement
  const { ids } = await bulkCreateStatements({
    actor: researcher,
    input: { statements: Array.from({ length: N }, (_, i) => ({ witnessId: witnesses[i % witnesses.length], title: `گواهی سنجش ${i + 1}`, language: i % 3 ? "fa" : "en", originalText: text })) },
  });
  const start = text.indexOf(quote);
  await write(async (tx) => {
    await tx.statement.updateMany({ where: { id: { in: ids.filter((_, i) => i % 2 === 0) } }, data: { status: "VERIFIED" } });
    await tx.link.createMany({
      data: ids.map((statementId, i) => ({ statementId, revisionNumber: 1, startOffset: start, endOffset: start + quote.length, quote, personId: person.id, role: "TOOK_PART", allegationType: i % 2 ? "TORTURE" : "KILLING", eventId: event.id, proceedingId: proceeding.id, createdById: researcher.id })),
    });
  });
  log(`${N} statements with links created in ${secs(t0)} s`);

  const t1 = performance.now();
  const exhibitIds: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const tmp = join(work, `wav-${f}.part`);
    const size = Math.floor(BYTES / FILES);
    const sha256 = await writeWav(tmp, size, f + 1);
    const dest = blobPath(sha256);
    mkdirSync(join(dest, ".."), { recursive: true });
    await rename(tmp, dest);
    await chmod(dest, 0o440);
    const e = await write(async (tx) => {
      await tx.blob.create({ data: { sha256, size: BigInt(size), mime: "audio/wav" } });
      const ex = await tx.exhibit.create({ data: { number: `EX-${String(f + 1).padStart(4, "0")}`, sha256, originalName: `interview-${f + 1}.wav`, createdById: researcher.id } });
      await tx.exhibitLink.create({ data: { exhibitId: ex.id, statementId: ids[f]! } });
      return ex;
    });
    exhibitIds.push(e.id);
  }
  log(`${FILES} exhibit files, ${(BYTES / 1024 ** 3).toFixed(2)} GB, written in ${secs(t1)} s`);

  const dossier = await createDossier({ actor: legal, input: { title: "Nouri bundle (bench)", subjectType: "PROCEEDING", subjectId: proceeding.id, preselect: false } });
  await write((tx) =>
    tx.dossierItem.createMany({
      data: [...ids.map((refId) => ({ kind: "STATEMENT", refId })), ...exhibitIds.map((refId) => ({ kind: "EXHIBIT", refId }))].map((x, i) => ({
        dossierId: dossier.id,
        ...x,
        position: i + 1,
        exhibitNumber: `CF-${String(i + 1).padStart(4, "0")}`,
        addedById: legal.id,
      })),
    }),
  );
  await write((tx) => tx.dossier.update({ where: { id: dossier.id }, data: { nextExhibitNumber: ids.length + exhibitIds.length + 1 } }));

  // The export, with memory sampled every 250 ms (this process, and Chromium while it runs).
  let peakChromiumKb = 0;
  const phases: { phase: string; at: number }[] = [];
  const sampler = setInterval(async () => {
    peakChromiumKb = Math.max(peakChromiumKb, childrenPeakKb());
    const row = await read((db) => db.dossierExport.findFirst({ where: { dossierId: dossier.id }, select: { phase: true } })).catch(() => null);
    if (row && phases.at(-1)?.phase !== row.phase) phases.push({ phase: row.phase, at: performance.now() });
  }, 250);
  const rssBefore = process.memoryUsage().rss;
  const t2 = performance.now();
  const r = await startDossierExport({ actor: legal, dossierId: dossier.id, wait: true });
  const exportSeconds = (performance.now() - t2) / 1000;
  clearInterval(sampler);
  if (r.status !== "READY") throw new Error(`export ${r.status}: ${JSON.stringify(r.error)}`);
  const peakNodeMb = process.resourceUsage().maxRSS / 1024;
  const pkg = packagePath(r.id);
  const size = statSync(pkg).size;
  log(`export READY in ${exportSeconds.toFixed(1)} s; package ${(size / 1024 ** 3).toFixed(3)} GB`);
  const phaseTimes = phases.map((p, i) => `${p.phase} ${(((phases[i + 1]?.at ?? t2 + exportSeconds * 1000) - p.at) / 1000).toFixed(1)} s`);
  log(`phases: ${phaseTimes.join(", ")}`);
  log(`peak RSS: this process ${peakNodeMb.toFixed(0)} MB (before the export ${(rssBefore / 1024 ** 2).toFixed(0)} MB); Chromium (all its processes, VmHWM summed) ${(peakChromiumKb / 1024).toFixed(0)} MB`);

  const t3 = performance.now();
  const v = spawnSync(process.execPath, ["lib/dossiers/verify-package.mjs", pkg], { encoding: "utf8" });
  log(`verify.mjs on the ZIP: exit ${v.status} in ${secs(t3)} s: ${(v.stdout || v.stderr).trim()}`);
  const pdfPages = spawnSync("sh", ["-c", `cd ${work} && unzip -o -q ${pkg} dossier.pdf && pdfinfo dossier.pdf | grep Pages`], { encoding: "utf8" }).stdout.trim();
  log(`dossier.pdf: ${pdfPages}`);

  const result = {
    at: new Date().toISOString(),
    statements: N,
    exhibitFiles: FILES,
    exhibitBytes: BYTES,
    exportSeconds: Number(exportSeconds.toFixed(1)),
    phases: phaseTimes,
    packageBytes: size,
    peakRssNodeMb: Math.round(peakNodeMb),
    peakRssChromiumMb: Math.round(peakChromiumKb / 1024),
    verifySeconds: Number(secs(t3)),
    verifyExit: v.status,
    pdf: pdfPages,
  };
  console.log(JSON.stringify(result, null, 2));
  await closeDb();
  rmSync(work, { recursive: true, force: true });
}

main().catch(async (e) => {
  console.error(e);
  await closeDb().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
