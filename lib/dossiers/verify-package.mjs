#!/usr/bin/env node
// Verifies a Casefile dossier package with nothing but Node.js (crypto, zlib, fs): no Casefile
// code, no packages. A copy of this file is in every package as verify.mjs.
//
//   node verify.mjs                  in the folder where the package was unzipped
//   node verify.mjs FOLDER           an unzipped package elsewhere
//   node verify.mjs package.zip      the ZIP itself, read without unzipping
//
// Every file listed in manifest.json is hashed (SHA-256) and its size compared; files that
// are missing, differ, or are in the package without being listed are each named. Each line
// of audit-events.jsonl must still carry the hash the audit chain gave it. Exit 0: all match.
// Exit 1: the problems are printed, one per line. Exit 2: the package could not be read.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

const AUDIT_FIELDS = ["seq", "at", "actorId", "actorLabel", "action", "recordType", "recordId", "before", "after", "prevHash"];

function canonical(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v === undefined ? null : v)).join(",")}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
}

// ------------------------------------------------------------------ reading a ZIP (with ZIP64)

async function readAt(fh, position, length) {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** The central directory: name, method, sizes and local-header offset of every entry. */
async function zipEntries(path) {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = await readAt(fh, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("not a ZIP file (no end of central directory)");
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locPos = size - tailLen + eocd - 20;
      const loc = await readAt(fh, locPos, 20);
      if (loc.readUInt32LE(0) !== 0x07064b50) throw new Error("ZIP64 locator missing");
      const z64 = await readAt(fh, Number(loc.readBigUInt64LE(8)), 56);
      if (z64.readUInt32LE(0) !== 0x06064b50) throw new Error("ZIP64 end of central directory missing");
      count = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error("damaged central directory");
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString("utf8");
      const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      for (let q = 0; q + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(q);
        const len = extra.readUInt16LE(q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (uncompressedSize === 0xffffffff) (uncompressedSize = Number(extra.readBigUInt64LE(r))), (r += 8);
          if (compressedSize === 0xffffffff) (compressedSize = Number(extra.readBigUInt64LE(r))), (r += 8);
          if (localOffset === 0xffffffff) localOffset = Number(extra.readBigUInt64LE(r));
        }
        q += 4 + len;
      }
      entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    for (const e of entries) {
      const lh = await readAt(fh, e.localOffset, 30);
      if (lh.readUInt32LE(0) !== 0x04034b50) throw new Error(`damaged local header of ${e.name}`);
      e.dataOffset = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

function entryStream(path, e) {
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start: e.dataOffset, end: e.dataOffset + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  if (e.method === 8) {
    const inflate = createInflateRaw();
    raw.on("error", (err) => inflate.destroy(err));
    return raw.pipe(inflate);
  }
  throw new Error(`${e.name}: unsupported compression method ${e.method}`);
}

// ------------------------------------------------------------------ a package, zipped or not

async function openPackage(target) {
  const s = await stat(target);
  if (s.isDirectory()) {
    const names = [];
    const walk = async (dir) => {
      for (const d of await readdir(dir, { withFileTypes: true })) {
        const full = join(dir, d.name);
        if (d.isDirectory()) await walk(full);
        else names.push(relative(target, full).split(sep).join("/"));
      }
    };
    await walk(target);
    return { names, open: async (name) => createReadStream(join(target, ...name.split("/"))) };
  }
  const entries = (await zipEntries(target)).filter((e) => !e.name.endsWith("/"));
  const byName = new Map();
  const duplicates = [];
  for (const e of entries) {
    if (byName.has(e.name)) duplicates.push(e.name);
    byName.set(e.name, e);
  }
  return { names: entries.map((e) => e.name), duplicates, open: async (name) => entryStream(target, byName.get(name)) };
}

async function hashStream(stream) {
  const h = createHash("sha256");
  let size = 0;
  for await (const chunk of stream) {
    h.update(chunk);
    size += chunk.length;
  }
  return { sha256: h.digest("hex"), size };
}

async function readAll(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Checks one audit line's own hash (the package holds a selection, so links are not checked). */
async function checkAudit(stream, problems) {
  let carry = "";
  let line = 0;
  let count = 0;
  let lastSeq = 0;
  const one = (text) => {
    line++;
    if (text.trim() === "") return;
    let e;
    try {
      e = JSON.parse(text);
    } catch {
      problems.push({ path: "audit-events.jsonl", problem: `line ${line} is not valid JSON` });
      return;
    }
    const covered = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, e[f]]));
    if (createHash("sha256").update(canonical(covered)).digest("hex") !== e.hash) problems.push({ path: "audit-events.jsonl", problem: `line ${line} (sequence number ${e.seq}): hash does not match the content` });
    else if (!(e.seq > lastSeq)) problems.push({ path: "audit-events.jsonl", problem: `line ${line}: sequence numbers out of order` });
    lastSeq = e.seq;
    count++;
  };
  for await (const chunk of stream) {
    carry += chunk.toString("utf8");
    const lines = carry.split("\n");
    carry = lines.pop();
    for (const l of lines) one(l);
  }
  if (carry) one(carry);
  return count;
}

/**
 * Verifies a package (a ZIP file or an unzipped folder).
 * @param {string} target
 * @returns {Promise<{ ok: boolean, checked: number, auditEvents: number, problems: { path: string, problem: string }[], manifest: any }>}
 */
export async function verifyPackage(target) {
  const pkg = await openPackage(resolve(target));
  const problems = [];
  for (const d of pkg.duplicates ?? []) problems.push({ path: d, problem: "appears more than once in the ZIP" });
  if (!pkg.names.includes("manifest.json")) return { ok: false, checked: 0, auditEvents: 0, problems: [{ path: "manifest.json", problem: "missing: this is not a Casefile dossier package" }], manifest: null };
  let manifest;
  try {
    manifest = JSON.parse((await readAll(await pkg.open("manifest.json"))).toString("utf8"));
  } catch {
    return { ok: false, checked: 0, auditEvents: 0, problems: [{ path: "manifest.json", problem: "not valid JSON" }], manifest: null };
  }
  const listed = new Set();
  let checked = 0;
  let auditEvents = 0;
  for (const f of manifest.files ?? []) {
    listed.add(f.path);
    if (!pkg.names.includes(f.path)) {
      problems.push({ path: f.path, problem: "MISSING: listed in the manifest but not in the package" });
      continue;
    }
    const got = await hashStream(await pkg.open(f.path));
    checked++;
    if (got.sha256 !== f.sha256) problems.push({ path: f.path, problem: `MISMATCH: SHA-256 is ${got.sha256}, the manifest says ${f.sha256}` });
    else if (got.size !== f.size) problems.push({ path: f.path, problem: `MISMATCH: size is ${got.size}, the manifest says ${f.size}` });
    if (f.path === "audit-events.jsonl") auditEvents = await checkAudit(await pkg.open(f.path), problems);
  }
  for (const n of pkg.names) if (n !== "manifest.json" && !listed.has(n)) problems.push({ path: n, problem: "UNEXPECTED: in the package but not in the manifest" });
  return { ok: problems.length === 0, checked, auditEvents, problems, manifest };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const target = process.argv[2] ?? ".";
  try {
    const r = await verifyPackage(target);
    if (r.ok) {
      console.log(`OK: ${r.checked} files match manifest.json (dossier ${r.manifest.dossier?.id}, export ${r.manifest.export?.id}); ${r.auditEvents} audit events carry their hashes`);
      process.exit(0);
    }
    for (const p of r.problems) console.error(`${p.path}: ${p.problem}`);
    console.error(`FAILED: ${r.problems.length} problem(s) in ${target}`);
    process.exit(1);
  } catch (e) {
    console.error(`cannot read ${target}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}
