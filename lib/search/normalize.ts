import { normalizeLatin, normalizePersian, ZERO_WIDTH_CHARS } from "@/lib/names";

// Search text normalisation: the name matcher's folding (lib/names: Arabic ي ك ة to Persian,
// hamza carriers, diacritics, tatweel, ZWNJ, Persian and Arabic-Indic digits, Latin accents,
// case, hyphens and apostrophes), applied one code point at a time so that every character
// of the result remembers where it came from in the original. Snippets are cut and marked in
// the original text from these offsets. Everything that is not a letter or a digit becomes a
// space, so both databases' tokenizers see the same words and no query character can ever be
// full-text syntax.

export type Normalized = { text: string; map: number[] }; // map[i]: offset in the original of text[i]

const cache = new Map<string, string>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE_LIKE = new RegExp(`[\\s${ZERO_WIDTH_CHARS}]`, "u");

/**
 * An invisible character that holds the parts of one word together (ZWNJ, ZWJ, zero-width space,
 * word joiner, U+FEFF): the normalised text splits the word there, and the query and the index
 * also keep it joined (persian-variants.ts). The name matcher's list (lib/names).
 */
export const JOINER = new RegExp(`[${ZERO_WIDTH_CHARS}]`);
/**
 * A space between words, which is never a joiner. JavaScript's \s counts U+FEFF (a zero-width
 * no-break space, which some editors leave inside words) as a space: read with \s, a query split
 * a word at it that the index keeps as one.
 */
export const WORD_SPACE = new RegExp(`[^\\S${ZERO_WIDTH_CHARS}]`);

/** What one code point becomes: "" (dropped), " " (a word break) or letters. */
function fold(c: string): string {
  let out = cache.get(c);
  if (out !== undefined) return out;
  if (SPACE_LIKE.test(c)) out = " ";
  else {
    // normalizePersian then normalizeLatin, as the name matcher prepares a name. Each can
    // drop a character (a diacritic, a hyphen) or expand it (ß, presentation forms).
    // Final sigma is folded to σ, as Unicode case folding does: "λόγος" and "ΛΌΓΟΣ" are one
    // word, and SQLite's full-text index compares the normalised words as they are (the
    // "ascii" tokenizer folds nothing outside ASCII).
    const f = normalizeLatin(normalizePersian(c)).replace(/\u03C2/g, "\u03C3");
    out = "";
    for (const ch of f) out += LETTER_OR_DIGIT.test(ch) ? ch : " ";
    if (f === "" && !/[\p{M}\p{Cf}'\u2018\u2019\u02BB\u02BC\u02BE\u02BF`\u00B4\u2032\u0640\u2010\u2011-]/u.test(c)) out = " ";
  }
  if (cache.size < 50_000) cache.set(c, out);
  return out;
}

// The same folding without the offset map, for indexing (every statement's whole text passes
// through here). What each BMP code unit becomes, filled in from fold() as met:
// UNKNOWN (not met yet), KEEP (itself: a letter or digit that folds to itself), SPACE (a word
// break), DROP (nothing), OTHER (the string in OTHER_OF). High surrogates are PAIR: a pair is
// folded as one code point, as normalizeWithMap does.
const UNKNOWN = 0, KEEP = 1, SPACE = 2, DROP = 3, OTHER = 4, PAIR = 5;
const CLASS = new Uint8Array(0x10000);
CLASS.fill(PAIR, 0xd800, 0xdc00);
const OTHER_OF: string[] = [];

function classify(code: number): number {
  const c = String.fromCharCode(code);
  const f = fold(c);
  let k: number;
  if (f === c && code !== 32) k = KEEP;
  else if (f === " ") k = SPACE;
  else if (f === "") k = DROP;
  else {
    k = OTHER;
    OTHER_OF[code] = f;
  }
  CLASS[code] = k;
  return k;
}

/**
 * Whether the apostrophe at s[i] (straight, curly or the modifier letter) and the s after it close
 * a word as an English possessive: "Nayyeri's commission" is searched and indexed as "Nayyeri
 * commission", so that the name a reader types finds it (and "Nayyeri's" finds "Nayyeri"). The
 * same rule as the name matcher's (lib/names withoutPossessives); the caller knows a letter or
 * digit came just before. An apostrophe inside a word (Ra'isi, Sa'sa'i) is not one.
 */
function possessiveAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 0x27 && c !== 0x2019 && c !== 0x2bc) return false;
  const next = s.charCodeAt(i + 1);
  if (next !== 0x73 && next !== 0x53) return false;
  const after = s.codePointAt(i + 2);
  return after === undefined || !LETTER_OR_DIGIT.test(String.fromCodePoint(after));
}

