import { JOINER, WORD_SPACE, words } from "./normalize";

// Persian writes the parts of one word three ways: joined ("آنها", "میرفتیم"), with a zero-width
// non-joiner ("آن‌ها", "می‌رفتیم") or with a space ("آن ها"). The index splits at a ZWNJ or a
// space, as normalize.ts does everywhere, and keeps a joined word whole, so a word written one
// way in the testimony and another way in the query would not meet. A query word is therefore
// searched in each of its forms: as typed, joined, and split at a plural, comparative or verbal
// affix, or at a part of a name (پورمحمدی / پور‌محمدی / پور محمدی, حسینعلی, غلامرضا). The forms are
// alternatives (OR) for that word; the query's words are still all required.

// Normalised as the index is (ی, ک, no diacritics). Longest first: the first that fits is taken.
/** The plural ending, alone or with an indefinite or possessive ending after it («ها», «هایم», «هایشان»). */
const PLURALS = words("هایشان هایتان هایمان هایی هایم هایت هایش های ها");
const SUFFIXES = [...PLURALS, ...words("ترین تر")];
const PREFIXES = words("نمی می");
const SUFFIX_SET = new Set(SUFFIXES);
const PREFIX_SET = new Set(PREFIXES);
/**
 * A stem shorter than this is not split from its affix: "آن" in "آنها" is a stem of two letters,
 * but "تر" in "دختر" is no comparative, so a comparative needs three.
 */
const MIN_STEM = 2;
const COMPARATIVES = new Set(words("ترین تر"));
const minStem = (affix: string) => (COMPARATIVES.has(affix) ? 3 : MIN_STEM);
const PERSIAN_LETTERS = /^[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]+$/;

/**
 * Parts of Persian names written joined or apart: پورمحمدی, عبدالکریم, غلامرضا, میرحسین, حسینعلی,
 * حسین‌زاده, روح‌الله. A joined name word is also searched split after a prefix or before a
 * suffix that fits; a split that is no name finds nothing, so every fitting one is tried.
 */
const NAME_PREFIXES = words("امیر غلام عبد ابو میر پور محمد");
const NAME_SUFFIXES = words("الدین الله زاده نژاد پور نیا راد علی رضا فر");
const NAME_PREFIX_SET = new Set(NAME_PREFIXES);
const NAME_SUFFIX_SET = new Set(NAME_SUFFIXES);
const MIN_NAME_REST = 2;

const length = (s: string) => [...s].length;
const persian = (w: string) => PERSIAN_LETTERS.test(w);

/** A joined word split at its affixes ("میرفتیم" → می رفتیم, "انها" → ان ها), or the word alone. */
export function splitAffixes(word: string): string[] {
  if (!persian(word)) return [word];
  let stem = word;
  const before: string[] = [];
  const after: string[] = [];
  const prefix = PREFIXES.find((p) => stem.startsWith(p) && length(stem) - length(p) >= MIN_STEM);
  if (prefix) {
    before.push(prefix);
    stem = stem.slice(prefix.length);
  }
  const suffix = SUFFIXES.find((s) => stem.endsWith(s) && length(stem) - length(s) >= minStem(s));
  if (suffix) {
    after.push(suffix);
    stem = stem.slice(0, -suffix.length);
  }
  return [...before, stem, ...after];
}

/** A joined word's splits at the parts of names it starts or ends with ("پورمحمدی" → پور محمدی). */
export function nameSplits(word: string): string[][] {
  if (!persian(word)) return [];
  const out: string[][] = [];
  for (const p of NAME_PREFIXES) if (word.startsWith(p) && length(word) - length(p) >= MIN_NAME_REST) out.push([p, word.slice(p.length)]);
  for (const x of NAME_SUFFIXES) if (word.endsWith(x) && length(word) - length(x) >= MIN_NAME_REST) out.push([word.slice(0, -x.length), x]);
  return out;
}

/** A name's words with each part of a name joined to its neighbour ("حسین علی نیری" → حسینعلی نیری). */
function joinNameParts(ws: string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const prev = out[out.length - 1];
    if (prev !== undefined && persian(prev) && persian(w) && (NAME_PREFIX_SET.has(prev) || NAME_SUFFIX_SET.has(w))) out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out;
}

/**
 * The spellings of a named person, place or organisation, each also with its name parts split
 * and joined: "مصطفی پورمحمدی" is also searched as «مصطفی پور محمدی», "پورمحمدی" as «پور محمدی».
 */
