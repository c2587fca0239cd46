import type { FieldErrors } from "@/lib/errors";
import type { Locale } from "./config";
import { shownArg } from "./field-error-args";
import { messagesFor } from "./messages";

// Field errors travel as keys ("required", "too_long:300"); this turns them into sentences
// in the reader's language for the API and for forms.
const TABLES: Record<Locale, Record<string, string>> = {
  en: messagesFor("en").fieldErrors as Record<string, string>,
  fa: messagesFor("fa").fieldErrors as Record<string, string>,
};

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
