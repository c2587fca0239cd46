import "server-only";
import { randomUUID } from "node:crypto";
import { write } from "@/lib/db/write";

// A session cookie is a signed, encrypted JWT: the browser forgets it at sign-out, but a copy taken
// before (from a shared computer, a synced profile, malware) stays valid to next-auth until it
// expires, and next-auth's own session endpoint renews it on request. So each session carries an id
// ("sid") and the time of its sign-in ("sat"), both kept across renewals; signing out records the id
// (EndedSession), and actorForSession refuses an ended id, and any session older than
// SESSION_MAX_AGE since its sign-in however often it was renewed. A row is needed only until then.

/** The claims a new session starts with (the jwt callback, at sign-in). */
export function newSessionClaims(now = Date.now()): { sid: string; sat: number } {
  return { sid: randomUUID(), sat: Math.floor(now / 1000) };
}

/**
 * Ends the session a decoded session token belongs to, if it carries an id (sessions from before
 * ids were given have none: they end when their cookie expires). Sweeps ended sessions that would
 * have run out anyway. `maxAgeSeconds`: SESSION_MAX_AGE.
 */
export async function endSession(token: Record<string, unknown> | null | undefined, maxAgeSeconds: number): Promise<void> {
  if (!token || typeof token.sid !== "string" || typeof token.uid !== "string") return;
  const { sid, uid } = token;
  const startedAt = typeof token.sat === "number" ? token.sat * 1000 : Date.now();
  const expiresAt = new Date(startedAt + maxAgeSeconds * 1000 + SWEEP_MARGIN_MS);
  await write(async (tx) => {
    await tx.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.endedSession.upsert({ where: { sid }, create: { sid, userId: uid, expiresAt }, update: {} });
  });
}

/** Kept a little past the session's last possible moment: next-auth's decode allows 15 s of clock skew. */
const SWEEP_MARGIN_MS = 5 * 60_000;
