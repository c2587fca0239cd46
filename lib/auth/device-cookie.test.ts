import { afterEach, describe, expect, test } from "vitest";
import { DEVICE_COOKIE_MAX_AGE, deviceCookieFor, deviceCookieFromHeader, deviceIdFor, makeDeviceCookieValue, presentedDevice } from "./device-cookie";

const secret = "a device cookie test secret, used nowhere else";
const email = "owner@example.org";

describe("device cookies", () => {
  const saved = { secret: process.env.NEXTAUTH_SECRET, url: process.env.NEXTAUTH_URL };
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = saved.secret;
    process.env.NEXTAUTH_URL = saved.url;
  });

  test("a cookie made for an account is honoured for that account, in any case of the e-mail, and names a device", () => {
    const value = makeDeviceCookieValue({ secret, email });
    const id = deviceIdFor({ secret, value, email: " Owner@Example.ORG " });
    expect(id).toMatch(/^[\w-]{16,}$/);
    // Each sign-in makes a new device: its failures are counted apart.
    expect(deviceIdFor({ secret, value: makeDeviceCookieValue({ secret, email }), email })).not.toBe(id);
  });

  test("the e-mail is not in the cookie", () => {
    const value = makeDeviceCookieValue({ secret, email });
    expect(value.toLowerCase()).not.toContain("owner");
    expect(Buffer.from(value.split(".")[1], "base64url").toString("latin1")).not.toContain("owner");
  });

  test("a cookie for another account is not honoured", () => {
    const value = makeDeviceCookieValue({ secret, email: "someone-else@example.org" });
    expect(deviceIdFor({ secret, value, email })).toBeNull();
  });

  test("an expired cookie is not honoured", () => {
    const now = Date.now();
    const value = makeDeviceCookieValue({ secret, email, now });
    expect(deviceIdFor({ secret, value, email, now: now + (DEVICE_COOKIE_MAX_AGE - 60) * 1000 })).not.toBeNull();
    expect(deviceIdFor({ secret, value, email, now: now + (DEVICE_COOKIE_MAX_AGE + 1) * 1000 })).toBeNull();
  });

  test("a cookie signed with another secret (forged) is not honoured", () => {
    const value = makeDeviceCookieValue({ secret: "an attacker's guess at the secret", email });
    expect(deviceIdFor({ secret, value, email })).toBeNull();
  });

  test("a tampered cookie is not honoured: a later expiry, another device id, another account tag, a cut signature", () => {
    const value = makeDeviceCookieValue({ secret, email });
    const [v, tag, expires, id, sig] = value.split(".");
    const other = makeDeviceCookieValue({ secret, email: "someone-else@example.org" }).split(".")[1];
    const tampered = [
      [v, tag, String(Number(expires) + 86_400), id, sig],
      // Another first character, whatever the random id starts with (an id starting with "A" made this case the cookie itself, 1 time in 64).
      [v, tag, expires, (id.startsWith("A") ? "B" : "A") + id.slice(1), sig],
      [v, other, expires, id, sig],
      [v, tag, expires, id, sig.slice(0, -2)],
      [v, tag, expires, id, ""],
      ["d2", tag, expires, id, sig],
      [v, tag, expires, id],
    ].map((p) => p.join("."));
    for (const t of tampered) {
      expect(t).not.toBe(value);
      expect(deviceIdFor({ secret, value: t, email }), t).toBeNull();
    }
    for (const junk of ["", "d1", "....", "x".repeat(5000), undefined, null]) expect(deviceIdFor({ secret, value: junk, email })).toBeNull();
  });

  test("without a secret nothing is issued or honoured", () => {
    const value = makeDeviceCookieValue({ secret, email });
    expect(deviceIdFor({ secret: "", value, email })).toBeNull();
    delete process.env.NEXTAUTH_SECRET;
    expect(deviceCookieFor(email)).toBeNull();
    expect(presentedDevice(email, value)).toBeNull();
  });

  test("the cookie set after sign-in is httpOnly, SameSite=Lax, Secure and __Host- over https, and is read back from a Cookie header", () => {
    process.env.NEXTAUTH_SECRET = secret;
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const plain = deviceCookieFor(email)!;
    expect(plain).toMatchObject({ name: "casefile-device", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: DEVICE_COOKIE_MAX_AGE } });
    expect(deviceCookieFromHeader(`a=1; casefile-device=${plain.value}; b=2`)).toBe(plain.value);
    expect(presentedDevice(email, deviceCookieFromHeader(`casefile-device=${plain.value}`))).not.toBeNull();
    process.env.NEXTAUTH_URL = "https://casefile.example.org";
    const secure = deviceCookieFor(email)!;
    expect(secure).toMatchObject({ name: "__Host-casefile-device", options: { secure: true } });
    // Over https a cookie without the prefix (which a plain-http page could have set) is not read.
    expect(deviceCookieFromHeader(`casefile-device=${secure.value}`)).toBeUndefined();
  });
});