/** Where the character foldAt last folded ends in the text (its last code unit). */
let foldEnd = 0;

/**
 * The folded form of the character at s[i], whose class `k` is PAIR or OTHER; foldEnd is set to
 * its last code unit (a surrogate pair is folded as one code point).
 */
function foldAt(s: string, i: number, k: number): string {
  foldEnd = i;
  if (k === PAIR) {
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      foldEnd = i + 1;
      return fold(s.slice(i, i + 2));
    }
    return fold(s[i]!); // a lone high surrogate
  }
  return OTHER_OF[s.charCodeAt(i)]!;
}

// The result is written as UTF-16 code units into one reused buffer and made a string once,
// instead of being concatenated piece by piece (an index entry's text is several KB).
let units = new Uint16Array(16 * 1024);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The first n code units of the buffer as a string, every unit kept as it is (a lone surrogate too). */
function unitsToString(n: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, 2 * n).toString("utf16le");
  let out = "";
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + 4096)));
  return out;
}

/**
 * Normalised text with single spaces between words, and the offset map back to `s`: map[i] is
 * where the code point that text[i] (a code unit) came from begins in `s` (both units of an
 * astral letter have an entry), and one more entry, s.length, at the end.
 * The same table walk as normalizeForSearch below (snippets normalise every result's window and
 * title with this, on every search).
 */
