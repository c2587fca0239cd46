// Finding the names of known persons, organisations and places in a statement's text, in
// either script and any spelling, for the "suggested links" list. Pure functions: the
// registries are passed in (lib/links/suggest-links.ts loads them).
//
// How: the text is cut into words with their UTF-16 offsets. Every distinct word is keyed
// once (lib/names) and compared with the words of every candidate name, keyed once per
// call, which is cheap and finds the few places where a candidate may be named. Only there
// are windows of 1–4 adjacent words scored as whole names with nameScore. A window that
// names only part of a candidate must include a word that identifies it: for a person the
// last word of their name ("نیری", "Raisi"; never a given name such as "Ali" alone), for a
// place or organisation a word no other candidate shares and that is not a generic word
// ("Evin", never "Prison"). Aliases count only when matched whole: an epithet such as
// "Butcher of Tehran" must not make every "Tehran" a person. Overlapping finds are resolved
// best first.

import { DEFAULT_THRESHOLD, nameScore, withoutPossessives, ZERO_WIDTH_CHARS } from "@/lib/names";
import { consonantSkeleton, tokenKeys } from "@/lib/names/keys";
import { consonantClasses, consonantFullBound, consonantMask, consonantMaskBound, keySimilarityAtLeast, keyWeight, skeletonSimilarity } from "@/lib/names/similarity";
import type { SuggestionKind } from "./schemas";

export type SuggestCandidate = {
  kind: SuggestionKind;
  id: string;
  name: string;
  nameFa: string;
  /** Aliases and other spellings (matched whole only). */
  aliases: string[];
};

export type Suggestion = {
  kind: SuggestionKind;
  id: string;
  name: string;
  nameFa: string;
  startOffset: number;
  endOffset: number;
  quote: string;
  score: number;
};

export type TextToken = { text: string; start: number; end: number };

/** Suggestions need a little more than a search box: they are offered unasked. */
export const SUGGEST_THRESHOLD = Math.max(DEFAULT_THRESHOLD, 0.8);
/** A text word this close to a candidate's word marks a place worth scoring whole names. */
const WORD_HIT = 0.72;
const MAX_WINDOW = 4;
/**
 * A word that identifies a candidate on its own must weigh this much (keyWeight: consonants 1,
 * vowels ½): short words such as «را» (the object marker, keyed like «راه» of «راه کارگر»)
 * are too common to name anything.
 */
const MIN_IDENTIFYING_WEIGHT = 2.5;
const SKELETON_WEIGHT = 0.3;

// Words of letters, marks and digits; zero-width joiners and non-joiners (ZWNJ, ZWJ, word
// joiner, BOM), hyphens and apostrophes join parts of one word («می‌دیدیم», "Pour-Mohammadi",
// "Ra'isi"). A zero-width space separates words, as a space does.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[\u200C\u200D\u2060\uFEFF\-'\u2019\u02BC][\p{L}\p{M}\p{N}]+)*/gu;
const JOINERS = new RegExp(`[${ZERO_WIDTH_CHARS}]`, "gu");
// What may separate the words of one name: spaces, a single line break, direction marks.
const JOINABLE_GAP = /^[ \t\u00A0\u200B-\u200F\u2066-\u2069]*\n?[ \t\u00A0\u200B-\u200F\u2066-\u2069]*$/;

/** Words with their UTF-16 offsets. */
export function tokenize(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.matchAll(WORD)) {
    // An English possessive is not part of the name: "Khomeini's order" names Khomeini.
    const word = withoutPossessives(m[0]);
    out.push({ text: word, start: m.index!, end: m.index! + word.length });
  }
  return out;
}

/** Whether two adjacent words may belong to one name (no punctuation or paragraph between). */
export function joinable(text: string, a: TextToken, b: TextToken): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length > 0 && JOINABLE_GAP.test(gap);
}

// Words that describe rather than name: alone they never identify a place or organisation.
const GENERIC_WORDS = [
  "prison", "jail", "cemetery", "party", "organization", "organisation", "army", "national", "liberation", "people", "peoples",
  "iran", "iranian", "of", "the", "and", "court", "committee", "commission", "ministry", "guerrillas", "majority", "minority",
  "زندان", "گورستان", "حزب", "سازمان", "ارتش", "ملی", "خلق", "ایران", "دادگاه", "کمیته", "هیئت", "وزارت",
];

