import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Field-level encryption for protected witness identity: AES-256-GCM, a fresh 96-bit nonce
// per value, and authenticated data that binds the ciphertext to its record and field, so a
// value copied into another witness's row, or into another column, does not decrypt.
//
// Stored form:  cf1.<keyVersion>.<nonce>.<tag>.<ciphertext>   (base64url parts)
// Key form:     k<version>.<base64url of 32 bytes>           (CASEFILE_DATA_KEY)

export type KeyRing = { current: number; keys: Map<number, Buffer> };
export type FieldContext = { recordType: string; recordId: string; field: string };

export class CryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CryptoError";
  }
}

const KEY_RE = /^k(\d{1,6})\.([A-Za-z0-9_-]{43})$/;

export function parseKey(text: string): { version: number; key: Buffer } {
  const m = KEY_RE.exec(text.trim());
  if (!m) throw new CryptoError("A data key must look like k<version>.<43 base64url characters> (32 bytes).");
  const key = Buffer.from(m[2], "base64url");
  if (key.length !== 32) throw new CryptoError("A data key must be 32 bytes.");
  return { version: Number(m[1]), key };
}

export function generateKey(version: number): string {
  return `k${version}.${randomBytes(32).toString("base64url")}`;
}

/** The current key first, then any previous keys (comma-separated) still needed to read old values. */
export function parseKeyRing(current: string | undefined, previous?: string): KeyRing {
  if (!current?.trim()) throw new CryptoError("CASEFILE_DATA_KEY is not set: protected witness identity cannot be read or written.");
  const cur = parseKey(current);
  const keys = new Map([[cur.version, cur.key]]);
  for (const part of (previous ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const k = parseKey(part);
    if (keys.has(k.version) && !keys.get(k.version)!.equals(k.key)) throw new CryptoError(`Two different keys have version ${k.version}.`);
    keys.set(k.version, k.key);
  }
  return { current: cur.version, keys };
}

function aad(ctx: FieldContext): Buffer {
  return Buffer.from(`casefile/v1|${ctx.recordType}|${ctx.recordId}|${ctx.field}`, "utf8");
}

export function encryptField(ring: KeyRing, ctx: FieldContext, plaintext: string): string {
  const key = ring.keys.get(ring.current)!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad(ctx));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["cf1", String(ring.current), nonce.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

export function keyVersionOf(stored: string): number {
  const parts = stored.split(".");
  if (parts.length !== 5 || parts[0] !== "cf1" || !/^\d+$/.test(parts[1])) throw new CryptoError("Not a Casefile ciphertext.");
  return Number(parts[1]);
}

export function decryptField(ring: KeyRing, ctx: FieldContext, stored: string): string {
  const version = keyVersionOf(stored);
  const key = ring.keys.get(version);
  if (!key) throw new CryptoError(`No key with version ${version} is configured.`);
  const [, , nonce, tag, ct] = stored.split(".");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
    decipher.setAAD(aad(ctx));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // One message for every failure: a wrong key, a changed byte, or a value moved from another record.
    throw new CryptoError("A protected value failed its integrity check and was not decrypted.");
  }
}
