import { describe, expect, test } from "vitest";
import { CryptoError, decryptField, encryptField, generateKey, keyVersionOf, parseKeyRing } from "./field-crypto";

const k1 = generateKey(1);
const k2 = generateKey(2);
const ctx = { recordType: "Witness", recordId: "w1", field: "legalName" };

function flip(stored: string, part: number): string {
  const parts = stored.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("field encryption", () => {
  test("a value round-trips, in Persian too, and the ciphertext shows nothing of it", () => {
    const ring = parseKeyRing(k1);
    const stored = encryptField(ring, ctx, "مریم نمونه‌ای");
    expect(stored).toMatch(/^cf1\.1\./);
    expect(stored).not.toContain("مریم");
    expect(decryptField(ring, ctx, stored)).toBe("مریم نمونه‌ای");
  });

  test("the same value encrypts differently each time", () => {
    const ring = parseKeyRing(k1);
    expect(encryptField(ring, ctx, "x")).not.toBe(encryptField(ring, ctx, "x"));
  });

  test("a flipped bit in the ciphertext, the tag or the nonce is refused", () => {
    const ring = parseKeyRing(k1);
    const stored = encryptField(ring, ctx, "a protected name");
    for (const part of [2, 3, 4]) expect(() => decryptField(ring, ctx, flip(stored, part)), `part ${part}`).toThrow(CryptoError);
  });

  test("a value moved to another record or another field is refused", () => {
    const ring = parseKeyRing(k1);
    const stored = encryptField(ring, ctx, "a protected name");
    expect(() => decryptField(ring, { ...ctx, recordId: "w2" }, stored)).toThrow(CryptoError);
    expect(() => decryptField(ring, { ...ctx, field: "contact" }, stored)).toThrow(CryptoError);
  });

  test("after rotation, old values still read with the previous key and new ones use the new key", () => {
    const old = parseKeyRing(k1);
    const before = encryptField(old, ctx, "v");
    const rotated = parseKeyRing(k2, k1);
    expect(decryptField(rotated, ctx, before)).toBe("v");
    const after = encryptField(rotated, ctx, "v");
    expect(keyVersionOf(after)).toBe(2);
    expect(() => decryptField(old, ctx, after)).toThrow(/version 2/);
    expect(() => decryptField(parseKeyRing(k2), ctx, before)).toThrow(/version 1/);
  });

  test("the wrong key of the right version is refused", () => {
    const stored = encryptField(parseKeyRing(k1), ctx, "v");
    expect(() => decryptField(parseKeyRing(generateKey(1)), ctx, stored)).toThrow(CryptoError);
  });

  test("malformed keys and a missing key are reported", () => {
    expect(() => parseKeyRing(undefined)).toThrow(/CASEFILE_DATA_KEY/);
    expect(() => parseKeyRing("k1.short")).toThrow(/32 bytes/);
    expect(() => parseKeyRing(k1, generateKey(1))).toThrow(/version 1/);
  });
});
