import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
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
  const session = (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown } | null;
  if (!session) return null;
  return actorForSession(session.uid, session.sv);
});

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
