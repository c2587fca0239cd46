import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Decrypter, Encrypter } from "age-encryption";
import { AppError } from "@/lib/errors";

// Passphrase encryption with age (https://age-encryption.org/v1): an scrypt recipient wraps a
// random file key; the payload is ChaCha20-Poly1305 in 64 KiB chunks, so a changed byte anywhere
// fails authentication. Streams throughout: nothing is held whole in memory.

const DEFAULT_LOG_N = 18; // age's own default
export const SCRYPT_ENV = "CASEFILE_BACKUP_SCRYPT_LOG_N";

function workFactor(): number {
  const raw = process.env[SCRYPT_ENV];
  if (!raw) return DEFAULT_LOG_N;
  const n = Number(raw);
  // Lower values exist for tests on slow machines; below 10 a passphrase is too easily guessed.
  if (!Number.isInteger(n) || n < 10 || n > 22) throw new Error(`${SCRYPT_ENV} must be a whole number from 10 to 22`);
  return n;
}

/** Encrypts a Node stream into `dest` (a new file). */
export async function encryptStreamToFile(input: Readable, dest: string, passphrase: string): Promise<void> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(workFactor());
  const out = await e.encrypt(Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>);
  await pipeline(Readable.fromWeb(out as unknown as WebReadableStream<Uint8Array>), createWriteStream(dest, { flags: "wx", mode: 0o600 }));
}

export class WrongPassphrase extends AppError {
  constructor(file: string) {
    super("INVALID_INPUT", `The passphrase does not open ${file} (wrong passphrase, or not a passphrase-encrypted backup). Nothing was written.`);
  }
}

/** Decrypts `src` into `dest`. A wrong passphrase is found from the header, before anything is written. */
export async function decryptFileToFile(src: string, dest: string, passphrase: string, label = src): Promise<void> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  let out: ReadableStream<Uint8Array>;
  try {
    out = (await d.decrypt(Readable.toWeb(createReadStream(src)) as unknown as ReadableStream<Uint8Array>)) as ReadableStream<Uint8Array>;
  } catch {
    throw new WrongPassphrase(label);
  }
  try {
    await pipeline(Readable.fromWeb(out as unknown as WebReadableStream<Uint8Array>), createWriteStream(dest, { flags: "wx", mode: 0o600 }));
  } catch (e) {
    throw new AppError("INVALID_INPUT", `${label} is damaged: its encrypted content failed authentication (${e instanceof Error ? e.message : String(e)}).`);
  }
}
