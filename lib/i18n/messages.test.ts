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
});
