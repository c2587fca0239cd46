"use client";

import { createContext, useContext } from "react";
import { useLocale } from "next-intl";
import { calendarFor, type Calendar } from "@/lib/i18n/calendar";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";

// The reader's calendar for client components that show dates they fetch themselves (the
// registry suggestions): server pages read it from the cookie (app/_lib/calendar.ts) and the
// signed-in layout hands it down here, so both show a date the same way.
const CalendarContext = createContext<Calendar | null>(null);

export function CalendarProvider({ calendar, children }: { calendar: Calendar; children: React.ReactNode }) {
  return <CalendarContext value={calendar}>{children}</CalendarContext>;
}

/** The reader's calendar; outside a provider, the one their interface language implies. */
export function useCalendar(): Calendar {
  const chosen = useContext(CalendarContext);
  const locale = useLocale();
  return chosen ?? calendarFor(isLocale(locale) ? locale : DEFAULT_LOCALE, null);
}
