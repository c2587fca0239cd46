import { NextResponse, type NextRequest } from "next/server";

// A path whose percent-encoding does not decode to UTF-8 (/persons/%FF, /statements/%D8%00) is
// the client's mistake, but Next, unable to decode it, answers 500 (vercel/next.js#92527). Such
// paths are answered 400 here, before routing. Only paths with a percent sign come here (the
// matcher), so no other request pays for it.
export function proxy(req: NextRequest) {
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

export const config = { matcher: "/(.*%.*)" };
