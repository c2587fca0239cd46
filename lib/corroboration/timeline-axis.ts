// The time axis of the timeline picture, in the reader's calendar: where each year (and, for
// short spans, each month) of the Solar Hijri or Gregorian calendar begins, as ISO days.
// Pure functions over @internationalized/date.

import { CalendarDate, GregorianCalendar, PersianCalendar, toCalendar, type Calendar as IntlCalendar } from "@internationalized/date";
import type { Calendar } from "@/lib/i18n/calendar";

const GREGORIAN = new GregorianCalendar();
const PERSIAN = new PersianCalendar();
const cal = (c: Calendar): IntlCalendar => (c === "persian" ? PERSIAN : GREGORIAN);

function parseIso(iso: string): CalendarDate {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new CalendarDate(y, m || 1, d || 1);
}

const isoOf = (d: CalendarDate) => toCalendar(d, GREGORIAN).toString();

/** The date as the calendar counts it: { year, month, day }. */
export function inCalendar(iso: string, c: Calendar): { year: number; month: number; day: number } {
  const d = toCalendar(parseIso(iso), cal(c));
  return { year: d.year, month: d.month, day: d.day };
}

/** The ISO day a year of the calendar begins (1 Farvardin, or 1 January). */
export function yearStart(year: number, c: Calendar): string {
  return isoOf(new CalendarDate(cal(c), year, 1, 1));
}

/** The span widened to whole years of the calendar: [first day of its first year, first day after its last year). */
export function wholeYears(fromIso: string, toIso: string, c: Calendar): { from: string; to: string; years: number } {
  const a = inCalendar(fromIso, c).year;
  const b = inCalendar(toIso, c).year;
  return { from: yearStart(a, c), to: yearStart(b + 1, c), years: b - a + 1 };
}

export type AxisTick = { iso: string; year: number; month: number; major: boolean };

/**
 * Ticks from `fromIso` up to `toIso`: a major tick at each year start; with `months`, a minor
 * tick at each month start too.
 */
export function axisTicks(fromIso: string, toIso: string, c: Calendar, months: boolean): AxisTick[] {
  const out: AxisTick[] = [];
  const start = toCalendar(parseIso(fromIso), cal(c));
  let d = new CalendarDate(cal(c), start.year, months ? start.month : 1, 1);
  for (let guard = 0; guard < 5000; guard++) {
    const iso = isoOf(d);
    if (iso > toIso) break;
    if (iso >= fromIso.slice(0, 10)) out.push({ iso, year: d.year, month: d.month, major: d.month === 1 });
    d = months ? d.add({ months: 1 }) : d.add({ years: 1 });
  }
  return out;
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
}

/** The span widened to whole months of the calendar: [first day of its first month, first day after its last month). */
export function wholeMonths(fromIso: string, toIso: string, c: Calendar): { from: string; to: string; months: number } {
  const a = toCalendar(parseIso(fromIso), cal(c));
  const b = toCalendar(parseIso(toIso), cal(c));
  const first = new CalendarDate(cal(c), a.year, a.month, 1);
  const after = new CalendarDate(cal(c), b.year, b.month, 1).add({ months: 1 });
  const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  return { from: isoOf(first), to: isoOf(after), months };
}

/** Which year labels to print on a long axis so that they do not crowd: every 1, 2, 5 or 10 years. */
export function yearLabelStep(years: number): number {
  return years > 30 ? 10 : years > 12 ? 5 : years > 6 ? 2 : 1;
}
