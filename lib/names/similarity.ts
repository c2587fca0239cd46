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
  return fillRows(a, aFa, b, bFa, Infinity)!;
}

/**
 * The table's rows, a's symbols one by one; null as soon as every entry of a row exceeds
 * `cutoff`. Every cost is positive or zero, so no entry of a later row can be smaller than
 * the smallest of the row before: the distance of a and b, and of a and any prefix of b, is
 * then known to exceed the cutoff without filling the rest.
 */
function fillRows(a: string, aFa: boolean, b: string, bFa: boolean, cutoff: number): Float64Array | null {
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
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + bIndel[j - 1]!;
  for (let i = 0; i < a.length; i++) {
    const ca = a.charCodeAt(i);
    const delA = ca < 128 ? indelA[ca]! : indelCost(a[i]!, aFa, pairing);
    cur[0] = prev[0]! + delA;
    let least = cur[0]!;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const s = ca < 128 && cb < 128 ? subst[ca * 128 + cb]! : substCost(a[i]!, b[j - 1]!, pairing);
      let d = prev[j - 1]! + s;
      const del = prev[j]! + delA;
      if (del < d) d = del;
      const ins = cur[j - 1]! + bIndel[j - 1]!;
      if (ins < d) d = ins;
      cur[j] = d;
      if (d < least) least = d;
    }
    if (least > cutoff) return null;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev;
}

/**
 * keySimilarity(a, aFa, b, bFa) when it is at least `min`, else 0: the same number where it
 * matters, for far less work when the keys are far apart (the table stops at the first row
 * already too distant). For scans of many candidates against one threshold.
 */
export function keySimilarityAtLeast(a: string, aFa: boolean, b: string, bFa: boolean, min: number): number {
  if (a === b) return a ? 1 : 0;
  const norm = Math.max(keyWeight(a), keyWeight(b));
  if (norm === 0) return 0;
  // A hair of slack: (1 - min) × norm in floating point may land just under a distance whose
  // similarity is exactly min; the comparison below decides on the same number keySimilarity gives.
  const row = fillRows(a, aFa, b, bFa, (1 - min) * norm + 1e-9);
  const sim = row ? Math.max(0, 1 - row[b.length]! / norm) : 0;
  return sim >= min ? sim : 0;
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

// ---------------------------------------------------------------- a cheap upper bound
//
// Matching a query against every spelling in a registry runs the edit distance above for
// every word pair, most of which share almost no consonants. consonantBound() proves, from
// counts alone, that a pair cannot reach a score, so match.ts can skip it without changing
// any result. The argument, on the cost tables above:
//   - Consonants fall into classes: two consonants are in one class when the tables let one
//     stand for the other cheaply (g/q/k/x/h, s/sh/z/j/ch, d/t, b/p/f). y and v, which the
//     tables also let stand for vowels, and letters outside ASCII are left out ("wild").
//   - In any alignment, a consonant of a class that the other word has fewer of must be
//     deleted, or set against a vowel, a wild symbol or a consonant of another class. Each
//     of those costs at least MIN_UNIT per consonant (an unrelated pair costs twice that
//     and settles one surplus on each side).
//   - So the distance is at least MIN_UNIT × (the surplus of each class, both sides).
// MIN_UNIT is computed from the tables, so changing a cost cannot make the bound wrong.

const WILD = new Set<string>();
const CLASS_OF = new Int8Array(128).fill(-1);
/** Number of consonant classes (the length of a counts array). */
export let CLASS_COUNT = 0;
/** The least a consonant's class surplus costs, per consonant (see above). */
export const MIN_UNIT: number = (() => {
  const consonants: string[] = [];
  for (let a = 33; a < 127; a++) {
    const c = String.fromCharCode(a);
    if (/[A-Za-z]/.test(c) && !isVowel(c)) consonants.push(c);
  }
  // Wild: a consonant the tables let stand for a vowel for less than an unrelated pair costs.
  for (const c of consonants)
    for (const v of "aeiouEA") if (PAIRINGS.some((p) => substCost(c, v, p) < 1)) WILD.add(c);
  // Classes: connected by any substitution cheaper than two unrelated consonants.
  const parent = new Map(consonants.map((c) => [c, c]));
  const find = (c: string): string => (parent.get(c) === c ? c : find(parent.get(c)!));
  for (const a of consonants)
    for (const b of consonants)
      if (!WILD.has(a) && !WILD.has(b) && a !== b && PAIRINGS.some((p) => substCost(a, b, p) < UNRELATED_CONSONANTS)) parent.set(find(a), find(b));
  const ids = new Map<string, number>();
  for (const c of consonants) {
    if (WILD.has(c)) continue;
    const root = find(c);
    if (!ids.has(root)) ids.set(root, ids.size);
    CLASS_OF[c.charCodeAt(0)] = ids.get(root)!;
  }
  CLASS_COUNT = ids.size;
  let min = Infinity;
  for (const a of consonants) {
    if (WILD.has(a)) continue;
    for (const p of PAIRINGS) {
      min = Math.min(min, indelCost(a, false, p), indelCost(a, true, p));
      for (let code = 33; code < 127; code++) {
        const b = String.fromCharCode(code);
        if (CLASS_OF[code] === CLASS_OF[a.charCodeAt(0)]) continue;
        const cost = substCost(a, b, p);
        // Against a consonant of another class the cost settles a surplus on both sides.
        min = Math.min(min, CLASS_OF[code]! >= 0 ? cost / 2 : cost);
      }
    }
  }
  // Letters outside ASCII take the functions' fallbacks: 1 to delete, 1 or an unrelated pair.
  return Math.min(min, 1, UNRELATED_CONSONANTS / 2);
})();

/** How many consonants of each class a key holds (wild symbols are not counted). */
export function consonantClasses(key: string): Int8Array {
  const counts = new Int8Array(CLASS_COUNT);
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    const k = code < 128 ? CLASS_OF[code]! : -1;
    if (k >= 0 && counts[k]! < 127) counts[k]!++;
  }
  return counts;
}

