// Synthetic archive for the benchmark (bench/run.ts): persons with aliases in both scripts,
// events, witnesses with and without legal-sharing consent, statements of about 3 KB in Persian
// and English, and pinpoint links. All of it invented, reproducible from a seed, and written the
// way the app writes: transactions through lib/db's write(), an audit event for every record.
// Registries go through writeAudit (which also indexes the record for search); statements through
// the bulk path (lib/statements/bulk-create.ts), links with writeAuditMany.
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeAuditMany } from "@/lib/audit/write-audit-many";
import { write } from "@/lib/db/write";
import { compactSearchIndex } from "@/lib/search/compact";
import { bulkCreateStatements, newId } from "@/lib/statements/bulk-create";
import { createUser } from "@/lib/users/users";

export type Sizes = { statements: number; persons: number; events: number; links: number; witnesses: number };

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

// Latin syllable -> Persian letters, so each invented surname has both spellings.
const SYL: [string, string][] = [
  ["ba", "با"], ["ri", "ری"], ["za", "زا"], ["de", "د"], ["ka", "کا"], ["mo", "مو"], ["han", "هان"], ["sa", "سا"], ["vi", "وی"], ["na", "نا"],
  ["ghi", "قی"], ["far", "فر"], ["ja", "جا"], ["lo", "لو"], ["ta", "تا"], ["her", "هر"], ["ni", "نی"], ["pa", "پا"], ["shi", "شی"], ["ro", "رو"],
  ["dar", "دار"], ["kho", "خو"], ["mal", "مال"], ["zi", "زی"],
];
const FIRST: [string, string][] = [["Hossein", "حسین"], ["Ali", "علی"], ["Mohammad", "محمد"], ["Reza", "رضا"], ["Mehdi", "مهدی"], ["Hassan", "حسن"], ["Mostafa", "مصطفی"], ["Morteza", "مرتضی"], ["Javad", "جواد"], ["Karim", "کریم"]];
export const PLACES = ["Evin", "Gohardasht", "Ghezel Hesar", "Dizel Abad", "Vakilabad"];

// The testimony's words follow Zipf's law, as the words of any real language do: a few dozen
// function words make up half of the text, the content words of prison testimony come next,
// and a long tail of rarer words (made up here from syllables, about 20,000 per language) is
// what makes most documents different from each other. Every word of a flat 60-word vocabulary,
// which earlier runs used, occurred in nearly every document, which no archive does: it made
// every phrase search read the positions of half the archive. A sentence is sometimes one of the
// formulaic sentences witnesses repeat ("visits were stopped"), which the phrase searches find.
const EN_FUNCTION = "the and to of in we was were they us our my at for on a it that with from by he she his her i me not no there had all were then".split(" ");
const EN_CONTENT = "prison guards came night took hall where commission sat waited hours blindfolded corridor nobody told families anything about trials visits stopped summer newspapers television taken away wards cellmate called never returned questions prayer organisation interrogation sentence executed buried names lists mothers fathers brother sister cemetery khavaran court judge prosecutor transferred solitary cell ward amphitheatre ropes trucks bodies belongings bag letter telephone released".split(" ");
const FA_FUNCTION = "و را به در از که با این آن ما من بود شد هم تا برای یک هر بر او نه هیچ همه بعد پس".split(" ");
const FA_CONTENT = "نگهبانان شب آمدند سالن بردند جایی هیئت نشسته ساعت‌ها چشم‌بند راهرو منتظر ماندیم هیچ‌کس خانواده‌ها چیزی نگفت ملاقات‌ها تابستان قطع روزنامه تلویزیون بندها هم‌سلولی صدا زدند دیگر برنگشت پرسش‌ها دربارهٔ نماز سازمان بازجویی حکم اعدام دفن نام فهرست مادران پدران برادر خواهر گورستان خاوران دادگاه قاضی دادستان انفرادی سلول حسینیه طناب کامیون ساک نامه تلفن آزاد".split(" ");
const EN_STOCK = ["visits were stopped in summer", "they took us to the hall", "we waited for hours blindfolded in the corridor", "the questions were about prayer and the organisation", "my cellmate was called and never returned", "newspapers and television were taken away from the wards", "nobody told our families anything"];
const FA_STOCK = ["ملاقات‌ها در تابستان قطع شد", "ما را به سالن بردند", "ساعت‌ها با چشم‌بند در راهرو منتظر ماندیم", "پرسش‌ها دربارهٔ نماز و سازمان بود", "هم‌سلولی من را صدا زدند و دیگر برنگشت", "روزنامه و تلویزیون را از بندها بردند", "هیچ‌کس به خانواده‌ها چیزی نگفت"];
export const STOCK_PHRASES = { en: EN_STOCK, fa: FA_STOCK };

