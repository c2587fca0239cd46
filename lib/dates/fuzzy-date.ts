/**
 * Uncertain historical dates, as witnesses give them.
 *
 * The model: a date is the span of days it allows, never a single invented day.
 *   - earliest / latest: ISO Gregorian days (YYYY-MM-DD), both inclusive. "Mordad 1367" is
 *     1988-07-23 .. 1988-08-22; "1367" is 1988-03-21 .. 1989-03-20. Sorting, searching and
 *     overlap tests use these two strings alone ("could this have happened before X?").
 *   - precision: what the witness actually said, so the date can be shown back without
 *     inventing precision: 'day' | 'month' | 'season' | 'year' | 'range' | 'approximate'.
 *   - calendar: the calendar the witness used ('persian' = Solar Hijri, or 'gregorian').
 *     The span is the same either way; the calendar decides how the date is read back best.
 *
 * Calendar arithmetic (month lengths, leap years, Persian <-> Gregorian) is done by
 * @internationalized/date's PersianCalendar and GregorianCalendar; nothing here is a
 * hand-written conversion table. (Its Persian calendar agrees with ICU's Intl
 * "-u-ca-persian" on every year 1300-1499; the tests check that.)
 *
 * Decisions, so that the same words always mean the same span:
 *   - Seasons. Persian seasons are calendar quarters: بهار = Farvardin–Khordad, تابستان =
 *     Tir–Shahrivar, پاییز = Mehr–Azar, زمستان = Dey–Esfand of the same year (these are also
 *     the astronomical seasons). Gregorian seasons are meteorological, whole months, Northern
 *     Hemisphere: spring = March–May, summer = June–August, autumn = September–November,
 *     winter YYYY = December YYYY – February YYYY+1 (the winter that starts at the end of
 *     the year, as زمستان does); it is printed "winter 1988–1989" so it cannot be misread.
 *   - early / mid / late YEAR = the first, middle or last four months of that year
 *     (Jan–Apr, May–Aug, Sep–Dec; Farvardin–Tir, Mordad–Aban, Azar–Esfand).
 *     early / mid / late MONTH = days 1–10, 11–20, 21–end.
 *     early / mid / late SEASON = the first, second or third month of that season, in the
 *     season's own calendar: اواخر تابستان ۱۳۶۷ = Shahrivar 1367, early autumn 1988 =
 *     September 1988, late winter 1988 = February 1989. (A season is three whole months, so
 *     its thirds are whole months, as a year's are.) All three: precision 'approximate'.
 *   - "c." / "circa" / "around" / "حدود" / a trailing "?": widen by one unit on each side:
 *     a year by a year (c. 1988 = 1987-01-01 .. 1989-12-31), a month by a month, a day by
 *     seven days. Precision 'approximate'. On a season or an early/mid/late form the span is
 *     kept (it is already approximate); on a range each end is widened and it stays a range.
 *   - Two-digit years (مرداد ۶۷, تابستان ۶۷, اواخر تابستان ۶۷, Mordad 67) are Solar Hijri 13YY,
 *     and are read only with a Persian month name, a Solar Hijri marker or Persian-script text
 *     around them; elsewhere ("summer 67", "Aug 88") they are refused with their own key
 *     (date_year_two_digits), which asks for the year in full.
 *   - Day/month order: YYYY-MM-DD and YYYY/MM/DD only, or DD/MM/YYYY vs MM/DD/YYYY when
 *     exactly one reading is a real date (19/07/1988); 12/08/1988 is refused as ambiguous.
 *
 * Pure TypeScript (no Node, database or Next.js imports): usable from server and client.
 */
import {
  CalendarDate,
  GregorianCalendar,
  PersianCalendar,
  endOfMonth,
  endOfYear,
  parseDate,
  startOfYear,
  toCalendar,
  type Calendar,
} from "@internationalized/date";
import {
  APPROX_NAMES,
  APPROX_PREFIX,
  FILLER_WORDS,
  MARKER_WORDS,
  MONTH_NAMES,
  MONTH_WORDS,
  QUALIFIER_NAMES,
  QUALIFIER_WORDS,
  SEASON_NAMES,
  SEASON_WORDS,
  type CalendarName,
  type Locale,
} from "./vocabulary";

