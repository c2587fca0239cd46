import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { visibleNoticeSql } from "@/lib/review/workflow";
import { STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { anyResearchWithdrawal, readsUnderResearchConsent, testimonySql, testimonyWitnessWhere } from "@/lib/witnesses/witnesses";

export type DashboardSummary = {
  statementsByStatus: Record<string, number>;
  statements: number;
  witnesses: number;
  fictionalStatements: number;
  fictionalWitnesses: number;
  /** The review tiles: statements awaiting review and in review, those in review assigned to the actor, the actor's unread notices. */
  review: { submitted: number; inReview: number; mine: number; unread: number };
};

/**
 * Counts for the dashboard: statements by review status, witnesses, how many are fictional
 * samples, and the actor's review work. Every sign-in lands here, so it is one query of counts
 * that indexes answer (status, fictional, assignee, notification reader): at 100,000 statements
 * a GROUP BY over every statement and Prisma's counts (which read every matching row, and every
 * row for the fictional ones) cost ~340 ms of CPU a view.
 */
export async function getDashboardSummary({ actor }: { actor: Actor | null }): Promise<DashboardSummary> {
  authorize(actor, "statement.read");
  authorize(actor, "witness.read");
  // A legal team counts only what its lists show: statements and witnesses whose witness's
  // consent in force covers legal sharing (testimonySql, the lists' testimonyWitnessWhere).
  // Researchers and reviewers count statements without those of witnesses who withdrew consent to
  // internal research (testimonySql), and every witness: the witnesses list shows them all. While
  // no witness has withdrawn it (mostly), their counts, and an admin's, stay the plain ones that
  // indexes answer.
  const ruled = actor.role === "LEGAL" || (readsUnderResearchConsent(actor) && (await anyResearchWithdrawal()));
  const consent = ruled ? testimonySql(actor, Prisma.sql`"Statement"."witnessId"`) : null;
  const statementWhere = (cond?: Prisma.Sql) => {
    const conds = [...(cond ? [cond] : []), ...(consent ? [consent] : [])];
    return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  };
  const witnessWhere = (cond?: Prisma.Sql) => {
    const conds = [...(cond ? [cond] : []), ...(actor.role === "LEGAL" ? [testimonySql(actor, Prisma.sql`"Witness"."id"`)!] : [])];
    return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  };
  const byStatus = STATEMENT_STATUSES.map((s) => Prisma.sql`SELECT CAST(${s} AS TEXT) AS k, COUNT(*) AS n FROM "Statement" ${statementWhere(Prisma.sql`"status" = ${s}`)}`);
  const rows = await read((db) =>
    db.$queryRaw<{ k: string; n: number | bigint }[]>`
      SELECT 'statements' AS k, (SELECT COUNT(*) FROM "Statement" ${statementWhere()}) AS n -- alone, SQLite counts without stepping through rows
      UNION ALL SELECT 'fictionalStatements', COUNT(*) FROM "Statement" ${statementWhere(Prisma.sql`"fictional" = TRUE`)}
      UNION ALL SELECT 'witnesses', COUNT(*) FROM "Witness" ${witnessWhere()}
      UNION ALL SELECT 'fictionalWitnesses', COUNT(*) FROM "Witness" ${witnessWhere(Prisma.sql`"fictional" = TRUE`)}
      UNION ALL SELECT 'mine', COUNT(*) FROM "Statement" ${statementWhere(Prisma.sql`"assigneeId" = ${actor.id} AND "status" = 'IN_REVIEW'`)}
      UNION ALL SELECT 'unread', COUNT(*) FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL ${visibleNoticeSql(actor)}
      UNION ALL ${Prisma.join(byStatus, " UNION ALL ")}`,
  );
  const count = new Map(rows.map((r) => [r.k, Number(r.n)]));
  const n = (k: string) => count.get(k) ?? 0;
  const statementsByStatus: Record<string, number> = {};
  for (const s of STATEMENT_STATUSES) statementsByStatus[s] = n(s);
  return {
    statementsByStatus,
    statements: n("statements"),
    witnesses: n("witnesses"),
    fictionalStatements: n("fictionalStatements"),
    fictionalWitnesses: n("fictionalWitnesses"),
    review: { submitted: n("SUBMITTED"), inReview: n("IN_REVIEW"), mine: n("mine"), unread: n("unread") },
  };
}

/** The dashboard's newest statements (as the statement list shows them, without counting them all). */
export async function getRecentStatements({ actor, take = 5 }: { actor: Actor | null; take?: number }) {
  authorize(actor, "statement.read");
  return read((db) =>
    db.statement.findMany({
      where: { witness: testimonyWitnessWhere(actor) },
      orderBy: { updatedAt: "desc" },
      take,
      select: { id: true, title: true, language: true, status: true, fictional: true, updatedAt: true, witness: { select: { code: true } } },
    }),
  );
}