type Vocabulary = { words: string[]; cdf: Float64Array };

/** Function words first, content words spread over ranks 60–3,000, made-up words in between and after. */
function vocabulary(fa: boolean, taken: Set<string>, size = 20_000): Vocabulary {
  const fn = fa ? FA_FUNCTION : EN_FUNCTION;
  const content = fa ? FA_CONTENT : EN_CONTENT;
  const cons = fa ? [..."بپتدرزسشفکگلمنوهجخق"] : [..."bcdfgklmnprstvz"];
  const vows = fa ? ["ا", "ی", "و", "ه", ""] : ["a", "e", "i", "o", "u"];
  const syl = cons.flatMap((c) => vows.map((v) => c + v));
  const r = rng(fa ? 11 : 13);
  const seen = new Set<string>([...fn, ...content, ...taken]);
  const made = () => {
    for (;;) {
      const n = 2 + r.int(2);
      let w = "";
      for (let i = 0; i < n; i++) w += r.pick(syl);
      w += fa ? r.pick(["ن", "ر", "م", "ی"]) : r.pick(["n", "r", "m", "l"]);
      if (!seen.has(w)) {
        seen.add(w);
        return w;
      }
    }
  };
  const words: string[] = [...new Set(fn)];
  const contentAt = new Map(content.map((w, k) => [60 + Math.floor((k * 2940) / content.length), w]));
  while (words.length < size) words.push(contentAt.get(words.length) ?? made());
  // Zipf–Mandelbrot weights 1/(rank + 2.7).
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cdf[i] = sum += 1 / (i + 1 + 2.7);
  for (let i = 0; i < size; i++) cdf[i]! /= sum;
  return { words, cdf };
}

