export const LOCALES = ["en", "fa"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "casefile-locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export function direction(locale: Locale): "rtl" | "ltr" {
  return locale === "fa" ? "rtl" : "ltr";
}

/**
 * Picks a supported locale from an Accept-Language header (for API error messages), as RFC 9110
 * says to read it: each language range with its weight (q, 1 when not given), the heaviest
 * supported one winning and, between equal weights, the one listed first. q=0 means "not this
 * language", so "fa;q=0" must never answer in Persian. A range with a region ("fa-IR", and the
 * "fa_IR" some clients send) asks for that language; a range naming the locale exactly outweighs
 * one with a region, which outweighs "*". Anything unreadable is skipped; nothing acceptable
 * gives the default.
 */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  // For each locale, the range that speaks for it: the most specific, then the heaviest of those.
  const best = new Map<Locale, { specificity: number; q: number; order: number }>();
  header.split(",").forEach((part, order) => {
    const [rangeText = "", ...params] = part.split(";");
    const range = rangeText.trim().toLowerCase().replace(/_/g, "-");
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(range)) return;
    let q = 1;
    for (const param of params) {
      const [name = "", value = ""] = param.split("=").map((x) => x.trim());
      if (name.toLowerCase() !== "q") continue;
      // RFC 9110's qvalue: 0 to 1 with at most three decimals; any other weight is unreadable.
      if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return;
      q = Number(value);
    }
    const primary = range.split("-")[0];
    for (const locale of LOCALES) {
      const specificity = range === locale ? 2 : primary === locale ? 1 : range === "*" ? 0 : -1;
      if (specificity < 0) continue;
      const held = best.get(locale);
      if (!held || specificity > held.specificity || (specificity === held.specificity && q > held.q)) best.set(locale, { specificity, q, order });
    }
  });
  let chosen: { locale: Locale; q: number; order: number } | undefined;
  for (const [locale, { q, order }] of best) {
    if (q <= 0) continue;
    // Two locales can share a range ("*"): then the default one.
    const earlier = chosen && (order < chosen.order || (order === chosen.order && locale === DEFAULT_LOCALE));
    if (!chosen || q > chosen.q || (q === chosen.q && earlier)) chosen = { locale, q, order };
  }
  return chosen?.locale ?? DEFAULT_LOCALE;
}
