import { describe, expect, test } from "vitest";
import { fieldErrorMessage } from "./field-errors";

describe("field errors in the reader's language", () => {
  test("a size limit is said in the reader's language, with its digits and unit", () => {
    expect(fieldErrorMessage("file_too_large:209715200", "en")).toBe("The file is larger than the limit of 200 MB.");
    const fa = fieldErrorMessage("file_too_large:209715200", "fa");
    expect(fa).toContain("۲۰۰ مگابایت");
    expect(fa).not.toMatch(/[A-Za-z0-9]/);
  });

  test("a count is given in Persian digits on a Persian page, as it was in English", () => {
    expect(fieldErrorMessage("too_long:300", "en")).toContain("300");
    expect(fieldErrorMessage("too_long:300", "fa")).toContain("۳۰۰");
    expect(fieldErrorMessage("too_long:300", "fa")).not.toMatch(/[0-9]/);
  });

  test("a count of thousands is grouped as the reader's language groups it", () => {
    expect(fieldErrorMessage("too_long:10000", "en")).toBe("Use at most 10,000 characters.");
    expect(fieldErrorMessage("too_long:10000", "fa")).toContain("۱۰٬۰۰۰");
  });

  test("a year is given whole, in Persian digits on a Persian page, never grouped in thousands", () => {
    expect(fieldErrorMessage("date_outside_year:1990", "en")).toContain(" 1990.");
    const fa = fieldErrorMessage("date_outside_year:1990", "fa");
    expect(fa).toContain("سال ۱۹۹۰ میلادی");
    expect(fa).not.toMatch(/[0-9]/);
  });

  test("an argument that is not a number is given as it came", () => {
    expect(fieldErrorMessage("file_type:application/x-elf", "fa")).toContain("application/x-elf");
  });
});
