import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize } from "@/lib/auth/policy";
import { revokeUserTokens, type AccountRevocation } from "@/lib/auth/tokens";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { ZChangePassword, ZCreateUser, ZListUsers, ZUpdateUser } from "./schemas";

const PUBLIC = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;

/** Every account, or with `query` ?role=REVIEWER only those of one role. */
export async function listUsers({ actor, query }: { actor: Actor | null; query?: unknown }) {
  authorize(actor, "user.manage");
  const q = parseInput(ZListUsers, query ?? {});
  return read((db) => db.user.findMany({ where: { role: q.role }, orderBy: { email: "asc" }, select: PUBLIC }));
}

/** `actor: "system"` is for the CLI on the server itself and for seeding. */
export async function createUser({ actor, input }: { actor: Actor | null | "system"; input: unknown }) {
  if (actor !== "system") authorize(actor, "user.manage");
  const data = parseInput(ZCreateUser, input);
  const passwordHash = await hashPassword(data.password);
  return write(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } }))
      throw new AppError("CONFLICT", "An account with this e-mail address already exists.", { email: ["email_taken"] });
    const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash }, select: PUBLIC });
    await writeAudit(tx, { actor, action: "user.create", recordType: "User", recordId: user.id, after: { email: user.email, name: user.name, role: user.role } });
    return user;
  });
}

/**
 * Role change, disable/enable, password reset, rename. Any of the first three ends the user's sessions;
 * a password reset and a disable also revoke the user's API tokens (a role change need not: a token
 * acts with its user's current role).
 */
export async function updateUser({ actor, userId, input }: { actor: Actor | null; userId: string; input: unknown }) {
  authorize(actor, "user.manage");
  const data = parseInput(ZUpdateUser, input);
  if (userId === actor.id && (data.disabled === true || (data.role && data.role !== "ADMIN")))
    throw new AppError("INVALID_STATE", "You cannot disable yourself or remove your own admin role.");
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return write(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    const endsSessions =
      passwordHash !== undefined || (data.role !== undefined && data.role !== before.role) || (data.disabled === true && !before.disabled);
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        role: data.role,
        disabled: data.disabled,
        name: data.name,
        passwordHash,
        sessionVersion: endsSessions ? { increment: 1 } : undefined,
      },
      select: PUBLIC,
    });
    // Enabling revokes too: a user disabled before disabling revoked tokens may still have some,
    // and enabling must not bring them back.
    const revocation: AccountRevocation | null =
      passwordHash !== undefined ? "password_reset" : data.disabled === true ? "user_disabled" : data.disabled === false && before.disabled ? "user_enabled" : null;
    const tokensRevoked = revocation ? await revokeUserTokens(tx, { actor, userId, reason: revocation }) : undefined;
    await writeAudit(tx, {
      actor,
      action: "user.update",
      recordType: "User",
      recordId: userId,
      before: { name: before.name, role: before.role, disabled: before.disabled },
      after: { name: user.name, role: user.role, disabled: user.disabled, passwordReset: passwordHash !== undefined, tokensRevoked },
    });
    return user;
  });
}

/**
 * Ends every session of a user and revokes their API tokens, changing nothing else about the
 * account: for a device lost or taken, or a cookie or token that may have been copied. The user
 * signs in again with the same password; tokens must be made anew.
 */
export async function revokeUserAccess({ actor, userId }: { actor: Actor | null; userId: string }) {
  authorize(actor, "user.manage");
  return write(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const tokensRevoked = await revokeUserTokens(tx, { actor, userId, reason: "access_revoked" });
    await writeAudit(tx, { actor, action: "user.revoke_access", recordType: "User", recordId: userId, after: { sessionsEnded: true, tokensRevoked } });
    return { email: before.email, tokensRevoked };
  });
}

export async function changeOwnPassword({ actor, input }: { actor: Actor | null; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZChangePassword, input);
  const current = await read((db) => db.user.findUnique({ where: { id: actor.id } }));
  if (!current || !(await verifyPassword(current.passwordHash, data.currentPassword)))
    throw new AppError("INVALID_INPUT", "The current password is wrong.", { currentPassword: ["wrong_password"] });
  const passwordHash = await hashPassword(data.newPassword);
  await write(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // "Signed out everywhere" includes the API: whoever learnt the old password may have made a token with it.
    const tokensRevoked = await revokeUserTokens(tx, { actor, userId: actor.id, reason: "password_changed" });
    await writeAudit(tx, { actor, action: "user.password", recordType: "User", recordId: actor.id, after: { passwordChanged: true, tokensRevoked } });
  });
}

export async function findUserByEmail(email: string) {
  return read((db) => db.user.findUnique({ where: { email: email.trim().toLowerCase() } }));
}
