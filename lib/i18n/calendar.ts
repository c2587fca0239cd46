import type { Locale } from "./config";

// The calendar dates are read back in: a reader's choice, remembered in a cookie like the
// interface language. Until they choose, the Persian interface reads dates in the Solar Hijri
// calendar and the English one in the Gregorian.
export const CALENDARS = ["persian", "gregorian"] as const;
export type Calendar = (typeof CALENDARS)[number];
export const CALENDAR_COOKIE = "casefile-calendar";

export function isCalendar(v: unknown): v is Calendar {
  return typeof v === "string" && (CALENDARS as readonly string[]).includes(v);
}

export function calendarFor(locale: Locale, stored: string | undefined | null): Calendar {
  if (isCalendar(stored)) return stored;
  return locale === "fa" ? "persian" : "gregorian";
}

/** The Intl calendar identifier, for exact dates (format.dateTime) in the same calendar. */
export function intlCalendar(c: Calendar): "persian" | "gregory" {
  return c === "persian" ? "persian" : "gregory";
}
