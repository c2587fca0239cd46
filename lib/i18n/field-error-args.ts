import { humanBytes } from "@/lib/exhibits/format";

// Pure, for the server and the browser alike: the import screen words a row's field error from
// the messages it has, with the argument written as lib/i18n/field-errors writes it.

// Keys whose argument is a size in bytes ("file_too_large:209715200"): said as the reader's language
// says a size ("200 MB", "۲۰۰ مگابایت"), so a Persian sentence does not carry an English unit.
const BYTE_ARGS = new Set(["file_too_large", "import_sheet_too_large"]);
// Keys whose argument is a count ("too_long:300"): in the reader's digits, grouped in thousands as
// the reader's language groups them ("10,000", "۱۰٬۰۰۰").
const COUNT_ARGS = new Set(["too_long", "too_short", "too_many", "too_few", "import_too_many_rows", "import_row_too_large", "import_edit_unknown_row"]);
// Keys whose argument is a year ("date_outside_year:1990"): in the reader's digits, never grouped.
const YEAR_ARGS = new Set(["date_outside_year"]);

/** A field error's argument as the reader's language writes it (sizes, counts and years; anything else as it is). */
export function shownArg(name: string, arg: string, locale: string): string {
  if (!/^\d{1,15}$/.test(arg)) return arg;
  if (BYTE_ARGS.has(name)) return humanBytes(Number(arg), locale);
  if (COUNT_ARGS.has(name)) return new Intl.NumberFormat(locale).format(Number(arg));
  if (YEAR_ARGS.has(name) && locale !== "en") return new Intl.NumberFormat(locale, { useGrouping: false }).format(Number(arg));
  return arg;
}
