// Pure helpers shared by the server and the browser (no server-only imports here).

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
const SHORT = { byte: "bytes", kilobyte: "KB", megabyte: "MB", gigabyte: "GB" } as const;

/**
 * "200 MB", "512 KB", "560 bytes", "1.2 GB": for messages and lists. With a locale other than
 * English, in that language's digits and unit names ("۵۶۰ بایت", "۱٫۲ مگابایت"), as a page in
 * that language reads. Digits always come from Intl.NumberFormat. A size that rounds to 1024 of
 * a unit is read in the next (1,048,575 bytes is "1 MB", not "1024 KB").
 */
export function humanBytes(n: number, locale = "en"): string {
  let i = 0;
  while (i < UNITS.length - 1 && n >= 1024 ** (i + 1)) i++;
  let value = Math.round((n / 1024 ** i) * 10) / 10;
  if (i > 0 && value >= 1024 && i < UNITS.length - 1) value = Math.round((n / 1024 ** ++i) * 10) / 10;
  const unit = UNITS[i]!;
  if (locale !== "en" || unit === "byte") return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long", maximumFractionDigits: 1 }).format(value);
  return `${new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(value)} ${SHORT[unit]}`;
}

/** The exact byte count, grouped, in the reader's digits ("1,234,567 bytes", "۱٬۲۳۴٬۵۶۷ بایت"): beside humanBytes for whoever checks a size. */
export function exactBytes(n: number, locale = "en"): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "long" }).format(n);
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