function draw(r: ReturnType<typeof rng>, v: Vocabulary): string {
  const x = r.next();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

let vocabularies: { en: Vocabulary; fa: Vocabulary } | null = null;
function vocabularyFor(fa: boolean, persons: PersonSeed[]): Vocabulary {
  if (!vocabularies) {
    // No made-up word may be a person's name: name searches must find the persons only.
    const taken = new Set(persons.flatMap((p) => [p.name, p.nameFa, ...p.aliases].flatMap((n) => n.toLowerCase().split(" "))));
    vocabularies = { en: vocabulary(false, taken), fa: vocabulary(true, taken) };
  }
  return fa ? vocabularies.fa : vocabularies.en;
}

export type PersonSeed = { name: string; nameFa: string; aliases: string[]; surname: string; surnameFa: string };

export function makePersons(n: number, r = rng(1)): PersonSeed[] {
  const out: PersonSeed[] = [];
  const seen = new Set<string>();
  while (out.length < n) {
    const parts = [r.pick(SYL), r.pick(SYL), r.pick(SYL)];
    const surname = parts.map((p) => p[0]).join("");
    if (seen.has(surname)) continue;
    seen.add(surname);
    const cap = surname[0]!.toUpperCase() + surname.slice(1);
    const surnameFa = parts.map((p) => p[1]).join("");
    const [first, firstFa] = r.pick(FIRST);
    // Aliases as they turn up: a doubled consonant, ee for i, and an Arabic-keyboard Persian spelling.
    const variant = cap.replace(/([bdkmnrstvz])([aeiou])/, "$1$1$2").replace(/i(?!.*i)/, "ee");
    const arabic = `${firstFa} ${surnameFa}`.replace(/ی/g, "ي").replace(/ک/g, "ك");
    out.push({ name: `${first} ${cap}`, nameFa: `${firstFa} ${surnameFa}`, aliases: [variant, arabic], surname: cap, surnameFa });
  }
  return out;
}

/** About `bytes` of testimony in one language, naming some persons in one of their spellings. */
function testimony(r: ReturnType<typeof rng>, fa: boolean, persons: PersonSeed[], bytes: number): string {
  const v = vocabularyFor(fa, persons);
  const stock = fa ? FA_STOCK : EN_STOCK;
  const parts: string[] = [fa ? "این متن ساختگی است." : "This text is fictional."];
  let size = 0;
  while (size < bytes) {
    const sentence: string[] = [];
    if (r.next() < 0.02) sentence.push(r.pick(stock));
    else {
      const len = 8 + r.int(10);
      for (let i = 0; i < len; i++) sentence.push(draw(r, v));
    }
    if (r.next() < 0.25) {
      const p = r.pick(persons);
      sentence.splice(r.int(sentence.length), 0, fa ? (r.next() < 0.5 ? p.surnameFa : p.aliases[1]!.split(" ")[1]!) : r.next() < 0.5 ? p.surname : p.aliases[0]!);
    }
    if (r.next() < 0.03) sentence.push(fa ? `در ${r.int(2) ? "مرداد" : "شهریور"} ۱۳۶۷` : `in ${r.pick(PLACES)} in 1988`);
    const s = sentence.join(" ") + ".";
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join(" ");
}

const STATUSES = ["DRAFT", "SUBMITTED", "IN_REVIEW", "VERIFIED"] as const;

export type Generated = {
  admin: Actor;
  personIds: string[];
  statementIds: string[];
  persons: PersonSeed[];
  timings: { statementsPerSecond: number; statementsSeconds: number; statementsCpuSeconds?: number; linksPerSecond: number; auditEvents: number; compact?: { before: number; after: number; steps: number; seconds: number }; totalSeconds: number };
};

export async function generate(sizes: Sizes, log: (s: string) => void = console.log): Promise<Generated> {
  const t0 = performance.now();
  const r = rng(42);
  const u = await createUser({ actor: "system", input: { email: "bench-admin@bench.invalid", name: "Bench Admin", role: "ADMIN", password: "bench password 1988" } });
  const admin: Actor = { id: u.id, email: u.email, name: u.name, role: "ADMIN" };
  let audit = 1;
  const BATCH = 500;

  const persons = makePersons(sizes.persons);
  const personIds: string[] = [];
  await write(async (tx) => {
    for (const p of persons) {
      const row = await tx.person.create({ data: { name: p.name, nameFa: p.nameFa, summary: "Fictional person generated for the benchmark.", aliases: { create: p.aliases.map((name) => ({ name })) } } });
      await writeAudit(tx, { actor: admin, action: "person.create", recordType: "Person", recordId: row.id, after: { name: p.name, nameFa: p.nameFa, aliases: p.aliases } });
      personIds.push(row.id);
      audit++;
    }
  });
  log(`persons: ${persons.length}`);

  const eventIds: string[] = [];
  for (let i = 0; i < sizes.events; i += BATCH) {
    await write(async (tx) => {
      for (let j = i; j < Math.min(sizes.events, i + BATCH); j++) {
        const month = String(1 + (j % 12)).padStart(2, "0");
        const year = 1981 + (j % 9);
        const e = await tx.event.create({
          data: { title: `Fictional event ${j} at ${r.pick(PLACES)}`, dateStart: `${year}-${month}`, precision: "month", earliest: `${year}-${month}-01`, latest: `${year}-${month}-28`, description: "Generated for the benchmark." },
        });
        await writeAudit(tx, { actor: admin, action: "event.create", recordType: "Event", recordId: e.id, after: { title: e.title } });
        eventIds.push(e.id);
        audit++;
      }
    });
  }
  log(`events: ${eventIds.length}`);

  const witnessIds: string[] = [];
  for (let i = 0; i < sizes.witnesses; i += BATCH) {
    await write(async (tx) => {
      for (let j = i; j < Math.min(sizes.witnesses, i + BATCH); j++) {
        const w = await tx.witness.create({ data: { code: `W-${String(j + 1).padStart(6, "0")}`, fictional: true, createdById: admin.id } });
        // Half the witnesses consent to legal sharing.
        if (j % 2 === 0) await tx.consent.create({ data: { witnessId: w.id, scope: "LEGAL_SHARING", givenAt: new Date("2020-01-01"), method: "WRITTEN", recordedById: admin.id } });
        await writeAudit(tx, { actor: admin, action: "witness.create", recordType: "Witness", recordId: w.id, after: { code: w.code, fictional: true } });
        witnessIds.push(w.id);
        audit++;
      }
    });
  }
  log(`witnesses: ${witnessIds.length}`);

  // Statements: the timed part ("bulk creation"): lib/statements/bulk-create, each statement
  // with its revision, audit event and search entry. The text is made before the clock starts.
  const statementIds: string[] = [];
  const openings: string[] = []; // each statement's first words, quoted by its links
  let statementsSeconds = 0;
  let statementsCpuSeconds = 0; // this process's CPU time (on SQLite the database works in-process too)
  for (let i = 0; i < sizes.statements; i += BATCH) {
    const batch = [];
    for (let j = i; j < Math.min(sizes.statements, i + BATCH); j++) {
      const fa = j % 2 === 0;
      const text = testimony(r, fa, persons, 1500 + r.int(3000));
      const n = j + 1;
      batch.push({ witnessId: r.pick(witnessIds), title: fa ? `نمونهٔ ساختگی ${n}` : `Fictional sample ${n}`, language: fa ? "fa" : "en", originalText: text, periodCovered: String(1981 + r.int(9)) });
      openings.push(text.slice(0, 9));
    }
    const tb = performance.now();
    const cb = process.cpuUsage();
    const { ids } = await bulkCreateStatements({ actor: admin, input: { statements: batch } });
    statementsSeconds += (performance.now() - tb) / 1000;
    const cu = process.cpuUsage(cb);
    statementsCpuSeconds += (cu.user + cu.system) / 1e6;
    statementIds.push(...ids);
    audit += ids.length;
    if ((i / BATCH) % 20 === 0) log(`statements: ${statementIds.length} (${Math.round(statementIds.length / statementsSeconds)}/s)`);
  }
  log(`statements: ${statementIds.length} in ${statementsSeconds.toFixed(1)} s (${statementsCpuSeconds.toFixed(1)} s of this process's CPU: ${Math.round(statementIds.length / statementsCpuSeconds)}/CPU-second)`);
  // Review states for the filtered list: set directly (bench data shaping, not an audited change;
  // the search index keeps DRAFT, which no benchmarked search filters on).
  await write(async (tx) => {
    for (let k = 0; k < STATUSES.length; k++) {
      const ids = statementIds.filter((_, i) => i % STATUSES.length === k);
      // A statement past DRAFT was submitted once: a submission time per batch, a minute apart,
      // as the review queue orders them (the workflow stamps each with the clock).
      for (let i = 0; i < ids.length; i += 500) {
        const submittedAt = STATUSES[k] === "DRAFT" ? null : new Date(Date.UTC(2026, 10, 1) + (i / 500) * 60_000 + k * 1_000);
        await tx.statement.updateMany({ where: { id: { in: ids.slice(i, i + 500) } }, data: { status: STATUSES[k], submittedAt } });
      }
    }
  });

  // Links: multi-row inserts with their audit events (writeAuditMany), as a bulk import would.
  const tl = performance.now();
  for (let i = 0; i < sizes.links; i += BATCH) {
    await write(async (tx) => {
      const rows = [];
      for (let j = i; j < Math.min(sizes.links, i + BATCH); j++) {
        const k = r.int(statementIds.length);
        rows.push({ id: newId(), statementId: statementIds[k]!, revisionNumber: 1, startOffset: 0, endOffset: 9, quote: openings[k]!, personId: personIds[r.int(personIds.length)]!, role: "PRESENT", allegationType: "OTHER", eventId: r.next() < 0.5 ? eventIds[r.int(eventIds.length)]! : null, createdById: admin.id });
      }
      await tx.link.createMany({ data: rows });
      await writeAuditMany(tx, rows.map((l) => ({ actor: admin, action: "link.create", recordType: "Link", recordId: l.id, after: { statementId: l.statementId, personId: l.personId } })));
      audit += rows.length;
    });
  }
  const linksSeconds = (performance.now() - tl) / 1000;
  log(`links: ${sizes.links} in ${linksSeconds.toFixed(1)} s`);
  // The archive was made as an import makes one, and compacted as an import's end compacts it
  // (lib/search/compact.ts), outside the timed bulk creation; timed here on its own.
  const tc = performance.now();
  const compacted = await compactSearchIndex();
  const compactSeconds = (performance.now() - tc) / 1000;
  log(`search index compacted: ${compacted.before} -> ${compacted.after} segments in ${compactSeconds.toFixed(1)} s`);
  return {
    admin,
    personIds,
    statementIds,
    persons,
    timings: { statementsPerSecond: statementIds.length / statementsSeconds, statementsSeconds, statementsCpuSeconds, linksPerSecond: sizes.links / linksSeconds, auditEvents: audit, compact: { ...compacted, seconds: compactSeconds }, totalSeconds: (performance.now() - t0) / 1000 },
  };
}

/** What generate() returned, read back from a kept archive (bench/run.ts --keep). */
export async function reloadGenerated(timings: Generated["timings"]): Promise<Generated> {
  const { read } = await import("@/lib/db/write");
  const u = await read((db) => db.user.findFirstOrThrow({ where: { email: "bench-admin@bench.invalid" } }));
  const persons = makePersons(500);
  const byName = new Map((await read((db) => db.person.findMany({ select: { id: true, name: true } }))).map((p) => [p.name, p.id]));
  const statementIds = (await read((db) => db.statement.findMany({ select: { id: true }, orderBy: { id: "asc" } }))).map((s) => s.id);
  return { admin: { id: u.id, email: u.email, name: u.name, role: "ADMIN" }, persons, personIds: persons.map((p) => byName.get(p.name)!), statementIds, timings };
}
