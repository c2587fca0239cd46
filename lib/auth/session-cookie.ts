import "server-only";
import { encode } from "next-auth/jwt";
import { authOptions, SESSION_MAX_AGE } from "./options";

// The session cookie for a user who has just proved who they are, made exactly as next-auth
// makes it after its credentials sign-in: the same JWT (next-auth's default claims, then our
// jwt callback's uid and sv), encrypted by next-auth's own encode with the same secret, under
// the cookie name and settings getToken reads. The sign-in form's server action sets it, so
// signing in works without JavaScript too (app/signin/actions.ts).

export type SessionCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } };

/**
 * The cookie name next-auth's getToken looks for: __Secure- when the site is served over https.
 * next-auth 4 exports no function for it; session-cookie.test.ts holds this to next-auth's own.
 */
function sessionCookieName(): { name: string; secure: boolean } {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? !!process.env.VERCEL;
  return { name: secure ? "__Secure-next-auth.session-token" : "next-auth.session-token", secure };
}

function cookie(value: string, maxAge: number): SessionCookie {
  const { name, secure } = sessionCookieName();
  return { name, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge } };
}

/** Signing out: the session cookie emptied and expired at once, as next-auth's sign-out does for a JWT session. */
export function endedSessionCookie(): SessionCookie {
  return cookie("", 0);
}

export async function sessionCookieFor(user: { id: string; email: string; name: string; sessionVersion: number }): Promise<SessionCookie> {
  const secret = authOptions.secret;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set.");
  const jwt = authOptions.callbacks!.jwt!;
  const token = await jwt({ token: { name: user.name, email: user.email, sub: user.id }, user: { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion } as never, account: null, trigger: "signIn" });
  return cookie(await encode({ token, secret, maxAge: SESSION_MAX_AGE }), SESSION_MAX_AGE);
}
