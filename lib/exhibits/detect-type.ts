import { fileTypeFromBuffer } from "file-type";

// The type of an exhibit is decided from its bytes, never from its name or from what the
// browser claims: a renamed executable or web page must not become "audio" by its extension.

/** Detected MIME type -> the type we store and serve. Anything not here is refused. */
const ALLOWED: Record<string, string> = {
  "audio/mpeg": "audio/mpeg",
  "audio/mp4": "audio/mp4",
  "audio/x-m4a": "audio/mp4",
  "audio/ogg": "audio/ogg",
  "audio/ogg; codecs=opus": "audio/ogg",
  "audio/opus": "audio/ogg",
  "audio/wav": "audio/wav",
  "audio/vnd.wave": "audio/wav",
  "audio/x-wav": "audio/wav",
  "audio/webm": "audio/webm",
  "audio/flac": "audio/flac",
  "audio/x-flac": "audio/flac",
  "video/mp4": "video/mp4",
  "video/webm": "video/webm",
  "video/quicktime": "video/quicktime",
  "application/pdf": "application/pdf",
  "image/jpeg": "image/jpeg",
  "image/png": "image/png",
  "image/webp": "image/webp",
  "image/gif": "image/gif",
  "image/tiff": "image/tiff",
  "text/plain": "text/plain",
};

/** The stored types, for messages and the OpenAPI document. */
export const ALLOWED_TYPES = [...new Set(Object.values(ALLOWED))];

export const ALLOWED_DESCRIPTION =
  "audio (MP3, M4A, Ogg, WAV, WebM, FLAC), video (MP4, WebM, QuickTime), PDF, images (JPEG, PNG, WebP, GIF, TIFF) and plain UTF-8 text";

/** How many leading bytes are looked at. Containers such as MP4 and WebM need more than a few. */
export const SNIFF_BYTES = 64 * 1024;

export type Detected = { mime: string; allowed: boolean };

export function allowedMime(detected: string): string | null {
  return ALLOWED[detected] ?? null;
}

// Bytes that do not occur in plain text: NUL and the C0 controls other than
// tab, line feed, vertical tab, form feed, carriage return and escape.
function hasControlBytes(b: Uint8Array): boolean {
  for (const c of b) if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) return true;
  return false;
}

/** Valid UTF-8 apart from, possibly, one sequence cut off at the end of the window. */
function isUtf8Prefix(b: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Plain text has no magic bytes, so it is recognised by rule: UTF-8 without control bytes,
 * and not markup. A web page or SVG is text too, but a browser would run its scripts, so
 * anything that starts with "<" is called text/html and refused.
 */
function detectText(head: Uint8Array, complete: boolean): string | undefined {
  let b = head;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (hasControlBytes(b) || !isUtf8Prefix(b, complete)) return undefined;
  const start = new TextDecoder().decode(b.subarray(0, 512)).trimStart();
  if (start.startsWith("<")) return "text/html";
  return "text/plain";
}

/** Decides the type from the first bytes. `complete`: `head` is the whole file. */
export async function detectType(head: Uint8Array, complete: boolean): Promise<Detected> {
  const found = await fileTypeFromBuffer(head);
  const mime = found?.mime ?? detectText(head, complete) ?? "application/octet-stream";
  const stored = allowedMime(mime);
  return stored ? { mime: stored, allowed: true } : { mime, allowed: false };
}

/**
 * Checks, chunk by chunk, that a file sniffed as text stays text to its end: the first
 * bytes alone would let a binary with a text-like start through as text/plain.
 */
export type TextChecker = { push(chunk: Uint8Array): boolean; end(): boolean };

export function textChecker(): TextChecker {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return {
    push(chunk: Uint8Array): boolean {
      if (hasControlBytes(chunk)) return false;
      try {
        decoder.decode(chunk, { stream: true });
        return true;
      } catch {
        return false;
      }
    },
    end(): boolean {
      try {
        decoder.decode();
        return true;
      } catch {
        return false;
      }
    },
  };
}
