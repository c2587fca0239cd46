import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getToken } from "next-auth/jwt";
import type { TestDatabase } from "@/tests/support/database";

// The sign-in form's server action (app/signin/actions.ts) makes the session cookie itself
// (lib/auth/session-cookie.ts) instead of going through next-auth's endpoint, so that the form
// works without JavaScript. The cookie must be the one next-auth's getToken reads, carry what
// actorForSession checks, and end like any other session when the password changes.
// authOptions reads NEXTAUTH_SECRET when it is first imported: set before importing it.
const SECRET = "integration-test-secret-for-sign-in-cookies";
process.env.NEXTAUTH_SECRET = SECRET;
const { actorForSession } = await import("@/lib/auth/session");
const { endSession } = await import("@/lib/auth/sessions");
const { read: readDb, write } = await import("@/lib/db/write");
const { endedSessionCookie, sessionCookieFor } = await import("@/lib/auth/session-cookie");
const { SESSION_MAX_AGE } = await import("@/lib/auth/options");
const { checkCredentials } = await import("@/lib/auth/sign-in");
const { changeOwnPassword } = await import("@/lib/users/users");
const { makeActor } = await import("@/tests/support/actors");
const { freshDatabase } = await import("@/tests/support/database");

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

const read = (cookie: { name: string; value: string }, secret = SECRET) => getToken({ req: { cookies: { [cookie.name]: cookie.value }, headers: {} } as never, secret });

describe("the session cookie the sign-in form sets", () => {
  test("is read by next-auth as the user's session, and ends when the password changes", async () => {
    const u = await makeActor("REVIEWER", "initial password!");
    const signedIn = await checkCredentials({ email: u.email, password: "initial password!", address: "10.3.0.1" });
    if (!signedIn.ok) throw new Error(signedIn.reason);
    const cookie = await sessionCookieFor(signedIn.user);
    expect(cookie.name).toBe("next-auth.session-token");
    expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: SESSION_MAX_AGE });
    const token = await read(cookie);
    expect(token).toMatchObject({ uid: u.id, sv: signedIn.user.sessionVersion, email: u.email, name: u.name, sub: u.id });
    expect(await actorForSession(token!.uid, token!.sv)).toEqual({ ...u, sessionVersion: expect.any(Number) });
    // Made with this server's secret only.
    expect(await read(cookie, `${SECRET}, another`)).toBeNull();
    // Signing out sets the same cookie empty and expired: the browser drops it, and it reads as no session.
    const ended = endedSessionCookie();
    expect(ended).toEqual({ name: cookie.name, value: "", options: { ...cookie.options, maxAge: 0 } });
    expect(await read(ended)).toBeNull();
    await changeOwnPassword({ actor: u, input: { currentPassword: "initial password!", newPassword: "another long password" } });
    expect(await actorForSession(token!.uid, token!.sv)).toBeNull();
  });

  test("a signed-out session is refused for any copy of its cookie; the user's other sessions go on", async () => {
    const u = await makeActor("RESEARCHER", "initial password!");
    const signIn = async () => {
      const r = await checkCredentials({ email: u.email, password: "initial password!", address: "10.3.0.3" });
      if (!r.ok) throw new Error(r.reason);
      return (await read(await sessionCookieFor(r.user)))!;
    };
    const [laptop, phone] = [await signIn(), await signIn()];
    expect(typeof laptop.sid).toBe("string");
    expect(laptop.sid).not.toBe(phone.sid);
    expect(Math.abs((laptop.sat as number) - Date.now() / 1000)).toBeLessThan(60);
    const actor = (t: typeof laptop) => actorForSession(t.uid, t.sv, t.sid, t.sat);
    expect(await actor(laptop)).toEqual({ ...u, sessionVersion: expect.any(Number) });
    await endSession(laptop, SESSION_MAX_AGE);
    await endSession(laptop, SESSION_MAX_AGE); // twice: the same
    expect(await actor(laptop)).toBeNull();
    expect(await actor(phone)).toEqual({ ...u, sessionVersion: expect.any(Number) });
    // A session id that is not text, or a missing sign-in time, is no session.
    expect(await actorForSession(phone.uid, phone.sv, 42, phone.sat)).toBeNull();
    expect(await actorForSession(phone.uid, phone.sv, phone.sid, undefined)).toBeNull();
  });

  test("a session is refused once SESSION_MAX_AGE has passed since its sign-in, however often its cookie was renewed", async () => {
    const u = await makeActor("REVIEWER", "initial password!");
    const r = await checkCredentials({ email: u.email, password: "initial password!", address: "10.3.0.4" });
    if (!r.ok) throw new Error(r.reason);
    const t = (await read(await sessionCookieFor(r.user)))!;
    const sat = t.sat as number;
    expect(await actorForSession(t.uid, t.sv, t.sid, sat, (sat + SESSION_MAX_AGE - 60) * 1000)).toEqual({ ...u, sessionVersion: expect.any(Number) });
    expect(await actorForSession(t.uid, t.sv, t.sid, sat, (sat + SESSION_MAX_AGE + 60) * 1000)).toBeNull();
  });

  test("ended sessions are swept once their cookies would have run out", async () => {
    await write((tx) => tx.endedSession.create({ data: { sid: "long-gone", userId: "nobody", expiresAt: new Date(Date.now() - 1000) } }));
    await endSession({ sid: "just-now", uid: "somebody", sat: Math.floor(Date.now() / 1000) }, SESSION_MAX_AGE);
    const rows = await readDb((d) => d.endedSession.findMany({ where: { sid: { in: ["long-gone", "just-now"] } } }));
    expect(rows.map((x) => x.sid)).toEqual(["just-now"]);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_MAX_AGE - 60) * 1000);
  });

  test("a form post with fields that are not text, empty or too long is refused without a lookup", async () => {
    const u = await makeActor("LEGAL", "initial password!");
    for (const [email, password] of [
      [null, "initial password!"],
      [u.email, null],
      [u.email, ""],
      ["", "initial password!"],
      [u.email, "x".repeat(1025)],
      [`${"x".repeat(320)}@test.casefile`, "initial password!"],
      // Text no account can hold: PostgreSQL refused the lookup itself (a NUL), and the post answered 500.
      ["a\u0000b@test.casefile", "initial password!"],
      ["\ud800@test.casefile", "initial password!"],
    ] as const)
      expect(await checkCredentials({ email, password, address: "10.3.0.2" })).toEqual({ ok: false, reason: "invalid" });
    // None of them counted as a failed attempt: the right password still works at once.
    expect((await checkCredentials({ email: u.email, password: "initial password!", address: "10.3.0.2" })).ok).toBe(true);
  });
});
