// Scoring a query name against candidate names. See index.ts for the overview.

import { normalizeLatin, normalizePersian } from "./normalize";
import { canonicalize, consonantSkeleton, tokenKeys, type KeyToken } from "./keys";
import { consonantBoundInto, consonantClasses, keySimilarities, keyWeight, skeletonSimilarity } from "./similarity";

/**
 * Default cut-off of matchNames, chosen from the tables in test-cases.ts: the true
 * variants score 0.818 and up (most above 0.9; autocomplete prefixes 0.81 and up), the
 * negatives at most 0.731 (خمینی against "Ali Khamenei"; Nouri/Nayyeri about 0.65).
 * 0.77 sits in the middle of that gap. Lower it for recall-first uses such as "did you
 * mean", raise it for automatic linking.
 */
export const DEFAULT_THRESHOLD = 0.77;

/** How much a word's similarity is lowered when its consonant skeleton differs. */
const SKELETON_WEIGHT = 0.3;
/** A query word that is a prefix of a candidate word scores at most this (autocomplete). */
const PREFIX_FACTOR = 0.9;
/**
 * Score lost for words one side has and the other lacks, times their share of that side:
 * little for the candidate's extra words ("Raisi" finds "Ebrahim Raisi"), more for the
 * query's ("Pour Mohammadi" should not find a plain "Mohammadi").
 */
const EXTRA_CANDIDATE_WORDS = 0.15;
const EXTRA_QUERY_WORDS = 0.4;
/** Anything short of an identical normalised text scores at most this. */
const BELOW_EXACT = 0.99;

/**
 * How the last query word may match the start of a candidate word: in either script (names:
 * "Rai" finds رئیسی), or only in its own (titles). A Persian word's key has no short vowels, so
 * a Latin prefix's key is the start of many unrelated Persian words' keys: "Mehr" is the start
 * of محرمانه's (mhrmane). A title's Persian words are ordinary words, not the name variants a
 * person search looks for, so across scripts a title's word must match whole.
 */
export type PrefixRule = "any-script" | "same-script";

/** A keyed word; `idx` numbers the distinct words of one prepared name. */
type Word = KeyToken & { skel: string; weight: number; idx: number; classes: Int8Array };
/** `all`: every word and joined word. */
type Prepared = { exact: string; words: Word[]; variants: Word[][]; count: number; all: Word[] };

function toWord(t: KeyToken, idx: number): Word {
  return { ...t, skel: consonantSkeleton(t.key), weight: keyWeight(t.key), idx, classes: consonantClasses(t.key) };
}

const cache = new Map<string, Prepared>();
const CACHE_LIMIT = 100_000;

function prepare(name: string): Prepared {
  const hit = cache.get(name);
  if (hit) return hit;
  const words = tokenKeys(name).map(toWord);
  const vs = variants(words);
  const all = [...words, ...vs.slice(1).map((v, i) => v[i]!)];
  const p: Prepared = { exact: normalizeLatin(normalizePersian(name)), words, variants: vs, count: words.length + vs.length - 1, all };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, p);
  return p;
}

/** The word list plus each variant with two adjacent words joined ("Pour Mohammadi"). */
function variants(words: Word[]): Word[][] {
  const out = [words];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const sym = a.sym + b.sym;
    const joined = toWord({ key: canonicalize(sym), fa: a.fa || b.fa, sym }, words.length + i);
    out.push([...words.slice(0, i), joined, ...words.slice(i + 2)]);
  }
  return out;
}

function wordSimilarity(q: Word, c: Word, allowPrefix: boolean): number {
  if (q.key === c.key) return 1;
  const prefix = allowPrefix && q.key.length >= 3;
  const sims = keySimilarities(q.key, q.fa, c.key, c.fa, prefix);
  let k = sims.full;
  // Consonant skeletons as a second opinion: different consonants cost a bit more than
  // the key distance alone says (Nasseri / Nayeri, Mohammadi / Pourmohammadi).
  if (q.skel && c.skel) k *= 1 - SKELETON_WEIGHT * (1 - skeletonSimilarity(q.skel, c.skel));
  if (prefix) {
    // Short prefixes say little: "Rai" could be many names.
    const factor = Math.min(PREFIX_FACTOR, 0.55 + 0.12 * q.weight);
    k = Math.max(k, factor * sims.prefix);
  }
  return k;
}

