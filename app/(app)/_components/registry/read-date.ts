import { formatFuzzyDate, isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import type { Calendar } from "@/lib/i18n/calendar";

// One stored date read in the reader's calendar and language (lib/dates), without interface
// text, so client components can use it without the registry.dates messages (dates.tsx has
// DateText, which needs them).

type Opts = { calendar: Calendar; locale: "en" | "fa" };

// Reading a stored date is pure, and the same dates come back on every view (a person page
// shows the date of each event its allegations name, the graph page hundreds): each text is
// parsed once, and read once per calendar and language, then reused, instead of parsing and
// formatting it again for every badge. The stores are emptied if they ever grow large.
const STORE_LIMIT = 5000;
const parsedDates = new Map<string, ParsedDate | null>();
const readings = new Map<string, string | null>();

export function parsedDate(input: string | null | undefined): ParsedDate | null {
  if (!input) return null;
  let p = parsedDates.get(input);
  if (p === undefined) {
    const r = parseFuzzyDate(input);
    p = isDateParseError(r) ? null : r;
    if (parsedDates.size >= STORE_LIMIT) parsedDates.clear();
    parsedDates.set(input, p);
  }
  return p;
}

function read(input: string, opts: Opts): string {
  const p = parsedDate(input);
  if (!p) return input;
  try {
    return formatFuzzyDate(p, opts);
  } catch {
    return input;
  }
}

/** One stored date in the reader's calendar, or the text as typed if it cannot be read. */
export function readDate(input: string | null | undefined, opts: Opts): string | null {
  if (!input) return input ?? null;
  const key = `${opts.calendar}|${opts.locale}|${input}`;
  let r = readings.get(key);
  if (r === undefined) {
    r = read(input, opts);
    if (readings.size >= STORE_LIMIT) readings.clear();
    readings.set(key, r);
  }
  return r;
}