export function withNameForms(spellings: string[][]): string[][] {
  const forms: string[][] = [];
  for (const s of spellings) {
    forms.push(s);
    if (s.length === 1) forms.push(...nameSplits(s[0]!));
    else forms.push(s.flatMap((w) => nameSplits(w)[0] ?? [w]), joinNameParts(s));
  }
  return unique(forms);
}

const WORDS_APART = new RegExp(`${WORD_SPACE.source}+`);

/**
 * The query text as units, each one word as the writer meant it: the parts of a word written
 * with a ZWNJ ("هیچ‌کس"), and an affix written apart ("آن ها", "می رفتیم") with its word.
 */
export function wordUnits(text: string): string[][] {
  const units: string[][] = [];
  for (const token of text.split(WORDS_APART)) {
    const ws = words(token);
    if (ws.length > 1 && JOINER.test(token) && ws.every(persian)) units.push(ws);
    else for (const w of ws) units.push([w]);
  }
  // An affix standing alone belongs to its neighbour: a suffix to the word before, a prefix to the word after.
  const merged: string[][] = [];
  let pendingPrefix: string[] | null = null;
  for (const u of units) {
    const single = u.length === 1 ? u[0]! : null;
    const prev = merged[merged.length - 1];
    if (pendingPrefix) {
      merged.push([...pendingPrefix, ...u]);
      pendingPrefix = null;
    } else if (single && SUFFIX_SET.has(single) && prev && persian(prev[prev.length - 1]!)) prev.push(single);
    else if (single && PREFIX_SET.has(single)) pendingPrefix = u;
    else merged.push(u);
  }
  if (pendingPrefix) merged.push(pendingPrefix);
  return merged;
}

/** A Persian word of three letters or more that does not already end in a plural: one whose endings are searched joined. */
const takesEndings = (word: string) => persian(word) && length(word) >= 3 && !PLURALS.some((p) => word.endsWith(p));

/**
 * A Persian word's plural written joined, alone or with its possessive or indefinite ending
 * ("ملاقات" → ملاقاتها, ملاقاتهای, ملاقاتهایم, ملاقاتهایشان; "کتاب" → کتابهایشان): the index keeps a
 * joined word whole, so without these a singular would find the plural only where it is written
 * apart. Not for words of two letters ("ان" + "ها" is «آنها», another word) or words that already
 * end in one.
 */
const PLURALS_SHORTEST_FIRST = [...PLURALS].reverse();
function joinedPlurals(word: string): string[][] {
  return takesEndings(word) ? PLURALS_SHORTEST_FIRST.map((p) => [word + p]) : [];
}

/**
 * A Persian word with an indefinite, adjectival or possessive ending written joined ("ملاقات" →
 * ملاقاتی، ملاقاتم، ملاقاتشان; "خانه" → خانهای، خانهام). Written with a ZWNJ or a space the
 * ending is a word of its own in the index and the base is found as it is; joined, only these
 * forms find it. A closed list, never a prefix search: «زندانبان» is no form of «زندان». After
 * a final ه or ی the endings take an alef («خانه‌ام», «زندانی‌ای»), elsewhere they do not. Not for
 * words of two letters («سر» + «م» is «سرم», serum) or words that already end in a plural.
 */
const ENDINGS = words("ی م ت ش مان تان شان");
const ENDINGS_AFTER_VOWEL = words("ای ام ات اش مان تان شان");
const VOWEL_FINAL = /[هی]$/;
function joinedEndings(word: string): string[][] {
  return takesEndings(word) ? (VOWEL_FINAL.test(word) ? ENDINGS_AFTER_VOWEL : ENDINGS).map((e) => [word + e]) : [];
}

/**
 * A unit's forms: as typed; joined, when it has parts; when it is one word, split at its affixes
 * or name parts, and its plural and other endings written joined. A Persian word of three letters
 * or more is thus searched as at most 1 + 9 + 7 = 17 single words, plus its splits (usually none or one).
 */
export function unitForms(unit: string[]): string[][] {
  const forms = [unit];
  if (unit.length > 1 && unit.every(persian)) forms.push([unit.join("")]);
  if (unit.length === 1) forms.push(splitAffixes(unit[0]!), ...nameSplits(unit[0]!), ...joinedPlurals(unit[0]!), ...joinedEndings(unit[0]!));
  return unique(forms);
}

