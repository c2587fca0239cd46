import { describe, expect, test } from "vitest";
import { CONTEXT_WINDOW, occurrences, offsetProblems, reanchor } from "./anchor";

const ZWNJ = "\u200C";
// Fictional testimony, Persian with ZWNJ inside words («ملاقات‌ها», «می‌دیدیم»).
const TEXT =
  `در مرداد ۱۳۶۷ ملاقات${ZWNJ}ها ناگهان قطع شد. ` +
  `نیری رئیس هیئت بود و دستور داد زندانیان را به راهرو ببرند. ` +
  `ما از پنجره می${ZWNJ}دیدیم که زندانیان را با چشم${ZWNJ}بند به صف می${ZWNJ}کنند.`;
const QUOTE = "نیری رئیس هیئت بود";

function at(text: string, quote: string, nth = 0) {
  const start = occurrences(text, quote)[nth]!;
  return { start, end: start + quote.length };
}

describe("offsets", () => {
  test("a passage inside the text has no problems", () => {
    expect(offsetProblems(TEXT, 0, 5)).toEqual({});
    expect(offsetProblems(TEXT, 0, TEXT.length)).toEqual({});
  });

  test("offsets outside the text, empty and reversed passages are refused", () => {
    expect(offsetProblems(TEXT, -1, 5)).toEqual({ startOffset: "offset_out_of_range" });
    expect(offsetProblems(TEXT, 0, TEXT.length + 1)).toEqual({ endOffset: "offset_out_of_range" });
    expect(offsetProblems(TEXT, 5, 5)).toEqual({ endOffset: "offset_order" });
    expect(offsetProblems(TEXT, 9, 5)).toEqual({ endOffset: "offset_order" });
  });

  test("a passage may not cut a character written as two UTF-16 units in half", () => {
    const t = "a😀b"; // the emoji is two code units, offsets 1 and 2
    expect(offsetProblems(t, 2, 4)).toEqual({ startOffset: "offset_splits_character" });
    expect(offsetProblems(t, 0, 2)).toEqual({ endOffset: "offset_splits_character" });
    expect(offsetProblems(t, 1, 3)).toEqual({});
  });

  test("ZWNJ counts as one code unit, as the browser counts it", () => {
    const q = `ملاقات${ZWNJ}ها`;
    const { start, end } = at(TEXT, q);
    expect(end - start).toBe(9);
    expect(TEXT.slice(start, end)).toBe(q);
  });
});