export type { CalendarName, Locale };
export type Precision = "day" | "month" | "season" | "year" | "range" | "approximate";

/** What is stored: the span and how it was given. */
export interface DateSpan {
  earliest: string;
  latest: string;
  precision: Precision;
  calendar: CalendarName;
}

export interface ParsedDate extends DateSpan {
  /** The text as typed (trimmed). */
  input: string;
}

/**
 * Error keys, in the style of the field-error keys in messages/*.json ("fieldErrors"):
 * empty input; words not understood; a day that does not exist (31 Mehr, 30 Esfand 1367,
 * 31 April); a day/month order that can be read two ways (12/08/1988); a two-digit year whose
 * calendar or century nothing fixes ("summer 67", "Aug 88"); a year outside Solar Hijri
 * 1300–1499 / Gregorian 1800–2100 (or outside the calendar its month name or marker fixes);
 * a range whose end is before its start.
 */
export const DATE_ERRORS = {
  empty: "date_empty",
  unparseable: "date_unparseable",
  impossible: "date_impossible",
  monthImpossible: "date_month_impossible",
  ambiguous: "date_ambiguous",
  twoDigitYear: "date_year_two_digits",
  yearOutOfRange: "date_year_out_of_range",
  rangeReversed: "date_range_reversed",
} as const;
export type DateErrorKey = (typeof DATE_ERRORS)[keyof typeof DATE_ERRORS];
export type DateParseError = { error: DateErrorKey };

export interface FormatOptions {
  calendar: CalendarName;
  locale: Locale;
}

export function isDateParseError(r: ParsedDate | DateParseError): r is DateParseError {
  return "error" in r;
}

// ---------------------------------------------------------------------------------------
// Digits and text normalisation

/** Latin (0-9) and Arabic-Indic (٠-٩) digits -> Persian digits (۰-۹). Other text is kept. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String.fromCharCode(0x06f0 + (code >= 0x0660 ? code - 0x0660 : code - 48));
  });
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits -> Latin digits (0-9). Other text is kept. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Folds what people type into one form: Latin digits; no bidi or zero-width marks (they ride
 * along when Persian text is copied); no diacritics, kasra or tatweel; Persian yeh and kaf;
 * آ and أ as ا; one kind of hyphen (-) and one kind of dash (–); lower case; single spaces.
 */
function normalise(input: string): string {
  let s = toLatinDigits(input.normalize("NFKC"));
  s = s.replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
  // NFD splits آ into ا + madda, ئ into ي + hamza, é into e + acute: drop the marks.
  s = s.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "").normalize("NFC");
  s = s.replace(/[\u064a\u0649]/g, "\u06cc").replace(/\u0643/g, "\u06a9").replace(/\u0629/g, "\u0647");
  s = s.replace(/[\u2010\u2011\u2212\ufe63\uff0d]/g, "-").replace(/[\u2012-\u2015\ufe58]/g, "–");
  s = s.replace(/\u060c/g, ",").replace(/\u066b/g, "/").replace(/\u061f/g, "?");
  s = s.toLowerCase().replace(/,/g, " ");
  // "mid-1988", "late-August": the hyphen joins a qualifier, it is not a range.
  s = s.replace(/(^|\s)(early|mid|late)-/g, "$1$2 ");
  // "ه.ش", "هـ ش", "ه. ش." (Solar Hijri marker) -> one token.
  s = s.replace(/(^|\s)ه\s*\.?\s*ش\.?(?=\s|$)/g, "$1هش");
  return s.replace(/\s+/g, " ").trim();
}

const fold = (w: string) => normalise(w).replace(/\./g, "");

function wordTable<T>(groups: Iterable<[T, string[]]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of groups) for (const w of words) m.set(fold(w), value);
  return m;
}