/** `classes`: consonantClasses(key), for the cheap upper bound on a similarity (lib/names/similarity). */
type KeyedWord = { key: string; fa: boolean; skel: string; weight: number; classes: Int8Array; mask: number };
type NameEntry = { cand: number; words: KeyedWord[]; whole: boolean; text: string };

export type PreparedCandidates = {
  candidates: SuggestCandidate[];
  names: NameEntry[];
  /** Distinct candidate word keys: which (name, word index) pairs use them. */
  words: { word: KeyedWord; uses: { name: number; index: number }[] }[];
  /** Two adjacent words of a name joined into one key: the (name, word index) pairs it stands for. */
  pairs: Map<string, { name: number; index: number }[]>;
  /** Word keys that identify no single candidate. */
  generic: Set<string>;
};

function keyed(s: string): KeyedWord[] {
  return tokenKeys(s).map((t) => {
    const classes = consonantClasses(t.key);
    return { key: t.key, fa: t.fa, skel: consonantSkeleton(t.key), weight: keyWeight(t.key), classes, mask: consonantMask(classes) };
  });
}

/** Keys every candidate name once; reuse the result for every text of one request. */
export function prepareCandidates(candidates: SuggestCandidate[]): PreparedCandidates {
  return finish(prepareSteps(candidates));
}

function* prepareSteps(candidates: SuggestCandidate[]): Steps<PreparedCandidates> {
  const names: NameEntry[] = [];
  for (let cand = 0; cand < candidates.length; cand++) {
    const c = candidates[cand]!;
    const seen = new Set<string>();
    const add = (text: string, whole: boolean) => {
      const t = text.trim();
      if (!t || seen.has(t)) return;
      seen.add(t);
      const words = keyed(t);
      if (words.length) names.push({ cand, words, whole, text: t });
    };
    add(c.name, false);
    add(c.nameFa, false);
    for (const a of c.aliases) add(a, true);
    yield;
  }
  const byKey = new Map<string, { word: KeyedWord; uses: { name: number; index: number }[]; cands: Set<number> }>();
  names.forEach((n, ni) =>
    n.words.forEach((w, index) => {
      const e = byKey.get(w.key) ?? { word: w, uses: [], cands: new Set<number>() };
      e.uses.push({ name: ni, index });
      e.cands.add(n.cand);
      byKey.set(w.key, e);
    }),
  );
  const generic = new Set<string>(GENERIC_WORDS.flatMap((g) => keyed(g).map((w) => w.key)));
  for (const [key, e] of byKey) if (e.cands.size > 1) generic.add(key);
  // Two words of a name written apart («حسین‌علی نیری», «حسین علی») may be one word joined in
  // the text («حسینعلی»): each adjacent pair's joined key stands for both words. Looked up by the
  // exact key (script and spelling variants share it), not compared like the single words: long
  // joined keys against every text word would cost more than the rest of the search. (The
  // text's own words written apart are joined in findMentions.)
  const pairs = new Map<string, { name: number; index: number }[]>();
  names.forEach((name, ni) => {
    for (let index = 0; index + 1 < name.words.length; index++) {
      const key = name.words[index]!.key + name.words[index + 1]!.key;
      const uses = pairs.get(key) ?? [];
      uses.push({ name: ni, index }, { name: ni, index: index + 1 });
      pairs.set(key, uses);
    }
  });
  return { candidates, names, words: [...byKey.values()].map(({ word, uses }) => ({ word, uses })), pairs, generic };
}

