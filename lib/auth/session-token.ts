import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// Every signed-in page view decodes the session cookie. next-auth's decode derives the
// encryption key from the secret (HKDF, on the thread pool) and decrypts the JWE each time:
// about a millisecond of server time per view, for the same few cookies over and over. This
// keeps what a cookie decoded to, keyed by the cookie's exact text: AES-GCM authenticated
// that text when it was first decoded, and the same text always decodes to the same payload.
// What depends on the time (expiry, not-before) is checked again on every use, as next-auth's
// decode does (with its 15 s tolerance). Only cookies that decoded are kept, so a stream of
// forged cookies cannot fill the memo, and it is bounded (least recently used dropped first).
// Whether the session is still good (account disabled, session version bumped) is decided
// from the database on every request as before (actorForSession).

const CLOCK_TOLERANCE_SECONDS = 15; // next-auth's decode passes this to jose's jwtDecrypt
export const SESSION_TOKEN_MEMO_SIZE = 1000;

type Entry = { keyedBy: string; payload: JWT }; // keyedBy: the salt and secret it decoded with
const memo = new Map<string, Entry>();

/** Whether a decoded payload's time claims still hold at `now` (seconds), as jose checks them. */
function timely(payload: JWT, now: number): boolean {
  if (typeof payload.exp === "number" && payload.exp <= now - CLOCK_TOLERANCE_SECONDS) return false;
  if (typeof payload.nbf === "number" && payload.nbf > now + CLOCK_TOLERANCE_SECONDS) return false;
  return true;
}

/**
 * next-auth's JWT decode (same parameters, same answers), remembering what each session cookie
 * decoded to. For getToken's `decode` option. Throws, as next-auth's does, for a token that
 * does not decode or has expired.
 */
export async function decodeSessionToken(params: JWTDecodeParams, nowMs: number = Date.now()): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  const key = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  const now = Math.floor(nowMs / 1000);
  const hit = memo.get(token);
  if (hit && hit.keyedBy === key) {
    if (!timely(hit.payload, now)) {
      memo.delete(token);
      throw new Error("The session token has expired.");
    }
    memo.delete(token); // most recently used last
    memo.set(token, hit);
    return hit.payload;
  }
  const payload = await decode(params);
  if (!payload) return null;
  if (!timely(payload, now)) throw new Error("The session token has expired.");
  Object.freeze(payload);
  memo.set(token, { keyedBy: key, payload });
  if (memo.size > SESSION_TOKEN_MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return payload;
}

/** For tests: how many decoded tokens are kept. */
export function sessionTokenMemoSize(): number {
  return memo.size;
}
