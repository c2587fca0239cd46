import { describe, expect, test } from "vitest";
import { humanBytes } from "./format";

describe("humanBytes", () => {
  test("in English (and without a locale): bytes, KB and MB as before", () => {
    for (const locale of [undefined, "en"]) {
      expect(humanBytes(45, locale)).toBe("45 bytes");
      expect(humanBytes(512 * 1024, locale)).toBe("512 KB");
      expect(humanBytes(1536, locale)).toBe("1.5 KB");
      expect(humanBytes(200 * 1024 * 1024, locale)).toBe("200 MB");
    }
  });

  test("in Persian: Persian digits and unit names, no Latin letters or digits", () => {
    expect(humanBytes(45, "fa")).toBe("۴۵ بایت");
    expect(humanBytes(512 * 1024, "fa")).toBe("۵۱۲ کیلوبایت");
    expect(humanBytes(1536, "fa")).toBe("۱٫۵ کیلوبایت");
    expect(humanBytes(200 * 1024 * 1024, "fa")).toBe("۲۰۰ مگابایت");
    for (const n of [0, 1, 45, 1023, 1024, 99_999, 5 * 1024 * 1024 + 7]) expect(humanBytes(n, "fa")).not.toMatch(/[A-Za-z0-9]/);
  });
});
