import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider, rawAll, type Tx } from "@/lib/db/client";
import { dateText, isTrue, rawDate, rawDateOrNull } from "@/lib/db/raw-values";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput, zText } from "@/lib/validation";
import type { Actor } from "./actor";
import { authorize } from "./policy";
import { isRole } from "./roles";

// Personal access tokens for the JSON API. The secret is shown once; only its SHA-256 is
// stored (the secret is 256 random bits, so a fast hash is enough).
const PREFIX = "cf_";

export const ZCreateToken = z.object({ name: zText(100) });
export type CreateToken = z.infer<typeof ZCreateToken>;

export async function createToken({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "token.manage");
  const { name } = parseInput(ZCreateToken, input);
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const token = await write(async (tx) => {
    await confirmSessionInTx(tx, actor);
    const t = await tx.apiToken.create({
      data: { userId: actor.id, name, prefix: secret.slice(0, 10), tokenHash: sha256Hex(secret) },
    });
    await writeAudit(tx, { actor, action: "token.create", recordType: "ApiToken", recordId: t.id, after: { name, prefix: t.prefix, userId: actor.id } });
    return t;
  });
  return { id: token.id, name: token.name, prefix: token.prefix, secret };
}

/**
 * A token made from a session must not outlive it. The session was checked when the request
 * began; a password change, reset, disable or "sign out everywhere" committed since then ends the
 * session and revokes the user's tokens, and a token created after that revocation would survive
 * it. So the user's row is read again here, locked on PostgreSQL (those changes update the row
 * before revoking, and wait for this transaction, or this one waits for them and sees the new
 * version); SQLite's writes run one at a time. An actor without a session version (the CLI) is
 * checked for a disabled account only.
 */
async function confirmSessionInTx(tx: Tx, actor: Actor): Promise<void> {
  const lock = dbProvider() === "postgresql" ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  const [user] = await tx.$queryRaw<{ sessionVersion: number | bigint; disabled: boolean | number }[]>(
    Prisma.sql`SELECT "sessionVersion", "disabled" FROM "User" WHERE "id" = ${actor.id} ${lock}`,
  );
  const ended = !user || isTrue(user.disabled) || (actor.sessionVersion !== undefined && Number(user.sessionVersion) !== actor.sessionVersion);
  if (ended) throw new AppError("UNAUTHENTICATED", "Your session has ended (the password was changed or the account's access was revoked). Sign in again to continue.");
}

export type TokenOut = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export async function listTokens({ actor }: { actor: Actor | null }): Promise<TokenOut[]> {
  authorize(actor, "token.manage");
  // The settings page reads this on every view: one plain query (rawAll), as actorFromToken.
  const rows = await rawAll<{ id: string; name: string; prefix: string; createdAt: unknown; lastUsedAt: unknown; revokedAt: unknown }>(
    Prisma.sql`SELECT "id", "name", "prefix", ${dateText(Prisma.sql`"createdAt"`)} AS "createdAt", ${dateText(Prisma.sql`"lastUsedAt"`)} AS "lastUsedAt", ${dateText(Prisma.sql`"revokedAt"`)} AS "revokedAt"
      FROM "ApiToken" WHERE "userId" = ${actor.id} ORDER BY "createdAt" DESC, "id" DESC`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: rawDate(r.createdAt), lastUsedAt: rawDateOrNull(r.lastUsedAt), revokedAt: rawDateOrNull(r.revokedAt) }));
}

export async function revokeToken({ actor, tokenId }: { actor: Actor | null; tokenId: string }) {
  authorize(actor, "token.manage");
  await write(async (tx) => {
    const t = await tx.apiToken.findUnique({ where: { id: tokenId } });
    // Someone else's token is reported as not found, not as forbidden: its existence is not theirs to learn.
    if (!t || t.userId !== actor.id) throw new AppError("NOT_FOUND", "No such token.");
    if (t.revokedAt) return;
    await tx.apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actor, action: "token.revoke", recordType: "ApiToken", recordId: t.id, before: { revoked: false }, after: { revoked: true } });
  });
}

/** Why a user's tokens were revoked along with a change to their account (kept in the audit event). */
export type AccountRevocation = "password_changed" | "password_reset" | "user_disabled" | "user_enabled" | "access_revoked";

/**
 * Revokes every token of a user still in force, inside the caller's transaction, with one
 * token.revoke event per token as revokeToken writes it, and returns how many it revoked.
 * A password change or reset and a disable end the user's sessions; their tokens are a way in
 * just as good, so they end with them. Revocation is for good: enabling the user again does not
 * bring a token back (actorFromToken refuses any token with revokedAt set).
 */
export async function revokeUserTokens(tx: Tx, { actor, userId, reason }: { actor: Actor | "system"; userId: string; reason: AccountRevocation }): Promise<number> {
  const live = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (live.length === 0) return 0;
  const ids = live.map((t) => t.id);
  await tx.apiToken.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: new Date() } });
  for (const id of ids)
    await writeAudit(tx, { actor, action: "token.revoke", recordType: "ApiToken", recordId: id, before: { revoked: false }, after: { revoked: true, reason } });
  return ids.length;
}

export async function actorFromToken(secret: string, nowMs = Date.now()): Promise<Actor | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
  // Every API call with a token starts here: one plain query (rawAll), not a Prisma query (see actorForSession).
  const [row] = await rawAll<{ tokenId: string; lastUsedAt: unknown; revokedAt: unknown; id: string; email: string; name: string; role: string; disabled: boolean | number }>(
    Prisma.sql`SELECT t."id" AS "tokenId", ${dateText(Prisma.sql`t."lastUsedAt"`)} AS "lastUsedAt", t."revokedAt", u."id", u."email", u."name", u."role", u."disabled" FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."tokenHash" = ${sha256Hex(secret)}`,
  );
  if (!row || row.revokedAt !== null || isTrue(row.disabled) || !isRole(row.role)) return null;
  const last = rawDateOrNull(row.lastUsedAt);
  if (!last || nowMs - last.getTime() >= LAST_USED_RESOLUTION_MS) await noteUse(row.tokenId, nowMs);
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * How finely a token's last use is kept. The settings page shows it so that a token used where its
 * owner did not expect (copied, forgotten in a script) can be noticed and revoked; to the minute is
 * enough for that, and costs one write a minute per token in use rather than one per request.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

async function noteUse(tokenId: string, nowMs: number): Promise<void> {
  const cutoff = new Date(nowMs - LAST_USED_RESOLUTION_MS);
  // Requests arriving together record it once; a failure to record it never refuses the request.
  await write((tx) => tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: cutoff } }] }, data: { lastUsedAt: new Date(nowMs) } })).catch(() => undefined);
}