/**
 * Upper bounds on keySimilarities(a, …, b, …, true): `full` for the whole of b, `prefix` for
 * the prefixes of b that it compares (from a.length - 1 to 2 × a.length + 1 symbols). `ca` is
 * consonantClasses(a), `wa` keyWeight(a). Each is ≥ the similarity it bounds, for every pair of keys.
 */
export function consonantBound(a: string, ca: Int8Array, wa: number, b: string): { full: number; prefix: number } {
  consonantBoundInto(a, ca, wa, b, BOUND_OUT);
  return { full: BOUND_OUT[0]!, prefix: BOUND_OUT[1]! };
}

const BOUND_OUT = new Float64Array(2);
let seen = new Int8Array(0);

/** consonantBound without allocating: writes [full, prefix] into `out` (the matcher's inner loop). */
export function consonantBoundInto(a: string, ca: Int8Array, wa: number, b: string, out: Float64Array): void {
  // Walk b's prefixes, keeping the surplus of each side over the other up to date.
  if (seen.length !== ca.length) seen = new Int8Array(ca.length);
  else seen.fill(0);
  let surplusA = 0;
  for (let k = 0; k < ca.length; k++) surplusA += ca[k]!;
  let surplusB = 0;
  let wb = 0;
  let prefix = 0;
  const lo = Math.max(1, a.length - 1);
  const hi = Math.min(b.length - 1, a.length * 2 + 1);
  for (let j = 1; j <= b.length; j++) {
    const code = b.charCodeAt(j - 1);
    wb += code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 69 || code === 65 ? 0.5 : 1; // aeiouEA
    const k = code < 128 ? CLASS_OF[code]! : -1;
    if (k >= 0) {
      if (seen[k]! < ca[k]!) surplusA--;
      else surplusB++;
      if (seen[k]! < 127) seen[k]!++;
    }
    if (j >= lo && j <= hi) {
      const norm = Math.max(wa, wb);
      const v = norm === 0 ? 1 : 1 - (MIN_UNIT * (surplusA + surplusB)) / norm;
      if (v > prefix) prefix = v;
    }
  }
  const norm = Math.max(wa, wb);
  out[0] = norm === 0 ? 1 : Math.max(0, 1 - (MIN_UNIT * (surplusA + surplusB)) / norm);
  out[1] = prefix;
}

/**
 * consonantBound's `full`, from both keys' class counts (consonantClasses) and weights (keyWeight)
 * alone: after the whole of b, the surplus of each class on both sides is |ca[k] - cb[k]|. For a
 * caller that compares one key with many whose counts it keeps (link suggestions: each word of a
 * statement against every word of the registries), where walking b for each pair cost most of
 * the search.
 */
export function consonantFullBound(ca: Int8Array, wa: number, cb: Int8Array, wb: number): number {
  const norm = Math.max(wa, wb);
  if (norm === 0) return 1;
  let surplus = 0;
  for (let k = 0; k < ca.length; k++) surplus += Math.abs(ca[k]! - cb[k]!);
  return Math.max(0, 1 - (MIN_UNIT * surplus) / norm);
}

/**
 * Which consonant classes a key holds, one bit each (classes past the 31st share the last bit):
 * for consonantMaskBound.
 */
export function consonantMask(ca: Int8Array): number {
  let m = 0;
  for (let k = 0; k < ca.length; k++) if (ca[k]! > 0) m |= 1 << Math.min(k, 31);
  return m;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * A bound at least consonantFullBound's, in a few operations: every class that one key holds and
 * the other lacks is a surplus of one or more, so the bits that differ between the two masks
 * (consonantMask) count no more than the whole surplus. (Two classes that share the last bit
 * only make the count smaller.) A pair it rules out needs no class-by-class count.
 */
export function consonantMaskBound(ma: number, wa: number, mb: number, wb: number): number {
  const norm = Math.max(wa, wb);
  return norm === 0 ? 1 : Math.max(0, 1 - (MIN_UNIT * bitCount(ma ^ mb)) / norm);
}
