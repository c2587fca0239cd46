import type { FieldErrors } from "@/lib/errors";
import { humanBytes } from "@/lib/exhibits/format";
import type { Locale } from "./config";
import { messagesFor } from "./messages";

// Field errors travel as keys ("required", "too_long:300"); this turns them into sentences
// in the reader's language for the API and for forms.
const TABLES: Record<Locale, Record<string, string>> = {
  en: messagesFor("en").fieldErrors as Record<string, string>,
  fa: messagesFor("fa").fieldErrors as Record<string, string>,
};

// Keys whose argument is a size in bytes ("file_too_large:209715200"): said as the reader's language
// says a size ("200 MB", "۲۰۰ مگابایت"), so a Persian sentence does not carry an English unit.
const BYTE_ARGS = new Set(["file_too_large", "import_sheet_too_large"]);
// Keys whose argument is a count ("too_long:300"): in the reader's digits.
const COUNT_ARGS = new Set(["too_long", "too_short", "too_many", "too_few", "import_too_many_rows", "import_row_too_large"]);
// Keys whose argument is a year ("date_outside_year:1990"): in the reader's digits, never grouped.
const YEAR_ARGS = new Set(["date_outside_year"]);

function shownArg(name: string, arg: string, locale: Locale): string {
  if (!/^\d{1,15}$/.test(arg)) return arg;
  if (BYTE_ARGS.has(name)) return humanBytes(Number(arg), locale);
  if (COUNT_ARGS.has(name) && locale !== "en") return new Intl.NumberFormat(locale).format(Number(arg));
  if (YEAR_ARGS.has(name) && locale !== "en") return new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(arg));
  return arg;
}

export function fieldErrorMessage(key: string, locale: Locale): string {
  // The argument is everything after the first colon: a header or a ZIP entry may hold colons.
  const i = key.indexOf(":");
  const name = i < 0 ? key : key.slice(0, i);
  const arg = i < 0 ? undefined : key.slice(i + 1);
  const template = TABLES[locale][name] ?? TABLES.en[name];
  if (!template) return key;
  return arg === undefined ? template : template.replace("{n}", shownArg(name, arg, locale));
}

export function localizeFieldErrors(fields: FieldErrors | undefined, locale: Locale): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((m) => fieldErrorMessage(m, locale))]));
}
