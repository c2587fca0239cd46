import { describe, expect, test } from "vitest";
import { normalizeForSearch, normalizeWithMap, wordStart } from "./normalize";
import { snippet } from "./snippet";

const fa = "این متن ساختگی است. نگهبانان شب آمدند و ما را به سالن بردند؛ هم‌سلولی من را صدا زدند. ".repeat(8);
const bodies = [
  `${fa} آنجا نيّري حکم را خواند و ${fa}`,
  `This text is fictional. ${"We waited for hours in the corridor. ".repeat(12)}Then Nayyeri's clerk read the list at Évin.${" Nobody told our families.".repeat(10)}`,
  "Nayyeri at the very start, then nothing else.",
  `${"x".repeat(400)} nayyeri`,
  "no match here at all",
];
const terms = new Set(["نیری", "nayyeri", "evin", "clerk"]);

describe("snippets from the stored normalised body", () => {
  test("wordStart finds where each normalised word begins in the original", () => {
    for (const b of bodies) {
      const { text, map } = normalizeWithMap(b);
      let at = 0;
      text.split(" ").forEach((w, k) => {
        expect(wordStart(b, k)).toBe(map[at]);
        at += w.length + 1;
      });
      expect(wordStart(b, text.split(" ").length)).toBe(-1);
    }
  });

  test("the same parts as cutting from the whole body", () => {
    for (const b of bodies) expect(snippet(b, terms, normalizeForSearch(b))).toEqual(snippet(b, terms));
    const marked = snippet(bodies[0]!, terms, normalizeForSearch(bodies[0]!)).filter((p) => p.mark);
    expect(marked.map((p) => p.text)).toEqual(["نيّري"]);
  });
});
