// Phonetic keys for names in Latin transliteration or Persian script.
//
// A key is a string over a small alphabet in which the usual transliteration variants of
// one Persian sound are the same symbol:
//   consonants  b p t s j h d z r f k g l m n v y, plus
//               x = kh/x/خ   q = q/gh/ق/غ   S = sh/ش   C = ch/چ
//               (zh/ژ is folded into j, dh into z, ph into f, w into v, c into k or s)
//   vowels      a = a/aa/ا   e = e   i = i/ee/y-as-vowel/ی   o = o   u = u/ou/oo/و
//               A = a word-initial Persian ا, which carries any short vowel (Ebrahim
//                   ابراهیم, Omid امید, Ahmad احمد)
//               E = the diphthong or hiatus ei/ey/ai/ay/ae/aee/ayi ("Raisi", "Raeesi",
//                   "Rezaei", "Rezayi", "Khomeyni" all agree)
// o and u stay two symbols: "o" is usually the short vowel (Mohammad/Muhammad) and u the
// long one (Nouri/Nuri, Mousavi/Musavi); the distance in similarity.ts makes o↔u almost
// free, so they match without making every o a u.
//
// Persian script is turned into the same alphabet letter by letter (persianPieces). Short
// vowels are not written in Persian, so a Persian key is mostly consonants plus the long
// vowel letters ا و ی; similarity.ts lets the short vowels of a Latin spelling be dropped
// cheaply when it is compared with a Persian key, and consonantSkeleton() drops all vowels.

import { normalizeLatin, normalizePersian } from "./normalize";

const VOWELS = "aeiouEA";
export const isVowel = (c: string): boolean => VOWELS.includes(c);

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

// ---------------------------------------------------------------- Latin -> symbols

const LATIN_DIGRAPHS: Record<string, string> = {
  kh: "x", gh: "q", sh: "S", ch: "C", zh: "j", dh: "z", ph: "f", ck: "k",
  ee: "i", oo: "u", ou: "u", aa: "a",
};

