import { describe, expect, test } from "vitest";
import { z } from "zod";
import { isAppError } from "./errors";
import { fieldErrorMessage } from "./i18n/field-errors";
import { LOCALES } from "./i18n/config";
import { brokenTextFields, hasUnstorableText, isFieldErrorKey, parseInput, zCheckbox, zInteger, zodFieldErrors, ZPage, ZPageSize, zQueryInteger, zString, zText } from "./validation";

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

// A check whose schema names no field-error key reported zod's English sentence, which forms
// and the API showed as it was, to a Persian reader too ("Too big: expected string to have <=40
// characters" under an edit form's baseUpdatedAt). Every issue is now a key of the messages.
describe("checks without a key of their own", () => {
  const schema = z
    .object({
      short: z.string().max(40),
      long: z.string().min(3),
      needed: z.string(),
      count: z.coerce.number().int().min(1).max(10),
      nonNegative: z.number().min(0).optional(),
      fewer: z.array(z.string()).max(2).optional(),
      more: z.array(z.string()).min(2).optional(),
      kind: z.enum(["A", "B"]).optional(),
      code: z.string().regex(/^W-\d+$/).optional(),
      mail: z.email().optional(),
      odd: z.number().multipleOf(2).optional(),
      lt: z.number().int().lt(5).optional(),
      flag: z.boolean().optional(),
    })
    .strict();
  const fields = (input: unknown) => {
    try {
      parseInput(schema, input);
    } catch (e) {
      if (isAppError(e)) return e.fields;
      throw e;
    }
    return null;
  };

  test("each kind of problem gets its key", () => {
    expect(
      fields({ short: "x".repeat(41), long: "ab", count: "1.5", nonNegative: -1, fewer: ["a", "b", "c"], more: ["a"], kind: "C", code: "X", mail: "nope", odd: 3, lt: 5, flag: "yes", extra: 1 }),
    ).toEqual({
      short: ["too_long:40"],
      long: ["too_short:3"],
      needed: ["required"],
      count: ["invalid_number"],
      nonNegative: ["not_negative"],
      fewer: ["too_many:2"],
      more: ["too_few:2"],
      kind: ["invalid_choice"],
      code: ["invalid_format"],
      mail: ["invalid_email"],
      odd: ["invalid_number"],
      lt: ["too_large:4"],
      flag: ["invalid_value"],
      _: ["unknown_field"],
    });
    expect(fields({ short: "", long: "abc", needed: "", count: "0" })).toEqual({ count: ["too_small:1"] });
    expect(fields({ short: "", long: "abc", needed: "", count: "11" })).toEqual({ count: ["too_large:10"] });
  });

  test("a key the schema names is kept", () => {
    const named = z.object({ title: z.string({ error: "required" }).max(3, { error: "too_long:3" }) });
    expect(() => parseInput(named, { title: "abcd" })).toThrow();
    try {
      parseInput(named, { title: "abcd" });
    } catch (e) {
      expect(isAppError(e) && e.fields).toEqual({ title: ["too_long:3"] });
    }
  });

  test("a ZodError thrown elsewhere (schema.parse) is reported with keys too, and every key reads as a sentence in each language", () => {
    const r = schema.safeParse({ short: "x".repeat(41), long: "abc", needed: "", count: "1" });
    expect(r.success).toBe(false);
    const out = zodFieldErrors(r.error!);
    expect(out).toEqual({ short: ["too_long:40"] });
    expect(isFieldErrorKey(r.error!.issues[0]!.message)).toBe(false);
    for (const key of ["too_long:40", "too_short:3", "required", "invalid_number", "not_negative", "too_many:2", "too_few:2", "invalid_choice", "invalid_format", "invalid_email", "too_large:4", "too_small:1", "invalid_value", "unknown_field"]) {
      expect(isFieldErrorKey(key), key).toBe(true);
      for (const locale of LOCALES) {
        const sentence = fieldErrorMessage(key, locale);
        expect(sentence, `${key} in ${locale}`).not.toBe(key);
        expect(sentence, `${key} in ${locale}`).not.toContain("{n}");
      }
    }
  });
});

