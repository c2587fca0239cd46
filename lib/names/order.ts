import { normalizeLatin, normalizePersian, ZERO_WIDTH_CHARS } from "./normalize";

// The order in which a list names its records to its reader (the name the reader sees first:
// readerName in app/_lib/reader-name.ts). On a Persian page that is the Persian name, in the
// order of the Persian alphabet; elsewhere the Latin name, in English order.
//
// Plain code-point order is not the Persian alphabet: پ چ ژ گ (U+067E U+0686 U+0698 U+06AF)
// and ک ی (U+06A9 U+06CC) lie after every letter of the Arabic block, so «پروین» would follow
// «یوسف». persianSortKey rewrites a name into a string whose code-point order is the alphabet's.
// It reads the name as the name matcher does (normalizePersian): ي and ی, ك and ک are one
// letter, diacritics and tatweel count for nothing, and آ is ا (the same name is typed with and
// without the madda). Names are compared word by word, as a Persian catalogue or phone book
// orders them: a space ends a word and sorts before any letter, so every «علی …» comes before
// «علیرضا …». A ZWNJ does not end a word: «پور‌محمدی» stands where «پورمحمدی» does (the matcher
// reads a ZWNJ as a space; here it is taken out first). Punctuation counts for nothing.

/** The Persian alphabet in its order (آ is read as ا: normalizePersian folds it). */
export const PERSIAN_ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";

// What each character becomes in a key: a word's end is "!" (0x21) and comes first, then digits
// as themselves (0x30-0x39), then
// the Persian letters as 0x41 onwards (32 letters, up to 0x60), then Latin letters (a-z, folded
// to lower case, 0x61-0x7A), then any other letter as itself (its code point is above all of these).
const RANK = new Map<string, string>([...PERSIAN_ALPHABET].map((c, i) => [c, String.fromCharCode(0x41 + i)]));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// The lone hamza (ء, as in «علاءالدین») is written or left out as the writer likes: not a letter of the order.
const IGNORED = "\u0621";
const WORD_END = "!";
const JOINERS = new RegExp(`[${ZERO_WIDTH_CHARS}]`, "g");

/**
 * A name's sort key: strings that compare (by code point, as JavaScript's < does) in the order of
 * the Persian alphabet, word by word. Spellings that differ only by the Arabic keyboard's ي and
 * ك, diacritics, tatweel, a ZWNJ (or the word written joined) or punctuation get the same key.
 * Digits sort before letters, Latin letters after the Persian ones.
 */
export function persianSortKey(name: string): string {
  let key = keyCache.get(name);
  if (key !== undefined) return key;
  key = makeKey(name);
  // Lists are ordered on every view of the page: the keys of a registry's names are kept (up to
  // KEY_CACHE_SIZE names, then started afresh), so a view orders by plain string comparison.
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

const KEY_CACHE_SIZE = 100_000;
const keyCache = new Map<string, string>();

function makeKey(name: string): string {
  let key = "";
  for (const c of normalizeLatin(normalizePersian(name.replace(JOINERS, "")))) {
    const rank = RANK.get(c);
    if (rank) key += rank;
    else if (c === " ") key += key && !key.endsWith(WORD_END) ? WORD_END : "";
    else if (c !== IGNORED && LETTER_OR_DIGIT.test(c)) key += c;
  }
  return key.endsWith(WORD_END) ? key.slice(0, -1) : key;
}

type Sortable = { id?: string; name: string; nameFa?: string | null };

const latin = new Intl.Collator("en");
const byId = (a: Sortable, b: Sortable) => (a.id === b.id || a.id === undefined || b.id === undefined ? 0 : a.id < b.id ? -1 : 1);

/**
 * A comparator for records as a page in `locale` lists them, by the name its reader sees first.
 *   - Persian ("fa"): records with a Persian name first, in the order of the Persian alphabet
 *     (persianSortKey); those without one after them, by their Latin name (which is the name the
 *     page shows for them), as an English page orders them.
 *   - Any other locale: by the Latin name in English order (case and accents second).
 * Ties go to the Latin name, then the id, so a list's order (and so its pages) never depends on
 * the order in which the database answered. Each record's key is made once per comparator.
 */
export function readerOrder(locale: string): (a: Sortable, b: Sortable) => number {
  const byLatin = (a: Sortable, b: Sortable) => latin.compare(a.name, b.name) || byId(a, b);
  if (locale !== "fa") return byLatin;
  const keys = new WeakMap<Sortable, string>();
  const keyOf = (r: Sortable) => {
    let k = keys.get(r);
    if (k === undefined) keys.set(r, (k = persianSortKey(r.nameFa ?? "")));
    return k;
  };
  return (a, b) => {
    const fa = !!a.nameFa;
    if (fa !== !!b.nameFa) return fa ? -1 : 1;
    if (fa) {
      const ka = keyOf(a);
      const kb = keyOf(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return byLatin(a, b);
  };
}

/** The records in the order a page in `locale` lists them (readerOrder); a new array. */
export function sortForReader<T extends Sortable>(records: readonly T[], locale: string): T[] {
  return [...records].sort(readerOrder(locale));
}
