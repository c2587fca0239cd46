// Weighted edit distance between two keys (keys.ts), and the similarity in [0, 1] built
// on it. The weights encode how transliterations of Persian names differ:
//   - vowels are cheap to change, and cheaper still between neighbours (a/e, e/i, o/u,
//     the diphthong E with a/e/i); i versus u stays expensive, so Nouri ≠ Nayyeri, and
//     a versus o too, so Khomeini ≠ Khamenei;
//   - a few consonants are often swapped (q/gh/g, kh/h/k, s/sh, z/j, t/d, b/p...); two
//     unrelated consonants cost more than dropping one;
//   - y/i and v/u are the same Persian letter read as consonant or vowel;
//   - when one side is Persian script, the short vowels (a, e, o) of the Latin side are
//     almost free to drop, because Persian does not write them; long vowels (i, u, E) are
//     written in Persian and cost more.
// Written here rather than taken from a string-distance package because the costs are
// the point. Keys are short, so the plain O(n·m) table is used, with the costs looked up
// in precomputed tables.

import { isVowel } from "./keys";

/** Which scripts the two keys came from: both Latin, one Persian, both Persian. */
export type Pairing = "LL" | "PL" | "PP";

const VOWEL_SUBST: Record<string, number> = {
  ae: 0.3, ei: 0.3, ou: 0.1, ao: 0.75, eo: 0.45, ai: 0.6, iu: 0.9, au: 0.6, eu: 0.6, io: 0.75,
  Ea: 0.5, Ee: 0.3, Ei: 0.3, Eo: 0.7, Eu: 0.75,
  // Word-initial Persian ا against any vowel.
  Aa: 0, Ae: 0.2, Ao: 0.25, Ai: 0.4, Au: 0.4, AE: 0.3,
};
const CONSONANT_SUBST: Record<string, number> = {
  gq: 0.3, kq: 0.5, gk: 0.6, hx: 0.5, kx: 0.5, qx: 0.6, Ss: 0.6, jz: 0.6, CS: 0.6, Cj: 0.6,
  dt: 0.7, bp: 0.6, fv: 0.7, bv: 0.7, sz: 0.7, Sj: 0.7,
  // The same Persian letter read as consonant or vowel.
  iy: 0.2, Ey: 0.3, uv: 0.2, ov: 0.3,
};
/**
 * Two unrelated consonants cost more than dropping one: transliterations of one name
 * rarely differ that way, and short different surnames often do (Nasseri / Nayeri).
 */
const UNRELATED_CONSONANTS = 1.4;

function pairKey(a: string, b: string): string {
  return a < b ? a + b : b + a;
}

export function substCost(a: string, b: string, pairing: Pairing): number {
  if (a === b) return 0;
  const k = pairKey(a, b);
  const va = isVowel(a);
  const vb = isVowel(b);
  const c = va && vb ? (VOWEL_SUBST[k] ?? 0.8) : CONSONANT_SUBST[k];
  if (c === undefined) return va || vb ? 1 : UNRELATED_CONSONANTS;
  // Persian ی against a Latin e: Latin writes that letter i, ee, ey, ei, y, hardly ever e.
  if (pairing === "PL" && k === "ei") return 0.6;
  // Between two Persian spellings a different vowel letter is a different letter.
  return pairing === "PP" && va && vb && k !== "Aa" ? Math.min(1, c * 2) : c;
}

/** Cost of a symbol that one side has and the other lacks. `fa`: that side is Persian. */
export function indelCost(c: string, fa: boolean, pairing: Pairing): number {
  if (!isVowel(c)) return c === "y" || c === "v" ? 0.7 : c === "h" ? 0.8 : 1;
  if (pairing === "PP") return 0.8;
  if (pairing === "LL") return c === "E" ? 0.5 : 0.4;
  // Persian vs Latin. A vowel written in Persian (a long vowel letter) that the Latin
  // spelling lacks is notable; a short Latin vowel that Persian lacks is expected.
  if (fa) return 0.6;
  return c === "a" || c === "e" || c === "o" ? 0.15 : 0.45;
}

