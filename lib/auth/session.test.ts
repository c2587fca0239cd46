import { encode } from "next-auth/jwt";
import { describe, expect, test, vi } from "vitest";
import { claimsOfCookies } from "./session";

const SECRET = "session-test-secret-not-for-production";
const NAME = "next-auth.session-token";

describe("session cookie", () => {
  test("a cookie this server made gives its uid and sv, the second time too", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3 }, secret: SECRET, maxAge: 3600 });
    for (let i = 0; i < 2; i++) expect(await claimsOfCookies([{ name: NAME, value: token }], SECRET)).toMatchObject({ uid: "u1", sv: 3 });
  });

  test("no cookie, another secret's cookie, an altered cookie or an expired one give no session", async () => {
    const other = await encode({ token: { uid: "u1", sv: 1 }, secret: "another-secret", maxAge: 3600 });
    const token = await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET, maxAge: 3600 });
    const altered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    const expired = await encode({ token: { uid: "u1", sv: 1 }, secret: SECRET, maxAge: -60 });
    expect(await claimsOfCookies([], SECRET)).toBeNull();
    expect(await claimsOfCookies([{ name: "other", value: token }], SECRET)).toBeNull();
    expect(await claimsOfCookies([{ name: NAME, value: other }], SECRET)).toBeNull();
    expect(await claimsOfCookies([{ name: NAME, value: altered }], SECRET)).toBeNull();
    expect(await claimsOfCookies([{ name: NAME, value: expired }], SECRET)).toBeNull();
  });

  test("a cookie split in chunks is read in chunk order", async () => {
    const token = await encode({ token: { uid: "u2", sv: 1 }, secret: SECRET, maxAge: 3600 });
    const [a, b, c] = [token.slice(0, 50), token.slice(50, 100), token.slice(100)];
    const chunks = [{ name: `${NAME}.2`, value: c }, { name: `${NAME}.0`, value: a }, { name: `${NAME}.1`, value: b }];
    expect(await claimsOfCookies(chunks, SECRET)).toMatchObject({ uid: "u2", sv: 1 });
  });

  test("a remembered cookie stops working once it has expired", async () => {
    const token = await encode({ token: { uid: "u3", sv: 1 }, secret: SECRET, maxAge: 60 });
    expect(await claimsOfCookies([{ name: NAME, value: token }], SECRET)).toMatchObject({ uid: "u3" });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 60_000 + 16_000);
      expect(await claimsOfCookies([{ name: NAME, value: token }], SECRET)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
