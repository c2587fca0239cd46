import { useTranslations } from "@/lib/i18n/use-translations";
import type { ParsedDate } from "@/lib/dates";
import type { Calendar } from "@/lib/i18n/calendar";
import { direction } from "@/lib/i18n/config";
import { FuzzyDate } from "./fuzzy-date";
import { parsedDate as parsed, readDate } from "./read-date";

export { readDate };

// Dates in the registries are stored as typed ("1988", "Mordad 1367", "2019-11") and read back
// in the reader's calendar and language without adding precision (lib/dates). What was typed
// is shown too when it reads differently, and the span the date allows is in the tooltip.

type Opts = { calendar: Calendar; locale: "en" | "fa" };

type DatesTranslator = (key: "undated" | "recordedAs" | "range" | "since" | "until", values?: Record<string, string>) => string;

/**
 * What DateText shows, as plain data (for a client component that lays many dates out). `dir` is
 * the reading's direction, the interface language's: a Persian reading may hold no letter at all
 * ("۱۳۶۶–۱۳۶۷"), and isolated on its own it would be laid out left to right, its years reversed.
 */
export type DateTextParts = { undated: string } | { reading: string; dir: "rtl" | "ltr"; title?: string; recorded: string[] | null; recordedAs: string };

/**
 * A date, or a range from `input` to `end`; `open` says the range has a start and no end yet
 * (a post still held): the reading, then what was recorded when that differs.
 */
export function dateTextParts(
  t: DatesTranslator,
  { input, end, open = false, calendar, locale }: { input: string | null; end?: string | null; open?: boolean } & Opts,
): DateTextParts {
  const sameEnd = !!end && end === input;
  const a = readDate(input, { calendar, locale });
  const b = sameEnd ? null : readDate(end, { calendar, locale });
  if (!a && !b) return { undated: t("undated") };
  const reading = a && b ? (a === b ? a : t("range", { from: a, to: b })) : a ? (open ? t("since", { date: a }) : a) : t("until", { date: b! });
  const spans = [parsed(input), parsed(end)].filter((x): x is ParsedDate => !!x);
  const title = spans.length ? `${spans[0]!.earliest} … ${spans[spans.length - 1]!.latest}` : undefined;
  // What was typed is worth showing when it was given in the other calendar: "2019-11" read
  // as Aban–Azar 1398 spans two Persian months, and the reader should see why.
  const otherCalendar = spans.some((s) => s.calendar !== calendar);
  // Each end as typed, isolated on its own ("1979", "Mordad 1367"); the dash between them follows
  // the page, so a range recorded in Latin digits also reads from its first year on a Persian page.
  const recorded = otherCalendar ? (sameEnd ? [input!] : [input, end].filter((x): x is string => !!x)) : null;
  return { reading, dir: direction(locale), title, recorded, recordedAs: t("recordedAs") };
}

/**
 * A date, or a range from `input` to `end`; `open` says the range has a start and no end yet
 * (a post still held). Shows the reading, then what was recorded when that differs.
 */
export function DateText({ input, end, open = false, calendar, locale, testId }: { input: string | null; end?: string | null; open?: boolean; testId?: string } & Opts) {
  const t = useTranslations("registry.dates");
  return <FuzzyDate parts={dateTextParts(t, { input, end, open, calendar, locale })} testId={testId} />;
}
