import { describe, expect, it } from "vitest";
import {
  DATE_ERRORS,
  formatFuzzyDate,
  isDateParseError,
  parseFuzzyDate,
  toLatinDigits,
  toPersianDigits,
  type CalendarName,
  type DateSpan,
  type Locale,
  type ParsedDate,
  type Precision,
} from "./index";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { messagesFor } from "@/lib/i18n/messages";

// Expected values were worked out by hand from fixed points and month lengths (Farvardin–
// Shahrivar 31 days, Mehr–Bahman 30, Esfand 29/30), e.g. 1 Farvardin 1367 = 1988-03-21,
// 1 Mordad = 21 Mar + 31*4 days = 1988-07-23, and are cross-checked below against ICU's
// Persian calendar through Intl.DateTimeFormat, which is independent of the library used.

function parsed(input: string): ParsedDate {
  const r = parseFuzzyDate(input);
  if (isDateParseError(r)) throw new Error(`${input} -> ${r.error}`);
  return r;
}

const ICU_PERSIAN = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** Solar Hijri [year, month, day] of an ISO Gregorian day, according to ICU. */
function icuPersian(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  const parts = ICU_PERSIAN.formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return [get("year"), get("month"), get("day")];
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describe("digits", () => {
  it("converts Latin and Arabic-Indic digits to Persian", () => {
    expect(toPersianDigits("12 Mordad 1367")).toBe("۱۲ Mordad ۱۳۶۷");
    expect(toPersianDigits("٠١٢٣٤٥٦٧٨٩")).toBe("۰۱۲۳۴۵۶۷۸۹");
    expect(toPersianDigits("0123456789")).toBe("۰۱۲۳۴۵۶۷۸۹");
  });
  it("converts Persian and Arabic-Indic digits to Latin", () => {
    expect(toLatinDigits("۱۳۶۷/۰۵/۱۲")).toBe("1367/05/12");
    expect(toLatinDigits("١٣٦٧/٠٥/١٢")).toBe("1367/05/12");
    expect(toLatinDigits("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ abc")).toBe("0123456789 0123456789 abc");
  });
});

type Row = [input: string, earliest: string, latest: string, precision: Precision, calendar: CalendarName];

const ROWS: Row[] = [
  // Gregorian, numeric and written
  ["1988-08-12", "1988-08-12", "1988-08-12", "day", "gregorian"],
  ["1988/08/12", "1988-08-12", "1988-08-12", "day", "gregorian"],
  ["1988-8-3", "1988-08-03", "1988-08-03", "day", "gregorian"],
  ["19/07/1988", "1988-07-19", "1988-07-19", "day", "gregorian"],
  ["07/19/1988", "1988-07-19", "1988-07-19", "day", "gregorian"],
  ["05/05/1988", "1988-05-05", "1988-05-05", "day", "gregorian"],
  ["12 August 1988", "1988-08-12", "1988-08-12", "day", "gregorian"],
  ["August 12th, 1988", "1988-08-12", "1988-08-12", "day", "gregorian"],
  ["12 Aug. 1988", "1988-08-12", "1988-08-12", "day", "gregorian"],
  ["29 February 1988", "1988-02-29", "1988-02-29", "day", "gregorian"],
  ["1988-08", "1988-08-01", "1988-08-31", "month", "gregorian"],
  ["August 1988", "1988-08-01", "1988-08-31", "month", "gregorian"],
  ["Aug 1988", "1988-08-01", "1988-08-31", "month", "gregorian"],
  ["SEPT 1988", "1988-09-01", "1988-09-30", "month", "gregorian"],
  ["February 1988", "1988-02-01", "1988-02-29", "month", "gregorian"],
  ["اوت ۱۹۸۸", "1988-08-01", "1988-08-31", "month", "gregorian"],
  ["summer 1988", "1988-06-01", "1988-08-31", "season", "gregorian"],
  ["the summer of 1988", "1988-06-01", "1988-08-31", "season", "gregorian"],
  ["spring 1988", "1988-03-01", "1988-05-31", "season", "gregorian"],
  ["autumn 1988", "1988-09-01", "1988-11-30", "season", "gregorian"],
  ["fall 1988", "1988-09-01", "1988-11-30", "season", "gregorian"],
  ["winter 1988", "1988-12-01", "1989-02-28", "season", "gregorian"],
  ["winter 1988–1989", "1988-12-01", "1989-02-28", "season", "gregorian"],
  ["winter 1987/88", "1987-12-01", "1988-02-29", "season", "gregorian"],
  ["the winter of 1988–1989", "1988-12-01", "1989-02-28", "season", "gregorian"],
  ["تابستان ۱۹۸۸", "1988-06-01", "1988-08-31", "season", "gregorian"],
  ["early 1988", "1988-01-01", "1988-04-30", "approximate", "gregorian"],
  ["mid-1988", "1988-05-01", "1988-08-31", "approximate", "gregorian"],
  ["late 1988", "1988-09-01", "1988-12-31", "approximate", "gregorian"],
  ["the end of 1988", "1988-09-01", "1988-12-31", "approximate", "gregorian"],
  ["early August 1988", "1988-08-01", "1988-08-10", "approximate", "gregorian"],
  ["mid-August 1988", "1988-08-11", "1988-08-20", "approximate", "gregorian"],
  ["late February 1988", "1988-02-21", "1988-02-29", "approximate", "gregorian"],
  ["1988", "1988-01-01", "1988-12-31", "year", "gregorian"],
  ["۱۹۸۸", "1988-01-01", "1988-12-31", "year", "gregorian"],
  ["1988 AD", "1988-01-01", "1988-12-31", "year", "gregorian"],
  ["۱۹۸۸ میلادی", "1988-01-01", "1988-12-31", "year", "gregorian"],
  ["c. 1988", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["c.1988", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["circa 1988", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["around 1988", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["~1988", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["1988?", "1987-01-01", "1989-12-31", "approximate", "gregorian"],
  ["c. August 1988", "1988-07-01", "1988-09-30", "approximate", "gregorian"],
  ["around 12 August 1988", "1988-08-05", "1988-08-19", "approximate", "gregorian"],
  ["around summer 1988", "1988-06-01", "1988-08-31", "season", "gregorian"],
  // early / mid / late of a season: its first, second or third month
  ["early autumn 1988", "1988-09-01", "1988-09-30", "approximate", "gregorian"],
  ["mid-summer 1988", "1988-07-01", "1988-07-31", "approximate", "gregorian"],
  ["late summer 1988", "1988-08-01", "1988-08-31", "approximate", "gregorian"],
  ["the end of the summer of 1988", "1988-08-01", "1988-08-31", "approximate", "gregorian"],
  ["beginning of spring 1988", "1988-03-01", "1988-03-31", "approximate", "gregorian"],
  ["early winter 1988", "1988-12-01", "1988-12-31", "approximate", "gregorian"],
  ["late winter 1988", "1989-02-01", "1989-02-28", "approximate", "gregorian"],
  ["late winter 1987/88", "1988-02-01", "1988-02-29", "approximate", "gregorian"],
  ["mid-winter 1988–1989", "1989-01-01", "1989-01-31", "approximate", "gregorian"],
  ["اوایل پاییز ۱۹۸۸", "1988-09-01", "1988-09-30", "approximate", "gregorian"],
  ["c. late summer 1988", "1988-08-01", "1988-08-31", "approximate", "gregorian"],
  // ranges
  ["1987-1990", "1987-01-01", "1990-12-31", "range", "gregorian"],
  ["1987–1990", "1987-01-01", "1990-12-31", "range", "gregorian"],
  ["1987 to 1990", "1987-01-01", "1990-12-31", "range", "gregorian"],
  ["between 1987 and 1990", "1987-01-01", "1990-12-31", "range", "gregorian"],
  ["July–August 1988", "1988-07-01", "1988-08-31", "range", "gregorian"],
  ["12-15 August 1988", "1988-08-12", "1988-08-15", "range", "gregorian"],
  ["1988-08-12 - 1988-09-01", "1988-08-12", "1988-09-01", "range", "gregorian"],
  ["December 1988 – January 1989", "1988-12-01", "1989-01-31", "range", "gregorian"],
  ["c. 1987-1990", "1986-01-01", "1991-12-31", "range", "gregorian"],
  ["از ۱۳۶۶ تا ۱۳۶۸", "1987-03-21", "1990-03-20", "range", "persian"],
  ["بین ۱۳۶۶ و ۱۳۶۸", "1987-03-21", "1990-03-20", "range", "persian"],
  ["1366-1368", "1987-03-21", "1990-03-20", "range", "persian"],
  ["تیر تا مرداد ۱۳۶۷", "1988-06-22", "1988-08-22", "range", "persian"],
  ["۱۲ تا ۱۵ مرداد ۱۳۶۷", "1988-08-03", "1988-08-06", "range", "persian"],
  ["۶۶ تا ۶۸", "1987-03-21", "1990-03-20", "range", "persian"],
  // Solar Hijri, Latin script
  ["1 Farvardin 1367", "1988-03-21", "1988-03-21", "day", "persian"],
  ["12 Mordad 1367", "1988-08-03", "1988-08-03", "day", "persian"],
  ["28 Tir 1367", "1988-07-19", "1988-07-19", "day", "persian"],
  ["1 Farvardin 1368", "1989-03-21", "1989-03-21", "day", "persian"],
  ["29 Esfand 1367", "1989-03-20", "1989-03-20", "day", "persian"],
  ["30 Esfand 1370", "1992-03-20", "1992-03-20", "day", "persian"],
  ["Mordad 1367", "1988-07-23", "1988-08-22", "month", "persian"],
  ["Amordad 1367", "1988-07-23", "1988-08-22", "month", "persian"],
  ["Mordad 67", "1988-07-23", "1988-08-22", "month", "persian"],
  ["Ordibehesht 1367", "1988-04-21", "1988-05-21", "month", "persian"],
  ["Khordad 1367", "1988-05-22", "1988-06-21", "month", "persian"],
  ["Shahrivar 1367", "1988-08-23", "1988-09-22", "month", "persian"],
  ["Mehr 1367", "1988-09-23", "1988-10-22", "month", "persian"],
  ["Aban 1367", "1988-10-23", "1988-11-21", "month", "persian"],
  ["Ābān 1367", "1988-10-23", "1988-11-21", "month", "persian"],
  ["Azar 1367", "1988-11-22", "1988-12-21", "month", "persian"],
  ["Dey 1367", "1988-12-22", "1989-01-20", "month", "persian"],
  ["Dei 1367", "1988-12-22", "1989-01-20", "month", "persian"],
  ["Bahman 1367", "1989-01-21", "1989-02-19", "month", "persian"],
  ["Esfand 1367", "1989-02-20", "1989-03-20", "month", "persian"],
  ["Esfand 1370", "1992-02-20", "1992-03-20", "month", "persian"],
  ["1367/5", "1988-07-23", "1988-08-22", "month", "persian"],
  ["1367", "1988-03-21", "1989-03-20", "year", "persian"],
  ["1367 SH", "1988-03-21", "1989-03-20", "year", "persian"],
  ["summer 1367", "1988-06-22", "1988-09-22", "season", "persian"],
  ["c. 1367", "1987-03-21", "1990-03-20", "approximate", "persian"],
  ["c. Mordad 1367", "1988-06-22", "1988-09-22", "approximate", "persian"],
  ["c. Esfand 1367", "1989-01-21", "1989-04-20", "approximate", "persian"],
  ["early 1367", "1988-03-21", "1988-07-22", "approximate", "persian"],
  ["late Esfand 1367", "1989-03-12", "1989-03-20", "approximate", "persian"],
  ["early summer 1367", "1988-06-22", "1988-07-22", "approximate", "persian"],
  ["late summer 67 SH", "1988-08-23", "1988-09-22", "approximate", "persian"],
  ["late winter 1367", "1989-02-20", "1989-03-20", "approximate", "persian"],
  // Solar Hijri, Persian script and digits
  ["۱۳۶۷/۰۵/۱۲", "1988-08-03", "1988-08-03", "day", "persian"],
  ["١٣٦٧/٠٥/١٢", "1988-08-03", "1988-08-03", "day", "persian"],
  ["۱۳۶۷-۴-۲۸", "1988-07-19", "1988-07-19", "day", "persian"],
  ["۱۲ مرداد ۱۳۶۷", "1988-08-03", "1988-08-03", "day", "persian"],
  ["\u200f۱۲ مرداد ۱۳۶۷\u200f", "1988-08-03", "1988-08-03", "day", "persian"],
  ["۱۲ امرداد ۱۳۶۷", "1988-08-03", "1988-08-03", "day", "persian"],
  ["٢٨ تير ١٣٦٧", "1988-07-19", "1988-07-19", "day", "persian"], // Arabic yeh and digits
  ["مرداد ۱۳۶۷", "1988-07-23", "1988-08-22", "month", "persian"],
  ["مرداد ماه سال ۱۳۶۷", "1988-07-23", "1988-08-22", "month", "persian"],
  ["مرداد ۶۷", "1988-07-23", "1988-08-22", "month", "persian"],
  ["ابان ۱۳۶۷", "1988-10-23", "1988-11-21", "month", "persian"],
  ["آبان ۱۳۶۷", "1988-10-23", "1988-11-21", "month", "persian"],
  ["دی ۱۳۶۷", "1988-12-22", "1989-01-20", "month", "persian"],
  ["اسفند ۱۳۶۷", "1989-02-20", "1989-03-20", "month", "persian"],
  ["بهار ۱۳۶۷", "1988-03-21", "1988-06-21", "season", "persian"],
  ["تابستان ۱۳۶۷", "1988-06-22", "1988-09-22", "season", "persian"],
  ["تابستان ۶۷", "1988-06-22", "1988-09-22", "season", "persian"],
  ["پاییز ۱۳۶۷", "1988-09-23", "1988-12-21", "season", "persian"],
  ["پائیز ۱۳۶۷", "1988-09-23", "1988-12-21", "season", "persian"],
  ["زمستان ۱۳۶۷", "1988-12-22", "1989-03-20", "season", "persian"],
  ["۱۳۶۷", "1988-03-21", "1989-03-20", "year", "persian"],
  ["سال ۱۳۶۷", "1988-03-21", "1989-03-20", "year", "persian"],
  ["۱۳۶۷ ه.ش", "1988-03-21", "1989-03-20", "year", "persian"],
  ["۱۳۶۷ هـ ش", "1988-03-21", "1989-03-20", "year", "persian"],
  ["حدود ۱۳۶۷", "1987-03-21", "1990-03-20", "approximate", "persian"],
  ["حدوداً سال ۶۷", "1987-03-21", "1990-03-20", "approximate", "persian"],
  ["در حدود ۱۳۶۷", "1987-03-21", "1990-03-20", "approximate", "persian"],
  ["اوایل مرداد ۱۳۶۷", "1988-07-23", "1988-08-01", "approximate", "persian"],
  ["اوائلِ مرداد ۱۳۶۷", "1988-07-23", "1988-08-01", "approximate", "persian"],
  ["اواسط مرداد ۱۳۶۷", "1988-08-02", "1988-08-11", "approximate", "persian"],
  ["اواخر مرداد ۱۳۶۷", "1988-08-12", "1988-08-22", "approximate", "persian"],
  ["اواخر سال ۱۳۶۷", "1988-11-22", "1989-03-20", "approximate", "persian"],
  ["اوایل تابستان ۶۷", "1988-06-22", "1988-07-22", "approximate", "persian"],
  ["اواسط تابستان ۱۳۶۷", "1988-07-23", "1988-08-22", "approximate", "persian"],
  ["اواخر تابستان ۶۷", "1988-08-23", "1988-09-22", "approximate", "persian"],
  ["اواخر تابستان ۱۳۶۷", "1988-08-23", "1988-09-22", "approximate", "persian"],
  ["اوائل پائیز ۶۷", "1988-09-23", "1988-10-22", "approximate", "persian"],
  ["ابتدای بهار ۱۳۶۷", "1988-03-21", "1988-04-20", "approximate", "persian"],
  ["اواخر زمستان ۱۳۶۷", "1989-02-20", "1989-03-20", "approximate", "persian"],
  ["حدود اواخر تابستان ۶۷", "1988-08-23", "1988-09-22", "approximate", "persian"],
  ["اواخر تابستان تا اوایل پاییز ۶۷", "1988-08-23", "1988-10-22", "range", "persian"],
];

describe("parseFuzzyDate", () => {
  it.each(ROWS)("%s", (input, earliest, latest, precision, calendar) => {
    expect(parseFuzzyDate(input)).toEqual({ earliest, latest, precision, calendar, input: input.trim() });
  });

  it("keeps the input as typed, trimmed", () => {
    expect(parsed("  Mordad 1367 ").input).toBe("Mordad 1367");
  });

  it.each([
    ["", DATE_ERRORS.empty],
    ["   ", DATE_ERRORS.empty],
    ["\u200f", DATE_ERRORS.empty],
    ["yesterday", DATE_ERRORS.unparseable],
    ["Mordad", DATE_ERRORS.unparseable],
    ["12 Mordad", DATE_ERRORS.unparseable],
    ["c.", DATE_ERRORS.unparseable],
    ["early 12 August 1988", DATE_ERRORS.unparseable],
    ["1367 AH", DATE_ERRORS.unparseable],
    ["31 Mehr 1367", DATE_ERRORS.impossible],
    ["۳۱ مهر ۱۳۶۷", DATE_ERRORS.impossible],
    ["30 Esfand 1367", DATE_ERRORS.impossible],
    ["1367/12/30", DATE_ERRORS.impossible],
    ["30 Esfand 1404", DATE_ERRORS.impossible],
    ["31 April 1988", DATE_ERRORS.impossible],
    ["1988-04-31", DATE_ERRORS.impossible],
    ["29 February 1989", DATE_ERRORS.impossible],
    ["1988-13-01", DATE_ERRORS.monthImpossible],
    ["1367/13/40", DATE_ERRORS.monthImpossible],
    ["۱۳۶۷/۰۰/۱۲", DATE_ERRORS.monthImpossible],
    ["13/1367", DATE_ERRORS.monthImpossible],
    ["0 August 1988", DATE_ERRORS.impossible],
    ["12/08/1988", DATE_ERRORS.ambiguous],
    ["۱۲/۰۵/۱۳۶۷", DATE_ERRORS.ambiguous],
    ["summer 67", DATE_ERRORS.twoDigitYear],
    ["Aug 88", DATE_ERRORS.twoDigitYear],
    ["1700", DATE_ERRORS.yearOutOfRange],
    ["2200", DATE_ERRORS.yearOutOfRange],
    ["Mordad 1988", DATE_ERRORS.yearOutOfRange],
    ["August 1367", DATE_ERRORS.yearOutOfRange],
    ["1988 SH", DATE_ERRORS.yearOutOfRange],
    ["late summer 67", DATE_ERRORS.twoDigitYear],
    ["early autumn 88", DATE_ERRORS.twoDigitYear],
    ["summer 1367 AD", DATE_ERRORS.yearOutOfRange],
    ["late summer", DATE_ERRORS.unparseable],
    ["early 12 summer 1988", DATE_ERRORS.unparseable],
    ["1990-1987", DATE_ERRORS.rangeReversed],
    ["۱۳۶۸ تا ۱۳۶۶", DATE_ERRORS.rangeReversed],
  ])("%j -> %s", (input, error) => {
    expect(parseFuzzyDate(input)).toEqual({ error });
  });

  it("does not throw on non-string input from untyped callers", () => {
    expect(parseFuzzyDate(undefined as unknown as string)).toEqual({ error: DATE_ERRORS.empty });
  });
});

describe("early / mid / late of a season", () => {
  const SEASONS = ["spring", "summer", "autumn", "winter"];
  const PARTS = ["early", "mid", "late"];

  it.each([
    ["gregorian", 1988],
    ["gregorian", 1987],
    ["persian", 1367],
    ["persian", 1370],
  ] as const)("the three thirds of each season of %s %i are its three months, end to end", (calendar, year) => {
    for (const season of SEASONS) {
      const whole = parsed(`${season} ${year}`);
      const parts = PARTS.map((p) => parsed(`${p} ${season} ${year}`));
      expect(parts.map((p) => [p.precision, p.calendar])).toEqual(PARTS.map(() => ["approximate", calendar]));
      expect(parts[0].earliest).toBe(whole.earliest);
      expect(parts[2].latest).toBe(whole.latest);
      expect(addDays(parts[0].latest, 1)).toBe(parts[1].earliest);
      expect(addDays(parts[1].latest, 1)).toBe(parts[2].earliest);
      // Each third is one whole month of that calendar.
      for (const p of parts) {
        expect(formatFuzzyDate(p, { calendar, locale: "en" })).toMatch(new RegExp(`^(early |mid-|late )${season} `));
        expect(parsed(`c. ${p.input}`)).toEqual({ ...p, input: `c. ${p.input}` });
      }
    }
  });

  it("reads the Persian qualifiers the parser knows for months, with a two-digit Solar Hijri year", () => {
    for (const [q, month] of [
      ["اوایل", "تیر"],
      ["اوائل", "تیر"],
      ["ابتدای", "تیر"],
      ["اواسط", "مرداد"],
      ["میانه", "مرداد"],
      ["اواخر", "شهریور"],
      ["پایان", "شهریور"],
    ]) {
      const { earliest, latest } = parsed(`${month} ۱۳۶۷`);
      expect(parsed(`${q} تابستان ۶۷`)).toMatchObject({ earliest, latest, precision: "approximate", calendar: "persian" });
    }
  });
});

describe("error keys have sentences", () => {
  it.each(Object.values(DATE_ERRORS))("%s is a field error in English and Persian", (key) => {
    for (const locale of ["en", "fa"] as const) {
      expect((messagesFor(locale).fieldErrors as Record<string, string>)[key], locale).toBeTruthy();
    }
  });

  it("a two-digit year is asked for in full, with an example in each calendar", () => {
    expect(fieldErrorMessage(DATE_ERRORS.twoDigitYear, "en")).toContain("summer 1988");
    expect(fieldErrorMessage(DATE_ERRORS.twoDigitYear, "en")).toContain("تابستان ۱۳۶۷");
    expect(fieldErrorMessage(DATE_ERRORS.twoDigitYear, "fa")).toContain("تابستان ۱۳۶۷");
    expect(fieldErrorMessage(DATE_ERRORS.twoDigitYear, "en")).not.toBe(fieldErrorMessage(DATE_ERRORS.ambiguous, "en"));
  });
});

describe("leap years (library, cross-checked with ICU)", () => {
  it.each([
    [1366, true],
    [1367, false],
    [1370, true],
    [1371, false],
    [1375, true],
    [1399, true],
    [1403, true],
    [1404, false],
    [1408, true],
  ])("Esfand 30 in %i exists: %s", (year, leap) => {
    expect(isDateParseError(parseFuzzyDate(`30 Esfand ${year}`))).toBe(!leap);
    // ICU: the day before 1 Farvardin of the next year is Esfand 30 in a leap year.
    const nextNowruz = parsed(`1 Farvardin ${year + 1}`).earliest;
    expect(icuPersian(addDays(nextNowruz, -1))).toEqual([year, 12, leap ? 30 : 29]);
  });

  it("agrees with ICU on every month start and every Esfand length, 1300–1499", () => {
    const disagreements: string[] = [];
    for (let y = 1300; y <= 1499; y++) {
      for (let m = 1; m <= 12; m++) {
        const first = parsed(`${y}/${m}/1`).earliest;
        const icu = icuPersian(first).join("/");
        if (icu !== `${y}/${m}/1`) disagreements.push(`${y}/${m}/1 -> ${first} (ICU ${icu})`);
      }
      const esfand30 = parseFuzzyDate(`${y}/12/30`);
      const icuLast = icuPersian(addDays(parsed(`${y}/12/1`).earliest, 29));
      const icuLeap = icuLast[1] === 12;
      if (isDateParseError(esfand30) === icuLeap) disagreements.push(`leap ${y}`);
    }
    expect(disagreements).toEqual([]);
  });
});

type FormatRow = [input: string, calendar: CalendarName, locale: Locale, expected: string];

const FORMATS: FormatRow[] = [
  // day
  ["12 Mordad 1367", "persian", "en", "12 Mordad 1367"],
  ["12 Mordad 1367", "persian", "fa", "۱۲ مرداد ۱۳۶۷"],
  ["12 Mordad 1367", "gregorian", "en", "3 August 1988"],
  ["12 Mordad 1367", "gregorian", "fa", "۳ اوت ۱۹۸۸"],
  ["1988-07-19", "persian", "en", "28 Tir 1367"],
  ["1988-07-19", "gregorian", "en", "19 July 1988"],
  // month
  ["Mordad 1367", "persian", "en", "Mordad 1367"],
  ["Mordad 1367", "persian", "fa", "مرداد ۱۳۶۷"],
  ["Mordad 1367", "gregorian", "en", "July–August 1988"],
  ["Mordad 1367", "gregorian", "fa", "ژوئیه–اوت ۱۹۸۸"],
  ["Dey 1367", "gregorian", "en", "December 1988 – January 1989"],
  ["August 1988", "gregorian", "en", "August 1988"],
  ["August 1988", "persian", "en", "Mordad–Shahrivar 1367"],
  // year
  ["1367", "persian", "en", "1367"],
  ["1367", "persian", "fa", "۱۳۶۷"],
  ["1367", "gregorian", "en", "1988–1989"],
  ["1367", "gregorian", "fa", "۱۹۸۸–۱۹۸۹"],
  ["1988", "gregorian", "en", "1988"],
  ["1988", "persian", "en", "1366–1367"],
  // season
  ["summer 1988", "gregorian", "en", "summer 1988"],
  ["summer 1988", "gregorian", "fa", "تابستان ۱۹۸۸"],
  ["summer 1988", "persian", "en", "Khordad–Shahrivar 1367"],
  ["winter 1988", "gregorian", "en", "winter 1988–1989"],
  ["تابستان ۱۳۶۷", "persian", "fa", "تابستان ۱۳۶۷"],
  ["تابستان ۱۳۶۷", "persian", "en", "summer 1367"],
  ["تابستان ۱۳۶۷", "gregorian", "en", "June–September 1988"],
  // range
  ["1987-1990", "gregorian", "en", "1987–1990"],
  ["1987-1990", "gregorian", "fa", "۱۹۸۷–۱۹۹۰"],
  ["1987-1990", "persian", "en", "1365–1369"],
  ["1366-1368", "gregorian", "en", "1987–1990"],
  ["July–August 1988", "gregorian", "en", "July–August 1988"],
  ["July–August 1988", "persian", "en", "Tir–Shahrivar 1367"],
  ["12-15 August 1988", "gregorian", "en", "12–15 August 1988"],
  ["1988-08-12 - 1988-09-01", "gregorian", "en", "12 August – 1 September 1988"],
  ["۱۲ تا ۱۵ مرداد ۱۳۶۷", "persian", "fa", "۱۲–۱۵ مرداد ۱۳۶۷"],
  ["۱۲ تا ۱۵ مرداد ۱۳۶۷", "gregorian", "en", "3–6 August 1988"],
  // approximate
  ["c. 1988", "gregorian", "en", "c. 1988"],
  ["c. 1988", "gregorian", "fa", "حدود ۱۹۸۸"],
  ["c. 1988", "persian", "en", "c. 1366–1367"],
  ["حدود ۱۳۶۷", "persian", "fa", "حدود ۱۳۶۷"],
  ["حدود ۱۳۶۷", "persian", "en", "c. 1367"],
  ["حدود ۱۳۶۷", "gregorian", "en", "c. 1988–1989"],
  ["c. Mordad 1367", "persian", "en", "c. Mordad 1367"],
  ["c. Mordad 1367", "gregorian", "en", "c. July–August 1988"],
  ["around 12 August 1988", "gregorian", "en", "c. 12 August 1988"],
  ["around 12 August 1988", "persian", "fa", "حدود ۲۱ مرداد ۱۳۶۷"],
  ["early 1988", "gregorian", "en", "early 1988"],
  ["mid-1988", "gregorian", "en", "mid-1988"],
  ["late 1988", "gregorian", "fa", "اواخر ۱۹۸۸"],
  ["late 1988", "persian", "en", "c. Shahrivar–Dey 1367"],
  ["اوایل مرداد ۱۳۶۷", "persian", "fa", "اوایل مرداد ۱۳۶۷"],
  ["اوایل مرداد ۱۳۶۷", "persian", "en", "early Mordad 1367"],
  ["اوایل مرداد ۱۳۶۷", "gregorian", "en", "c. 23 July – 1 August 1988"],
  ["mid-Mordad 1367", "gregorian", "en", "c. 2–11 August 1988"],
  // early / mid / late of a season: named so in its own calendar, as months in the other
  ["اواخر تابستان ۶۷", "persian", "fa", "اواخر تابستان ۱۳۶۷"],
  ["اواخر تابستان ۶۷", "persian", "en", "late summer 1367"],
  ["اواخر تابستان ۶۷", "gregorian", "en", "c. August–September 1988"],
  ["اواخر تابستان ۶۷", "gregorian", "fa", "حدود اوت–سپتامبر ۱۹۸۸"],
  ["اواسط تابستان ۱۳۶۷", "persian", "en", "mid-summer 1367"],
  ["early autumn 1988", "gregorian", "en", "early autumn 1988"],
  ["early autumn 1988", "gregorian", "fa", "اوایل پاییز ۱۹۸۸"],
  ["early autumn 1988", "persian", "en", "c. Shahrivar–Mehr 1367"],
  ["mid-summer 1988", "gregorian", "en", "mid-summer 1988"],
  ["late winter 1988", "gregorian", "en", "late winter 1988–1989"],
  ["late winter 1988", "gregorian", "fa", "اواخر زمستان ۱۹۸۸–۱۹۸۹"],
  ["late winter 1367", "persian", "fa", "اواخر زمستان ۱۳۶۷"],
];

describe("formatFuzzyDate", () => {
  it.each(FORMATS)("%s as %s/%s", (input, calendar, locale, expected) => {
    expect(formatFuzzyDate(parsed(input), { calendar, locale })).toBe(expected);
  });

  it("formats a stored span without the input text", () => {
    const stored: DateSpan = { earliest: "1988-07-23", latest: "1988-08-22", precision: "month", calendar: "persian" };
    expect(formatFuzzyDate(stored, { calendar: "persian", locale: "fa" })).toBe("مرداد ۱۳۶۷");
  });

  it("never shows more than the span: an unaligned range is shown at day level", () => {
    const stored: DateSpan = { earliest: "1988-07-10", latest: "1988-09-30", precision: "range", calendar: "gregorian" };
    expect(formatFuzzyDate(stored, { calendar: "gregorian", locale: "en" })).toBe("10 July – 30 September 1988");
  });

  it("rejects malformed stored values", () => {
    const bad = { earliest: "1988-8-1", latest: "1988-08-31", precision: "month", calendar: "gregorian" } as const;
    expect(() => formatFuzzyDate(bad, { calendar: "gregorian", locale: "en" })).toThrow(RangeError);
    const reversed = { ...bad, earliest: "1988-09-01" };
    expect(() => formatFuzzyDate(reversed, { calendar: "gregorian", locale: "en" })).toThrow(RangeError);
  });
});

describe("round trips: parse, format in the same calendar, parse again", () => {
  const inputs = ROWS.map((r) => r[0]);
  it.each(inputs)("%s", (input) => {
    const first = parsed(input);
    for (const locale of ["en", "fa"] as const) {
      const shown = formatFuzzyDate(first, { calendar: first.calendar, locale });
      const again = parsed(shown);
      expect({ shown, ...again, input: undefined }).toEqual({ shown, ...first, input: undefined });
    }
  });
});
