import "server-only";
import { hasUnstorableText } from "@/lib/validation";
import { forbidden, notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { toAppError } from "@/lib/http";

/** Signed-out visitors go to the sign-in page and come back here afterwards. */
export async function requirePageActor(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

/** Loads through lib and turns its refusals into the 404 and 403 pages (an impossible address: 404). */
export async function orHttpError<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const app = toAppError(e);
    // An id or filter that cannot be valid (a NUL character in the address) names nothing there is.
    if (app?.code === "NOT_FOUND" || app?.code === "INVALID_INPUT") notFound();
    if (app?.code === "FORBIDDEN") forbidden();
    if (app?.code === "UNAUTHENTICATED") redirect("/signin");
    throw e;
  }
}

/** The first value of a query-string parameter. */
export function param(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeCallbackUrl(v: string | undefined): string {
  if (!v || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return "/";
  // Browsers drop tabs and line breaks from addresses ("/\t/evil.example" is "//evil.example"),
  // and a control character or half a surrogate pair cannot go in a Location header.
  if (/[\u0000-\u001f\u007f\\]/.test(v) || hasUnstorableText(v)) return "/";
  return v;
}
