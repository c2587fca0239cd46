import { NextResponse, type NextRequest } from "next/server";
import { checkActionRequest } from "@/lib/server-actions/check-request";
import { knownActionIds } from "@/lib/server-actions/known-actions";

// A path whose percent-encoding does not decode to UTF-8 (/persons/%FF, /statements/%D8%00) is
// the client's mistake, but Next, unable to decode it, answers 500 (vercel/next.js#92527). Such
// paths are answered 400 here, before routing. Only paths with a percent sign come here (the
// matcher), so no other request pays for it.
export async function proxy(req: NextRequest) {
  // A server action Next could not decode, too large, from another origin or unknown to this build
  // (a page opened before an upgrade): answered here in the user's language, not with Next's 500
  // or its English text (lib/server-actions/check-request.ts). Only POSTs that may be actions get here.
  if (req.method === "POST" && !req.nextUrl.pathname.startsWith("/api/")) {
    const refusal = await checkActionRequest(req, knownActionIds());
    if (refusal) return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  try {
    decodeURIComponent(req.nextUrl.pathname);
  } catch {
    const api = req.nextUrl.pathname.startsWith("/api/");
    const message = "The address is malformed: part of it is not valid URL encoding. Check the link. / این نشانی نادرست است: بخشی از آن رمزگذاری معتبر URL ندارد. پیوند را بررسی کنید.";
    return api
      ? NextResponse.json({ error: { code: "INVALID_INPUT", message } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return NextResponse.next();
}

// Paths with a percent sign, and posts that may be server actions (the fetch header, or a
// multipart form posted without JavaScript); page views and API calls do not come here.
export const config = {
  matcher: [
    "/(.*%.*)",
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