/** wordSimilarity, remembered for the word pairs of one name pair (-1: not yet). */
type SimMemo = { sims: Float64Array; width: number };
function memoSimilarity(memo: SimMemo, q: Word, c: Word, allowPrefix: boolean): number {
  const id = ((q.idx * memo.width + c.idx) << 1) | (allowPrefix ? 1 : 0);
  let s = memo.sims[id]!;
  if (s < 0) {
    s = wordSimilarity(q, c, allowPrefix);
    memo.sims[id] = s;
  }
  return s;
}

/** Whether query word `qw` may match the start of candidate word `cw`, being the last query word or not. */
const prefixAllowed = (qw: Word, cw: Word, last: boolean, rule: PrefixRule) => last && (rule === "any-script" || qw.fa === cw.fa);

/**
 * Order-free word matching: pair query and candidate words greedily by similarity, average
 * the pairs weighted by word length, and take a little off for unpaired words.
 */
function wordSetScore(q: Word[], c: Word[], memo: SimMemo, rule: PrefixRule): number {
  const pairs: { i: number; j: number; s: number }[] = [];
  q.forEach((qw, i) => c.forEach((cw, j) => pairs.push({ i, j, s: memoSimilarity(memo, qw, cw, prefixAllowed(qw, cw, i === q.length - 1, rule)) })));
  pairs.sort((x, y) => y.s - x.s);
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  let sum = 0;
  let weight = 0;
  for (const p of pairs) {
    if (usedQ.has(p.i) || usedC.has(p.j)) continue;
    usedQ.add(p.i);
    usedC.add(p.j);
    const w = Math.max(q[p.i]!.weight, c[p.j]!.weight);
    sum += p.s * w;
    weight += w;
  }
  if (weight === 0) return 0;
  const [larger, used, penalty] = q.length >= c.length ? [q, usedQ, EXTRA_QUERY_WORDS] : [c, usedC, EXTRA_CANDIDATE_WORDS];
  const total = larger.reduce((a, w) => a + w.weight, 0);
  const extra = larger.reduce((a, w, i) => a + (used.has(i) ? 0 : w.weight), 0);
  return (sum / weight) * (1 - penalty * (extra / total));
}

/**
 * Similarity of two names in [0, 1], whatever script each is in. 1 for the same
 * normalised text; otherwise at most 0.99.
 */
export function nameScore(query: string, candidate: string, prefix: PrefixRule = "any-script"): number {
  const q = prepare(query);
  const c = prepare(candidate);
  if (!q.words.length || !c.words.length) return 0;
  if (q.exact === c.exact) return 1;
  let best = 0;
  const memo: SimMemo = { sims: new Float64Array(q.count * c.count * 2).fill(-1), width: c.count };
  for (const qv of q.variants) {
    for (const cv of c.variants) best = Math.max(best, wordSetScore(qv, cv, memo, prefix));
  }
  return Math.min(BELOW_EXACT, best);
}

/**
 * A number ≥ nameScore(query, candidate), from consonant counts alone (similarity.ts,
 * consonantBound), following wordSetScore step by step: each word pair's similarity is
 * replaced by its bound, and where wordSetScore's pairing decides the weights, the bound
 * takes the weights that give the most.
 */
