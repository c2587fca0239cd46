import { describe, expect, test } from "vitest";
import { codeAsTyped, codeFilter } from "./code";

describe("codeFilter", () => {
  test("writes a typed code as codes are written: upper case, ASCII digits, nothing a code cannot hold", () => {
    expect(codeFilter("w-0012")).toBe("W-0012");
    expect(codeFilter(" w ۱۲ ")).toBe("W-12");
    expect(codeFilter("W0012")).toBe("W-0012");
    expect(codeFilter("W-٠٠١٢")).toBe("W-0012");
    expect(codeFilter("%_'")).toBe("");
    expect(codeFilter(undefined)).toBe("");
  });

  test("reads «ص», the W key of the Persian layout, as W", () => {
    expect(codeFilter("ص-۰۰۱۲")).toBe("W-0012");
    expect(codeFilter("ص-0012")).toBe("W-0012");
    expect(codeFilter("ص")).toBe("W");
    expect(codeFilter("ص۱۲")).toBe("W-12");
    // Other Persian letters are still left out: the Q and E keys beside it name no code.
    expect(codeFilter("ضث-۰۰۱۲")).toBe("-0012");
  });
});

describe("codeAsTyped", () => {
  test("writes digits and «ص» as codes are written, and leaves everything else for the code's own check", () => {
    expect(codeAsTyped("ص-۰۰۱۲")).toBe("W-0012");
    expect(codeAsTyped("w-٠٠١٢")).toBe("W-0012");
    expect(codeAsTyped("W-0012!")).toBe("W-0012!");
    expect(codeAsTyped("W 0012")).toBe("W 0012");
  });
});
