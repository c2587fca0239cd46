"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/app/_lib/callback-url";
import { formField } from "@/app/_lib/run-form";
import { hasUnstorableText } from "@/lib/validation";
import { clientAddress } from "@/lib/auth/client-address";
import { deviceCookieName, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { endedSessionCookie, sessionCookieFor } from "@/lib/auth/session-cookie";
import { checkCredentials } from "@/lib/auth/sign-in";
import { SESSION_MAX_AGE } from "@/lib/auth/options";
import { currentSessionToken } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions";
import { getTranslations } from "@/lib/i18n/server";

export type SignInState = { seq: number; email: string; error?: string };

/**
 * The sign-in form's action, with or without JavaScript: the same check as next-auth's
 * credentials provider (checkCredentials, throttling included), then next-auth's session cookie
 * and a redirect to where the user was going. Without JavaScript the form used to fall back to
 * a GET of /signin, which put the e-mail and the password in the address (history, logs).
 * One message for every refusal but throttling, so the answer never says whether an account exists.
 */
export async function signInAction(prev: unknown, form: unknown): Promise<SignInState> {
  // The arguments are whatever the client posts (see runForm): any JSON value, or missing.
  const seq = typeof (prev as SignInState | null)?.seq === "number" ? (prev as SignInState).seq : 0;
  const email = formField(form, "email");
  const t = await getTranslations("signin");
  const h = await headers();
  const jar = await cookies();
  const result = await checkCredentials({
    email,
    password: formField(form, "password"),
    address: clientAddress(Object.fromEntries(h.entries())),
    deviceCookie: jar.get(deviceCookieName())?.value,
  });
  if (!result.ok) return { seq: seq + 1, email: email && !hasUnstorableText(email) ? email.slice(0, 320) : "", error: t(result.reason === "throttled" ? "throttled" : "wrong") };
  const cookie = await sessionCookieFor(result.user);
  jar.set(cookie.name, cookie.value, cookie.options);
  issueDeviceCookie(jar, result.user.email);
  redirect(safeCallbackUrl(formField(form, "callbackUrl")));
}

/**
 * Signing out, with or without JavaScript: the session is ended for any copy of its cookie
 * (lib/auth/sessions.ts), the cookie is deleted, as next-auth's sign-out does for a JWT session,
 * and the user is sent to the sign-in page.
 */
export async function signOutAction(): Promise<void> {
  await endSession(await currentSessionToken(), SESSION_MAX_AGE);
  const cookie = endedSessionCookie();
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  redirect("/signin");
}
