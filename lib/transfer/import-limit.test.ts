import { describe, expect, it } from "vitest";
import { loadTimeoutMs } from "./import";

describe("the import transaction's time limit", () => {
  it("is 30 minutes for an export of ordinary size", () => {
    expect(loadTimeoutMs(0)).toBe(30 * 60_000);
    expect(loadTimeoutMs(100_000)).toBe(30 * 60_000);
  });
  it("grows by 10 ms a row past that, so a large archive is not rolled back for its size", () => {
    expect(loadTimeoutMs(411_005)).toBe(4_110_050);
    expect(loadTimeoutMs(2_000_000)).toBe(20_000_000);
  });
});
