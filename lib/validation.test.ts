import { describe, expect, test } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { brokenTextFields, hasUnstorableText, parseInput } from "./validation";

describe("text that no encoding can store", () => {
  const schema = z.object({ title: z.string(), tags: z.array(z.string()), note: z.object({ text: z.string() }) });
  const refusal = (input: unknown) => {
    try {
      parseInput(schema, input);
    } catch (e) {
      if (isAppError(e)) return { code: e.code, fields: e.fields };
      throw e;
    }
    return null;
  };

  test("a lone surrogate anywhere in the input is refused, naming the field", () => {
    expect(refusal({ title: "a\ud800b", tags: [], note: { text: "" } })).toEqual({ code: "INVALID_INPUT", fields: { title: ["invalid_text"] } });
    expect(refusal({ title: "ok", tags: ["x", "\udc00"], note: { text: "tail \ud83d" } })).toEqual({ code: "INVALID_INPUT", fields: { "tags.1": ["invalid_text"], "note.text": ["invalid_text"] } });
    expect(refusal("\udfff")).toEqual({ code: "INVALID_INPUT", fields: { _: ["invalid_text"] } });
    expect(Object.keys(brokenTextFields({ ["k\ud800"]: "v" }))).toEqual(["?"]);
  });

  test("a NUL character anywhere in the input is refused the same way (PostgreSQL cannot store it)", () => {
    expect(refusal({ title: "a\u0000b", tags: ["\u0000"], note: { text: "ok" } })).toEqual({ code: "INVALID_INPUT", fields: { title: ["invalid_text"], "tags.0": ["invalid_text"] } });
    expect(Object.keys(brokenTextFields({ ["k\u0000"]: "v" }))).toEqual(["?"]);
    expect(hasUnstorableText("\u0001\u001f tab\tnewline\n")).toBe(false);
  });

  test("whole pairs, Persian, ZWNJ and emoji pass through unchanged", () => {
    const input = { title: "نیّری‌ 😀 \ud83d\ude00 ١٣٦٧", tags: ["𝔸"], note: { text: "" } };
    expect(refusal(input)).toBeNull();
    expect(parseInput(schema, input)).toEqual(input);
    expect(brokenTextFields(input)).toEqual({});
  });
});

describe("keys that name Object.prototype's own properties", () => {
  // JSON.parse makes "__proto__" and "constructor" ordinary keys of the body; the field errors
  // must name them like any other key instead of failing on the prototype's values.
  const refusal = (schema: z.ZodType, body: string) => {
    try {
      parseInput(schema, JSON.parse(body));
    } catch (e) {
      if (isAppError(e)) return { code: e.code, fields: { ...e.fields } };
      throw e;
    }
    return null;
  };

  test("unstorable text under such a key is refused, naming it", () => {
    const strict = z.strictObject({ title: z.string() });
    expect(refusal(strict, '{"title":"t","constructor":"\\u0000"}')).toEqual({ code: "INVALID_INPUT", fields: { constructor: ["invalid_text"] } });
    const proto = refusal(strict, '{"title":"t","__proto__":"\\ud800"}');
    expect(proto?.code).toBe("INVALID_INPUT");
    expect(Object.getOwnPropertyNames(proto!.fields)).toEqual(["__proto__"]);
    expect(proto!.fields["__proto__"]).toEqual(["invalid_text"]);
    expect(refusal(strict, '{"title":"t","toString":"a\\u0000","hasOwnProperty":"b\\u0000"}')).toEqual({
      code: "INVALID_INPUT",
      fields: { toString: ["invalid_text"], hasOwnProperty: ["invalid_text"] },
    });
  });

  test("a schema's error under such a key (a record's key) is reported, not thrown as a TypeError", () => {
    const record = z.object({ counts: z.record(z.string(), z.number({ error: "invalid_number" })) });
    expect(refusal(record, '{"counts":{"constructor":"x"}}')).toEqual({ code: "INVALID_INPUT", fields: { "counts.constructor": ["invalid_number"] } });
    expect(refusal(z.record(z.string(), z.number({ error: "invalid_number" })), '{"valueOf":"x"}')).toEqual({ code: "INVALID_INPUT", fields: { valueOf: ["invalid_number"] } });
  });
});
