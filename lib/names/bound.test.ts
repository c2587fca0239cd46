import { describe, expect, it } from "vitest";
import { matchNames, nameScore, type NameCandidate, type PrefixRule } from "./match";
import { latinKey } from "./keys";
import { CLASS_COUNT, consonantBound, consonantClasses, consonantFullBound, consonantMask, consonantMaskBound, keySimilarities, keySimilarity, keySimilarityAtLeast, keyWeight, MIN_UNIT } from "./similarity";
import { ALL_CANDIDATES, NEGATIVES, POSITIVES, PREFIXES, UNRELATED } from "./test-cases";
import { rng } from "@/tests/support/random";

// matchNames skips names whose consonant counts prove they cannot reach the threshold
// (similarity.ts, consonantBound). These tests hold it to the rule that skipping never
// changes a result: the bound is never below a real similarity, and matchNames returns
// exactly what scoring every name returns.


const LATIN = ["b", "p", "t", "s", "j", "h", "d", "z", "r", "f", "k", "g", "l", "m", "n", "v", "y", "kh", "gh", "sh", "ch", "q", "x", "w", "a", "e", "i", "o", "u", "ou", "ee", "ei", "ai", "aa"];
const PERSIAN = [..."ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", "ی", "و", "ا"];

function randomName(next: () => number): string {
  const words = 1 + Math.floor(next() * 3);
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    const fa = next() < 0.35;
    const alphabet = fa ? PERSIAN : LATIN;
    const len = 2 + Math.floor(next() * 7);
    let s = "";
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    out.push(s);
  }
  return out.join(" ");
}

/** Names from the test tables and their parts, so near misses are well represented. */
const TABLE_NAMES = [...new Set([...ALL_CANDIDATES.flatMap((c) => c.names), ...POSITIVES.map((p) => p[0]), ...NEGATIVES.map((p) => p[0]), ...PREFIXES.map((p) => p[0]), ...UNRELATED])];

