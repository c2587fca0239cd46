import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getToken } from "next-auth/jwt";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import { authOptions } from "./options";
import { endedSessionCookie, sessionCookieFor } from "./session-cookie";

// session-cookie.ts names the session cookie itself (next-auth exports no function for it): the
// name next-auth gives it must be the one we set, or a sign-in through the form (and a sign-out)
// would set a cookie next-auth never reads. Pinned to next-auth's own code for each address,
// so that a next-auth whose rule differs fails here.

// authOptions reads the secret when it loads: a test-only one, set before the imports run.
const before = vi.hoisted(() => {
  const secret = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET = "a test secret for the session cookie test, used nowhere else";
  return { secret };
});
afterAll(() => {
  if (before.secret === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = before.secret;
});

// next-auth's defaultCookies, which its route handler (/api/auth/*) sets and clears cookies by,
// secure when the address it parses from NEXTAUTH_URL is https (core/init.js). Neither is in the
// package's exports: read from their files, as next-auth 4 lays them out.
const require = createRequire(import.meta.url);
const nextAuthFile = (path: string) => require(join(dirname(require.resolve("next-auth")), path));
const { defaultCookies } = nextAuthFile("core/lib/cookie.js") as {
  defaultCookies: (useSecureCookies: boolean) => { sessionToken: { name: string; options: { secure: boolean; httpOnly: boolean; sameSite: string; path: string } } };
};
const { default: parseUrl } = nextAuthFile("utils/parse-url.js") as { default: (url?: string) => { base: string } };

/** The cookie name next-auth's getToken (lib/auth/session reads sessions with it) looks for now. */
async function nameGetTokenReads(candidates: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of candidates) {
    if ((await getToken({ req: { cookies: { [name]: "marker" }, headers: {} } as never, raw: true })) === "marker") found.push(name);
  }
  return found;
}

const NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token", "__Host-next-auth.session-token"];

afterEach(() => vi.unstubAllEnvs());

describe("the session cookie's name and settings are next-auth's", () => {
  test("our options leave next-auth's cookie rule alone (no useSecureCookies, no cookie names of our own)", () => {
    expect(authOptions.useSecureCookies).toBeUndefined();
    expect(authOptions.cookies).toBeUndefined();
  });

  test.each([
    ["http", "http://127.0.0.1:3100", false],
    ["https", "https://casefile.example.org", true],
  ])("over %s: the name and settings next-auth's defaultCookies gives, and the name getToken reads", async (_scheme, url, secure) => {
    vi.stubEnv("NEXTAUTH_URL", url);
    vi.stubEnv("VERCEL", "");
    const theirs = defaultCookies(parseUrl(process.env.NEXTAUTH_URL).base.startsWith("https://")).sessionToken;
    const ended = endedSessionCookie();
    expect(ended.name).toBe(theirs.name);
    expect(ended.options).toMatchObject(theirs.options);
    expect(ended.options.secure).toBe(secure);
    expect(await nameGetTokenReads(NAMES)).toEqual([ended.name]);
  });

  test("with no NEXTAUTH_URL: as getToken decides, secure only on Vercel", async () => {
    vi.stubEnv("NEXTAUTH_URL", undefined);
    vi.stubEnv("VERCEL", "");
    expect(await nameGetTokenReads(NAMES)).toEqual([endedSessionCookie().name]);
    expect(endedSessionCookie().options.secure).toBe(false);
    vi.stubEnv("VERCEL", "1");
    expect(await nameGetTokenReads(NAMES)).toEqual([endedSessionCookie().name]);
    expect(endedSessionCookie().options.secure).toBe(true);
  });

  test("a sign-in's cookie is read back by getToken under the https name", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://casefile.example.org");
    const made = await sessionCookieFor({ id: "u1", email: "a@example.org", name: "A", sessionVersion: 2 });
    expect(made.name).toBe("__Secure-next-auth.session-token");
    const token = await getToken({ req: { cookies: { [made.name]: made.value }, headers: {} } as never, secret: authOptions.secret });
    expect(token).toMatchObject({ sub: "u1", email: "a@example.org", uid: "u1", sv: 2 });
  });
});
