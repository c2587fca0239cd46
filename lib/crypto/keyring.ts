import "server-only";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { parseKeyRing, type KeyRing } from "./field-crypto";

// The data keys come from the environment: CASEFILE_DATA_KEY (current) and
// CASEFILE_DATA_KEYS_PREVIOUS (older keys still needed to read old values).
// When they live in the .env file, a running server notices a rotation
// (`casefile keys:rotate` rewrites .env) within a couple of seconds and reads the new keys,
// so rotating needs no restart.

const ENV_FILE = () => resolve(/*turbopackIgnore: true*/ process.env.CASEFILE_ENV_FILE ?? ".env");
const RECHECK_MS = 2000;

type Cache = { ring: KeyRing; mtimeMs: number; checkedAt: number; source: string };
let cache: Cache | null = null;

function fromFile(file: string): { current?: string; previous?: string } | null {
  if (!existsSync(/*turbopackIgnore: true*/ file)) return null;
  const vars = parseEnv(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  if (!vars.CASEFILE_DATA_KEY) return null;
  return { current: vars.CASEFILE_DATA_KEY, previous: vars.CASEFILE_DATA_KEYS_PREVIOUS };
}

export function getKeyRing(): KeyRing {
  const now = Date.now();
  if (cache && now - cache.checkedAt < RECHECK_MS) return cache.ring;
  const file = ENV_FILE();
  const mtimeMs = existsSync(/*turbopackIgnore: true*/ file) ? statSync(/*turbopackIgnore: true*/ file).mtimeMs : 0;
  if (cache && cache.mtimeMs === mtimeMs) {
    cache.checkedAt = now;
    return cache.ring;
  }
  // The file, when it holds the keys, wins over the process environment: it is what a
  // rotation rewrites. Without it (containers, tests) the environment is used.
  const explicit = fromFile(file);
  const current = explicit?.current ?? process.env.CASEFILE_DATA_KEY;
  const previous = explicit?.previous ?? process.env.CASEFILE_DATA_KEYS_PREVIOUS;
  const ring = parseKeyRing(current, previous);
  cache = { ring, mtimeMs, checkedAt: now, source: explicit ? file : "environment" };
  return ring;
}

/** Forget the cached ring (after a rotation in this process, and in tests). */
export function resetKeyRing(): void {
  cache = null;
}
