import { describe, expect, test } from "vitest";
import { LOCALES } from "./config";
import { messagesFor } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface text", () => {
  test("every message exists in every language", () => {
    const en = new Set(keys(messagesFor("en")));
    for (const locale of LOCALES) {
      const other = new Set(keys(messagesFor(locale)));
      expect([...en].filter((k) => !other.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...other].filter((k) => !en.has(k)), `only in ${locale}`).toEqual([]);
    }
  });

  test("no message is empty", () => {
    for (const locale of LOCALES) {
      const empty = keys(messagesFor(locale)).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor(locale));
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  test("in Persian, a date written with Latin digits and hyphens is isolated, so it is not shown backwards", () => {
    // Beside Persian letters, Latin digits are read as Arabic-script numbers, and a hyphen does not
    // join those: "1988-07-19" in a Persian sentence shows as 19-07-1988 unless it is set apart
    // with the isolates U+2066 ... U+2069 (as the examples users copy into date fields are).
    const unisolated = keys(messagesFor("fa")).flatMap((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor("fa"));
      if (typeof v !== "string") return [];
      const outside = v.replace(/\u2066[^\u2069]*\u2069/g, "");
      return /[0-9]+-[0-9]+/.test(outside) ? [`${k}: ${v}`] : [];
    });
    expect(unisolated).toEqual([]);
  });
});
