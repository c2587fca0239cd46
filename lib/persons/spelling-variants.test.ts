import { describe, expect, test } from "vitest";
import { DEFAULT_THRESHOLD } from "@/lib/names";
import { rankByName, type Named } from "@/lib/registries/rank";
import record from "@/lib/seed/public-record-1988.json";
import { rng } from "@/tests/support/random";

// Property-style check of person search: spelling variants of every name in the public record,
// made by the transformations people actually apply when they write these names (doubled or
// single letters, q/gh, ou/u, ee/i, hyphens and spaces, Arabic ي/ك for Persian ی/ک, ZWNJ or
// space), must find the right person first. The variants come from a seeded generator, so a
// failure can be reproduced; the figures are printed for the record.

/** Another seed explores other variants: CASEFILE_NAME_SEED=7 npx vitest run lib/persons */
const SEED = Number(process.env.CASEFILE_NAME_SEED ?? 19880719);

const PERSONS: Named[] = record.persons.map((p) => ({ id: p.key, name: p.name, nameFa: p.name_fa, aliases: p.aliases }));

type Rand = () => number;
const pick = <T>(r: Rand, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Replaces one occurrence (chosen at random) of `from` with `to`; null when there is none. */
function replaceOne(r: Rand, s: string, from: string | RegExp, to: string | ((m: string) => string)): string | null {
  const re = typeof from === "string" ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g") : new RegExp(from.source, from.flags.includes("g") ? from.flags : from.flags + "g");
  const hits = [...s.matchAll(re)];
  if (!hits.length) return null;
  const m = pick(r, hits);
  const rep = typeof to === "string" ? to : to(m[0]);
  return s.slice(0, m.index) + rep + s.slice(m.index! + m[0].length);
}

type Op = { name: string; apply: (r: Rand, s: string) => string | null };

const LATIN_OPS: Op[] = [
  // Nayeri → Nayyeri, Mobasheri → Mobbasheri
  { name: "double a letter", apply: (r, s) => replaceOne(r, s, /(?<=[aeiou])[bdfjklmnprstvyz](?=[aeiou])/, (c) => c + c) },
  // Nayyeri → Nayeri, Hossein → Hosein
  { name: "undouble", apply: (r, s) => replaceOne(r, s, /([a-z])\1/, (m) => m[0]!) },
  { name: "q→gh", apply: (r, s) => replaceOne(r, s, "q", "gh") },
  { name: "gh→q", apply: (r, s) => replaceOne(r, s, "gh", "q") },
  { name: "ou→u", apply: (r, s) => replaceOne(r, s, "ou", "u") },
  { name: "u→ou", apply: (r, s) => replaceOne(r, s, /(?<!o)u/, "ou") },
  { name: "oo for ou", apply: (r, s) => replaceOne(r, s, "ou", "oo") },
  { name: "i→ee", apply: (r, s) => replaceOne(r, s, /(?<=[a-z])i(?![aeiou])/, "ee") },
  { name: "ee→i", apply: (r, s) => replaceOne(r, s, "ee", "i") },
  { name: "final i→y", apply: (r, s) => replaceOne(r, s, /i\b/, "y") },
  { name: "ei→ey", apply: (r, s) => replaceOne(r, s, "ei", "ey") },
  { name: "hyphen→space", apply: (r, s) => replaceOne(r, s, "-", " ") },
  { name: "hyphen removed", apply: (r, s) => replaceOne(r, s, "-", "") },
  { name: "space removed", apply: (r, s) => replaceOne(r, s, /(?<=[a-z]) (?=[A-Za-z])/, "") },
  { name: "space→hyphen", apply: (r, s) => replaceOne(r, s, /(?<=[a-z]) (?=[A-Za-z])/, "-") },
  { name: "lower case", apply: (_r, s) => (s.toLowerCase() === s ? null : s.toLowerCase()) },
];

const ZWNJ = "\u200c";
const PERSIAN_OPS: Op[] = [
  { name: "Arabic yeh", apply: (r, s) => replaceOne(r, s, "ی", "ي") },
  { name: "all Arabic yeh", apply: (_r, s) => (s.includes("ی") ? s.replaceAll("ی", "ي") : null) },
  { name: "Arabic kaf", apply: (r, s) => replaceOne(r, s, "ک", "ك") },
  { name: "ZWNJ→space", apply: (r, s) => replaceOne(r, s, ZWNJ, " ") },
  { name: "space→ZWNJ", apply: (r, s) => replaceOne(r, s, " ", ZWNJ) },
  { name: "ZWNJ removed", apply: (r, s) => replaceOne(r, s, ZWNJ, "") },
  // حسینعلی → حسین علی
  { name: "split compound", apply: (r, s) => replaceOne(r, s, /(?<=حسین)(?=علی)|(?<=علی)(?=رضا)|(?<=روح)(?=الله)/, " ") },
  { name: "shadda", apply: (r, s) => replaceOne(r, s, /[یرمن](?=[یو])/, (c) => c + "\u0651") },
];

const isPersian = (s: string) => /[\u0600-\u06FF]/.test(s);

/** 1–2 transformations of one name; null if none applied or the result is unchanged. */
function variant(r: Rand, name: string): { text: string; ops: string[] } | null {
  const ops = isPersian(name) ? PERSIAN_OPS : LATIN_OPS;
  const steps = r() < 0.5 ? 1 : 2;
  let text = name;
  const used: string[] = [];
  for (let i = 0, tries = 0; i < steps && tries < 12; tries++) {
    const op = pick(r, ops);
    const next = op.apply(r, text);
    if (next === null || next === text) continue;
    text = next;
    used.push(op.name);
    i++;
  }
  return used.length && text !== name ? { text, ops: used } : null;
}

/**
 * Real, common Iranian and Western names that are not in the public record (ordinary names,
 * not claims about anyone). None may reach the threshold against anyone in the record.
 */
const UNRELATED = [
  "Zahra Ahmadi", "Reza Karimi", "Maryam Hosseini", "Fatemeh Jafari", "Mehdi Rahimi", "Sara Moradi", "Amir Ghasemi",
  "Narges Mohammadi", "Hassan Rouhani", "Akbar Hashemi Rafsanjani", "Mohammad Khatami", "Shirin Ebadi", "Nasrin Sotoudeh",
  "Ervand Abrahamian", "Kaveh Shahrooz", "Javaid Rehman", "Geoffrey Robertson", "Maryam Rajavi", "Parvaneh Eskandari",
  "Ahmad Shamlou", "Forough Farrokhzad", "Abbas Kiarostami", "Daniel Svensson", "Anna Lindqvist", "John Smith", "Maria Garcia",
  "زهرا احمدی", "رضا کریمی", "مریم حسینی", "فاطمه جعفری", "مهدی رحیمی", "سارا مرادی", "امیر قاسمی", "نرگس محمدی",
  "حسن روحانی", "محمد خاتمی", "شیرین عبادی", "نسرین ستوده", "احمد شاملو", "فروغ فرخزاد",
];

/** The record's persons plus the unrelated names as persons of their own: variants must not drift to them. */
const REGISTRY: Named[] = [
  ...PERSONS,
  ...UNRELATED.map((name, i) => ({ id: `other-${i}`, name, nameFa: "", aliases: [] })),
];

describe("person search across spellings (seeded variants of the public record)", () => {
  test("the right person comes first for at least 95% of generated variants", () => {
    const r = rng(SEED);
    const PER_NAME = 12;
    const queries: { text: string; expected: string; ops: string[] }[] = [];
    const seen = new Set<string>();
    for (const p of PERSONS) {
      for (const name of [p.name, p.nameFa, ...p.aliases]) {
        for (let i = 0; i < PER_NAME; i++) {
          const v = variant(r, name);
          if (!v || seen.has(`${p.id}|${v.text}`)) continue;
          seen.add(`${p.id}|${v.text}`);
          queries.push({ ...v, expected: p.id });
        }
      }
    }
    let firstRight = 0;
    let answered = 0;
    let returned = 0;
    let returnedRight = 0;
    const misses: string[] = [];
    for (const q of queries) {
      const hits = rankByName(REGISTRY, q.text);
      if (hits.length) answered++;
      returned += hits.length;
      returnedRight += hits.filter((h) => h.id === q.expected).length;
      if (hits[0]?.id === q.expected) firstRight++;
      else misses.push(`${q.text} (${q.ops.join(", ")}) → ${hits[0] ? `${hits[0].id} ${hits[0].score}` : "nothing"}, expected ${q.expected}`);
    }
    const recall = firstRight / queries.length;
    const precisionTop1 = answered ? firstRight / answered : 0;
    const precisionAll = returned ? returnedRight / returned : 0;
    console.log(
      `[names] seed ${SEED}: ${queries.length} generated variants of ${PERSONS.length} persons' names, searched among ${REGISTRY.length} persons: recall@1 ${recall.toFixed(3)} (${firstRight}/${queries.length}); ` +
        `precision of the first result ${precisionTop1.toFixed(3)} (${firstRight}/${answered}); precision of all results above the threshold ${precisionAll.toFixed(3)} (${returnedRight}/${returned})`,
    );
    if (misses.length) console.log(`[names] misses:\n  ${misses.join("\n  ")}`);
    expect(queries.length).toBeGreaterThan(250);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precisionTop1).toBeGreaterThanOrEqual(0.95);
  });

  test("common names of people not in the record stay below the threshold", () => {
    const above = UNRELATED.map((q) => ({ q, hits: rankByName(PERSONS, q, { threshold: 0 }).slice(0, 1) }))
      .map(({ q, hits }) => ({ q, best: hits[0]! }))
      .sort((a, b) => b.best.score - a.best.score);
    const falsePositives = above.filter((x) => x.best.score >= DEFAULT_THRESHOLD);
    console.log(
      `[names] ${UNRELATED.length} unrelated names: ${falsePositives.length} at or above the threshold ${DEFAULT_THRESHOLD}; highest: ` +
        above.slice(0, 3).map((x) => `${x.q} → ${x.best.id} ${x.best.score}`).join("; "),
    );
    expect(falsePositives.map((x) => `${x.q} → ${x.best.id} ${x.best.score}`)).toEqual([]);
  });
});
