// Building a large dossier (a benchmark, not a test): N statements linked to a proceeding, half
// of them verified, in a fresh SQLite (default) or PostgreSQL (--pg) database. Times creating
// the dossier with the verified ones pre-selected, the builder's view, the "add" candidates,
// the read model the preview and the export use, and 50 additions of sources sent at once.
//
//   node --import tsx --conditions=react-server bench/dossier-build.ts [--statements 500] [--pg]
//
// Results, 2026-12-01, this shared 2-core machine under load from other sessions (one run each;
// expect ±50 %): 500 statements, 250 verified.
//                                              SQLite     PostgreSQL
//   createDossier (250 pre-selected)           357 ms       456 ms
//   getDossier (builder view, 250 items)       113 ms       126 ms
//   findDossierCandidates (250 linked)         530 ms       473 ms
//   loadDossierContent (500 statements, 1.9 MB) 729 ms      845 ms
//   50 additions sent at once                 6.2 s        8.4 s   (550 distinct numbers, positions 1..550)
// The first run found SQLite's parameter limit (Prisma P2029) in loadDossierContent at 500
// statements; every id list is now queried in slices (lib/dossiers/shared.ts inSlices).
// An addition re-reads the whole dossier for its answer, hence ~100 ms each at 550 items.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { write } from "@/lib/db/write";
import { addDossierItem, createDossier, findDossierCandidates, getDossier, loadDossierContent } from "@/lib/dossiers";
import { bulkCreateStatements } from "@/lib/statements/bulk-create";
import { createUser } from "@/lib/users/users";
import { createWitness } from "@/lib/witnesses/witnesses";
import { emptyDatabase } from "@/tests/support/database";

const { values } = parseArgs({ options: { statements: { type: "string", default: "500" }, pg: { type: "boolean", default: false } } });
const N = Number(values.statements);
const work = mkdtempSync(join(tmpdir(), "casefile-bench-db-"));
process.env.CASEFILE_DATA_KEY ??= "k1.ckrjpSn65kydICKhwUW9mirGCqenGotzQtCRurueS8k"; // bench only
const log = (s: string) => console.log(`[bench dossier-build ${values.pg ? "postgresql" : "sqlite"}] ${s}`);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
}

async function main() {
  const db = values.pg ? await emptyDatabase("postgresql") : { url: `file:${join(work, "bench.db")}`, drop: async () => undefined };
  process.env.DATABASE_URL = db.url;
  try {
    await migrate(db.url);
    const mk = async (role: "RESEARCHER" | "LEGAL") => {
      const u = await createUser({ actor: "system", input: { email: `${role.toLowerCase()}@bench.casefile`, name: `Bench ${role}`, role, password: "bench password 123" } });
      return { id: u.id, email: u.email, name: u.name, role };
    };
    const researcher = await mk("RESEARCHER");
    const legal = await mk("LEGAL");
    const person = await write((tx) => tx.person.create({ data: { name: "Hamid Nouri", nameFa: "حمید نوری" } }));
    const event = await write((tx) => tx.event.create({ data: { title: "Commission at Gohardasht", dateStart: "Mordad 1367", precision: "month", earliest: "1988-07-23", latest: "1988-08-22" } }));
    const proceeding = await write((tx) => tx.proceeding.create({ data: { title: "Prosecution (bench)", kind: "CRIMINAL_TRIAL", defendants: { create: [{ personId: person.id }] } } }));
    const witnesses: string[] = [];
    for (let i = 0; i < 20; i++)
      witnesses.push((await createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" }] } })).id);
    const quote = "حمید عباسی نام‌ها را می‌خواند";
    const text = `این متن ساختگی برای سنجش است. در مرداد ۱۳۶۷ ${quote} و ما را به راهرو بردند. `.repeat(30);
    const { ids } = await bulkCreateStatements({
      actor: researcher,
      input: { statements: Array.from({ length: N }, (_, i) => ({ witnessId: witnesses[i % witnesses.length], title: `Bench statement ${i + 1}`, language: "fa", originalText: text })) },
    });
    const start = text.indexOf(quote);
    await write(async (tx) => {
      await tx.statement.updateMany({ where: { id: { in: ids.filter((_, i) => i % 2 === 0) } }, data: { status: "VERIFIED" } });
      await tx.link.createMany({
        data: ids.map((statementId) => ({ statementId, revisionNumber: 1, startOffset: start, endOffset: start + quote.length, quote, personId: person.id, role: "TOOK_PART", allegationType: "KILLING", eventId: event.id, proceedingId: proceeding.id, createdById: researcher.id })),
      });
    });
    log(`${N} statements (${Math.ceil(N / 2)} verified), each linked to the proceeding`);

    const d = await timed(`createDossier, ${Math.ceil(N / 2)} verified statements pre-selected`, () => createDossier({ actor: legal, input: { title: "Bench", subjectType: "PROCEEDING", subjectId: proceeding.id } }));
    if (d.items.length !== Math.ceil(N / 2)) throw new Error(`expected ${Math.ceil(N / 2)} items, got ${d.items.length}`);
    await timed("getDossier (builder view)", () => getDossier({ actor: legal, dossierId: d.id }));
    const c = await timed("findDossierCandidates (linked, not yet in)", () => findDossierCandidates({ actor: legal, dossierId: d.id }));
    if (c.statements.length !== N - Math.ceil(N / 2)) throw new Error(`expected ${N - Math.ceil(N / 2)} candidates, got ${c.statements.length}`);
    for (const s of c.statements) await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: s.id } });
    const content = await timed(`loadDossierContent, ${N} statements`, () => loadDossierContent({ actor: legal, dossierId: d.id }));
    log(`read model: ${content.items.length} items, ${(JSON.stringify(content).length / 1024 / 1024).toFixed(1)} MB as JSON`);
    const sources = await write((tx) => Promise.all(Array.from({ length: 50 }, (_, i) => tx.source.create({ data: { title: `Bench source ${i}` } }))));
    await timed("50 addDossierItem sent at once", () => Promise.all(sources.map((s) => addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: s.id } }))));
    const after = await getDossier({ actor: legal, dossierId: d.id });
    const numbers = new Set(after.items.map((i) => i.exhibitNumber));
    log(`after: ${after.items.length} items, ${numbers.size} distinct numbers, positions 1..${Math.max(...after.items.map((i) => i.position))}`);
    if (numbers.size !== after.items.length) throw new Error("duplicate numbers");
  } finally {
    await closeDb();
    await db.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
