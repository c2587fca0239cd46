import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { actorForSession } from "@/lib/auth/session";
import { deviceCookieFor } from "@/lib/auth/device-cookie";
import { checkCredentials } from "@/lib/auth/sign-in";
import { actorFromToken, createToken, LAST_USED_RESOLUTION_MS, listTokens, revokeToken } from "@/lib/auth/tokens";
import { read } from "@/lib/db/write";
import { changeOwnPassword, createUser, revokeUserAccess, updateUser } from "@/lib/users/users";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

async function sessionOf(email: string, password: string, address = "10.0.0.1") {
  const r = await checkCredentials({ email, password, address });
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return { uid: r.user.id, sv: r.user.sessionVersion };
}

/** The actor a request signed in with this password gets, read now. */
async function signedIn(email: string, password: string, address?: string) {
  const s = await sessionOf(email, password, address);
  return actorForSession(s.uid, s.sv);
}

describe("accounts and sessions", () => {
  test("passwords are stored as argon2id hashes", async () => {
    const a = await makeActor("LEGAL", "a long enough password");
    const row = await read((d) => d.user.findUnique({ where: { id: a.id } }));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain("a long enough password");
  });

  test("a wrong password, an unknown account and a disabled account all answer the same", async () => {
    const admin = await makeActor("ADMIN");
    const u = await makeActor("RESEARCHER", "the right password");
    expect(await checkCredentials({ email: u.email, password: "wrong password!", address: "10.0.0.2" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "nobody@test.casefile", password: "whatever pass", address: "10.0.0.2" })).toEqual({ ok: false, reason: "invalid" });
    await updateUser({ actor: admin, userId: u.id, input: { disabled: true } });
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.0.0.3" })).toEqual({ ok: false, reason: "invalid" });
  });

  test("repeated failures throttle the account, even with the right password afterwards", async () => {
    const u = await makeActor("RESEARCHER", "the right password");
    for (let i = 0; i < 5; i++) await checkCredentials({ email: u.email, password: `wrong ${i} password`, address: `10.1.0.${i}` });
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.1.1.1" })).toEqual({ ok: false, reason: "throttled" });
  });

  test("a browser its owner signed in from before is not locked by failures elsewhere, and its own failures lock only it", async () => {
    process.env.NEXTAUTH_SECRET ??= "an integration-test secret for device cookies";
    const u = await makeActor("RESEARCHER", "the right password");
    const other = await makeActor("RESEARCHER", "the other password");
    const device = deviceCookieFor(u.email)!.value;
    for (let i = 0; i < 5; i++) await checkCredentials({ email: u.email, password: `wrong ${i} password`, address: `10.4.0.${i}` });
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.4.1.1" })).toEqual({ ok: false, reason: "throttled" });
    // Another account's device cookie, or a tampered one, counts as none.
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.4.1.1", deviceCookie: deviceCookieFor(other.email)!.value })).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.4.1.1", deviceCookie: device.slice(0, -1) + (device.endsWith("A") ? "B" : "A") })).toEqual({ ok: false, reason: "throttled" });
    expect((await checkCredentials({ email: u.email, password: "the right password", address: "10.4.1.1", deviceCookie: device })).ok).toBe(true);

    // Failures with the device cookie use up that device's budget, not the account's.
    const mine = deviceCookieFor(other.email)!.value;
    for (let i = 0; i < 5; i++) expect(await checkCredentials({ email: other.email, password: `wrong ${i} password`, address: `10.4.2.${i}`, deviceCookie: mine })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: other.email, password: "the other password", address: "10.4.3.1", deviceCookie: mine })).toEqual({ ok: false, reason: "throttled" });
    expect((await checkCredentials({ email: other.email, password: "the other password", address: "10.4.3.1" })).ok).toBe(true);
  });

  test("repeated failures from one address throttle that address for every account", async () => {
    for (let i = 0; i < 20; i++) await checkCredentials({ email: `ghost${i}@test.casefile`, password: "nope nope nope", address: "10.9.9.9" });
    const u = await makeActor("LEGAL", "the right password");
    expect(await checkCredentials({ email: u.email, password: "the right password", address: "10.9.9.9" })).toEqual({ ok: false, reason: "throttled" });
    expect((await checkCredentials({ email: u.email, password: "the right password", address: "10.9.9.10" })).ok).toBe(true);
  });

  test("a role change, a password reset and a disable each end the user's existing sessions", async () => {
    const admin = await makeActor("ADMIN");
    for (const change of [{ role: "LEGAL" }, { password: "a brand new password" }, { disabled: true }]) {
      const u = await makeActor("RESEARCHER", "initial password!");
      const s = await sessionOf(u.email, "initial password!");
      expect(await actorForSession(s.uid, s.sv)).toMatchObject({ id: u.id });
      await updateUser({ actor: admin, userId: u.id, input: change });
      expect(await actorForSession(s.uid, s.sv), JSON.stringify(change)).toBeNull();
    }
  });

  test("an admin signs a user out everywhere and revokes their API tokens, the account otherwise unchanged; nobody else may", async () => {
    const admin = await makeActor("ADMIN");
    const u = await makeActor("RESEARCHER", "initial password!");
    const s = await sessionOf(u.email, "initial password!");
    const token = (await createToken({ actor: u, input: { name: "laptop" } })).secret;
    expect(await actorFromToken(token)).toMatchObject({ id: u.id });
    for (const who of [u, await makeActor("REVIEWER")]) await expect(revokeUserAccess({ actor: who, userId: u.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeUserAccess({ actor: admin, userId: "no-such-user" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await actorForSession(s.uid, s.sv)).toMatchObject({ id: u.id });
    expect(await revokeUserAccess({ actor: admin, userId: u.id })).toEqual({ email: u.email, tokensRevoked: 1 });
    expect(await actorForSession(s.uid, s.sv)).toBeNull();
    expect(await actorFromToken(token)).toBeNull();
    // The same password signs in again, to the same role; a second revocation finds no token.
    const again = await sessionOf(u.email, "initial password!");
    expect(await actorForSession(again.uid, again.sv)).toMatchObject({ id: u.id, role: "RESEARCHER" });
    expect(await revokeUserAccess({ actor: admin, userId: u.id })).toEqual({ email: u.email, tokensRevoked: 0 });
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: u.id, action: "user.revoke_access" }, orderBy: { seq: "asc" } }));
    expect(events.map((e) => JSON.parse(e.after!))).toEqual([{ sessionsEnded: true, tokensRevoked: 1 }, { sessionsEnded: true, tokensRevoked: 0 }]);
    const revoked = await read((d) => d.auditEvent.findMany({ where: { action: "token.revoke", actorId: admin.id } }));
    expect(revoked.map((e) => JSON.parse(e.after!).reason)).toContain("access_revoked");
  });

  test("renaming a user keeps their sessions", async () => {
    const admin = await makeActor("ADMIN");
    const u = await makeActor("RESEARCHER", "initial password!");
    const s = await sessionOf(u.email, "initial password!");
    await updateUser({ actor: admin, userId: u.id, input: { name: "Renamed" } });
    expect(await actorForSession(s.uid, s.sv)).toMatchObject({ name: "Renamed" });
  });

  test("changing one's own password ends the old session and needs the current password", async () => {
    const u = await makeActor("REVIEWER", "initial password!");
    const s = await sessionOf(u.email, "initial password!");
    await expect(changeOwnPassword({ actor: u, input: { currentPassword: "wrong", newPassword: "another long password" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { currentPassword: ["wrong_password"] },
    });
    expect(await actorForSession(s.uid, s.sv)).not.toBeNull();
    await changeOwnPassword({ actor: u, input: { currentPassword: "initial password!", newPassword: "another long password" } });
    expect(await actorForSession(s.uid, s.sv)).toBeNull();
    expect((await checkCredentials({ email: u.email, password: "another long password", address: "10.2.0.1" })).ok).toBe(true);
  });

  test("a token asked for by a session that a password change or revocation ended meanwhile is refused, and none is made", async () => {
    const admin = await makeActor("ADMIN");
    const u = await makeActor("RESEARCHER", "initial password!");
    const tokensOf = () => read((d) => d.apiToken.findMany({ where: { userId: u.id } }));
    // The request's actor was read before the change committed, as a server action's is.
    const stale = await signedIn(u.email, "initial password!");
    expect(stale).toMatchObject({ id: u.id });
    await changeOwnPassword({ actor: u, input: { currentPassword: "initial password!", newPassword: "another long password" } });
    await expect(createToken({ actor: stale, input: { name: "after the change" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await tokensOf()).toEqual([]);

    const fresh = await signedIn(u.email, "another long password", "10.2.0.2");
    expect((await createToken({ actor: fresh, input: { name: "in force" } })).secret).toMatch(/^cf_/);
    await revokeUserAccess({ actor: admin, userId: u.id });
    await expect(createToken({ actor: fresh, input: { name: "after revocation" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await tokensOf()).map((t) => [t.name, t.revokedAt !== null])).toEqual([["in force", true]]);

    // Run side by side, whichever commits first, no token outlives the change.
    const racer = await signedIn(u.email, "another long password", "10.2.0.3");
    const [made] = await Promise.allSettled([
      createToken({ actor: racer, input: { name: "racing" } }),
      changeOwnPassword({ actor: u, input: { currentPassword: "another long password", newPassword: "a third long password" } }),
    ]);
    const racing = (await tokensOf()).filter((t) => t.name === "racing");
    if (made.status === "fulfilled") expect(await actorFromToken(made.value.secret)).toBeNull();
    expect(racing.every((t) => t.revokedAt !== null)).toBe(true);
  });

  test("only an admin manages users, and an admin cannot lock themself out", async () => {
    const admin = await makeActor("ADMIN");
    const r = await makeActor("RESEARCHER");
    await expect(createUser({ actor: r, input: { email: "x@y.org", name: "x", role: "ADMIN", password: "long enough password" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser({ actor: r, userId: r.id, input: { role: "ADMIN" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser({ actor: admin, userId: admin.id, input: { disabled: true } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(createUser({ actor: admin, input: { email: r.email.toUpperCase(), name: "dup", role: "LEGAL", password: "long enough password" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(createUser({ actor: admin, input: { email: "bad", name: "", role: "KING", password: "short" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { email: ["invalid_email"], name: ["required"], role: ["invalid_choice"], password: ["too_short:12"] },
    });
  });

  test("personal access tokens are shown once, stored hashed, scoped to their owner and revocable", async () => {
    const u = await makeActor("LEGAL");
    const other = await makeActor("LEGAL");
    const t = await createToken({ actor: u, input: { name: "laptop" } });
    expect(t.secret).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
    const row = await read((d) => d.apiToken.findUnique({ where: { id: t.id } }));
    expect(JSON.stringify(row)).not.toContain(t.secret);
    expect(await actorFromToken(t.secret)).toMatchObject({ id: u.id, role: "LEGAL" });
    expect(await listTokens({ actor: other })).toEqual([]);
    await expect(revokeToken({ actor: other, tokenId: t.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeToken({ actor: u, tokenId: t.id });
    expect(await actorFromToken(t.secret)).toBeNull();
    // The owner's list, newest first, with its dates, as the records hold them.
    await createToken({ actor: u, input: { name: "second" } });
    const stored = await read((d) =>
      d.apiToken.findMany({ where: { userId: u.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } }),
    );
    expect(stored).toHaveLength(2);
    expect(stored.find((x) => x.id === t.id)!.revokedAt).toBeInstanceOf(Date);
    expect(await listTokens({ actor: u })).toEqual(stored);
    expect(await actorFromToken("cf_made-up")).toBeNull();
  });

  test("a token's last use is recorded to the minute, and shown in its owner's list", async () => {
    const u = await makeActor("RESEARCHER");
    const t = await createToken({ actor: u, input: { name: "script" } });
    const lastUsed = async () => (await listTokens({ actor: u })).find((x) => x.id === t.id)!.lastUsedAt?.getTime() ?? null;
    expect(await lastUsed()).toBeNull();
    const start = Date.now();
    expect(await actorFromToken(t.secret, start)).toMatchObject({ id: u.id });
    expect(await lastUsed()).toBe(start);
    // Within the minute the record stays; past it, the new use is recorded.
    await actorFromToken(t.secret, start + LAST_USED_RESOLUTION_MS - 1000);
    expect(await lastUsed()).toBe(start);
    await actorFromToken(t.secret, start + LAST_USED_RESOLUTION_MS + 1000);
    expect(await lastUsed()).toBe(start + LAST_USED_RESOLUTION_MS + 1000);
    // A refused token records nothing.
    await revokeToken({ actor: u, tokenId: t.id });
    expect(await actorFromToken(t.secret, start + 10 * LAST_USED_RESOLUTION_MS)).toBeNull();
    expect(await lastUsed()).toBe(start + LAST_USED_RESOLUTION_MS + 1000);
  });

  test("a disabled user's token is refused, and stays refused once the user is enabled again", async () => {
    const admin = await makeActor("ADMIN");
    const u = await makeActor("REVIEWER");
    const t = await createToken({ actor: u, input: { name: "desk" } });
    expect(await actorFromToken(t.secret)).toEqual({ id: u.id, email: u.email, name: u.name, role: "REVIEWER" });
    await updateUser({ actor: admin, userId: u.id, input: { disabled: true } });
    expect(await actorFromToken(t.secret)).toBeNull();
    await updateUser({ actor: admin, userId: u.id, input: { disabled: false } });
    expect(await actorFromToken(t.secret)).toBeNull();
  });
});
