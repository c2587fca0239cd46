import { describe, expect, test } from "vitest";
import { eventHash, eventHashDirect } from "./canonical";

describe("the chain's direct canonical form", () => {
  test("hashes exactly as eventHash, for awkward values too", () => {
    const base = {
      seq: 1234567,
      at: "2026-12-01T16:02:38.205Z",
      actorId: "cabc123",
      actorLabel: "researcher@demo.casefile",
      action: "statement.update",
      recordType: "Statement",
      recordId: "cxyz",
      before: '{"title":"نمونهٔ ساختگی \\"quoted\\"","n":1}',
      after: null,
      prevHash: "0".repeat(64),
    };
    const variants = [
      base,
      { ...base, actorId: null, actorLabel: "system", before: null, after: '{"a":[1,2,{"b":null}]}' },
      { ...base, recordId: 'odd "id" \\ with\nnewline\ttab\u0001ctl \u2028 \ud83d\ude00', actorLabel: "نيّري\u200c@example" },
      { ...base, seq: 1, before: "", after: "" },
      { ...base, recordId: "lone \ud800 surrogate", after: "\u007f\u0080\u00ff" },
    ];
    for (const v of variants) expect(eventHashDirect(v)).toBe(eventHash(v));
  });
  test("refuses a seq that is not an integer", () => {
    const e = { seq: 1.5, at: "2026-12-01T16:02:38.205Z", actorId: null, actorLabel: "system", action: "a", recordType: "T", recordId: "r", before: null, after: null, prevHash: "0".repeat(64) };
    expect(() => eventHashDirect(e)).toThrow();
    expect(() => eventHashDirect({ ...e, seq: Number.NaN })).toThrow();
  });
});