// Lookup tables over ASCII (keys are ASCII except for letters of other scripts, which
// fall back to the functions above).
const PAIRINGS: Pairing[] = ["LL", "PL", "PP"];
const SUBST = PAIRINGS.map((p) => {
  const t = new Float64Array(128 * 128);
  for (let a = 0; a < 128; a++) {
    for (let b = 0; b < 128; b++) t[a * 128 + b] = substCost(String.fromCharCode(a), String.fromCharCode(b), p);
  }
  return t;
});
const INDEL = PAIRINGS.map((p) =>
  [false, true].map((fa) => {
    const t = new Float64Array(128);
    for (let a = 0; a < 128; a++) t[a] = indelCost(String.fromCharCode(a), fa, p);
    return t;
  }),
);

/** Weight of a symbol in a key's length: consonants count 1, vowels 0.5. */
export function keyWeight(key: string): number {
  let w = 0;
  for (const c of key) w += isVowel(c) ? 0.5 : 1;
  return w;
}

/**
 * The last row of the weighted edit-distance table of a (rows) against b (columns):
 * row[j] is the distance between all of a and the first j symbols of b. row[b.length] is
 * the full distance; the other entries give prefix matches for autocomplete.
 */
export function distanceRow(a: string, aFa: boolean, b: string, bFa: boolean): Float64Array {
  const pi = aFa && bFa ? 2 : aFa || bFa ? 1 : 0;
  const pairing = PAIRINGS[pi]!;
  const subst = SUBST[pi]!;
  const indelA = INDEL[pi]![aFa ? 1 : 0]!;
  const indelB = INDEL[pi]![bFa ? 1 : 0]!;
  const m = b.length;
  const bIndel = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const cb = b.charCodeAt(j);
    bIndel[j] = cb < 128 ? indelB[cb]! : indelCost(b[j]!, bFa, pairing);
  }
  const prev = new Float64Array(m + 1);
  const cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + bIndel[j - 1]!;
  for (let i = 0; i < a.length; i++) {
    const ca = a.charCodeAt(i);
    const delA = ca < 128 ? indelA[ca]! : indelCost(a[i]!, aFa, pairing);
    cur[0] = prev[0]! + delA;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const s = ca < 128 && cb < 128 ? subst[ca * 128 + cb]! : substCost(a[i]!, b[j - 1]!, pairing);
      let d = prev[j - 1]! + s;
      const del = prev[j]! + delA;
      if (del < d) d = del;
      const ins = cur[j - 1]! + bIndel[j - 1]!;
      if (ins < d) d = ins;
      cur[j] = d;
    }
    prev.set(cur);
  }
  return prev;
}

/**
 * Similarity of key a to key b in [0, 1] (1 - distance / the larger weighted length),
 * and, with `prefix`, also the best similarity of a to a proper prefix of b ("purmuh"
 * against "purmuhamadi"; 0 when b is not longer than a).
 */
export function keySimilarity(a: string, aFa: boolean, b: string, bFa: boolean): number {
  return keySimilarities(a, aFa, b, bFa, false).full;
}

export function keySimilarities(
  a: string,
  aFa: boolean,
  b: string,
  bFa: boolean,
  prefix: boolean,
): { full: number; prefix: number } {
  if (a === b) return { full: a ? 1 : 0, prefix: 0 };
  const row = distanceRow(a, aFa, b, bFa);
  const wa = keyWeight(a);
  const sim = (d: number, wb: number) => {
    const norm = Math.max(wa, wb);
    return norm === 0 ? 0 : Math.max(0, 1 - d / norm);
  };
  let wb = 0;
  let best = 0;
  // Prefixes from a bit shorter than a to twice as long (Persian keys lack short vowels).
  const lo = Math.max(1, a.length - 1);
  const hi = prefix ? Math.min(b.length - 1, a.length * 2 + 1) : -1;
  for (let j = 1; j <= b.length; j++) {
    wb += isVowel(b[j - 1]!) ? 0.5 : 1;
    if (j >= lo && j <= hi) best = Math.max(best, sim(row[j]!, wb));
  }
  return { full: sim(row[b.length]!, wb), prefix: best };
}

/** Plain similarity of consonant skeletons, with the consonant substitution costs. */
export function skeletonSimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const m = b.length;
  const prev = new Float64Array(m + 1);
  const cur = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const ca = a.charCodeAt(i - 1);
      const cb = b.charCodeAt(j - 1);
      const sub = ca < 128 && cb < 128 ? SUBST[0]![ca * 128 + cb]! : substCost(a[i - 1]!, b[j - 1]!, "LL");
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
    }
    prev.set(cur);
  }
  const norm = Math.max(a.length, b.length);
  return norm === 0 ? 0 : Math.max(0, 1 - prev[m]! / norm);
}