function wordSimilarity(a: KeyedWord, b: KeyedWord): number {
  if (a.key === b.key) return 1;
  // Keys of very different lengths cannot be spellings of one word.
  if (Math.abs(a.weight - b.weight) > Math.max(2, 0.5 * Math.max(a.weight, b.weight))) return 0;
  // Below WORD_HIT the exact similarity does not matter (the skeleton can only lower it): the
  // consonants of each kind the two lack bound it from above without the distance table (from
  // the counts both words keep), and the table stops once it is too far. Most pairs of a long
  // text and a large registry end there.
  if (consonantMaskBound(a.mask, a.weight, b.mask, b.weight) < WORD_HIT) return 0;
  if (consonantFullBound(a.classes, a.weight, b.classes, b.weight) < WORD_HIT) return 0;
  let s = keySimilarityAtLeast(a.key, a.fa, b.key, b.fa, WORD_HIT);
  if (s > 0 && a.skel && b.skel) s *= 1 - SKELETON_WEIGHT * (1 - skeletonSimilarity(a.skel, b.skel));
  return s;
}

/** Per text word: for each name it may belong to, which of that name's words it resembles. */
type Hits = Map<number /* name */, Set<number> /* word indexes */>;

function wordHits(token: string, prepared: PreparedCandidates, cache: Map<string, Hits>): Hits {
  const cached = cache.get(token);
  if (cached) return cached;
  const hits: Hits = new Map();
  const add = (name: number, index: number) => {
    const set = hits.get(name) ?? new Set<number>();
    set.add(index);
    hits.set(name, set);
  };
  for (const w of keyed(token)) {
    if (w.weight < 1.5) continue; // one letter or a bare vowel says nothing
    for (const cw of prepared.words) {
      if (wordSimilarity(w, cw.word) < WORD_HIT) continue;
      for (const u of cw.uses) add(u.name, u.index);
    }
    for (const u of prepared.pairs.get(w.key) ?? []) add(u.name, u.index);
  }
  cache.set(token, hits);
  return hits;
}

/** Adds `more`'s word indexes to `into`, name by name. */
function merge(into: Hits, more: Hits): void {
  for (const [name, words] of more) into.set(name, new Set([...(into.get(name) ?? []), ...words]));
}

/** Whether the matched words of a name identify its candidate (see the header). */
function identifies(prepared: PreparedCandidates, nameIndex: number, matched: Set<number>): boolean {
  const n = prepared.names[nameIndex]!;
  if (matched.size >= n.words.length) return true;
  if (n.whole) return false;
  const kind = prepared.candidates[n.cand]!.kind;
  if (kind === "person") {
    const last = n.words[n.words.length - 1]!;
    return matched.has(n.words.length - 1) && last.weight >= MIN_IDENTIFYING_WEIGHT && !sharedWithOtherKind(last.key, prepared);
  }
  return [...matched].some((i) => !prepared.generic.has(n.words[i]!.key) && n.words[i]!.weight >= MIN_IDENTIFYING_WEIGHT);
}

// A person's last word shared with a place or organisation (a surname that is also a town)
// still identifies the person only when no candidate of another kind uses it.
function sharedWithOtherKind(key: string, prepared: PreparedCandidates): boolean {
  return prepared.names.some((n) => prepared.candidates[n.cand]!.kind !== "person" && n.words.some((w) => w.key === key));
}

/**
 * Names of the candidates found in `text`, best first and not overlapping: each with its
 * offsets, the exact words, and the nameScore of those words against the best name.
 */
export function findMentions(text: string, prepared: PreparedCandidates, opts: { threshold?: number } = {}): Suggestion[] {
  return finish(mentionSteps(text, prepared, opts.threshold ?? SUGGEST_THRESHOLD));
}

/** How long the `…InSlices` functions work before they let the server's other requests run. */
export const SLICE_MS = 3;

/**
 * findMentions, giving the event loop a turn after every `sliceMs` of work. The server runs its
 * JavaScript on one thread: a long statement against a large registry takes a few hundred
 * milliseconds, during which every other request (a page, a sign-in, a search) used to wait.
 * The same result as findMentions.
 */
export function findMentionsInSlices(text: string, prepared: PreparedCandidates, opts: { threshold?: number; sliceMs?: number } = {}): Promise<Suggestion[]> {
  return finishInSlices(mentionSteps(text, prepared, opts.threshold ?? SUGGEST_THRESHOLD), opts.sliceMs ?? SLICE_MS);
}

/** prepareCandidates in slices, as findMentionsInSlices (keying a few thousand names takes a while). */
export function prepareCandidatesInSlices(candidates: SuggestCandidate[], opts: { sliceMs?: number } = {}): Promise<PreparedCandidates> {
  return finishInSlices(prepareSteps(candidates), opts.sliceMs ?? SLICE_MS);
}

