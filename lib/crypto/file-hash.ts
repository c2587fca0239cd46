import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";

/** The SHA-256 and size of what a stream holds, read to its end. */
export async function sha256OfStream(input: AsyncIterable<unknown>): Promise<{ sha256: string; size: number }> {
  const h = createHash("sha256");
  let size = 0;
  for await (const c of input) {
    h.update(c as Buffer);
    size += (c as Buffer).length;
  }
  return { sha256: h.digest("hex"), size };
}

/** The SHA-256 and size of a file on disk, read as a stream. */
export function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  return sha256OfStream(createReadStream(path));
}

/**
 * A stream that passes its bytes on unchanged and hashes them on the way: `digest()` gives
 * their SHA-256 and count once the stream has ended.
 */
export function hashingTap(): { stream: Transform; digest(): { sha256: string; size: number } } {
  const h = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      h.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, digest: () => ({ sha256: h.digest("hex"), size }) };
}
