// Words the fuzzy-date parser recognises and the names the formatter prints.
// Keys are written naturally here; fuzzy-date.ts folds them with the same normalise() it
// applies to input (Arabic yeh/kaf -> Persian, آ -> ا, diacritics dropped, lower case), so
// "آبان" and "ابان", "Ābān" and "aban", "پائیز" and "پاییز" all meet.

export type CalendarName = "gregorian" | "persian";
export type Locale = "en" | "fa";

/** Month name (any spelling) -> month number 1..12, per calendar. */
export const MONTH_WORDS: Record<CalendarName, string[][]> = {
  persian: [
    ["farvardin", "farvardeen", "farwardin", "فروردین"],
    ["ordibehesht", "ordibehest", "ordibehisht", "ordibeheshet", "urdibihisht", "اردیبهشت"],
    ["khordad", "khordaad", "khurdad", "xordad", "خرداد"],
    ["tir", "teer", "تیر"],
    ["mordad", "amordad", "mordaad", "amordaad", "murdad", "amurdad", "مرداد", "امرداد"],
    ["shahrivar", "shahriwar", "shahrewar", "sharivar", "shahrivaar", "شهریور"],
    ["mehr", "mihr", "مهر"],
    ["aban", "aaban", "abaan", "آبان"],
    ["azar", "aazar", "adhar", "azer", "آذر"],
    ["dey", "dei", "dai", "دی"],
    ["bahman", "بهمن"],
    ["esfand", "isfand", "espand", "esphand", "اسفند"],
  ],
  gregorian: [
    ["january", "jan", "ژانویه"],
    ["february", "feb", "فوریه"],
    ["march", "mar", "مارس", "مارچ"],
    ["april", "apr", "آوریل", "اپریل"],
    ["may", "مه", "می"],
    ["june", "jun", "ژوئن", "جون"],
    ["july", "jul", "ژوئیه", "ژوییه", "جولای"],
    ["august", "aug", "اوت", "آگوست", "اگوست"],
    ["september", "sep", "sept", "سپتامبر"],
    ["october", "oct", "اکتبر"],
    ["november", "nov", "نوامبر"],
    ["december", "dec", "دسامبر"],
  ],
};

/** Seasons, index 0..3 = spring, summer, autumn, winter. */
export const SEASON_WORDS: string[][] = [
  ["spring", "بهار"],
  ["summer", "تابستان"],
  ["autumn", "fall", "پاییز", "پائیز"],
  ["winter", "زمستان"],
];

/**
 * "early / mid / late": index 0..2. Multi-word English forms lose their "of"/"the" as fillers.
 * Not "اول": "اول مرداد" means the first day of Mordad, not early Mordad.
 */
export const QUALIFIER_WORDS: string[][] = [
  ["early", "beginning", "start", "اوایل", "اوائل", "ابتدای", "ابتدا"],
  ["mid", "middle", "اواسط", "وسط", "نیمه", "میانه"],
  ["late", "end", "اواخر", "آخر", "انتهای", "پایان"],
];

/** Calendar markers that may follow a year: "1367 SH", "۱۳۶۷ ه.ش", "1988 AD", "۱۹۸۸ میلادی". */
export const MARKER_WORDS: Record<CalendarName, string[]> = {
  persian: ["sh", "ap", "hs", "هش", "ش", "شمسی", "خورشیدی"],
  gregorian: ["ad", "ce", "م", "میلادی"],
};

/** Words that carry no date information: "the summer of 1988", "مرداد ماه سال ۱۳۶۷". */
export const FILLER_WORDS = ["of", "the", "in", "on", "during", "year", "ماه", "سال", "در", "طی"];

/**
 * "About" words before a date. The longer Persian phrases come first so that "در حدود" is
 * taken whole. Each must be followed by a space or the end, except the forms with a dot.
 */
export const APPROX_PREFIX =
  /^(?:~|(?:c|ca|approx)\.|(?:circa|around|about|approximately|approx|roughly|ca|c|در حدود|حدودا|حدود|حوالی|تقریبا|نزدیک به)(?=\s|$))\s*/;

/** Display names. Persian-calendar names in English follow ICU ("Mordad", "Dey"). */
export const MONTH_NAMES: Record<CalendarName, Record<Locale, readonly string[]>> = {
  gregorian: {
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    fa: ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"],
  },
  persian: {
    en: ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"],
    fa: ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"],
  },
};

export const SEASON_NAMES: Record<Locale, readonly string[]> = {
  en: ["spring", "summer", "autumn", "winter"],
  fa: ["بهار", "تابستان", "پاییز", "زمستان"],
};

/** Printed before a year, a month or a season: "early 1988", "mid-1988", "late August 1988", "late summer 1988". */
export const QUALIFIER_NAMES: Record<Locale, readonly string[]> = {
  en: ["early ", "mid-", "late "],
  fa: ["اوایل ", "اواسط ", "اواخر "],
};

export const APPROX_NAMES: Record<Locale, string> = { en: "c. ", fa: "حدود " };
