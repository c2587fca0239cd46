import { _createCache, _createIntlFormatters } from "next-intl";

// One next-intl store per locale (compiled messages and Intl formatters) for the life of the
// module, used by getTranslations/getFormatter in async server components (server.ts) and by
// useTranslations elsewhere (use-translations.ts). The memo keys hold the message text, locale
// and options, so a store is bounded by the catalogue and the formats the code asks for.

export type SharedStore = { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> };
const stores = new Map<string, SharedStore>();

export function sharedFor(locale: string): SharedStore {
  let s = stores.get(locale);
  if (!s) {
    const cache = _createCache();
    s = { cache, formatters: _createIntlFormatters(cache) };
    stores.set(locale, s);
  }
  return s;
}
