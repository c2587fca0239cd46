import "server-only";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { Prisma } from "@/generated/sqlite/client";
import { rawAll } from "@/lib/db/client";
import { isTrue } from "@/lib/db/raw-values";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { authOptions, SESSION_MAX_AGE } from "./options";
import { decodeSessionToken } from "./session-token";
import { isRole } from "./roles";
import { actorFromToken } from "./tokens";

/**
 * The actor behind a session, checked against the database on every request: a disabled
 * account, or a session version older than the user's (bumped by password change, role
 * change and disable), is refused even though the cookie itself is still validly signed. So is
 * a session that was signed out (its id `sid` recorded as ended), or signed in (`sat`, seconds)
 * longer than SESSION_MAX_AGE ago however often its cookie was renewed (lib/auth/sessions.ts).
 * A session without an id (a cookie made before sessions had one) is checked as before.
 */
export async function actorForSession(uid: unknown, sv: unknown, sid?: unknown, sat?: unknown, nowMs = Date.now()): Promise<Actor | null> {
  if (typeof uid !== "string" || typeof sv !== "number") return null;
  const identified = sid !== undefined;
  if (identified && (typeof sid !== "string" || typeof sat !== "number" || nowMs / 1000 - sat > SESSION_MAX_AGE + CLOCK_TOLERANCE_SECONDS)) return null;
  // Every page view and API call starts here, so it is one plain query (rawAll) rather than a
  // Prisma query (~1 ms of query compiling and row mapping per request, measured under load).
  const ended = identified ? Prisma.sql`(SELECT COUNT(*) FROM "EndedSession" e WHERE e."sid" = ${sid})` : Prisma.sql`0`;
  const [user] = await rawAll<UserRow>(Prisma.sql`SELECT "id", "email", "name", "role", "disabled", "sessionVersion", ${ended} AS "ended" FROM "User" WHERE "id" = ${uid}`);
  if (!user || isTrue(user.disabled) || Number(user.sessionVersion) !== sv || Number(user.ended) > 0 || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: sv };
}

type UserRow = { id: string; email: string; name: string; role: string; disabled: boolean | number; sessionVersion: number | bigint; ended: number | bigint };

/** As next-auth's decode allows for an expiry. */
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * The signed-in actor for pages, layouts and server actions, or null. Cached per request.
 * The session cookie is decoded with next-auth's own getToken, from the cookies alone:
 * getServerSession decoded it too, then ran the callbacks and encrypted a renewed cookie that a
 * page can never send (a server component cannot set cookies), on every view. The decoding
 * itself is remembered per cookie (session-token.ts).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await currentSessionToken();
  if (!token) return null;
  return actorForSession(token.uid, token.sv, token.sid, token.sat);
});

/** The session token the request's cookies carry, decoded, or null. */
export async function currentSessionToken() {
  const jar = await cookies();
  return getToken({ req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as never, secret: authOptions.secret, decode: decodeSessionToken });
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
