import { describe, expect, test } from "vitest";
import { exactBytes, humanBytes } from "./format";

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

  test("a size that rounds up to the next unit is read in it, and a package of gigabytes in gigabytes, in both languages", () => {
    const MB = 1024 * 1024;
    expect(humanBytes(MB - 1)).toBe("1 MB");
    expect(humanBytes(MB - 1, "fa")).toBe("۱ مگابایت");
    expect(humanBytes(1024 * MB - 1)).toBe("1 GB");
    expect(humanBytes(Math.round(2.5 * 1024 * MB))).toBe("2.5 GB");
    expect(humanBytes(Math.round(2.5 * 1024 * MB), "fa")).toBe("۲٫۵ گیگابایت");
    expect(humanBytes(1)).toBe("1 byte");
    // Large counts are grouped as the language groups them, never a bare run of digits.
    expect(humanBytes(1023)).toBe("1,023 bytes");
  });
});

describe("exactBytes", () => {
  const fromPersianDigits = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
  test("every byte counted, grouped, in the reader's digits", () => {
    for (const n of [0, 1, 999, 1_234_567, 3_221_225_472]) {
      const en = exactBytes(n, "en");
      expect(Number(en.replace(/ bytes?$/, "").replaceAll(",", ""))).toBe(n);
      const fa = exactBytes(n, "fa");
      expect(fa).not.toMatch(/[A-Za-z0-9]/);
      expect(fa.endsWith(" بایت")).toBe(true);
      expect(Number(fromPersianDigits(fa.replace(/ بایت$/, "")).replaceAll("٬", ""))).toBe(n);
    }
    expect(exactBytes(1_234_567)).toBe("1,234,567 bytes");
    expect(exactBytes(1_234_567, "fa")).toBe("۱٬۲۳۴٬۵۶۷ بایت");
  });
});
