import "server-only";
import { cache } from "react";
import { createFormatter, createTranslator } from "next-intl";
import { sharedFor } from "./shared-store";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { getFormatter as NextIntlGetFormatter, getTranslations as NextIntlGetTranslations } from "next-intl/server";

// getTranslations and getFormatter for server components, as next-intl's, but with the compiled
// messages and Intl formatters kept for the life of the process instead of one render.
// next-intl keeps them per request: every page view parsed again each message it shows with an
// argument ("{count} statements") and built its Intl.DateTimeFormat/NumberFormat objects anew,
// a few milliseconds of server time per view. The interface text does not change while the
// server runs: one store per locale (shared-store.ts).

// "Now" for relative times: one instant per render, as next-intl does.
const renderNow = cache(() => new Date());

const config = cache(async () => {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return { locale, messages, timeZone, ...sharedFor(locale) };
});

const translator = cache(async (namespace: string | undefined) => {
  const c = await config();
  return createTranslator({ locale: c.locale, messages: c.messages, timeZone: c.timeZone, namespace, _cache: c.cache, _formatters: c.formatters });
});

/** next-intl's getTranslations (the request's locale), with process-wide compiled messages. */
export const getTranslations = ((namespace?: string) => translator(namespace)) as unknown as typeof NextIntlGetTranslations;

const formatter = cache(async () => {
  const c = await config();
  return createFormatter({
    locale: c.locale,
    timeZone: c.timeZone,
    _cache: c.cache,
    _formatters: c.formatters,
    get now() {
      return renderNow();
    },
  });
});

/** next-intl's getFormatter (the request's locale), with process-wide Intl formatters. */
export const getFormatter = (() => formatter()) as unknown as typeof NextIntlGetFormatter;

export { getLocale, getMessages } from "next-intl/server";