/** One normalised Latin word (a-z) to key symbols, before canonicalisation. */
function latinSymbols(word: string): string {
  // Doubled consonants are single (Nayyeri, Mohammad, Hossein); doubled vowels are
  // digraphs handled below (ee, oo, aa).
  // A final "eh" before the -i/-ei suffix is the silent ه of خامنه‌ای: Khamenehi = Khamenei.
  // "aiy" before a vowel spells the doubled y: Naiyeri = Nayyeri, Saiyid = Sayyid.
  const w = word
    .replace(/([b-df-hj-np-tv-z])\1+/g, "$1")
    .replace(/eh(e?[iy])$/, "e$1")
    .replace(/([ae])iy(?=[aeiou])/g, "$1y");
  let out = "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const next = w[i + 1] ?? "";
    const pair = c + next;
    if (LATIN_DIGRAPHS[pair]) {
      out += LATIN_DIGRAPHS[pair];
      i++;
      continue;
    }
    switch (c) {
      case "w":
        // "ow" before a consonant or at the end is the vowel o (Nowruz, Khosrow).
        if (out.endsWith("o") && !"aeiou".includes(next)) break;
        out += "v";
        break;
      case "y":
        // y before a vowel is the consonant; otherwise it is the vowel i (Khomeyni, Mobashery).
        out += "aeiou".includes(next) && next !== "" ? "y" : "i";
        break;
      case "c":
        out += "eiy".includes(next) && next !== "" ? "s" : "k";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// ---------------------------------------------------------------- Persian -> symbols

// [readable transliteration, key symbol] for the letters that don't depend on context.
const PERSIAN_LETTERS: Record<string, [string, string]> = {
  "ب": ["b", "b"], "پ": ["p", "p"], "ت": ["t", "t"], "ث": ["s", "s"], "ج": ["j", "j"],
  "چ": ["ch", "C"], "ح": ["h", "h"], "خ": ["kh", "x"], "د": ["d", "d"], "ذ": ["z", "z"],
  "ر": ["r", "r"], "ز": ["z", "z"], "ژ": ["zh", "j"], "س": ["s", "s"], "ش": ["sh", "S"],
  "ص": ["s", "s"], "ض": ["z", "z"], "ط": ["t", "t"], "ظ": ["z", "z"], "ع": ["", ""],
  "غ": ["gh", "q"], "ف": ["f", "f"], "ق": ["q", "q"], "ک": ["k", "k"], "گ": ["g", "g"],
  "ل": ["l", "l"], "م": ["m", "m"], "ن": ["n", "n"], "ء": ["", ""],
};
const ALEF = "ا";
const VAV = "و";
const YEH = "ی";
const HEH = "ه";
const ALLAH = "الله";

/**
 * One normalised Persian word to a list of [readable, symbol] pieces. Vowel letters are
 * read by context: و is v at the start, before ا/ی or after ا/ی, else u; ی is y at the
 * start, before ا/و or after ا (when a vowel follows), else i; a final ه after a consonant
 * is the vowel e (also before a final ای); an initial ای is i. الله inside or after a name is "ollah".
 */
function persianPieces(word: string, first: boolean): [string, string][] {
  if (word === ALLAH) return first ? [["allah", "alah"]] : [["ollah", "olah"]];
  if (word.length > ALLAH.length && word.endsWith(ALLAH)) {
    return [...persianPieces(word.slice(0, -ALLAH.length), first), ["ollah", "olah"]];
  }
  const out: [string, string][] = [];
  const vowelLetter = (c: string | undefined) => c === ALEF || c === VAV || c === YEH;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    const prev = word[i - 1];
    const next = word[i + 1];
    if (c === ALEF) {
      if (i === 0 && next === YEH) {
        out.push(["i", "i"]);
        i++;
      } else if (i === 0 && next === VAV && word[i + 2] !== undefined && !vowelLetter(word[i + 2])) {
        out.push(["o", "o"]);
        i++;
      } else out.push(["a", i === 0 ? "A" : "a"]);
    } else if (c === VAV) {
      const consonant = i === 0 || (next !== undefined && (next === ALEF || next === YEH)) || prev === ALEF || prev === YEH;
      out.push(consonant ? ["v", "v"] : ["u", "u"]);
    } else if (c === YEH) {
      const consonant = i === 0 || next === ALEF || next === VAV || (prev === ALEF && vowelLetter(next));
      out.push(consonant ? ["y", "y"] : ["i", "i"]);
    } else if (c === HEH) {
      // A final ه after a consonant is the vowel e, also before an -ای suffix written
      // without ZWNJ (خامنهای = خامنه‌ای).
      const beforeSuffix = i === word.length - 3 && next === ALEF && word[i + 2] === YEH;
      const final = (i === word.length - 1 || beforeSuffix) && i > 0 && prev !== ALEF && prev !== VAV;
      out.push(final ? ["e", "e"] : ["h", "h"]);
    } else {
      const m = PERSIAN_LETTERS[c];
      out.push(m ?? [c, c]);
    }
  }
  return out;
}

/**
 * Persian script → a Latin approximation ("مصطفی پورمحمدی" → "mstfi purmhmdi" is not
 * pretty, but it is what the letters say: short vowels are not written). Latin text in the
 * input passes through normalizeLatin. Good enough to feed into latinKey; the matcher
 * itself uses the letter-level symbols directly (see tokenKeys), which avoids reading
 * "s"+"h" (س ه) back as "sh".
 */
export function transliteratePersian(s: string): string {
  const words = normalizePersian(s).split(" ").filter(Boolean);
  return words
    .map((w, i) =>
      splitScripts(w)
        .map(([part, fa]) => (fa ? persianPieces(part, i === 0).map(([r]) => r).join("") : normalizeLatin(part)))
        .join(""),
    )
    .join(" ");
}

/** Split a word into runs of Arabic-script and other characters. */
function splitScripts(word: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  for (const m of word.matchAll(/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+|[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g)) {
    out.push([m[0], ARABIC_LETTER.test(m[0])]);
  }
  return out;
}

// ---------------------------------------------------------------- canonical form

/**
 * The rules shared by Latin and Persian symbols: a/e + y + i is the -ayi/-aei ending
 * (Rezayi = Rezaei); within a run of vowels, a/e followed by i is the diphthong E and
 * absorbs neighbours; other repeated vowels and consonants are single; a final h after a
 * vowel is dropped (Komalah = Komala, Tudeh = Tude).
 */
export function canonicalize(sym: string): string {
  let t = sym.replace(/([aeA])yi/g, "$1i");
  t = t.replace(/[aeiouEA]+/g, (run) => {
    let r = run.replace(/[aeA]+i+/g, "E");
    r = r.replace(/[aeA]*E[ei]*/g, "E");
    return r.replace(/(.)\1+/g, "$1");
  });
  t = t.replace(/([^aeiouEA])\1+/g, "$1");
  if (t.length > 1 && t.endsWith("h") && isVowel(t[t.length - 2]!)) t = t.slice(0, -1);
  return t;
}

/** Drop the vowels and the semivowel y: what Persian script and Latin spelling agree on. */
export function consonantSkeleton(key: string): string {
  return key.replace(/[aeiouEAy]/g, "");
}

// ---------------------------------------------------------------- words and particles

/**
 * One word of a name as the matcher sees it: its key, whether it was Persian script, and
 * its symbols before canonicalize() (to join two words as if written together).
 */
export type KeyToken = { key: string; fa: boolean; sym: string };

// Honorifics and titles that are not part of a person's name (normalised Latin spelling
// or normalised Persian). Multi-word Persian titles are listed with their space.
const HONORIFIC_PATTERNS: RegExp[] = [
  /^ayat[aeiou]?l+ah?$/, // ayatollah, ayatullah, ayatolah
  /^(uzma|ozma)$/,
  /^hod?j+at(ol|al|ul|el)?[ei]slam$/, // hojatoleslam, hojjat-ol-eslam (hyphens are removed)
  /^(val|wal|va|wa)?(moslemin|muslimin)$/,
  /^s[ae]y+[ei]d(eh|a)?$/, // seyed, seyyed, sayyed, sayyid, seyyedeh
  /^(mr|mrs|ms|miss|dr|prof|sheikh|shaikh|shaykh|sheik|imam|emam|grand|mullah|molla|mulla)$/,
  /^(haj|hajj|haji|hajji|hajiyeh|agha|aqa|aga|aghaye|aqaye)$/,
];
const HONORIFICS_FA = new Set(["سید", "سیده", "حاج", "حاجی", "حاجیه", "شیخ", "امام", "دکتر", "مهندس", "خانم", "اقای", "اقا", "ملا", "العظمی"]);
const HONORIFIC_PHRASES_FA = [/(^| )ایت ?الله( |$)/g, /(^| )ایت ?اله( |$)/g, /(^| )حجت ?الاسلام( و ?المسلمین)?( |$)/g];
// Particles: Arabic article and Persian ezafe written as separate words or hyphen parts.
const PARTICLES = new Set(["al", "ol", "ul", "el", "e", "ye", "va", "wa"]);
const TITLE_PAIRS: [RegExp, RegExp][] = [
  [/^hod?j+at$/, /^[ei]slam$/],
  [/^ayat$/, /^[aeiou]?l+ah?$/],
];
const PARTICLES_FA = new Set(["و"]);

/** Whether a normalised Latin word is an honorific or a particle (ignored when scoring). */
export function isIgnorableWord(word: string): boolean {
  return PARTICLES.has(word) || HONORIFIC_PATTERNS.some((r) => r.test(word));
}

/**
 * Split a name into keyed words, in order, without honorifics and particles
 * ("Rah-e Kargar" → rah, kargar; "Hojjat-ol-Eslam Seyyed Ebrahim Raisi" → ebrahim, raisi).
 */
export function tokenKeys(name: string): KeyToken[] {
  let fa = normalizePersian(name);
  for (const r of HONORIFIC_PHRASES_FA) fa = fa.replace(r, " ");
  const words: { text: string; fa: boolean; ignore: boolean }[] = [];
  // Hyphens: a leading article ("al-Khomeini") and a trailing ezafe ("Rah-e") are dropped;
  // other hyphenated parts are joined as normalizeLatin does ("Pour-Mohammadi",
  // "Hojjat-ol-Eslam" are one word each).
  fa = fa
    .replace(/(^|\s)(al|ol|ul|el)-(?=\p{L})/giu, "$1")
    .replace(/(?<=\p{L})-(e|ye)(?=[\s-]|$)/giu, " ");
  for (const w of fa.split(/[\s\u2012\u2013\u2014_/.,;:()\[\]"«»،؛]+/)) {
    for (const [part, isFa] of splitScripts(w)) {
      if (isFa) {
        const p = part.replace(/[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g, "");
        if (p) words.push({ text: p, fa: true, ignore: HONORIFICS_FA.has(p) || PARTICLES_FA.has(p) });
      } else {
        const l = normalizeLatin(part).replace(/[^\p{L}\p{N}]/gu, "");
        if (l) words.push({ text: l, fa: false, ignore: isIgnorableWord(l) });
      }
    }
  }
  // Two-word titles ("Hojjat al-Islam", "Ayat ol-lah"): drop both words.
  words.forEach((w, i) => {
    const next = words[i + 1];
    if (w.fa || !next || next.fa) return;
    if (TITLE_PAIRS.some(([a, b]) => a.test(w.text) && b.test(next.text))) w.ignore = next.ignore = true;
  });
  // A "name" that is nothing but a title ("Imam") is kept as it is.
  const kept = words.every((w) => w.ignore) ? words : words.filter((w) => !w.ignore);
  const out: KeyToken[] = [];
  kept.forEach((w, i) => {
    const sym = w.fa
      ? persianPieces(w.text, i === 0).map(([, s]) => s).join("")
      : latinSymbols(w.text);
    const key = canonicalize(sym);
    if (key) out.push({ key, fa: w.fa, sym });
  });
  return out;
}

/**
 * Phonetic key of a name, words separated by spaces. Accepts Latin or Persian script
 * (Persian is transliterated letter by letter). Honorifics and particles are dropped:
 * latinKey("Hojjat ol-Eslam Seyyed Ebrahim Ra'eesi") === latinKey("Ebrahim Raisi").
 */
export function latinKey(s: string): string {
  return tokenKeys(s)
    .map((t) => t.key)
    .join(" ");
}