export function normalizeWithMap(s: string): Normalized {
  const len = s.length;
  if (units.length < len + 64) units = new Uint16Array(2 * len + 64);
  let buf = units;
  let n = 0;
  const map: number[] = [];
  let lastSpace = true; // no leading space
  for (let i = 0; i < len; i++) {
    const code = s.charCodeAt(i);
    let k = CLASS[code]!;
    if (k === UNKNOWN) k = classify(code);
    if (k === KEEP) {
      buf[n++] = code;
      map.push(i);
      lastSpace = false;
      continue;
    }
    if (k === SPACE) {
      if (!lastSpace) {
        buf[n++] = 32;
        map.push(i);
        lastSpace = true;
      }
      continue;
    }
    if (k === DROP) {
      if (!lastSpace && possessiveAt(s, i)) i++; // the s goes with its apostrophe
      continue;
    }
    const at = i;
    const f = foldAt(s, i, k);
    i = foldEnd;
    if (n + 2 * f.length + (len - i) + 1 > buf.length) {
      const bigger = new Uint16Array(2 * (n + 2 * f.length + (len - i)) + 64);
      bigger.set(buf.subarray(0, n));
      units = buf = bigger;
    }
    for (let j = 0; j < f.length; j++) {
      const u = f.charCodeAt(j);
      if (u === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      buf[n++] = u;
      // Both units of an astral letter point at where it came from: the map is read by the
      // text's code-unit offsets (markTerms), so it has an entry for every unit.
      map.push(at);
    }
  }
  if (lastSpace && n > 0) {
    n--;
    map.pop();
  }
  map.push(len); // one past the end, so a match ending at the last character maps too
  return { text: unitsToString(n), map };
}

/** Normalised text only (what is indexed, and what a query is searched as). Equal to normalizeWithMap(s).text. */
export function normalizeForSearch(s: string): string {
  const len = s.length;
  if (units.length < len + 64) units = new Uint16Array(2 * len + 64);
  let buf = units;
  let n = 0;
  let lastSpace = true; // no leading space
  for (let i = 0; i < len; i++) {
    const code = s.charCodeAt(i);
    let k = CLASS[code]!;
    if (k === UNKNOWN) k = classify(code);
    if (k === KEEP) {
      buf[n++] = code;
      lastSpace = false;
      continue;
    }
    if (k === SPACE) {
      if (!lastSpace) {
        buf[n++] = 32;
        lastSpace = true;
      }
      continue;
    }
    if (k === DROP) {
      if (!lastSpace && possessiveAt(s, i)) i++;
      continue;
    }
    const f = foldAt(s, i, k);
    i = foldEnd;
    // A fold may expand (ß, ligatures): room for it, in the same buffer.
    if (n + f.length + (len - i) + 1 > buf.length) {
      const bigger = new Uint16Array(2 * (n + f.length + (len - i)) + 64);
      bigger.set(buf.subarray(0, n));
      units = buf = bigger;
    }
    for (let j = 0; j < f.length; j++) {
      const u = f.charCodeAt(j);
      if (u === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      buf[n++] = u;
    }
  }
  if (lastSpace && n > 0) n--;
  return unitsToString(n);
}

/** A hyphen between the parts of a word (hyphen-minus, U+2010, U+2011; a soft hyphen is not one). */
export const HYPHEN = /[-\u2010\u2011]/;
const PART_CHAR = /[\p{L}\p{N}\p{M}'\u2019\u02BC]/u;

/** Whether s[i] belongs to a hyphenated word: a letter, digit, mark, apostrophe or hyphen (either half of a surrogate pair counts). */
function inHyphenated(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return true;
  const ch = s[i]!;
  return PART_CHAR.test(ch) || HYPHEN.test(ch);
}

/**
 * Calls `each` for every word written with a hyphen in `text`, with where it begins and ends and
 * its parts, normalised (empty parts left out), when it has two or more. Only the words around a
 * hyphen are read, each once: linear in the text, however long a word.
 */
function eachHyphenated(text: string, each: (from: number, to: number, parts: string[]) => void): void {
  if (!HYPHEN.test(text)) return;
  const at = new RegExp(HYPHEN.source, "g");
  for (let m = at.exec(text); m; m = at.exec(text)) {
    let from = m.index;
    while (from > 0 && inHyphenated(text, from - 1)) from--;
    let to = m.index + 1;
    while (to < text.length && inHyphenated(text, to)) to++;
    const parts = text.slice(from, to).split(HYPHEN).map(normalizeForSearch).filter((w) => w !== "");
    if (parts.length > 1) each(from, to, parts);
    at.lastIndex = to;
  }
}

/**
 * The parts of each word written with a hyphen, normalised, a word's parts joined by spaces
 * ("Nayyeri-led" → "nayyeri led", "1988-07-29" → "1988 07 29"). The text's own normalised form
 * keeps such a word whole ("nayyeriled", as the name matcher reads "Pour-Mohammadi"); the index
 * also keeps its parts, with their neighbours (hyphenWindows), so that a part typed alone finds it.
 */
export function hyphenParts(text: string): string[] {
  const out: string[] = [];
  eachHyphenated(text, (_from, _to, parts) => out.push(parts.join(" ")));
  return out;
}

/**
 * How many of the text's words on either side of a word written with a hyphen its window holds
 * (hyphenWindows). A phrase finds such a word by one of its parts only inside the window, so
 * this is how many neighbours a phrase may give the part on one side: "dasht prison" needs one,
 * "taken to Gohar" two, and four lets a part close a phrase of five words, or stand inside one of
 * up to nine, longer than nearly every phrase a reader types. Each window costs the index up to
 * 2 × 4 words beside the parts, for every hyphenated word of every record (dates written
 * 1988-07-29 are such words): more neighbours would grow the index for phrases nobody types.
 */
export const HYPHEN_WINDOW = 4;

/**
 * For each word written with a hyphen, the text around it with the word's parts apart: up to
 * `width` normalised words before it, its parts, up to `width` words after it ("were taken to
 * Gohar-dasht prison in 1988" → "were taken to gohar dasht prison in 1988"). The text's own
 * normalised form keeps the word whole ("gohardasht"), so a phrase with one of its parts and a
 * neighbour ("dasht prison") is in no text position; the index keeps these windows beside the
 * text (index-record.ts normJoinedOf), where it finds one. The neighbours are the words of
 * normalizeForSearch, as the text's own are: a word written another way (an Arabic-keyboard ي,
 * a ZWNJ) is the same word in a window as in the text, and another hyphenated word is joined.
 */
export function hyphenWindows(text: string, width = HYPHEN_WINDOW): string[] {
  const out: string[] = [];
  eachHyphenated(text, (from, to, parts) => out.push([...wordsBefore(text, from, width), ...parts, ...wordsAfter(text, to, width)].join(" ")));
  return out;
}

/** Characters read first for a window's side: longer than `n` words of most texts. */
const sideChars = (n: number) => 12 * (n + 1);

/**
 * The last `n` words of normalizeForSearch(text.slice(0, end)), normalising only a stretch
 * before `end` (its first word may be cut, so one word more than `n` is asked of it).
 */
function wordsBefore(text: string, end: number, n: number): string[] {
  if (n <= 0) return [];
  for (let span = sideChars(n); ; span *= 4) {
    const start = Math.max(0, end - span);
    const ws = words(text.slice(start, end));
    if (start === 0 || ws.length > n) return ws.slice(-n);
  }
}

/** The first `n` words of normalizeForSearch(text.slice(start)), normalising only a stretch after `start`. */
function wordsAfter(text: string, start: number, n: number): string[] {
  if (n <= 0) return [];
  for (let span = sideChars(n); ; span *= 4) {
    const end = Math.min(text.length, start + span);
    const ws = words(text.slice(start, end));
    if (end === text.length || ws.length > n) return ws.slice(0, n);
  }
}

/**
 * Stands between two entries of the index's extras (the joined words and the hyphenated words'
 * windows, index-record.ts normJoinedOf), so that no phrase is found across two of them: the
 * Arabic letter kaf (U+0643) alone. normalizeForSearch folds it to the Persian keheh (ک), and no
 * other character folds to it (normalize.test.ts reads every code point), so no query word, and
 * no word of a text, is ever this token. Both tokenizers keep it as a word of one letter: FTS5's
 * "ascii" takes every non-ASCII character as a letter, PostgreSQL's parser an Arabic letter.
 */
export const EXTRAS_BREAK = "\u0643";

/**
 * Between two fields of a search entry's text as written ("SearchDoc"."body": a statement's
 * original text, each translation and its summary; a registry record's lines), the paragraph
 * separator U+2029 after the line break. Normalised, it is a space; the entry's normalised text
 * (normBodyOf) puts EXTRAS_BREAK there instead, so a phrase is found inside one
 * field, never from one into the next.
 */
export const FIELD_SEPARATOR = "\u2029";

/**
 * A record's text normalised for the index, each field apart: EXTRAS_BREAK stands between two
 * fields (where the text has FIELD_SEPARATOR), so a phrase is found inside one field, never from
 * a statement's original text into its translation or summary, nor from one of a person's
 * spellings into the next. On PostgreSQL the break is deleted from the vector, its position left
 * empty (migration *_search_title_break). Snippets count words without it (snippet.ts firstWordIndex).
 */
export function normBodyOf(body: string): string {
  return body
    .split(FIELD_SEPARATOR)
    .map(normalizeForSearch)
    .filter((f) => f !== "")
    .join(` ${EXTRAS_BREAK} `);
}

/**
 * Where in `s` the k-th word (from 0) of normalizeForSearch(s) begins, or -1 when it has fewer
 * words. The same table walk as normalizeForSearch (a snippet finds its first match with it in
 * the text before it: on long testimony, a few KB on every result of every search).
 */
export function wordStart(s: string, k: number): number {
  let word = -1;
  let lastSpace = true;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const code = s.charCodeAt(i);
    let c = CLASS[code]!;
    if (c === UNKNOWN) c = classify(code);
    if (c === KEEP) {
      if (lastSpace && ++word === k) return i;
      lastSpace = false;
      continue;
    }
    if (c === SPACE) {
      lastSpace = true;
      continue;
    }
    if (c === DROP) continue;
    const at = i;
    const f = foldAt(s, i, c);
    i = foldEnd;
    for (let j = 0; j < f.length; j++) {
      if (f.charCodeAt(j) === 32) lastSpace = true;
      else {
        if (lastSpace && ++word === k) return at;
        lastSpace = false;
      }
    }
  }
  return -1;
}

/** The words of a normalised text. */
export function words(s: string): string[] {
  const t = normalizeForSearch(s);
  return t ? t.split(" ") : [];
}
