import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Device cookies (lib/auth/throttle.ts): a browser that has signed in to an account gets a
// signed cookie for that account. A sign-in that presents one is counted against that cookie's
// own small budget instead of the account's, so someone who knows only the e-mail address can
// lock the account for strangers' browsers but not for the owner's usual one.
//
// Value: d1.<account tag>.<expiry, unix seconds>.<random id>.<HMAC-SHA256 of the rest>.
// The account tag is a keyed hash of the e-mail, so the cookie never carries the address in
// clear and cannot be made for another account without the secret. The random id names the
// device: its failures are counted under it. Keys are derived from NEXTAUTH_SECRET with a
// purpose label, so the same bytes never serve as another feature's key.

const VERSION = "d1";
/** How long a browser keeps its device cookie after a successful sign-in, in seconds. */
export const DEVICE_COOKIE_MAX_AGE = 180 * 24 * 60 * 60;

export type DeviceCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge: number } };

function secure(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** __Host- over https: the browser then refuses it unless Secure, path / and no Domain. */
export function deviceCookieName(): string {
  return secure() ? "__Host-casefile-device" : "casefile-device";
}

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("casefile sign-in device cookie v1").digest();
}

function mac(secret: string, text: string): string {
  return createHmac("sha256", key(secret)).update(text).digest("base64url");
}

/** The keyed hash that names an account in the cookie (the e-mail as sign-in compares it). */
function accountTag(secret: string, email: string): string {
  return mac(secret, `account\u0000${email.trim().toLowerCase()}`).slice(0, 22);
}

/** A new device cookie value for the account with this e-mail. */
export function makeDeviceCookieValue(options: { secret: string; email: string; now?: number }): string {
  const expires = Math.floor((options.now ?? Date.now()) / 1000) + DEVICE_COOKIE_MAX_AGE;
  const payload = `${VERSION}.${accountTag(options.secret, options.email)}.${expires}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${mac(options.secret, payload)}`;
}

/**
 * The device id in a cookie value when it is genuine (our signature), unexpired and made for the
 * account with this e-mail; null for anything else, which is then treated as no cookie at all.
 */
export function deviceIdFor(options: { secret: string; value: string | undefined | null; email: string; now?: number }): string | null {
  const { secret, value } = options;
  if (!secret || typeof value !== "string" || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, tag, expires, id, signature] = parts;
  const expected = Buffer.from(mac(secret, parts.slice(0, 4).join(".")));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= (options.now ?? Date.now())) return null;
  const wanted = Buffer.from(accountTag(secret, options.email));
  const tagged = Buffer.from(tag);
  if (tagged.length !== wanted.length || !timingSafeEqual(tagged, wanted)) return null;
  return id;
}

/** A device cookie's value from a Cookie request header (next-auth's authorize sees only headers). */
export function deviceCookieFromHeader(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join("; ") : header;
  if (!text) return undefined;
  const name = deviceCookieName();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The cookie to set after a successful sign-in; null when there is no secret to sign it with. */
export function deviceCookieFor(email: string): DeviceCookie | null {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  return {
    name: deviceCookieName(),
    value: makeDeviceCookieValue({ secret, email }),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: secure(), maxAge: DEVICE_COOKIE_MAX_AGE },
  };
}

/** Where a device cookie is set: Next's cookie store in a server action or a route handler. */
export type CookieJar = { set(name: string, value: string, options: DeviceCookie["options"]): unknown };

/**
 * After a successful sign-in, by either path (the sign-in form's action, next-auth's credentials
 * endpoint): this browser has now proved it knows the password, so its later sign-ins to this
 * account are throttled on their own (lib/auth/throttle.ts).
 */
export function issueDeviceCookie(jar: CookieJar, email: string): void {
  const device = deviceCookieFor(email);
  if (device) jar.set(device.name, device.value, device.options);
}

/** The device id a sign-in presents for this account, or null (checked with the app's secret). */
export function presentedDevice(email: string, value: string | undefined): string | null {
  return deviceIdFor({ secret: process.env.NEXTAUTH_SECRET ?? "", value, email });
}
