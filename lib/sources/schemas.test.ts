import { describe, expect, test } from "vitest";
import { dateUnreadable, ZListSources } from "./schemas";

describe("a source's date that cannot be read", () => {
  test("text recorded before dates were read is told apart from a date in either calendar", () => {
    expect(dateUnreadable("as stamped on the archive copy")).toBe(true);
    expect(dateUnreadable("بهار پس از محاکمه")).toBe(true);
    expect(dateUnreadable("the spring after the trial")).toBe(true);
    for (const d of ["1988", "19 Mordad 1395", "مرداد ۱۳۶۷", "۱۳۶۷", "2016-08-09", "summer 1988", "August 2016"]) expect(dateUnreadable(d), d).toBe(false);
  });

  test("no date is not a date to fix", () => {
    expect(dateUnreadable(null)).toBe(false);
    expect(dateUnreadable(undefined)).toBe(false);
    expect(dateUnreadable("")).toBe(false);
    expect(dateUnreadable("   ")).toBe(false);
  });

  test("the list's dateToFix filter takes yes or no, a blank as not given", () => {
    expect(ZListSources.parse({ dateToFix: "yes" }).dateToFix).toBe("yes");
    expect(ZListSources.parse({ dateToFix: "" }).dateToFix).toBeUndefined();
    expect(ZListSources.safeParse({ dateToFix: "maybe" }).success).toBe(false);
  });
});
