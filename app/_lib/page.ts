import "server-only";
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

/** The address of page `n` of the list at `path` with its filters (blank ones left out; page 1 names no page). */
export function listPageHref(path: string, filters: Record<string, string | undefined>): (n: number) => string {
  return (n) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    if (n > 1) q.set("page", String(n));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
}
