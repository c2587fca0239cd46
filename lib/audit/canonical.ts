import { createHash } from "node:crypto";

// The canonical serialisation the audit chain hashes: JSON with object keys sorted by
// UTF-16 code units, no whitespace, undefined members dropped. The standalone verifier
// (lib/audit/verify-export.mjs) implements the same rule with Node alone; keep them equal.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number in audit data");
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export const GENESIS_HASH = "0".repeat(64);

export type ChainFields = {
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
};

export function eventHash(e: ChainFields): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      recordType: e.recordType,
      recordId: e.recordId,
      before: e.before,
      after: e.after,
      prevHash: e.prevHash,
    }),
  );
}
