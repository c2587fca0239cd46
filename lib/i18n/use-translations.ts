import { createTranslator, useLocale, useMessages, useTimeZone } from "next-intl";
import { sharedFor, type SharedStore } from "./shared-store";
import type { useTranslations as NextIntlUseTranslations } from "next-intl";

// useTranslations for components that are not async: next-intl's, but with the compiled
// messages and Intl formatters kept per locale for the life of the module instead of one
// render. Client components are rendered to HTML on the server too, and there next-intl's
// provider starts an empty store on every page view; its hook in server components keeps one
// per request. Either way each message with an argument ("Revoke token “{name}”") was parsed
// again, and its Intl formatters built again, on every view. (Async server components use
// lib/i18n/server.ts, which does the same.) In the browser the store simply lasts across
// client-side navigations. The memo keys hold the message text, locale and formats, so one
// store per locale is bounded by the catalogue and the formats the code asks for.
//
// The same module serves both sides: in a server component next-intl's hooks read the
// request's configuration (all messages), in a client component the nearest
// NextIntlClientProvider's (the namespaces handed to the browser).

/** For tests: the store one locale's translators share. */
export function sharedTranslationStore(locale: string): SharedStore["cache"] {
  return sharedFor(locale).cache;
}

// (Typed at the hook: the translator's type depends on the namespace.)
type Translator = unknown;

// The translators themselves, per messages object: a server component has no memory between
// its instances (a person page draws ~60 count badges, each asking for one), and the messages
// a server render reads are the catalogue's own object, the same on every request; in the
// browser and in the server's HTML render, a provider's messages arrive as one object per page,
// dropped with it (hence a WeakMap).
const translators = new WeakMap<object, Map<string, Translator>>();

function translatorFor(locale: string, messages: object, timeZone: string | undefined, namespace: string | undefined): Translator {
  let byKey = translators.get(messages);
  if (!byKey) translators.set(messages, (byKey = new Map()));
  const key = `${locale}|${timeZone ?? ""}|${namespace ?? ""}`;
  let t = byKey.get(key);
  if (!t) {
    const s = sharedFor(locale);
    t = createTranslator({ locale, messages, timeZone, namespace, _cache: s.cache, _formatters: s.formatters } as Parameters<typeof createTranslator>[0]);
    byKey.set(key, t);
  }
  return t;
}

/** next-intl's useTranslations, with a store shared by every render in this process. */
export const useTranslations = ((namespace?: string) => translatorFor(useLocale(), useMessages(), useTimeZone(), namespace)) as unknown as typeof NextIntlUseTranslations;