type MonthWord = { calendar: CalendarName; month: number };
const MONTHS = wordTable<MonthWord>(
  (["persian", "gregorian"] as const).flatMap((calendar) =>
    MONTH_WORDS[calendar].map((words, i): [MonthWord, string[]] => [{ calendar, month: i + 1 }, words]),
  ),
);
const SEASONS = wordTable<number>(SEASON_WORDS.map((w, i): [number, string[]] => [i, w]));
const QUALIFIERS = wordTable<number>(QUALIFIER_WORDS.map((w, i): [number, string[]] => [i, w]));
const MARKERS = wordTable<CalendarName>([
  ["persian", MARKER_WORDS.persian],
  ["gregorian", MARKER_WORDS.gregorian],
]);
const FILLERS = new Set(FILLER_WORDS.map(fold));
const WINTER = SEASON_WORDS[3].map(fold);

const hasPersianScript = (s: string) => /[\u0600-\u06ff]/.test(s);

// ---------------------------------------------------------------------------------------
// Calendar helpers (all arithmetic is the library's)

const CALENDARS: Record<CalendarName, Calendar> = {
  gregorian: new GregorianCalendar(),
  persian: new PersianCalendar(),
};

/**
 * Years without a month name decide the calendar. Solar Hijri 1300–1499 is 1921–2121 AD and
 * Gregorian 1800–2100 covers any witness or event this archive will hold; the two do not
 * overlap, so a bare "1367" can only be Solar Hijri and a bare "1988" only Gregorian.
 * The same bounds apply when a month name or a marker fixes the calendar.
 */
const YEAR_BOUNDS: Record<CalendarName, [number, number]> = {
  persian: [1300, 1499],
  gregorian: [1800, 2100],
};

const inBounds = (calendar: CalendarName, y: number) =>
  y >= YEAR_BOUNDS[calendar][0] && y <= YEAR_BOUNDS[calendar][1];

class DateError extends Error {
  readonly key: DateErrorKey;
  constructor(key: DateErrorKey) {
    super(key);
    this.key = key;
  }
}

/** Internal span: both ends as CalendarDates in the witness's calendar. */
interface Span {
  start: CalendarDate;
  end: CalendarDate;
  precision: Precision;
  calendar: CalendarName;
}

function firstOfMonth(calendar: CalendarName, year: number, month: number): CalendarDate {
  const cal = CALENDARS[calendar];
  if (month < 1 || month > cal.getMonthsInYear(new CalendarDate(cal, year, 1, 1))) {
    throw new DateError(DATE_ERRORS.monthImpossible);
  }
  return new CalendarDate(cal, year, month, 1);
}

/** A real day or DateError('date_impossible'): 31 Mehr, 30 Esfand 1367, 31 April, 29 Feb 1989. */
function realDay(calendar: CalendarName, year: number, month: number, day: number): CalendarDate {
  const first = firstOfMonth(calendar, year, month);
  if (day < 1 || day > first.calendar.getDaysInMonth(first)) throw new DateError(DATE_ERRORS.impossible);
  return first.set({ day });
}

const isLastOfMonth = (d: CalendarDate) => d.day === d.calendar.getDaysInMonth(d);
const isLastOfYear = (d: CalendarDate) => isLastOfMonth(d) && d.month === d.calendar.getMonthsInYear(d);
const same = (a: CalendarDate, b: CalendarDate) => a.compare(b) === 0;
const asCalendar = (d: CalendarDate, calendar: CalendarName) => toCalendar(d, CALENDARS[calendar]);

function daySpan(calendar: CalendarName, y: number, m: number, d: number): Span {
  const day = realDay(calendar, y, m, d);
  return { start: day, end: day, precision: "day", calendar };
}

function monthSpan(calendar: CalendarName, y: number, m: number): Span {
  const start = firstOfMonth(calendar, y, m);
  return { start, end: endOfMonth(start), precision: "month", calendar };
}

function yearSpan(calendar: CalendarName, y: number): Span {
  const start = firstOfMonth(calendar, y, 1);
  return { start, end: endOfYear(start), precision: "year", calendar };
}

/** Months first..last of one year, both included. */
function monthsSpan(calendar: CalendarName, y: number, first: number, last: number, precision: Precision): Span {
  return { start: firstOfMonth(calendar, y, first), end: endOfMonth(firstOfMonth(calendar, y, last)), precision, calendar };
}