describe("the consonant bound", () => {
  it("is computed from the cost tables: several classes, and a positive least cost", () => {
    expect(CLASS_COUNT).toBeGreaterThan(5);
    expect(MIN_UNIT).toBeGreaterThan(0.3);
    // g and q stand for each other (one class); b and m do not.
    const g = consonantClasses("g");
    const q = consonantClasses("q");
    expect(g).toEqual(q);
    expect(consonantClasses("b")).not.toEqual(consonantClasses("m"));
  });

  it("is never below the similarity of two keys, whole or by prefix", () => {
    const next = rng(1988);
    const words = TABLE_NAMES.flatMap((n) => n.split(/\s+/));
    for (let i = 0; i < 4000; i++) {
      const pickA = i % 2 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!;
      const pickB = i % 3 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!;
      const a = latinKey(pickA);
      const b = latinKey(pickB);
      const aFa = /[\u0600-\u06FF]/.test(pickA);
      const bFa = /[\u0600-\u06FF]/.test(pickB);
      const sim = keySimilarities(a, aFa, b, bFa, true);
      const bound = consonantBound(a, consonantClasses(a), keyWeight(a), b);
      expect(bound.full, `${pickA} / ${pickB}`).toBeGreaterThanOrEqual(sim.full - 1e-12);
      expect(bound.prefix, `${pickA} / ${pickB}`).toBeGreaterThanOrEqual(sim.prefix - 1e-12);
    }
  });

  it("is the same whole-key bound when computed from both keys' counts alone", () => {
    const next = rng(1404);
    const words = TABLE_NAMES.flatMap((n) => n.split(/\s+/));
    for (let i = 0; i < 4000; i++) {
      const a = latinKey(i % 2 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!);
      const b = latinKey(i % 3 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!);
      const walked = consonantBound(a, consonantClasses(a), keyWeight(a), b).full;
      expect(consonantFullBound(consonantClasses(a), keyWeight(a), consonantClasses(b), keyWeight(b)), `${a} / ${b}`).toBeCloseTo(walked, 12);
    }
  });

  it("is never above the class masks' bound, which is therefore never below a similarity", () => {
    const next = rng(1367);
    const words = TABLE_NAMES.flatMap((n) => n.split(/\s+/));
    let ruledOut = 0;
    for (let i = 0; i < 4000; i++) {
      const a = latinKey(i % 2 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!);
      const b = latinKey(i % 3 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!);
      const [ca, cb] = [consonantClasses(a), consonantClasses(b)];
      const full = consonantFullBound(ca, keyWeight(a), cb, keyWeight(b));
      const masked = consonantMaskBound(consonantMask(ca), keyWeight(a), consonantMask(cb), keyWeight(b));
      expect(masked, `${a} / ${b}`).toBeGreaterThanOrEqual(full - 1e-12);
      if (masked < 0.72) ruledOut++;
    }
    // And it rules out pairs on its own (otherwise it would be useless).
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it("skips most names of a registry (otherwise it would be useless)", () => {
    const a = latinKey("Pourmohammadi");
    const far = consonantBound(a, consonantClasses(a), keyWeight(a), latinKey("Nayeri"));
    expect(far.full).toBeLessThan(0.77);
    expect(far.prefix).toBeLessThan(0.77);
  });
});

describe("a similarity needed only above a threshold", () => {
  it("is the similarity where it reaches the threshold and 0 where it does not, for every pair", () => {
    const next = rng(1367);
    const words = TABLE_NAMES.flatMap((n) => n.split(/\s+/));
    let above = 0;
    let below = 0;
    for (let i = 0; i < 4000; i++) {
      // Every fourth pair is a spelling and a name of the same person, so that many reach the threshold.
      const positive = POSITIVES[Math.floor(next() * POSITIVES.length)]!;
      const same = ALL_CANDIDATES.find((c) => c.id === positive[1])?.names ?? [];
      const pickA = i % 4 === 0 ? positive[0].split(/\s+/).at(-1)! : i % 2 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!;
      const pickB = i % 4 === 0 && same.length ? same[Math.floor(next() * same.length)]!.split(/\s+/).at(-1)! : i % 3 ? words[Math.floor(next() * words.length)]! : randomName(next).split(" ")[0]!;
      const a = latinKey(pickA);
      const b = latinKey(pickB);
      const aFa = /[\u0600-\u06FF]/.test(pickA);
      const bFa = /[\u0600-\u06FF]/.test(pickB);
      const min = [0.5, 0.72, 0.9][i % 3]!;
      const sim = keySimilarity(a, aFa, b, bFa);
      const got = keySimilarityAtLeast(a, aFa, b, bFa, min);
      if (sim >= min) {
        above++;
        expect(got, `${pickA} / ${pickB} at ${min}`).toBe(sim);
      } else {
        below++;
        expect(got, `${pickA} / ${pickB} at ${min}`).toBe(0);
      }
    }
    // Both sides of the threshold were tried.
    expect(above).toBeGreaterThan(100);
    expect(below).toBeGreaterThan(100);
  });
});

describe("matchNames with the bound returns what scoring every name returns", () => {
  const reference = (query: string, candidates: NameCandidate[], threshold: number, rule: PrefixRule) => {
    const out: { id: string; score: number; matched: string }[] = [];
    for (const c of candidates) {
      let best: { id: string; score: number; matched: string } | undefined;
      for (const n of c.names) {
        const s = nameScore(query, n, rule);
        if (!best || s > best.score) best = { id: c.id, score: s, matched: n };
      }
      if (best && best.score >= threshold) out.push(best);
    }
    return out.sort((a, b) => b.score - a.score);
  };

  it.each([
    [0.5, "any-script"],
    [0.77, "any-script"],
    [0.9, "any-script"],
    [0.77, "same-script"],
  ] as const)("on the test tables and random registries, at threshold %s, prefixes in %s", (threshold, rule) => {
    const next = rng(Math.round(threshold * 100));
    const registry: NameCandidate[] = [
      ...ALL_CANDIDATES,
      ...Array.from({ length: 80 }, (_, i) => ({ id: `r${i}`, names: Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomName(next)) })),
    ];
    const queries = [...TABLE_NAMES, ...Array.from({ length: 30 }, () => randomName(next))];
    let matched = 0;
    for (const q of queries) {
      const got = matchNames(q, registry, { threshold, prefix: rule });
      expect(got, q).toEqual(reference(q, registry, threshold, rule));
      matched += got.length;
    }
    // The comparison means something only if many queries match something.
    expect(matched).toBeGreaterThan(queries.length / 2);
  }, 120_000);
});
