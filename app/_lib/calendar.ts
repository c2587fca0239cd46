import "server-only";
import { cookies } from "next/headers";
import { getLocale } from "@/lib/i18n/server";
import { CALENDAR_COOKIE, calendarFor, type Calendar } from "@/lib/i18n/calendar";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

/** The calendar this reader has chosen, or the one their interface language implies. */
export async function getCalendar(): Promise<Calendar> {
  const [jar, raw] = await Promise.all([cookies(), getLocale()]);
  return calendarFor(isLocale(raw) ? raw : DEFAULT_LOCALE, jar.get(CALENDAR_COOKIE)?.value);
}
