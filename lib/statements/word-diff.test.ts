import { describe, expect, test } from "vitest";
import { wordDiff } from "./compare-revisions";

describe("word-level revision diff", () => {
  test("marks the changed Persian word, not the whole line", () => {
    const parts = wordDiff("ملاقات‌ها در مرداد قطع شد", "ملاقات‌ها در شهریور قطع شد", "fa");
    expect(parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["مرداد"]);
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["شهریور"]);
    // A word joined by a zero-width non-joiner stays one word.
    expect(parts.filter((p) => !p.added && !p.removed).map((p) => p.value).join("")).toContain("ملاقات‌ها");
  });
  test("reassembles both texts exactly", () => {
    const a = "We went to Evin every week.\nNobody told us anything.";
    const b = "We went to the gate of Evin every week.\nNobody told us.";
    const parts = wordDiff(a, b, "en");
    expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(a);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(b);
  });
});