function seasonSpan(calendar: CalendarName, y: number, season: number): Span {
  if (calendar === "persian") return monthsSpan(calendar, y, season * 3 + 1, season * 3 + 3, "season");
  const start = firstOfMonth(calendar, y, season * 3 + 3); // March, June, September, December
  return { start, end: endOfMonth(start.add({ months: 2 })), precision: "season", calendar };
}

/** early / mid / late of a year: four months each. */
function yearPartSpan(calendar: CalendarName, y: number, part: number): Span {
  return monthsSpan(calendar, y, part * 4 + 1, part * 4 + 4, "approximate");
}

/** early / mid / late of a month: days 1–10, 11–20, 21–end. */
function monthPartSpan(calendar: CalendarName, y: number, m: number, part: number): Span {
  const first = firstOfMonth(calendar, y, m);
  const start = first.set({ day: part * 10 + 1 });
  return { start, end: part < 2 ? first.set({ day: part * 10 + 10 }) : endOfMonth(first), precision: "approximate", calendar };
}

/** early / mid / late of a season: its first, second or third month. */
function seasonPartSpan(calendar: CalendarName, y: number, season: number, part: number): Span {
  const first = seasonSpan(calendar, y, season).start.add({ months: part });
  return { start: first, end: endOfMonth(first), precision: "approximate", calendar };
}

/** The season (0..3), its third (0..2) and the season's year of a month, in its own calendar. */
function seasonPartOf(d: CalendarDate, calendar: CalendarName): { season: number; part: number; year: number } {
  // Persian seasons start with month 1 (Farvardin); Gregorian ones with March, and the winter
  // that starts in December takes its January and February from the next year.
  const k = calendar === "persian" ? d.month - 1 : (d.month + 9) % 12;
  const year = calendar === "gregorian" && d.month <= 2 ? d.year - 1 : d.year;
  return { season: Math.floor(k / 3), part: k % 3, year };
}

/** "c. X": one unit more on each side. Already-vague spans keep their extent. */
function widen(span: Span): Span {
  const { start, end } = span;
  switch (span.precision) {
    case "year":
      return { ...span, precision: "approximate", start: startOfYear(start.subtract({ years: 1 })), end: endOfYear(startOfYear(end).add({ years: 1 })) };
    case "month":
      return { ...span, precision: "approximate", start: start.subtract({ months: 1 }), end: endOfMonth(end.set({ day: 1 }).add({ months: 1 })) };
    case "day":
      return { ...span, precision: "approximate", start: start.subtract({ days: 7 }), end: end.add({ days: 7 }) };
    default:
      return span;
  }
}

// ---------------------------------------------------------------------------------------
// Parsing

/** Reads a year token with whatever fixes the calendar (month name, marker, script). */
function resolveYear(
  text: string,
  fixed: CalendarName | undefined,
  persianContext: boolean,
): { calendar: CalendarName; year: number } {
  const n = Number(text);
  if (/^\d{2}$/.test(text)) {
    if (fixed === "persian" || (fixed === undefined && persianContext)) return { calendar: "persian", year: 1300 + n };
    throw new DateError(DATE_ERRORS.twoDigitYear);
  }
  if (!/^\d{4}$/.test(text)) throw new DateError(DATE_ERRORS.unparseable);
  const calendar = fixed ?? (inBounds("persian", n) ? "persian" : inBounds("gregorian", n) ? "gregorian" : undefined);
  if (!calendar || !inBounds(calendar, n)) throw new DateError(DATE_ERRORS.yearOutOfRange);
  return { calendar, year: n };
}

function stripApprox(s: string): [string, boolean] {
  let approx = false;
  const m = APPROX_PREFIX.exec(s);
  if (m) {
    s = s.slice(m[0].length).trim();
    approx = true;
  }
  if (s.endsWith("?")) {
    s = s.slice(0, -1).trim();
    approx = true;
  }
  return [s, approx];
}

/** One date, possibly with "c." in front; no range. */
function parsePoint(s: string, persianContext: boolean): Span {
  const [rest, approx] = stripApprox(s);
  if (!rest) throw new DateError(DATE_ERRORS.unparseable);
  const span = parseExact(rest, persianContext);
  return approx ? widen(span) : span;
}

