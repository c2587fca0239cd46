import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { PATCH as userRoute } from "@/app/api/v1/users/[id]/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken, revokeToken } from "@/lib/auth/tokens";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read, write } from "@/lib/db/write";
import { changeOwnPassword, updateUser } from "@/lib/users/users";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A password change or reset and a disable end a user's API tokens along with their sessions, for
// good: the audit found tokens answering 200 after each of them. Every check goes through the real
// route handlers, so a token is judged by the same bearer check the API uses.

let db: TestDatabase;
let admin: Actor;
let adminToken: string;
beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeActor("ADMIN");
  adminToken = (await createToken({ actor: admin, input: { name: "admin script" } })).secret;
});
afterAll(async () => db?.drop());

/** The status GET /api/v1/events answers with this bearer token. */
async function statusWith(secret: string): Promise<number> {
  const res = await eventsRoute(new Request("http://casefile.test/api/v1/events", { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });
  return res.status;
}

/** PATCH /api/v1/users/{id} as the admin's script would send it. */
async function patchUser(userId: string, body: unknown) {
  const res = await userRoute(
    new Request(`http://casefile.test/api/v1/users/${userId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: userId }) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function tokenOf(user: Actor, name = "script") {
  return createToken({ actor: user, input: { name } });
}

/** The audit events about one record, oldest first, with their data parsed. */
async function eventsOf(recordId: string) {
  const rows = await read((d) => d.auditEvent.findMany({ where: { recordId }, orderBy: { seq: "asc" } }));
  return rows.map((r) => ({ action: r.action, actorId: r.actorId, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
}

describe("API tokens end with the account change that ends sessions", () => {
  test("an admin's password reset refuses the user's tokens from then on, and leaves another user's token working", async () => {
    const u = await makeActor("RESEARCHER");
    const other = await makeActor("RESEARCHER");
    const first = await tokenOf(u, "laptop");
    const second = await tokenOf(u, "server");
    const theirs = await tokenOf(other);
    expect(await statusWith(first.secret)).toBe(200);
    expect(await statusWith(second.secret)).toBe(200);

    expect((await patchUser(u.id, { password: "a password set by the admin" })).status).toBe(200);
    expect(await statusWith(first.secret)).toBe(401);
    expect(await statusWith(second.secret)).toBe(401);
    expect(await statusWith(theirs.secret)).toBe(200);

    // Each token's revocation is recorded as a revocation by hand is, by the admin, and the change says how many.
    for (const t of [first, second])
      expect(await eventsOf(t.id)).toEqual([
        expect.objectContaining({ action: "token.create" }),
        { action: "token.revoke", actorId: admin.id, before: { revoked: false }, after: { revoked: true, reason: "password_reset" } },
      ]);
    expect((await eventsOf(u.id)).at(-1)).toMatchObject({ action: "user.update", actorId: admin.id, after: { passwordReset: true, tokensRevoked: 2 } });
    expect(await eventsOf(theirs.id)).toHaveLength(1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a password reset the API refuses changes nothing: the token keeps working", async () => {
    const u = await makeActor("RESEARCHER");
    const t = await tokenOf(u);
    const r = await patchUser(u.id, { password: "short" });
    expect(r).toMatchObject({ status: 400, body: { error: { code: "INVALID_INPUT", fields: { password: [expect.any(String)] } } } });
    expect(await statusWith(t.secret)).toBe(200);
    expect(await eventsOf(t.id)).toHaveLength(1);
  });

  test("changing one's own password refuses the tokens made before it; a token made afterwards works", async () => {
    const u = await makeActor("REVIEWER", "initial password!");
    const other = await makeActor("REVIEWER");
    const old = await tokenOf(u);
    const theirs = await tokenOf(other);
    expect(await statusWith(old.secret)).toBe(200);

    await changeOwnPassword({ actor: u, input: { currentPassword: "initial password!", newPassword: "another long password" } });
    expect(await statusWith(old.secret)).toBe(401);
    expect(await statusWith(theirs.secret)).toBe(200);
    const fresh = await tokenOf(u, "after the change");
    expect(await statusWith(fresh.secret)).toBe(200);

    expect((await eventsOf(old.id)).at(-1)).toEqual({ action: "token.revoke", actorId: u.id, before: { revoked: false }, after: { revoked: true, reason: "password_changed" } });
    expect((await eventsOf(u.id)).at(-1)).toMatchObject({ action: "user.password", actorId: u.id, after: { passwordChanged: true, tokensRevoked: 1 } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a token refused while its user is disabled stays refused once the user is enabled again", async () => {
    const u = await makeActor("LEGAL");
    const other = await makeActor("LEGAL");
    const t = await tokenOf(u);
    const theirs = await tokenOf(other);
    expect(await statusWith(t.secret)).toBe(200);

    expect((await patchUser(u.id, { disabled: true })).status).toBe(200);
    expect(await statusWith(t.secret)).toBe(401);
    expect((await patchUser(u.id, { disabled: false })).status).toBe(200);
    expect(await statusWith(t.secret)).toBe(401);
    expect(await statusWith(theirs.secret)).toBe(200);
    // The user is back: a new token of theirs works.
    expect(await statusWith((await tokenOf(u, "new")).secret)).toBe(200);

    expect((await eventsOf(t.id)).filter((e) => e.action === "token.revoke")).toEqual([
      { action: "token.revoke", actorId: admin.id, before: { revoked: false }, after: { revoked: true, reason: "user_disabled" } },
    ]);
    const changes = (await eventsOf(u.id)).filter((e) => e.action === "user.update");
    expect(changes.map((e) => e.after)).toEqual([
      expect.objectContaining({ disabled: true, tokensRevoked: 1 }),
      expect.objectContaining({ disabled: false, tokensRevoked: 0 }),
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a user disabled before disabling revoked tokens does not get their old token back when enabled", async () => {
    const u = await makeActor("RESEARCHER");
    const t = await tokenOf(u);
    // As the database of an installation disabled the user before this change: the token was never revoked.
    await write((tx) => tx.user.update({ where: { id: u.id }, data: { disabled: true } }));
    expect(await statusWith(t.secret)).toBe(401);
    await updateUser({ actor: admin, userId: u.id, input: { disabled: false } });
    expect(await statusWith(t.secret)).toBe(401);
    expect((await eventsOf(t.id)).at(-1)).toMatchObject({ action: "token.revoke", after: { revoked: true, reason: "user_enabled" } });
  });

  test("a rename or a role change leaves the user's tokens working, with the new role", async () => {
    const u = await makeActor("RESEARCHER");
    const t = await tokenOf(u);
    await updateUser({ actor: admin, userId: u.id, input: { name: "Renamed" } });
    await updateUser({ actor: admin, userId: u.id, input: { role: "LEGAL" } });
    expect(await statusWith(t.secret)).toBe(200);
    expect(await eventsOf(t.id)).toHaveLength(1);
    // Neither change revokes, so neither says it revoked anything.
    for (const e of (await eventsOf(u.id)).filter((x) => x.action === "user.update")) expect(e.after).not.toHaveProperty("tokensRevoked");
  });

  test("a token revoked by hand is not revoked a second time by a password reset", async () => {
    const u = await makeActor("RESEARCHER");
    const gone = await tokenOf(u, "gone");
    const live = await tokenOf(u, "live");
    await revokeToken({ actor: u, tokenId: gone.id });
    const revokedAt = (await read((d) => d.apiToken.findUnique({ where: { id: gone.id } })))!.revokedAt;
    await updateUser({ actor: admin, userId: u.id, input: { password: "yet another password" } });
    expect((await read((d) => d.apiToken.findUnique({ where: { id: gone.id } })))!.revokedAt).toEqual(revokedAt);
    expect((await eventsOf(gone.id)).filter((e) => e.action === "token.revoke")).toHaveLength(1);
    expect(await statusWith(live.secret)).toBe(401);
    expect((await eventsOf(u.id)).at(-1)).toMatchObject({ after: { tokensRevoked: 1 } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
