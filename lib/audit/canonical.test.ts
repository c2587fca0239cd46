import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, sha256Hex } from "./canonical";

/** The rule written the slow, obvious way: what canonicalJson must keep returning. */
function reference(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite");
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v) => reference(v === undefined ? null : v)).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(",")}}`;
}

describe("canonical JSON", () => {
  test("sorts keys at every depth, drops undefined, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, b: "x" } })).toBe('{"a":{"b":"x","d":[3,1]},"b":1}');
  });
  test("is the same for the same data in any key order", () => {
    expect(canonicalJson({ x: 1, y: "یک" })).toBe(canonicalJson({ y: "یک", x: 1 }));
  });
  test("refuses numbers JSON cannot represent", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
  test("gives exactly the reference serialisation for awkward data", () => {
    const samples: unknown[] = [
      {},
      [],
      { only: undefined },
      { a: undefined, b: null, c: 0, d: -0, e: 1e21, f: 1.5, g: true, h: false },
      { "10": 1, "9": 2, "": 3, a: 4, A: 5, é: 6, "\u200c": 7, "😀": 8, "\uffff": 9, ب: 10, "1a": 11 },
      { nested: { z: [1, undefined, { y: undefined, x: [[], {}] }], a: new Date("2026-12-01T16:02:38.205Z") } },
      { text: 'quote " backslash \\ newline \n tab \t ctl \u0001 sep \u2028 lone \ud800 نمونهٔ‌ساختگی' },
      // eslint-disable-next-line no-sparse-arrays
      { sparse: [1, , 3] },
      [{ b: 2, a: 1 }, "x", null],
    ];
    for (const s of samples) expect(canonicalJson(s)).toBe(reference(s));
  });
  test("SHA-256 of a known string, and of text and bytes as Node's Hash gives it", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (const d of ["", "نمونهٔ ساختگی\u200c", "lone \ud800", Buffer.from([0, 1, 2, 255])])
      expect(sha256Hex(d)).toBe(createHash("sha256").update(d).digest("hex"));
  });
  test("an event's hash changes when any field changes", () => {
    const e = { seq: 1, at: "2026-01-01T00:00:00.000Z", actorId: "u", actorLabel: "a@x", action: "x.y", recordType: "T", recordId: "r", before: null, after: '{"a":1}', prevHash: GENESIS_HASH };
    const h = eventHash(e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const [k, v] of Object.entries({ seq: 2, at: "2026-01-01T00:00:00.001Z", actorId: "v", action: "x.z", recordId: "s", after: '{"a":2}', prevHash: "1".repeat(64) })) {
      expect(eventHash({ ...e, [k]: v }), k).not.toBe(h);
    }
  });
});