describe("values of the wrong kind are refused, not converted", () => {
  const refusal = (schema: z.ZodType, input: unknown) => {
    try {
      return { value: parseInput(schema, input) as unknown };
    } catch (e) {
      if (isAppError(e)) return { fields: { ...e.fields } };
      throw e;
    }
  };

  test("a whole number is a JSON number or a form's decimal digits, and nothing else Number() would read", () => {
    const schema = z.object({ n: zInteger((n) => n.min(0, { error: "not_negative" }).max(100, { error: "too_large:100" })) });
    for (const [sent, got] of [[3, 3], ["3", 3], [" 42 ", 42], ["007", 7], [0, 0]] as const) expect(refusal(schema, { n: sent }), JSON.stringify(sent)).toEqual({ value: { n: got } });
    for (const sent of [true, false, null, "", " ", [], [7], ["7"], {}, "0x10", "1e3", "1.0", "1.5", 1.5, "3 apples", "+3", "۳", Number.NaN, Infinity])
      expect(refusal(schema, { n: sent }), JSON.stringify(sent)).toEqual({ fields: { n: ["invalid_number"] } });
    expect(refusal(schema, {})).toEqual({ fields: { n: ["required"] } });
    // A sign is read, so the answer says what is wrong with the number.
    expect(refusal(schema, { n: "-1" })).toEqual({ fields: { n: ["not_negative"] } });
    expect(refusal(schema, { n: "101" })).toEqual({ fields: { n: ["too_large:100"] } });
    // A field whose numbers are choices says so for a value of the wrong kind too.
    const choice = z.object({ c: zInteger((n) => n.min(1, { error: "invalid_choice" }).max(6, { error: "invalid_choice" }), "invalid_choice") });
    expect(refusal(choice, { c: [3] })).toEqual({ fields: { c: ["invalid_choice"] } });
    expect(refusal(choice, { c: "3" })).toEqual({ value: { c: 3 } });
  });

  test("a yes-or-no field takes a boolean or what a form sends for one, and refuses anything else instead of reading it as no", () => {
    const schema = z.object({ b: zCheckbox.default(false) });
    for (const [sent, got] of [[true, true], [false, false], ["on", true], ["true", true], ["false", false], [undefined, false]] as const) expect(refusal(schema, { b: sent }), String(sent)).toEqual({ value: { b: got } });
    for (const sent of ["yes", "1", 1, 0, null, "", [], {}]) expect(refusal(schema, { b: sent }), JSON.stringify(sent)).toEqual({ fields: { b: ["invalid_boolean"] } });
  });

  test("a text field given something that is not text says it takes text; one left out is required", () => {
    const schema = z.object({ t: zText(10) });
    for (const sent of [true, 123, ["a"], { a: 1 }, null]) expect(refusal(schema, { t: sent }), JSON.stringify(sent)).toEqual({ fields: { t: ["text_expected"] } });
    expect(refusal(schema, {})).toEqual({ fields: { t: ["required"] } });
    expect(refusal(schema, { t: "  " })).toEqual({ fields: { t: ["required"] } });
    expect(refusal(schema, { t: " ok " })).toEqual({ value: { t: "ok" } });
  });

  // ?page=, ?pageSize= and the other numbers of a list's address went through z.coerce.number,
  // which read "0x10" as page 16, "1e3" as 1000, "0b11" as 3 and [7] as 7.
  test("a list's page, page size and other address numbers are decimal digits, blank is not given, and nothing else Number() would read is taken", () => {
    const schema = z.object({ page: ZPage, pageSize: ZPageSize, limit: zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(50, { error: "too_large:50" }), 20) });
    for (const [sent, got] of [
      [{}, { page: 1, limit: 20 }],
      [{ page: "", pageSize: " ", limit: "" }, { page: 1, limit: 20 }],
      [{ page: null, pageSize: null, limit: null }, { page: 1, limit: 20 }],
      [{ page: "3", pageSize: "25", limit: " 7 " }, { page: 3, pageSize: 25, limit: 7 }],
      [{ page: "007", pageSize: 10, limit: 50 }, { page: 7, pageSize: 10, limit: 50 }], // an internal caller's numbers
    ] as const)
      expect(refusal(schema, sent), JSON.stringify(sent)).toEqual({ value: got });
    for (const bad of ["0x10", "1e3", "0b11", "0o7", "1.5", "2.0", "+3", "3 apples", "۳", "Infinity", "NaN", true, [2], ["2"], {}, 1.5, Number.NaN, Infinity])
      for (const field of ["page", "pageSize", "limit"])
        expect(refusal(schema, { [field]: bad }), `${field} ${JSON.stringify(bad)}`).toEqual({ fields: { [field]: ["invalid_number"] } });
    expect(refusal(schema, { page: "0", pageSize: "-1", limit: "51" })).toEqual({ fields: { page: ["invalid_number"], pageSize: ["invalid_number"], limit: ["too_large:50"] } });
    expect(refusal(schema, { page: "99999999999999999999" })).toMatchObject({ fields: { page: expect.any(Array) } });
  });

  test("a text or id field given something that is not text says it takes text, through zString and for a plain z.string() too", () => {
    const schema = z.object({ id: zString().trim().min(1, { error: "required" }).max(64, { error: "too_long:64" }), note: zString().trim().default(""), plain: z.string().optional() });
    for (const sent of [123, true, [], ["a"], Array(65).fill("a"), { a: 1 }, null])
      expect(refusal(schema, { id: sent, note: sent, plain: sent }), JSON.stringify(sent)).toEqual({ fields: { id: ["text_expected"], note: ["text_expected"], plain: ["text_expected"] } });
    // A list has a length, which zod checks too; it is told only that it is no text.
    const password = z.object({ p: zString().min(12, { error: "too_short:12" }) });
    expect(refusal(password, { p: ["a"] })).toEqual({ fields: { p: ["text_expected"] } });
    expect(refusal(schema, {})).toEqual({ fields: { id: ["required"] } });
    expect(refusal(schema, { id: " " })).toEqual({ fields: { id: ["required"] } });
    expect(refusal(schema, { id: " x " })).toEqual({ value: { id: "x", note: "" } });
  });

  test("the keys these refusals use read as sentences in each language", () => {
    for (const key of ["text_expected", "invalid_boolean", "date_not_day"])
      for (const locale of LOCALES) expect(fieldErrorMessage(key, locale), `${key} in ${locale}`).not.toBe(key);
  });
});
