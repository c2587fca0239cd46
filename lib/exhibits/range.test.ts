import { describe, expect, test } from "vitest";
import { parseRange } from "./range";

describe("byte ranges for seeking in recordings", () => {
  test("a closed, an open and a suffix range", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
  });

  test("anything else means the whole file", () => {
    for (const h of [null, "", "bytes=-", "bytes=5-1", "bytes=1000-", "bytes=0-1,5-9", "items=0-1", "bytes=-0", "bytes=a-b"]) {
      expect(parseRange(h, 1000)).toBeNull();
    }
    expect(parseRange("bytes=0-0", 0)).toBeNull();
  });
});
