import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { rangeIssues, ZClaimTopicsQuery, ZCreateClaim, ZListClaims, ZUpdateClaim, type ClaimOut } from "./schemas";

// Claims are entered and corrected by those who may edit sources (policy source.edit) and
// read by everyone who reads the registries. Every change is audited with before and after.

const INCLUDE = { source: { select: { id: true, title: true, author: true, year: true, reliability: true, credibility: true } } } as const;

type Row = {
  id: string;
  topic: string;
  assertion: string;
  claimedBy: string;
  low: number | null;
  high: number | null;
  year: number | null;
  note: string;
  createdAt: Date;
  source: { id: string; title: string; author: string; year: number | null; reliability: string | null; credibility: number | null } | null;
};

function toOut(r: Row): ClaimOut {
  return {
    id: r.id,
    topic: r.topic,
    assertion: r.assertion,
    claimedBy: r.claimedBy,
    low: r.low,
    high: r.high,
    year: r.year,
    note: r.note,
    source: r.source ? { ...r.source, grade: r.source.reliability && r.source.credibility ? `${r.source.reliability}${r.source.credibility}` : null } : null,
    createdAt: r.createdAt.toISOString(),
  };
}

const auditView = (c: ClaimOut) => ({ topic: c.topic, assertion: c.assertion, claimedBy: c.claimedBy, low: c.low, high: c.high, year: c.year, note: c.note, sourceId: c.source?.id ?? null });

async function assertSource(tx: Tx, sourceId: string | null | undefined) {
  if (!sourceId) return;
  const s = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
  if (!s) throw new AppError("INVALID_INPUT", "No such source.", { sourceId: ["not_found"] });
}

export async function createClaim({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ClaimOut> {
  authorize(actor, "source.edit");
  const data = parseInput(ZCreateClaim, input);
  return write(async (tx) => {
    await assertSource(tx, data.sourceId);
    const claim = toOut(
      await tx.claim.create({
        data: { ...data, low: data.low ?? null, high: data.high ?? null, year: data.year ?? null, sourceId: data.sourceId ?? null },
        include: INCLUDE,
      }),
    );
    await writeAudit(tx, { actor, action: "claim.create", recordType: "Claim", recordId: claim.id, after: auditView(claim) });
    return claim;
  });
}

/**
 * PATCH. The range rules are checked on the claim as it would be after the change, so a new
 * `low` above the stored `high` is refused like the same pair given together.
 * Claim has no updatedAt column; `baseUpdatedAt` is not used for claims.
 */
export async function updateClaim({ actor, claimId, input }: { actor: Actor | null; claimId: string; input: unknown }): Promise<ClaimOut> {
  authorize(actor, "source.edit");
  const { baseUpdatedAt: _base, ...data } = parseInput(ZUpdateClaim, input);
  return write(async (tx) => {
    const row = await tx.claim.findUnique({ where: { id: claimId }, include: INCLUDE });
    if (!row) throw new AppError("NOT_FOUND", "No such claim.");
    const low = data.low === undefined ? row.low : data.low;
    const high = data.high === undefined ? row.high : data.high;
    const issues = rangeIssues(low, high);
    if (issues) throw new AppError("INVALID_INPUT", "The range is not valid.", issues);
    await assertSource(tx, data.sourceId);
    const after = toOut(await tx.claim.update({ where: { id: claimId }, data, include: INCLUDE }));
    await writeAudit(tx, { actor, action: "claim.update", recordType: "Claim", recordId: claimId, before: auditView(toOut(row)), after: auditView(after) });
    return after;
  });
}

export async function getClaim({ actor, claimId }: { actor: Actor | null; claimId: string }): Promise<ClaimOut> {
  authorize(actor, "registry.read");
  const row = await read((db) => db.claim.findUnique({ where: { id: claimId }, include: INCLUDE }));
  if (!row) throw new AppError("NOT_FOUND", "No such claim.");
  return toOut(row);
}

/** The competing claims on one topic, lowest estimate first. */
export async function listClaims({ actor, query }: { actor: Actor | null; query: unknown }): Promise<ClaimOut[]> {
  authorize(actor, "registry.read");
  const { topic } = parseInput(ZListClaims, query ?? {});
  const rows = await read((db) => db.claim.findMany({ where: { topic }, include: INCLUDE, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
  const key = (c: Row) => c.low ?? c.high ?? 0;
  return rows.sort((a, b) => key(a) - key(b) || (a.high ?? Infinity) - (b.high ?? Infinity) || a.claimedBy.localeCompare(b.claimedBy)).map(toOut);
}

/** Every topic with how many claims it has. */
export async function listClaimTopics({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<{ topic: string; count: number }[]> {
  authorize(actor, "registry.read");
  // GET /claims without ?topic= takes no parameter: one given is refused, not ignored.
  if (query !== undefined) parseInput(ZClaimTopicsQuery, query);
  const rows = await read((db) => db.claim.groupBy({ by: ["topic"], _count: { _all: true }, orderBy: { topic: "asc" } }));
  return rows.map((r) => ({ topic: r.topic, count: r._count._all }));
}

/** The claims recorded from one source, by topic. */
export async function listClaimsForSource({ actor, sourceId }: { actor: Actor | null; sourceId: string }): Promise<ClaimOut[]> {
  authorize(actor, "registry.read");
  const rows = await read((db) => db.claim.findMany({ where: { sourceId }, include: INCLUDE, orderBy: [{ topic: "asc" }, { createdAt: "asc" }] }));
  return rows.map(toOut);
}
