import type { ByteRange } from "./range";

const EXTENSIONS: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
  "audio/wav": "wav",
  "audio/webm": "webm",
  "audio/flac": "flac",
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/tiff": "tiff",
  "text/plain": "txt",
};

export function extensionFor(mime: string): string {
  return EXTENSIONS[mime] ?? "bin";
}

/** Types a browser may show in the page; everything is downloaded otherwise. */
export function previewable(mime: string): boolean {
  return /^(audio|video|image)\//.test(mime) || mime === "application/pdf" || mime === "text/plain";
}

// RFC 5987 / 6266: the original name (often Persian) in filename*, and a plain ASCII name
// built from the exhibit number for old clients. Nothing from the user reaches the
// quoted-string, so no quote or line break can be smuggled into the header.
function contentDisposition(kind: "attachment" | "inline", number: string, mime: string, originalName: string): string {
  const ascii = `${number}.${extensionFor(mime)}`;
  const utf8 = encodeURIComponent(`${number} ${originalName}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function fileHeaders(
  file: { number: string; sha256: string; mime: string; originalName: string; size: number },
  { inline, range }: { inline: boolean; range: ByteRange | null },
): Headers {
  const showInline = inline && previewable(file.mime);
  const h = new Headers();
  h.set("Content-Type", file.mime === "text/plain" ? "text/plain; charset=utf-8" : file.mime);
  // Note: Next 16.4 drops Content-Length from route-handler responses when it writes them
  // (FORBIDDEN_HEADERS in next/dist/server/send-response.js), so over HTTP the body goes out
  // chunked; the size is still in the exhibit's metadata and in Content-Range for ranges.
  h.set("Content-Length", String(range ? range.end - range.start + 1 : file.size));
  h.set("Content-Disposition", contentDisposition(showInline ? "inline" : "attachment", file.number, file.mime, file.originalName));
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Cache-Control", "private, no-store");
  h.set("Accept-Ranges", "bytes");
  // Even an accepted type is never given the site's origin to run scripts in. Only our own
  // pages may frame it (the PDF preview): browsers let frame-ancestors override the
  // site-wide X-Frame-Options: DENY from next.config.js.
  h.set("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  if (range) h.set("Content-Range", `bytes ${range.start}-${range.end}/${file.size}`);
  // RFC 9530: the whole file's digest, so a client can check what it received.
  h.set("Repr-Digest", `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`);
  h.set("X-Exhibit-Number", file.number);
  return h;
}