describe("re-anchoring a link after an edit", () => {
  const old = at(TEXT, QUOTE);

  test("an edit after the passage leaves it where it was", () => {
    const edited = TEXT + " چند روز بعد بند ما خالی شد.";
    expect(reanchor(TEXT, edited, old, QUOTE)).toEqual({ status: "ANCHORED", ...old, how: "unchanged" });
  });

  test("an insertion before the passage shifts it by the inserted length", () => {
    const added = "این متن ساختگی است.\n\n";
    const r = reanchor(TEXT, added + TEXT, old, QUOTE);
    expect(r).toEqual({ status: "ANCHORED", start: old.start + added.length, end: old.end + added.length, how: "shifted" });
  });

  test("a passage moved to another place in the text is found there when it occurs once", () => {
    // The sentence with the quote goes to the end and the first sentence is rewritten.
    const sentence = "نیری رئیس هیئت بود و دستور داد زندانیان را به راهرو ببرند.";
    const moved = TEXT.replace(sentence + " ", "").replace("ناگهان", "یک‌باره") + " " + sentence;
    const r = reanchor(TEXT, moved, old, QUOTE);
    expect(r.status).toBe("ANCHORED");
    if (r.status === "ANCHORED") {
      expect(moved.slice(r.start, r.end)).toBe(QUOTE);
      expect(r.how).toBe("unique");
    }
  });

  test("a passage rewritten in the edit needs review, and nothing is guessed", () => {
    const rewritten = TEXT.replace("نیری رئیس هیئت بود", "نیری عضو هیئت بود");
    expect(reanchor(TEXT, rewritten, old, QUOTE)).toEqual({ status: "NEEDS_REVIEW", reason: "not_found" });
  });

  test("a ZWNJ typed as a space is a different text: the passage needs review", () => {
    const q = `می${ZWNJ}دیدیم`;
    const a = at(TEXT, q);
    const spaced = TEXT.replace(`می${ZWNJ}دیدیم`, "می دیدیم").replace("مرداد", "تابستان");
    expect(reanchor(TEXT, spaced, a, q).status).toBe("NEEDS_REVIEW");
  });

  test("a passage the edit duplicated elsewhere stays on the occurrence with the old surroundings", () => {
    const copy = "گفتند: «نیری رئیس هیئت بود» و رفتند. ";
    // The copy goes before the original passage, and text on both sides of it is touched.
    const edited = copy + TEXT.replace("مرداد", "تیر").replace("به صف", "در صف");
    const r = reanchor(TEXT, edited, old, QUOTE);
    expect(r.status).toBe("ANCHORED");
    if (r.status === "ANCHORED") {
      expect(r.how).toBe("context");
      expect(edited.slice(r.start, r.end)).toBe(QUOTE);
      expect(r.start).toBeGreaterThan(copy.length);
    }
  });

  test("a repeated phrase whose surroundings changed needs review rather than a guess", () => {
    const rep = "هیئت آمده است";
    const text = `نگهبان اول گفت ${rep} و رفت. بعد نگهبان دوم هم گفت ${rep} و در را بست.`;
    const second = at(text, rep, 1);
    // The words around both occurrences change in the same edit.
    const edited = `نگهبانی گفت ${rep} و ایستاد. نگهبان دیگری هم گفت ${rep} و رفت.`;
    expect(reanchor(text, edited, second, rep)).toEqual({ status: "NEEDS_REVIEW", reason: "ambiguous" });
  });

  test("of a repeated phrase, the occurrence the link cited is followed even when the other has the same words nearby", () => {
    const rep = "حکم اعدام را خواندند";
    const para = `صبح روز بعد ${rep} و ما را برگرداندند.`;
    const text = `${para}\n${"ب".repeat(40)}\n${para}`;
    const second = at(text, rep, 1);
    // A sentence inserted at the start moves both; the second keeps its own surroundings.
    const inserted = "این متن ساختگی است. ";
    const edited = `${inserted}${para}\n${"ب".repeat(40)}\n${para}`.replace(`${"ب".repeat(40)}`, `${"ب".repeat(20)}پ${"ب".repeat(19)}`);
    const r = reanchor(text, edited, second, rep);
    expect(r.status).toBe("ANCHORED");
    if (r.status === "ANCHORED") expect(r.start).toBe(occurrences(edited, rep)[1]);
  });

  test("two copies equally far from where the passage was need review", () => {
    const rep = "هیئت";
    const ctx = "-".repeat(CONTEXT_WINDOW);
    const text = `${"L".repeat(10)}${ctx}${rep}${ctx}${"R".repeat(34)}`;
    const a = at(text, rep);
    // Both ends rewritten; two copies with the old surroundings, one each side of the old place.
    const edited = `Z${ctx}${rep}${ctx}QQ${ctx}${rep}${ctx}Z`;
    expect(reanchor(text, edited, a, rep)).toEqual({ status: "NEEDS_REVIEW", reason: "ambiguous" });
  });

  test("a link whose quote does not match its own revision is never moved", () => {
    expect(reanchor(TEXT, TEXT + ".", { start: 0, end: 4 }, "something else")).toEqual({ status: "NEEDS_REVIEW", reason: "not_found" });
  });

  test("Persian text in Arabic code points (ي ك) is not the same text: exact words only", () => {
    const arabic = TEXT.replace("نیری", "نيري").replace("مرداد", "تیر");
    expect(reanchor(TEXT, arabic, old, QUOTE).status).toBe("NEEDS_REVIEW");
  });
});
