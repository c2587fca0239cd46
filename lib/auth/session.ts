import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { isRole } from "./roles";
import { actorFromToken } from "./tokens";

/**
 * The actor behind a session, checked against the database on every request: a disabled
 * account, or a session version older than the user's (bumped by password change, role
 * change and disable), is refused even though the cookie itself is still validly signed.
 */
export async function actorForSession(uid: unknown, sv: unknown): Promise<Actor | null> {
  if (typeof uid !== "string" || typeof sv !== "number") return null;
  const user = await read((db) => db.user.findUnique({ where: { id: uid } }));
  if (!user || user.disabled || user.sessionVersion !== sv || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in actor for pages, layouts and server actions, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await sessionClaims();
  if (!session) return null;
  return actorForSession(session.uid, session.sv);
});

// The session cookie is a JWE that only this server can have made (next-auth's own decode,
// with the secret). getServerSession decodes it on every page through next-auth's whole request
// handler (key derivation, decryption, a fresh cookie that a page cannot even set); a page
// needs only uid and sv. Decoding a given cookie value always gives the same claims, so the
// claims of recently seen cookies are kept (bounded) and only their expiry is checked again on
// each use, with next-auth's 15 s of clock tolerance. The database check in actorForSession
// still runs on every request.
type Claims = { uid?: unknown; sv?: unknown; exp?: unknown; nbf?: unknown };
const CLOCK_TOLERANCE_S = 15;
const MAX_REMEMBERED = 1000;
const remembered = new Map<string, Claims>(); // cookie value → its claims (the secret does not change while the server runs)

function current(claims: Claims): boolean {
  const now = Math.floor(Date.now() / 1000);
  if (claims.exp !== undefined && (typeof claims.exp !== "number" || claims.exp <= now - CLOCK_TOLERANCE_S)) return false;
  if (claims.nbf !== undefined && (typeof claims.nbf !== "number" || claims.nbf > now + CLOCK_TOLERANCE_S)) return false;
  return true;
}

/** The session cookie's value as next-auth reads it: the cookie itself or its numbered chunks, in order. */
function sessionCookie(all: { name: string; value: string }[]): string {
  const secure = authOptions.useSecureCookies ?? process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const name = authOptions.cookies?.sessionToken?.name ?? `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const suffix = (n: string) => parseInt(n.split(".").pop() ?? "0");
  return all
    .filter((c) => c.name.startsWith(name))
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((c) => c.value)
    .join("");
}

async function sessionClaims(): Promise<{ uid?: unknown; sv?: unknown } | null> {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  // Without a secret next-auth reports its own configuration error: leave that to it.
  if (!secret) return (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown } | null;
  return claimsOfCookies((await cookies()).getAll(), secret);
}

/** The current claims of the session cookie among `all`, or null (none, not ours, expired). Exported for tests. */
export async function claimsOfCookies(all: { name: string; value: string }[], secret: string): Promise<{ uid?: unknown; sv?: unknown } | null> {
  const token = sessionCookie(all);
  if (!token) return null;
  let claims = remembered.get(token);
  if (!claims) {
    const decoded = await decode({ token, secret }).catch(() => null);
    if (!decoded) return null;
    claims = { uid: decoded.uid, sv: decoded.sv, exp: decoded.exp, nbf: decoded.nbf };
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, claims);
  }
  return current(claims) ? claims : null;
}

/** For the JSON API: a Bearer personal access token, or else the session cookie. */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const auth = req.headers.get("authorization");
  if (auth !== null) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new AppError("UNAUTHENTICATED", "The Authorization header must be 'Bearer <token>'.");
    return actorFromToken(m[1]);
  }
  return getActor();
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return actor;
}
