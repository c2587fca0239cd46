import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** The SHA-256 and size of a file on disk, read as a stream. */
export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const h = createHash("sha256");
  let size = 0;
  for await (const c of createReadStream(path)) {
    h.update(c as Buffer);
    size += (c as Buffer).length;
  }
  return { sha256: h.digest("hex"), size };
}
