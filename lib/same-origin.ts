/**
 * Whether a request's Origin, when one is sent, is this site (as Next checks a server action's:
 * the forwarded host, or the Host). No Origin at all is let through, as Next lets it through:
 * only a hand-made request or an old browser sends none, and neither carries another site's
 * cookies. Used for server actions (lib/server-actions/check-request.ts) and for the JSON API's
 * writes signed in by cookie (lib/api/handler.ts).
 */
export function originAllowed(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (!host) return false;
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host === forwarded || host === req.headers.get("host");
}
