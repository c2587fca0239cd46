import { useLocale, useTimeZone } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { intlCalendar, type Calendar } from "@/lib/i18n/calendar";

/** Every sample witness and statement says so, wherever it appears. */
export function FictionalBadge() {
  const t = useTranslations("common");
  return (
    <span className="badge badge-fictional" data-testid="fictional-badge">
      {t("fictional")}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("statuses");
  return (
    <span className={`badge status-${status.toLowerCase().replace(/_/g, "-")}`} data-testid="status-badge">
      {t.has(status) ? t(status) : status}
    </span>
  );
}

export function ProtectionBadge({ level }: { level: string }) {
  const t = useTranslations("protection");
  return <span className={`badge protection-${level.toLowerCase()}`}>{t.has(level) ? t(level) : level}</span>;
}

// Intl.DateTimeFormat objects are costly to build (a locale lookup and, in Persian, the
// Solar Hijri calendar's data): one per locale, time zone and style, kept for the life of the
// process (or page), instead of next-intl's formatter building them again on every request.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.timeZone}|${options.dateStyle}|${options.timeStyle}|${options.calendar}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/**
 * A date in the reader's language (the Persian interface shows the Solar Hijri calendar), ISO in
 * the tooltip. `calendar`: the reader's chosen calendar (app/_lib/calendar.ts) where it is known.
 * Formatted as next-intl's format.dateTime does (the interface's time zone, UTC).
 */
export function DateTime({ value, dateOnly = false, seconds = false, calendar }: { value: Date | string; dateOnly?: boolean; seconds?: boolean; calendar?: Calendar }) {
  const locale = useLocale();
  const timeZone = useTimeZone();
  const d = typeof value === "string" ? new Date(value) : value;
  const iso = d.toISOString();
  const cal = calendar ? { calendar: intlCalendar(calendar) } : {};
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: "medium", ...cal } : { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", ...cal };
  return (
    <time dateTime={iso} title={`${iso.replace("T", " ").slice(0, 19)} UTC`}>
      {dateFormat(locale, { ...options, timeZone }).format(d)}
    </time>
  );
}

/** The first characters of a hash, the whole of it on hover and for copying. */
export function ShortHash({ hash, length = 12 }: { hash: string; length?: number }) {
  return (
    <code className="hash" title={hash} dir="ltr">
      {hash.slice(0, length)}
    </code>
  );
}
