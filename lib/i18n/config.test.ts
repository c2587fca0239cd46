import { describe, expect, test } from "vitest";
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from "./config";

// The language of the API's error messages, read from Accept-Language as browsers and HTTP
// clients send it: weights decide, not the order alone.
describe("the API's language from Accept-Language", () => {
  test("a reader who prefers Persian by weight gets Persian, though English is listed first", () => {
    expect(localeFromAcceptLanguage("en;q=0.1, fa;q=0.9")).toBe("fa");
    expect(localeFromAcceptLanguage("en-GB;q=0.5,fa-IR;q=0.8")).toBe("fa");
    expect(localeFromAcceptLanguage("de, fa;q=0.7, en;q=0.3")).toBe("fa");
  });

  test("q=0 means not that language: a reader who refuses Persian never gets it", () => {
    expect(localeFromAcceptLanguage("fa;q=0")).toBe("en");
    expect(localeFromAcceptLanguage("fa;q=0.000, en;q=0.2")).toBe("en");
    expect(localeFromAcceptLanguage("fa-IR;q=0")).toBe("en");
    // Refused outright, then "anything else": still not Persian.
    expect(localeFromAcceptLanguage("fa;q=0, *")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, fa;q=0.1")).toBe("fa");
    expect(localeFromAcceptLanguage("en;q=0, *;q=0.5")).toBe("fa");
  });

  test("Persian with a region, in either separator and any case, is Persian", () => {
    for (const h of ["fa-IR", "fa_IR", "FA-ir", "Fa", "fa-Arab-IR", " fa-AF ; q=1 "]) expect(localeFromAcceptLanguage(h), h).toBe("fa");
    expect(localeFromAcceptLanguage("EN-us,fa;q=0.9")).toBe("en");
  });

  test("equal weights keep the header's order", () => {
    expect(localeFromAcceptLanguage("fa, en")).toBe("fa");
    expect(localeFromAcceptLanguage("en, fa")).toBe("en");
    expect(localeFromAcceptLanguage("fa;q=0.5, en;q=0.5")).toBe("fa");
    expect(localeFromAcceptLanguage("de;q=0.9, en;q=0.5, fa;q=0.5")).toBe("en");
  });

  test("the locale named exactly speaks for it over a regional range or a wildcard", () => {
    expect(localeFromAcceptLanguage("fa-IR;q=0, fa;q=0.8, en;q=0.5")).toBe("fa");
    expect(localeFromAcceptLanguage("fa;q=0.2, fa-IR;q=0.9, en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("*;q=0.9, fa;q=0.1")).toBe("en");
  });

  test("nothing acceptable, or nothing readable, gives the default", () => {
    for (const h of [null, "", "de, fr;q=0.8", "*", ",,;", "fa;q=abc", "fa;q=2", "fa;q=-1", "f@r, ;q=1", "fa;q=0.0001"]) {
      expect(localeFromAcceptLanguage(h), String(h)).toBe(DEFAULT_LOCALE);
    }
    // An unreadable weight spoils only its own range.
    expect(localeFromAcceptLanguage("en;q=high, fa;q=0.3")).toBe("fa");
  });
});
