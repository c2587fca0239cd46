import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";
import { messagesFor } from "./messages";

// The interface language is a cookie the language switcher sets; URLs stay the same in both
// languages so a link can be shared between an English and a Persian reader.
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "UTC",
  };
});
