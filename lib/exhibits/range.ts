export type ByteRange = { start: number; end: number };

/**
 * One byte range from a Range header ("bytes=0-99", "bytes=100-", "bytes=-500"), for seeking
 * in audio and video. Anything else (several ranges, malformed, outside the file) gives null,
 * and the whole file is sent, which HTTP allows.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null {
  if (!header || size <= 0) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start > end || start >= size) return null;
  return { start, end };
}