// The work is written as generators that pause (yield) after each small step: run to the end at
// once, or a slice of time at a time.
type Steps<T> = Generator<void, T, void>;

function finish<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

async function finishInSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let since = performance.now();
  let step = steps.next();
  for (let n = 1; !step.done; n++) {
    // The clock is read every 16 steps (a step is one word compared with the registries).
    if (n % 16 === 0 && performance.now() - since >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** findMentions's work, pausing (yield) after each word of the text it looks up. */
function* mentionSteps(text: string, prepared: PreparedCandidates, threshold: number): Steps<Suggestion[]> {
  const tokens = tokenize(text);
  const cache = new Map<string, Hits>();
  const hits: Hits[] = [];
  for (const t of tokens) {
    hits.push(new Map(wordHits(t.text, prepared, cache)));
    yield;
  }
  // A word written with a zero-width joiner or non-joiner («پور‌محمدی», «حسین‌علی») is two keys
  // apart; a name may write it joined («پورمحمدی»): what it resembles joined counts too.
  for (let i = 0; i < tokens.length; i++) {
    const joined = tokens[i]!.text.replace(JOINERS, "");
    if (joined === tokens[i]!.text) continue;
    merge(hits[i]!, wordHits(joined, prepared, cache));
    yield;
  }
  // Particles and honorifics («و», "Ayatollah") have no key: a name never starts or ends with one.
  const keyless = new Map<string, boolean>();
  const isKeyless = (w: string) => keyless.get(w) ?? (keyless.set(w, keyed(w).length === 0), keyless.get(w)!);
  // Two adjacent words may be one name word written apart ("Pour Mohammadi" = پورمحمدی):
  // what the pair resembles as one word counts for both.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!joinable(text, tokens[i]!, tokens[i + 1]!)) continue;
    const pair = wordHits((tokens[i]!.text + tokens[i + 1]!.text).replace(JOINERS, ""), prepared, cache);
    merge(hits[i]!, pair);
    merge(hits[i + 1]!, pair);
    yield;
  }
  const found: Suggestion[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (isKeyless(tokens[i]!.text)) continue;
    if (hits[i]!.size) yield;
    for (const [nameIndex] of hits[i]!) {
      // Windows that start at a word resembling this name and end at another (or the same).
      const matched = new Set<number>();
      for (let j = i; j < tokens.length && j < i + MAX_WINDOW; j++) {
        if (j > i && !joinable(text, tokens[j - 1]!, tokens[j]!)) break;
        const h = hits[j]!.get(nameIndex);
        if (!h || isKeyless(tokens[j]!.text)) continue;
        h.forEach((x) => matched.add(x));
        if (!identifies(prepared, nameIndex, matched)) continue;
        const start = tokens[i]!.start;
        const end = tokens[j]!.end;
        const name = prepared.names[nameIndex]!;
        const key = `${name.cand}:${start}:${end}`;
        const quote = text.slice(start, end);
        const score = nameScore(quote, name.text);
        if (score < threshold) continue;
        const cand = prepared.candidates[name.cand]!;
        if (seen.has(key)) {
          const prev = found.find((f) => f.kind === cand.kind && f.id === cand.id && f.startOffset === start && f.endOffset === end)!;
          prev.score = Math.max(prev.score, round(score));
          continue;
        }
        seen.add(key);
        found.push({ kind: cand.kind, id: cand.id, name: cand.name, nameFa: cand.nameFa, startOffset: start, endOffset: end, quote, score: round(score) });
      }
    }
  }
  // Best first; of equal scores the shorter (tighter) passage, then the earlier one. Overlaps lose.
  found.sort((a, b) => b.score - a.score || a.endOffset - a.startOffset - (b.endOffset - b.startOffset) || a.startOffset - b.startOffset);
  const kept: Suggestion[] = [];
  for (const f of found) {
    if (kept.some((k) => f.startOffset < k.endOffset && k.startOffset < f.endOffset)) continue;
    kept.push(f);
  }
  return kept;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
