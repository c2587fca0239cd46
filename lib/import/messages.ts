import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

// A report's message keys ("unknown_person:Hamid X") as sentences in the reader's language:
// the import's own keys first, then the field errors the domain schemas use.
export function problemText(key: string, locale: Locale): string {
  const i = key.indexOf(":");
  const name = i < 0 ? key : key.slice(0, i);
  const arg = i < 0 ? "" : key.slice(i + 1);
  const table = (messagesFor(locale).import as { problemsText?: Record<string, string> } | undefined)?.problemsText ?? {};
  const template = table[name];
  if (template) return template.replace("{arg}", arg);
  return fieldErrorMessage(key, locale);
}
