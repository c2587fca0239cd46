import { normalizeLatin, normalizePersian } from "@/lib/names";

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
const SPACE_LIKE = /[\s\u200B-\u200D\u2060\uFEFF]/u;

/** What one code point becomes: "" (dropped), " " (a word break) or letters. */
function fold(c: string): string {
  let out = cache.get(c);
  if (out !== undefined) return out;
  if (SPACE_LIKE.test(c)) out = " ";
  else {
    // normalizePersian then normalizeLatin, as the name matcher prepares a name. Each can
    // drop a character (a diacritic, a hyphen) or expand it (ß, presentation forms).
    const f = normalizeLatin(normalizePersian(c));
    out = "";
    for (const ch of f) out += LETTER_OR_DIGIT.test(ch) ? ch : " ";
    if (f === "" && !/[\p{M}\p{Cf}'\u2018\u2019\u02BB\u02BC\u02BE\u02BF`\u00B4\u2032\u0640-]/u.test(c)) out = " ";
  }
  if (cache.size < 50_000) cache.set(c, out);
  return out;
}

/** Normalised text with single spaces between words, and the offset map back to `s`. */
export function normalizeWithMap(s: string): Normalized {
  const parts: string[] = [];
  const map: number[] = [];
  let lastSpace = true; // no leading space
  let i = 0;
  for (const c of s) {
    const f = fold(c);
    for (const ch of f) {
      if (ch === " ") {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      parts.push(ch);
      map.push(i);
    }
    i += c.length;
  }
  if (lastSpace && parts.length) {
    parts.pop();
    map.pop();
  }
  map.push(s.length); // one past the end, so a match ending at the last character maps too
  return { text: parts.join(""), map };
}

// The same folding without the offset map, for indexing (every statement's whole text passes
// through here): one array lookup per BMP code point instead of a Map lookup and two pushes.
const BMP: (string | null)[] = new Array<string | null>(0x10000).fill(null);

/** Normalised text only (what is indexed, and what a query is searched as). Equal to normalizeWithMap(s).text. */
export function normalizeForSearch(s: string): string {
  let out = "";
  let lastSpace = true; // no leading space
  let run = 0; // start of a stretch of characters that fold to themselves, copied in one piece
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let f: string;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      f = fold(s.slice(i, i + 2));
      width = 2;
    } else {
      f = BMP[code] ?? (BMP[code] = fold(s[i]!));
      if (f.length === 1 && f.charCodeAt(0) === code && code !== 32) {
        lastSpace = false;
        continue;
      }
    }
    if (i > run) out += s.slice(run, i);
    for (const ch of f) {
      if (ch === " ") {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      out += ch;
    }
    i += width - 1;
    run = i + 1;
  }
  if (n > run) out += s.slice(run, n);
  return lastSpace && out.length ? out.slice(0, -1) : out;
}

/** Where in `s` the k-th word (from 0) of normalizeForSearch(s) begins, or -1 when it has fewer words. */
export function wordStart(s: string, k: number): number {
  let word = -1;
  let lastSpace = true;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let f: string;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      f = fold(s.slice(i, i + 2));
      width = 2;
    } else f = BMP[code] ?? (BMP[code] = fold(s[i]!));
    for (let j = 0; j < f.length; j++) {
      if (f[j] === " ") lastSpace = true;
      else {
        if (lastSpace && ++word === k) return i;
        lastSpace = false;
      }
    }
    i += width - 1;
  }
  return -1;
}

/** The words of a normalised text. */
export function words(s: string): string[] {
  const t = normalizeForSearch(s);
  return t ? t.split(" ") : [];
}