type Token =
  | { kind: "num"; text: string; ordinal: boolean }
  | { kind: "month"; calendar: CalendarName; month: number }
  | { kind: "season"; season: number }
  | { kind: "qualifier"; part: number };

function classify(word: string): Token | null {
  const ordinal = /^(\d{1,2})(?:st|nd|rd|th|ام|م)$/.exec(word);
  if (ordinal) return { kind: "num", text: ordinal[1], ordinal: true };
  if (/^\d+$/.test(word)) return { kind: "num", text: word, ordinal: false };
  const month = MONTHS.get(word);
  if (month) return { kind: "month", ...month };
  const season = SEASONS.get(word);
  if (season !== undefined) return { kind: "season", season };
  const part = QUALIFIERS.get(word);
  if (part !== undefined) return { kind: "qualifier", part };
  return null;
}

function parseExact(s: string, persianContext: boolean): Span {
  // Calendar markers ("SH", "ه.ش", "AD", "میلادی") may stand anywhere after the date.
  let marker: CalendarName | undefined;
  const words: string[] = [];
  for (const w of s.split(" ")) {
    const m = MARKERS.get(w.replace(/\./g, ""));
    if (m === undefined) words.push(w);
    else if (marker && marker !== m) throw new DateError(DATE_ERRORS.unparseable);
    else marker = m;
  }
  if (words.length === 0) throw new DateError(DATE_ERRORS.unparseable);
  const body = words.join(" ").replace(/\.$/, "");
  const context = persianContext || marker === "persian";

  // Gregorian winter spelt as its two years: "winter 1988–1989", "winter 1988/89", and with
  // early / mid / late in front, as the formatter prints it: "late winter 1988–1989".
  const unfilled = body.split(" ").filter((w) => !FILLERS.has(w.replace(/\./g, ""))).join(" ");
  const winter = /^(?:(\S+) )?(\S+) (\d{4}) ?[-–/] ?(\d{2}|\d{4})$/.exec(unfilled);
  const winterPart = winter?.[1] === undefined ? undefined : QUALIFIERS.get(winter[1].replace(/\./g, ""));
  if (winter && WINTER.includes(winter[2]) && (winter[1] === undefined || winterPart !== undefined)) {
    const { calendar, year } = resolveYear(winter[3], marker, false);
    const second = Number(winter[4].length === 2 ? winter[3].slice(0, 2) + winter[4] : winter[4]);
    if (calendar === "gregorian" && second === year + 1) {
      return winterPart === undefined ? seasonSpan(calendar, year, 3) : seasonPartSpan(calendar, year, 3, winterPart);
    }
  }

  // Numbers only: the year (four digits) decides the calendar.
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(body))) {
    const { calendar, year } = resolveYear(m[1], marker, false);
    return daySpan(calendar, year, Number(m[3]), Number(m[4]));
  }
  if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(body))) {
    const { calendar, year } = resolveYear(m[4], marker, false);
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Day first or month first: only when exactly one reading is a date (or both agree).
    if (a <= 12 && b <= 12 && a !== b) throw new DateError(DATE_ERRORS.ambiguous);
    return a > 12 ? daySpan(calendar, year, b, a) : daySpan(calendar, year, a, b);
  }
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(body))) {
    const { calendar, year } = resolveYear(m[1], marker, false);
    return monthSpan(calendar, year, Number(m[2]));
  }
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(body))) {
    const { calendar, year } = resolveYear(m[2], marker, false);
    return monthSpan(calendar, year, Number(m[1]));
  }

  // Words: [early|mid|late] [day] month [day] year | [early|mid|late] season year |
  // [early|mid|late] year.
  const tokens: Token[] = [];
  for (const w of body.split(" ")) {
    const word = w.replace(/\./g, "");
    if (!word || FILLERS.has(word)) continue;
    const t = classify(word);
    if (!t) throw new DateError(DATE_ERRORS.unparseable);
    tokens.push(t);
  }
  const head = tokens[0];
  const part = head?.kind === "qualifier" ? head.part : undefined;
  if (part !== undefined) tokens.shift();
  const shape = tokens.map((t) => t.kind).join(" ");
  const yearToken = tokens[tokens.length - 1];
  if (yearToken?.kind !== "num" || yearToken.ordinal) throw new DateError(DATE_ERRORS.unparseable);
  const monthToken = tokens.find((t) => t.kind === "month");
  if (monthToken?.kind === "month" && marker && marker !== monthToken.calendar) {
    throw new DateError(DATE_ERRORS.unparseable);
  }
  const fixed = monthToken?.kind === "month" ? monthToken.calendar : marker;
  const { calendar, year } = resolveYear(yearToken.text, fixed, context);

  const dayNumber = (t: Token) => {
    if (t.kind !== "num" || t.text.length > 2) throw new DateError(DATE_ERRORS.unparseable);
    return Number(t.text);
  };
  const month = monthToken?.kind === "month" ? monthToken.month : 0;

  if (shape === "num") return part === undefined ? yearSpan(calendar, year) : yearPartSpan(calendar, year, part);
  if (shape === "month num") {
    return part === undefined ? monthSpan(calendar, year, month) : monthPartSpan(calendar, year, month, part);
  }
  if (shape === "season num" && tokens[0].kind === "season") {
    const season = tokens[0].season;
    return part === undefined ? seasonSpan(calendar, year, season) : seasonPartSpan(calendar, year, season, part);
  }
  if (part === undefined) {
    if (shape === "num month num") return daySpan(calendar, year, month, dayNumber(tokens[0]));
    if (shape === "month num num") return daySpan(calendar, year, month, dayNumber(tokens[1]));
  }
  throw new DateError(DATE_ERRORS.unparseable);
}

