#!/usr/bin/env node
// Verifies a Casefile audit export (JSON Lines) with nothing but Node.js: no Casefile code,
// no packages. Usage:  node verify-export.mjs audit.jsonl
// Exit 0: every event's hash and link checked. Exit 1: the first bad line is named.
// The rules are in EXPORT-FORMAT.md next to this file.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

function canonical(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v === undefined ? null : v)).join(",")}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
}

const FIELDS = ["seq", "at", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash"];

export async function verifyFile(path) {
  let prev = "0".repeat(64);
  let expected = null;
  let count = 0;
  let line = 0;
  const rl = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  for await (const text of rl) {
    line++;
    if (text.trim() === "") continue;
    let e;
    try {
      e = JSON.parse(text);
    } catch {
      return { ok: false, events: count, line, reason: "not valid JSON" };
    }
    if (expected === null) {
      expected = e.seq;
      if (e.seq !== 1) return { ok: false, events: count, line, seq: e.seq, reason: "the export does not start at sequence number 1" };
    }
    if (e.seq !== expected) return { ok: false, events: count, line, seq: expected, reason: `missing event (found ${e.seq})` };
    if (e.prevHash !== prev) return { ok: false, events: count, line, seq: e.seq, reason: "does not link to the previous event" };
    const covered = Object.fromEntries(FIELDS.map((f) => [f, e[f]]));
    const hash = createHash("sha256").update(canonical(covered)).digest("hex");
    if (hash !== e.hash) return { ok: false, events: count, line, seq: e.seq, reason: "hash does not match the content" };
    prev = e.hash;
    expected++;
    count++;
  }
  return { ok: true, events: count, lastHash: prev };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node verify-export.mjs AUDIT.jsonl");
    process.exit(2);
  }
  const r = await verifyFile(file);
  if (r.ok) {
    console.log(`OK: ${r.events} events verified; last hash ${r.lastHash}`);
    process.exit(0);
  }
  console.error(`FAILED at line ${r.line}${r.seq ? ` (sequence number ${r.seq})` : ""}: ${r.reason}; ${r.events} events before it verified`);
  process.exit(1);
}
