import { describe, expect, test } from "vitest";
import { MAX_REVIEW_COMMENTS, parsePicked, parseReviewComments } from "./echoed-values";

// The JSON fields a refused form is rendered again from are whatever the client posted: the
// readers keep what the form itself writes and drop the rest, never handing the render an entry
// it cannot show (an object where text goes failed the render, and the post answered 500).

describe("parsePicked", () => {
  test("what the picker writes comes back as it was", () => {
    const picked = [
      { id: "a", name: "Evin Prison", nameFa: "زندان اوین" },
      { id: "b", name: "Dezful", nameFa: "" },
    ];
    expect(parsePicked(JSON.stringify(picked))).toEqual(picked);
  });

  test("no field is null (the form shows the record's own); a field that is not a list is none", () => {
    expect(parsePicked(undefined)).toBeNull();
    for (const raw of ["", "{", "null", '{"id":"a"}', '"a"', "5"]) expect(parsePicked(raw), raw).toEqual([]);
  });

  test("entries of another shape are dropped, a label that is not text is left out, an id comes once", () => {
    const raw = JSON.stringify([
      null,
      5,
      "a",
      [],
      { id: 1, name: "x" },
      { id: "c", name: { en: "x" } },
      { id: "d", name: "D", nameFa: { fa: "x" } },
      { id: "e", name: "E", nameFa: [{ a: 1 }] },
      { id: "f", name: "F" },
      { id: "d", name: "D again", nameFa: "د" },
    ]);
    expect(parsePicked(raw)).toEqual([
      { id: "d", name: "D", nameFa: "" },
      { id: "e", name: "E", nameFa: "" },
      { id: "f", name: "F", nameFa: "" },
    ]);
  });
});

describe("parseReviewComments", () => {
  test("what the form writes comes back as it was", () => {
    const comments = [{ text: "Check the date." }, { text: "", quote: "the door closed", startOffset: 10, endOffset: 25 }, { text: "See here", quote: "names", startOffset: 1, endOffset: 6 }];
    expect(parseReviewComments(JSON.stringify(comments))).toEqual(comments);
  });

  test("nothing usable is one empty comment", () => {
    for (const raw of [undefined, "", "[", "{}", "[]", "null", "[null]", "[{}]", '[{"text":5}]', '"x"']) expect(parseReviewComments(raw), String(raw)).toEqual([{ text: "" }]);
  });

  test("text that is not text is left out; a passage is kept only whole", () => {
    const raw = JSON.stringify([
      { text: { a: 1 }, quote: { b: 2 } },
      { text: "t", quote: "q", startOffset: "a", endOffset: 3 },
      { text: ["x"], quote: "q", startOffset: 0, endOffset: 1 },
      { text: "u", quote: "", startOffset: 0, endOffset: 0 },
    ]);
    expect(parseReviewComments(raw)).toEqual([{ text: "t" }, { text: "", quote: "q", startOffset: 0, endOffset: 1 }, { text: "u" }]);
  });

  test("no more comments than a decision takes", () => {
    const raw = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ text: `c${i}` })));
    expect(parseReviewComments(raw)).toHaveLength(MAX_REVIEW_COMMENTS);
  });
});