function makeRange(a: Span, b: Span): Span {
  const end = asCalendar(b.end, a.calendar);
  if (b.start.compare(a.start) < 0 || end.compare(a.end) < 0) throw new DateError(DATE_ERRORS.rangeReversed);
  return { start: a.start, end, precision: "range", calendar: a.calendar };
}

/**
 * "1987–1990", "1987 to 1990", "between 1987 and 1990", "از ۱۳۶۶ تا ۱۳۶۸", "July–August
 * 1988", "12–15 August 1988". A left side without a year borrows the right side's tail.
 */
function parseRange(s: string, persianContext: boolean, note: (e: unknown) => void): Span | null {
  const [rest, approx] = stripApprox(s);
  const between = /^(?:between|from|بین|مابین|از) /.exec(rest);
  const body = between ? rest.slice(between[0].length) : rest;
  const separators = [
    between ? / (?:-|–|to|until|till|through|and|تا|الی|و) /g : / (?:-|–|to|until|till|through|تا|الی|لغایت) /g,
    / ?– ?/g,
    /-/g,
  ];
  for (const re of separators) {
    for (const m of body.matchAll(re)) {
      const left = body.slice(0, m.index).trim();
      const right = body.slice(m.index + m[0].length).trim();
      if (!left || !right) continue;
      try {
        const b = parsePoint(right, persianContext);
        const a = parseLeft(left, right, persianContext, note);
        if (!a) continue;
        return makeRange(approx ? widen(a) : a, approx ? widen(b) : b);
      } catch (e) {
        note(e);
      }
    }
  }
  return null;
}

function parseLeft(left: string, right: string, persianContext: boolean, note: (e: unknown) => void): Span | null {
  const tail = right.split(" ");
  const borrowed = tail.slice(1).map((_, i) => `${left} ${tail.slice(i + 1).join(" ")}`);
  // "12–15 August": a bare day number wants the month and year of the right side first.
  const tries = /^\d{1,2}$/.test(left) && tail.length > 1 ? [...borrowed, left] : [left, ...borrowed];
  for (const t of tries) {
    try {
      return parsePoint(t, persianContext);
    } catch (e) {
      note(e);
    }
  }
  return null;
}

function parseAll(s: string): Span {
  const persianContext = hasPersianScript(s);
  // Keep the most telling error: "31 April" is impossible, not merely not understood.
  let error: DateError | undefined;
  const note = (e: unknown) => {
    if (!(e instanceof DateError)) throw e;
    if (!error || (error.key === DATE_ERRORS.unparseable && e.key !== DATE_ERRORS.unparseable)) error = e;
  };
  try {
    return parsePoint(s, persianContext);
  } catch (e) {
    note(e);
  }
  const range = parseRange(s, persianContext, note);
  if (range) return range;
  throw error ?? new DateError(DATE_ERRORS.unparseable);
}

