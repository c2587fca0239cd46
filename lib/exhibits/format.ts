// Pure helpers shared by the server and the browser (no server-only imports here).

/**
 * "200 MB", "512 KB", "560 bytes": for messages and lists. With a locale other than English, in
 * that language's digits and unit names ("۵۶۰ بایت"), as a page in that language reads.
 */
export function humanBytes(n: number, locale = "en"): string {
  const [value, unit] = n >= 1024 * 1024 ? [Math.round((n / (1024 * 1024)) * 10) / 10, "megabyte"] : n >= 1024 ? [Math.round((n / 1024) * 10) / 10, "kilobyte"] : [n, "byte"];
  if (locale !== "en") return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(value);
  return unit === "megabyte" ? `${value} MB` : unit === "kilobyte" ? `${value} KB` : `${value} bytes`;
}

export type PreviewKind = "audio" | "video" | "image" | "pdf" | "text" | "none";

/** How the page shows a stored type in place. TIFF is an image no browser draws. */
export function previewKind(mime: string): PreviewKind {
  if (mime.startsWith("audio/")) return "audio";
  if (mime.startsWith("video/")) return "video";
  if (mime === "image/tiff") return "none";
  if (mime.startsWith("image/")) return "image";
  if (mime === "application/pdf") return "pdf";
  if (mime === "text/plain") return "text";
  return "none";
}

/** For the file picker: a hint only; the server decides from the content. */
export const ACCEPT_ATTRIBUTE =
  "audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,audio/wav,audio/x-wav,audio/webm,audio/flac,video/mp4,video/webm,video/quicktime,application/pdf,image/jpeg,image/png,image/webp,image/gif,image/tiff,text/plain,.mp3,.m4a,.ogg,.oga,.opus,.wav,.webm,.flac,.mp4,.mov,.pdf,.jpg,.jpeg,.png,.webp,.gif,.tif,.tiff,.txt";
