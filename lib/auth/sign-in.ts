import "server-only";
import { read } from "@/lib/db/write";
import { hasUnstorableText } from "@/lib/validation";
import { presentedDevice } from "./device-cookie";
import { dummyHash, verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure } from "./throttle";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks a sign-in. A missing account, a disabled account and a wrong password all answer
 * "invalid" after the same password hashing work, so the answer reveals nothing.
 * `deviceCookie` is the browser's device cookie, if any: when it is valid for this account the
 * attempt is throttled per device rather than per account (lib/auth/throttle.ts).
 */
export async function checkCredentials(input: { email: unknown; password: unknown; address: string; deviceCookie?: string }): Promise<SignInResult> {
  // Not strings, empty or longer than any account's: refused before any work (and not counted).
  if (typeof input.email !== "string" || typeof input.password !== "string") return { ok: false, reason: "invalid" };
  if (!input.email || !input.password || input.email.length > 320 || input.password.length > 1024) return { ok: false, reason: "invalid" };
  // Text no account can hold (a NUL, half a surrogate pair): PostgreSQL would refuse the lookup.
  if (hasUnstorableText(input.email)) return { ok: false, reason: "invalid" };
  const email = input.email.trim().toLowerCase();
  const attempt = { email, address: input.address, device: presentedDevice(email, input.deviceCookie) };
  if (await isThrottled(attempt)) return { ok: false, reason: "throttled" };
  const user = await read((db) => db.user.findUnique({ where: { email } }));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !valid || user.disabled) {
    await recordFailure(attempt);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(attempt);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
