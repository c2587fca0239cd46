import { describe, expect, it } from "vitest";
import { findPassage, foldForLookup, passageStarts } from "./find-passage";

// Fictional testimony.
const ARABIC_KEYBOARD = "در مرداد ۱۳۶۷ نيري حكم را خواند و كسي چيزي نگفت.";
const PERSIAN_KEYBOARD = "در مرداد ۱۳۶۷ نیری حکم را خواند و کسی چیزی نگفت.";

describe("finding typed words in a statement", () => {
  it("finds words typed with the Persian ی and ک in a text written with the Arabic ي and ك, and saves the text's own words", () => {
    const found = findPassage(ARABIC_KEYBOARD, "نیری حکم");
    expect(found).toEqual({ start: ARABIC_KEYBOARD.indexOf("نيري"), end: ARABIC_KEYBOARD.indexOf("نيري") + 8, quote: "نيري حكم" });
    expect(ARABIC_KEYBOARD.slice(found!.start, found!.end)).toBe(found!.quote);
  });

  it("finds words typed with the Arabic letters in a text written with the Persian ones", () => {
    expect(findPassage(PERSIAN_KEYBOARD, "كسي چيزي")).toEqual({ start: PERSIAN_KEYBOARD.indexOf("کسی"), end: PERSIAN_KEYBOARD.indexOf("کسی") + 8, quote: "کسی چیزی" });
  });

  it("treats alef maksura ى as ی and ae ە as ه, as the name matcher does", () => {
    const text = "مرتضى اشراقى آمد. ما را به زندانە بردند.";
    expect(findPassage(text, "اشراقی")?.quote).toBe("اشراقى");
    expect(findPassage(text, "زندانه")?.quote).toBe("زندانە");
  });

  it("keeps every offset of the original text: the folded text is as long as the text", () => {
    const text = `سلام\u200Cعلیکم 😀 ﻙ ${ARABIC_KEYBOARD} ﻻ`;
    expect(foldForLookup(text)).toHaveLength(text.length);
    const found = findPassage(text, "کسی")!;
    expect(text.slice(found.start, found.end)).toBe("كسي");
  });

  it("finds nothing for words that occur twice or not at all, and trims the typed words", () => {
    expect(findPassage("نيري و نیری", "نیری")).toBeNull();
    expect(passageStarts(foldForLookup("نيري و نیری"), "نیری")).toEqual([0, 7]);
    expect(findPassage(ARABIC_KEYBOARD, "رئیسی")).toBeNull();
    expect(findPassage(ARABIC_KEYBOARD, "  خواند  ")?.quote).toBe("خواند");
    expect(findPassage("Evin prison", "prison")).toEqual({ start: 5, end: 11, quote: "prison" });
  });
});