// From each joiner out to the space or punctuation on either side: a text's other words are not
// looked at (most of its words have no joiner, and indexing passes every statement through here).
const JOINER_AT = new RegExp(JOINER.source, "g");
const BREAK = new RegExp(`^(?:${WORD_SPACE.source}|[\\p{P}\\p{S}])$`, "u");
/** Per BMP code unit: 0 not known yet, 1 a break (space, punctuation, symbol), 2 not. */
const BREAK_OF = new Uint8Array(0x10000);

/** The length of the letter that ends just before `i` (back) or starts at `i`, or 0 when it is a break. */
function letterAt(text: string, i: number, back: boolean): number {
  const c = text.charCodeAt(back ? i - 1 : i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = BREAK_OF[c]!;
    if (k === 0) BREAK_OF[c] = k = BREAK.test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1 ? 0 : 1;
  }
  // A surrogate pair (an emoji is a symbol: a break), or a lone half (no letter: a break).
  const pair = back ? (i > 1 ? text.slice(i - 2, i) : "") : text.slice(i, i + 2);
  return pair.length === 2 && (pair.codePointAt(0) ?? 0) > 0xffff && !BREAK.test(pair) ? 2 : 0;
}

/**
 * What the index adds for the words a text writes with a ZWNJ: each such word joined
 * («چشم‌بند» → چشمبند), once for every time it is written. The index otherwise splits at the ZWNJ,
 * as normalize.ts does, and a query typed without one ("چشمبند") could not tell where to split a
 * compound that is on no list. The same rule as wordUnits for a query: a run of Persian words
 * held together by joiners, between spaces or punctuation.
 */
export function joinedWords(text: string): string[] {
  const out: string[] = [];
  JOINER_AT.lastIndex = 0;
  for (let m = JOINER_AT.exec(text); m; m = JOINER_AT.exec(text)) {
    let start = m.index;
    for (let n = 0; start > 0 && (n = letterAt(text, start, true)) > 0; ) start -= n;
    let end = m.index + 1;
    for (let n = 0; end < text.length && (n = letterAt(text, end, false)) > 0; ) end += n;
    const joined = joinedRun(text.slice(start, end));
    if (joined) out.push(joined);
    JOINER_AT.lastIndex = end; // the run's other joiners are in it already
  }
  return out;
}

// Testimony writes the same few hundred words with a ZWNJ over and over (می‌گفتند, آن‌ها, ساعت‌ها):
// each is normalised once.
const runCache = new Map<string, string>();
function joinedRun(run: string): string {
  let joined = runCache.get(run);
  if (joined === undefined) {
    const ws = words(run);
    joined = ws.length > 1 && ws.every(persian) ? ws.join("") : "";
    if (runCache.size >= 50_000) runCache.clear();
    runCache.set(run, joined);
  }
  return joined;
}

/**
 * A quoted phrase's forms: as typed, with every unit joined, with every word split at its affixes,
 * and with one of its words split in two anywhere (compoundSplits).
 */
export function phraseForms(units: string[][]): string[][] {
  const typed = units.flat();
  const joined = units.flatMap((u) => (u.length > 1 && u.every(persian) ? [u.join("")] : u));
  const split = units.flatMap((u) => u.flatMap(splitAffixes));
  return unique([typed, joined, split, ...compoundSplits(joined)]);
}

/**
 * A phrase with one of its Persian words split in two at each place that leaves two letters or
 * more on either side ("با چشمبند" → «با چشم بند», «با چش مبند», «با چشمب ند»). A single word typed
 * joined finds the same word written with a ZWNJ through the index (joinedWords), but in a phrase
 * it has to stand at the parts' positions, and only the parts have positions. One word at a time,
 * and at most MAX_COMPOUND_SPLITS forms: a phrase of common words costs a few more phrase checks,
 * never a product of every word's splits.
 */
const MAX_COMPOUND_SPLITS = 12;
const MIN_PART = 2;
function compoundSplits(phrase: string[]): string[][] {
  const out: string[][] = [];
  for (const [i, w] of phrase.entries()) {
    if (!persian(w)) continue;
    for (let cut = MIN_PART; cut <= w.length - MIN_PART; cut++) {
      if (out.length === MAX_COMPOUND_SPLITS) return out;
      out.push([...phrase.slice(0, i), w.slice(0, cut), w.slice(cut), ...phrase.slice(i + 1)]);
    }
  }
  return out;
}

function unique(forms: string[][]): string[][] {
  const seen = new Map<string, string[]>();
  for (const f of forms) if (f.length > 0 && !seen.has(f.join(" "))) seen.set(f.join(" "), f);
  return [...seen.values()];
}