const toIso = (d: CalendarDate) => asCalendar(d, "gregorian").toString();

/**
 * Parses what a researcher or witness typed. Returns the span the words allow, or an error
 * key (DATE_ERRORS). Never throws on user input.
 */
export function parseFuzzyDate(input: string): ParsedDate | DateParseError {
  const trimmed = typeof input === "string" ? input.trim() : "";
  const s = normalise(trimmed);
  if (!s) return { error: DATE_ERRORS.empty };
  if (s.length > 120) return { error: DATE_ERRORS.unparseable };
  try {
    const span = parseAll(s);
    return { earliest: toIso(span.start), latest: toIso(span.end), precision: span.precision, calendar: span.calendar, input: trimmed };
  } catch (e) {
    if (e instanceof DateError) return { error: e.key };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Formatting

type Unit = "day" | "month" | "year";
const UNIT_RANK: Record<Unit, number> = { day: 0, month: 1, year: 2 };

class Labels {
  readonly calendar: CalendarName;
  readonly locale: Locale;
  constructor(calendar: CalendarName, locale: Locale) {
    this.calendar = calendar;
    this.locale = locale;
  }
  num = (n: number) => (this.locale === "fa" ? toPersianDigits(String(n)) : String(n));
  month = (d: CalendarDate) => MONTH_NAMES[this.calendar][this.locale][d.month - 1];
  monthYear = (d: CalendarDate) => `${this.month(d)} ${this.num(d.year)}`;
  day = (d: CalendarDate) => `${this.num(d.day)} ${this.monthYear(d)}`;

  /** a..b (already in this calendar), named at the given unit: whatever the span touches. */
  span(a: CalendarDate, b: CalendarDate, unit: Unit): string {
    const sameYear = a.year === b.year;
    const sameMonth = sameYear && a.month === b.month;
    if (unit === "year") return sameYear ? this.num(a.year) : `${this.num(a.year)}–${this.num(b.year)}`;
    if (unit === "month") {
      if (sameMonth) return this.monthYear(a);
      return sameYear ? `${this.month(a)}–${this.monthYear(b)}` : `${this.monthYear(a)} – ${this.monthYear(b)}`;
    }
    if (sameMonth) return a.day === b.day ? this.day(a) : `${this.num(a.day)}–${this.day(b)}`;
    return sameYear ? `${this.num(a.day)} ${this.month(a)} – ${this.day(b)}` : `${this.day(a)} – ${this.day(b)}`;
  }

  season(season: number, year: number): string {
    const name = SEASON_NAMES[this.locale][season];
    // Gregorian winter crosses New Year: always print both years.
    if (this.calendar === "gregorian" && season === 3) return `${name} ${this.num(year)}–${this.num(year + 1)}`;
    return `${name} ${this.num(year)}`;
  }
}

/** The coarsest unit at which both ends fall on boundaries (in the span's own calendar). */
function alignment(start: CalendarDate, end: CalendarDate): Unit {
  const s: Unit = start.day !== 1 ? "day" : start.month === 1 ? "year" : "month";
  const e: Unit = !isLastOfMonth(end) ? "day" : isLastOfYear(end) ? "year" : "month";
  return UNIT_RANK[s] < UNIT_RANK[e] ? s : e;
}

/** Which season, if start..end is exactly one season of this calendar. */
function seasonOf(start: CalendarDate, end: CalendarDate, calendar: CalendarName): number | null {
  if (start.day !== 1 || !same(end, endOfMonth(start.add({ months: 2 })))) return null;
  const offset = calendar === "persian" ? 1 : 3;
  return (start.month - offset) % 3 === 0 && start.month >= offset ? (start.month - offset) / 3 : null;
}

function parseIso(iso: string, what: string): CalendarDate {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`${what} is not an ISO date: ${iso}`);
  return parseDate(iso);
}

/**
 * Shows a stored date in the reader's calendar and language without adding precision:
 * a month stays a month ("Mordad 1367", or "July–August 1988" in Gregorian), a Solar Hijri
 * year becomes the two Gregorian years it touches, approximations keep their "c." / "حدود".
 * Throws RangeError on malformed stored values (not user input).
 */
export function formatFuzzyDate(d: DateSpan, opts: FormatOptions): string {
  if (!(d.calendar in CALENDARS) || !(opts.calendar in CALENDARS)) throw new RangeError("Unknown calendar");
  const source = d.calendar;
  const s = asCalendar(parseIso(d.earliest, "earliest"), source);
  const e = asCalendar(parseIso(d.latest, "latest"), source);
  if (e.compare(s) < 0) throw new RangeError("latest is before earliest");
  const L = new Labels(opts.calendar, opts.locale);
  const approx = APPROX_NAMES[opts.locale];
  const sameCalendar = source === opts.calendar;
  const t = (x: CalendarDate) => asCalendar(x, opts.calendar);
  /** Names source-calendar days a..b in the target calendar at a unit. */
  const span = (a: CalendarDate, b: CalendarDate, unit: Unit) => L.span(t(a), t(b), unit);

  switch (d.precision) {
    case "day":
      return span(s, e, "day");
    case "month":
      return span(s, e, "month");
    case "year":
      return span(s, e, "year");
    case "season": {
      const season = seasonOf(s, e, source);
      if (sameCalendar && season !== null) return L.season(season, s.year);
      return span(s, e, "month");
    }
    case "range":
      return span(s, e, alignment(s, e));
    case "approximate":
      return formatApproximate(s, e, { L, approx, sameCalendar, span });
    default:
      throw new RangeError(`Unknown precision: ${String(d.precision)}`);
  }
}

/** Recognises the spans parseFuzzyDate makes for approximate dates, in their own calendar. */
function formatApproximate(
  s: CalendarDate,
  e: CalendarDate,
  f: { L: Labels; approx: string; sameCalendar: boolean; span: (a: CalendarDate, b: CalendarDate, u: Unit) => string },
): string {
  const { L, approx, sameCalendar, span } = f;
  const monthAligned = s.day === 1 && isLastOfMonth(e);

  // c. YEAR: three whole years.
  if (s.month === 1 && s.day === 1 && isLastOfYear(e) && e.year - s.year === 2) {
    const core = startOfYear(s.add({ years: 1 }));
    return approx + span(core, endOfYear(core), "year");
  }
  // early / mid / late YEAR: four whole months starting at month 1, 5 or 9.
  if (monthAligned && s.year === e.year && (s.month - 1) % 4 === 0 && e.month === s.month + 3) {
    const part = (s.month - 1) / 4;
    return sameCalendar ? `${QUALIFIER_NAMES[L.locale][part]}${L.num(s.year)}` : approx + span(s, e, "month");
  }
  // c. MONTH: three whole months.
  if (monthAligned && same(endOfMonth(s.add({ months: 2 })), e)) {
    const core = s.add({ months: 1 });
    return approx + span(core, endOfMonth(core), "month");
  }
  // early / mid / late SEASON: one whole month, named as the third of its season.
  if (monthAligned && s.year === e.year && s.month === e.month) {
    if (!sameCalendar) return approx + span(s, e, "month");
    const { season, part, year } = seasonPartOf(s, L.calendar);
    return `${QUALIFIER_NAMES[L.locale][part]}${L.season(season, year)}`;
  }
  // early / mid / late MONTH: days 1–10, 11–20, 21–end of one month.
  if (s.year === e.year && s.month === e.month && (s.day - 1) % 10 === 0 && s.day <= 21) {
    const part = (s.day - 1) / 10;
    if (part < 2 ? e.day === s.day + 9 : isLastOfMonth(e)) {
      return sameCalendar ? `${QUALIFIER_NAMES[L.locale][part]}${L.monthYear(s)}` : approx + span(s, e, "day");
    }
  }
  // c. DAY: seven days either side.
  if (same(s.add({ days: 14 }), e)) {
    const core = s.add({ days: 7 });
    return approx + span(core, core, "day");
  }
  return approx + span(s, e, alignment(s, e));
}
