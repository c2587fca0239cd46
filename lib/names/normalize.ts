// Text normalisers for names. Pure functions, no dependencies.
//
// normalizePersian folds the many ways the same Persian word can be typed (Arabic or
// Persian code points, optional diacritics, tatweel, ZWNJ or space) into one spelling.
// normalizeLatin folds accents, case and punctuation of Latin transliterations.
// Neither of them is phonetic: that is latinKey's job (keys.ts).

const ARABIC_TO_PERSIAN: Record<string, string> = {
  "\u064A": "\u06CC", // ي Arabic yeh -> ی
  "\u0649": "\u06CC", // ى alef maksura -> ی
  "\u06D0": "\u06CC", // ې
  "\u0643": "\u06A9", // ك Arabic kaf -> ک
  "\u0629": "\u0647", // ة teh marbuta -> ه
  "\u06C0": "\u0647", // ۀ heh with yeh above -> ه (the ezafe mark is not part of the name)
  "\u06C1": "\u0647", // ہ heh goal
  "\u06D5": "\u0647", // ە ae
  // Alef forms. آ is folded to ا as well: for matching, "آوایی" and "اوایی" are the same
  // name typed with and without the madda, and transliterations don't distinguish them.
  "\u0622": "\u0627", // آ
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0671": "\u0627", // ٱ alef wasla
  "\u0624": "\u0648", // ؤ -> و
  "\u0626": "\u06CC", // ئ -> ی
};

// Harakat, tanwin, shadda, sukun, madda/hamza above and below (U+064B-065F), superscript
// alef (U+0670), Quranic annotation marks (U+0610-061A, U+06D6-06ED).
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
// Zero-width characters that separate (or join) parts of a word: ZWNJ, ZWJ, zero-width
// space, word joiner, BOM. They become a space, so "روح‌الله" and "روح الله" are equal.
// (Search reads the same ones as the joiners of a word: lib/search/normalize.ts.)
export const ZERO_WIDTH_CHARS = "\u200B-\u200D\u2060\uFEFF";
const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CHARS}]`, "g");
// Direction marks carry no letters: removed (not spaces), so they never split a word.
const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

function asciiDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
}

/**
 * Normalise Persian/Arabic-script text for matching:
 * Arabic ي ى → ی, ك → ک, ة ۀ → ه, آ أ إ ٱ → ا, ؤ → و, ئ → ی; diacritics and tatweel removed;
 * ZWNJ and other zero-width characters and runs of whitespace become one space; Persian
 * and Arabic-Indic digits become ASCII. Latin text passes through unchanged (apart from
 * NFKC, which also unfolds Arabic presentation forms such as ﻻ).
 */
export function normalizePersian(s: string): string {
  let t = s.normalize("NFKC");
  // Diacritics first: a decomposed ی + hamza-above becomes plain ی either way.
  t = t.replace(ARABIC_DIACRITICS, "").replace(TATWEEL, "").replace(BIDI_MARKS, "");
  t = t.replace(/[\u0622-\u0626\u0629\u0643\u0649\u064A\u0671\u06C0\u06C1\u06D0\u06D5]/g, (c) => ARABIC_TO_PERSIAN[c] ?? c);
  t = t.replace(DIGITS, asciiDigit);
  t = t.replace(ZERO_WIDTH, " ");
  return t.replace(/\s+/g, " ").trim();
}

// Letters that NFKD does not decompose into base + accent.
const LATIN_SPECIAL: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h",
};
// Hyphens, soft hyphen, apostrophes, ayn/hamza half rings and modifier letters.
const LATIN_REMOVED = /[-\u00AD\u2010\u2011'\u2018\u2019\u201B`\u00B4\u02BB\u02BC\u02BE\u02BF\u2032]/g;

/**
 * Normalise Latin-script text: NFKD with accents stripped (â á ā → a), lower case, hyphens
 * and apostrophes (' ’ ʿ ʾ) removed, whitespace collapsed. "Pour-Mohammadi" →
 * "pourmohammadi", "Raʾīsī" → "raisi".
 */
export function normalizeLatin(s: string): string {
  let t = s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  t = t.replace(/[ßæœøłđðþıħ]/g, (c) => LATIN_SPECIAL[c] ?? c);
  t = t.replace(LATIN_REMOVED, "").replace(ZERO_WIDTH, " ");
  return t.replace(/\s+/g, " ").trim();
}

// An apostrophe (straight, curly or the modifier letter) and s closing a word.
const POSSESSIVE = /(?<=[\p{L}\p{N}])['\u2019\u02BC]s(?![\p{L}\p{N}])/giu;

/**
 * Text without English possessives ("Khomeini's order" → "Khomeini order"): a name never has
 * one, but the text around it (a statement, an event's title) does, and the matcher would read
 * "Khomeini's" as a word of its own, unlike the "Khomeini" a reader types.
 */
export function withoutPossessives(s: string): string {
  return s.replace(POSSESSIVE, "");
}