function scoreBound(q: Prepared, c: Prepared, threshold: number, rule: PrefixRule): number {
  if (!q.words.length || !c.words.length) return 0;
  if (q.exact === c.exact) return 1;
  // Bounds per word pair (by idx), without and with the prefix rule of a last query word.
  const size = q.count * c.count;
  if (pairFull.length < size) {
    pairFull = new Float64Array(size * 2);
    pairPre = new Float64Array(size * 2);
  }
  const full = pairFull;
  const pre = pairPre;
  // The mean of a name's word pairs is at most its best pair: most names stop here.
  let most = 0;
  for (const qw of q.all) {
    const factor = Math.min(PREFIX_FACTOR, 0.55 + 0.12 * qw.weight);
    for (const cw of c.all) {
      const id = qw.idx * c.count + cw.idx;
      if (qw.key === cw.key) {
        full[id] = pre[id] = 1;
        most = 1;
        continue;
      }
      consonantBoundInto(qw.key, qw.classes, qw.weight, cw.key, PAIR_OUT);
      full[id] = PAIR_OUT[0]!;
      pre[id] = qw.key.length >= 3 && prefixAllowed(qw, cw, true, rule) ? Math.max(PAIR_OUT[0]!, factor * PAIR_OUT[1]!) : PAIR_OUT[0]!;
      if (pre[id]! > most) most = pre[id]!;
    }
  }
  if (most < threshold) return most;
  let best = 0;
  for (const qv of q.variants) for (const cv of c.variants) best = Math.max(best, wordSetBound(qv, cv, full, pre, c.count));
  return Math.min(BELOW_EXACT, best);
}
let pairFull = new Float64Array(64);
let pairPre = new Float64Array(64);
const PAIR_OUT = new Float64Array(2);

/** The most wordSetScore(q, c) can be, given bounds on its word pairs' similarities. */
function wordSetBound(q: Word[], c: Word[], full: Float64Array, pre: Float64Array, width: number): number {
  const sim = (i: number, j: number) => (i === q.length - 1 ? pre : full)[q[i]!.idx * width + c[j]!.idx]!;
  // Every word of the shorter side is paired once; its pair's weight is the larger of the two words'.
  const qShorter = q.length <= c.length;
  const short = qShorter ? q : c;
  const long = qShorter ? c : q;
  const longMax = Math.max(...long.map((w) => w.weight));
  const rows = short.map((w, i) => {
    let b = 0;
    for (let j = 0; j < long.length; j++) b = Math.max(b, qShorter ? sim(i, j) : sim(j, i));
    return { b, lo: w.weight, hi: Math.max(w.weight, longMax) };
  });
  // The weighted mean is largest with the highest weights on the best pairs: try each split.
  rows.sort((x, y) => y.b - x.b);
  let mean = 0;
  for (let k = 0; k <= rows.length; k++) {
    let sum = 0;
    let weight = 0;
    rows.forEach((r, i) => {
      const w = i < k ? r.hi : r.lo;
      sum += r.b * w;
      weight += w;
    });
    if (weight > 0) mean = Math.max(mean, sum / weight);
  }
  // Unpaired words of the longer side: at least its lightest ones.
  const [larger, penalty] = q.length >= c.length ? [q, EXTRA_QUERY_WORDS] : [c, EXTRA_CANDIDATE_WORDS];
  const total = larger.reduce((a, w) => a + w.weight, 0);
  const lightest = larger
    .map((w) => w.weight)
    .sort((x, y) => x - y)
    .slice(0, Math.abs(q.length - c.length))
    .reduce((a, w) => a + w, 0);
  return total > 0 ? mean * (1 - penalty * (lightest / total)) : mean;
}

export type NameCandidate = { id: string; names: string[] };
export type NameMatch = { id: string; score: number; matched: string };

/**
 * Candidates whose best name scores at least `threshold` (default DEFAULT_THRESHOLD),
 * best first, at most `limit` of them. `matched` is the name that gave the score.
 * `prefix`: whether the last query word may be the start of a word in the other script (PrefixRule).
 */
export function matchNames(
  query: string,
  candidates: readonly NameCandidate[],
  opts: { threshold?: number; limit?: number; prefix?: PrefixRule } = {},
): NameMatch[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const rule = opts.prefix ?? "any-script";
  const out: NameMatch[] = [];
  const q = prepare(query);
  for (const cand of candidates) {
    let best: NameMatch | undefined;
    for (const name of cand.names) {
      // Most names cannot reach the threshold, or beat this candidate's best so far; the
      // bound says so without the edit distances (results are the same either way).
      const bound = scoreBound(q, prepare(name), best ? Math.max(threshold, best.score) : threshold, rule);
      if (bound < threshold || (best && bound <= best.score)) continue;
      const score = nameScore(query, name, rule);
      if (!best || score > best.score) best = { id: cand.id, score, matched: name };
    }
    if (best && best.score >= threshold) out.push(best);
  }
  out.sort((a, b) => b.score - a.score);
  return opts.limit === undefined ? out : out.slice(0, Math.max(0, opts.limit));
}
