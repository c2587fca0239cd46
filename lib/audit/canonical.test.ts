import { describe, expect, test } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, sha256Hex } from "./canonical";

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
  test("SHA-256 of a known string", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
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
