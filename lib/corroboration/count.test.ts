import { describe, expect, test } from "vitest";
import { canonicalWitnessIds, countWitnesses } from "./count";

describe("independent witnesses", () => {
  test("sameAs chains collapse to the record they end at", () => {
    const m = canonicalWitnessIds(new Map([["a", "b"], ["b", "c"], ["c", null], ["d", null], ["e", "c"]]));
    expect(Object.fromEntries(m)).toEqual({ a: "c", b: "c", c: "c", d: "d", e: "c" });
  });

  test("a chain that leads outside the given records ends at that record", () => {
    expect(canonicalWitnessIds(new Map([["a", "z"]])).get("a")).toBe("z");
  });

  test("a cycle (bad data) resolves to one record rather than looping", () => {
    const m = canonicalWitnessIds(new Map([["b", "a"], ["a", "c"], ["c", "b"], ["x", "b"]]));
    expect(new Set(m.values())).toEqual(new Set(["a"]));
  });

  test("two statements by the same witness count once; unverified witnesses are counted apart", () => {
    expect(
      countWitnesses([
        { canonicalWitnessId: "w1", verified: true },
        { canonicalWitnessId: "w1", verified: true },
        { canonicalWitnessId: "w1", verified: false },
        { canonicalWitnessId: "w2", verified: false },
        { canonicalWitnessId: "w2", verified: false },
        { canonicalWitnessId: "w3", verified: true },
      ]),
    ).toEqual({ verifiedWitnesses: 2, unverifiedWitnesses: 1 });
  });
});
