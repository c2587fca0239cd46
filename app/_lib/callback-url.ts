import { hasUnstorableText } from "@/lib/validation";

const ORIGIN = "http://casefile.invalid";

/**
 * Where to return after signing in: only a path of this site, and written as it can go in a
 * Location header. The path comes from the address or the sign-in form, so it may hold characters
 * outside ASCII (a Persian search, /search?q=اوین): Node refuses those in a header, and the
 * redirect answered 500. They are percent-encoded here, as a browser sends them.
 */
export function safeCallbackUrl(v: string | undefined): string {
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return "/";
  // Browsers drop tabs and line breaks from addresses ("/\t/evil.example" is "//evil.example"),
  // and a control character or half a surrogate pair has no encoding.
  if (/[\u0000-\u001f\u007f\\]/.test(v) || hasUnstorableText(v)) return "/";
  let url: URL;
  try {
    url = new URL(v, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  return url.pathname + url.search + url.hash;
}
