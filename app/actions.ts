"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { CALENDAR_COOKIE, isCalendar } from "@/lib/i18n/calendar";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { formField } from "@/app/_lib/run-form";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The language switcher: remembered in a cookie for a year, no locale in the URL. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formField(formData, "locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR, path: "/", sameSite: "lax" });
  revalidatePath("/", "layout");
}

/** The calendar switcher: which calendar dates are read back in, remembered like the language. */
export async function setCalendarAction(formData: FormData): Promise<void> {
  const calendar = formField(formData, "calendar");
  if (!isCalendar(calendar)) return;
  (await cookies()).set(CALENDAR_COOKIE, calendar, { maxAge: ONE_YEAR, path: "/", sameSite: "lax" });
  revalidatePath("/", "layout");
}
