import { getTranslations } from "@/lib/i18n/server";
import { setCalendarAction } from "@/app/actions";
import { getCalendar } from "@/app/_lib/calendar";
import { CALENDARS } from "@/lib/i18n/calendar";

/** Which calendar dates are read back in. Works without JavaScript, like the language switcher. */
export async function CalendarSwitcher() {
  const [t, current] = await Promise.all([getTranslations("calendar"), getCalendar()]);
  return (
    <form action={setCalendarAction} className="lang-switch" aria-label={t("label")} data-testid="calendar-switcher">
      {CALENDARS.map((c) => (
        <button key={c} type="submit" name="calendar" value={c} className="lang-option" aria-pressed={c === current} data-testid={`calendar-${c}`}>
          {t(c)}
        </button>
      ))}
    </form>
  );
}
