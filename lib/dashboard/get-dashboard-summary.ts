import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { visibleNoticeSql } from "@/lib/review/workflow";
import { STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { statementsOfWitnesses, testimonySql, testimonyStatementWhere, withheldWitnessIds } from "@/lib/witnesses/witnesses";

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
  // internal research, and every witness: the witnesses list shows them all. Their counts, and an
  // admin's, stay the plain ones that indexes answer, less the same counts of the few withheld
  // witnesses' statements (read through the witness index) when some withdrew it.
  const withheld = await withheldWitnessIds(actor);
  const legal = actor.role === "LEGAL" ? testimonySql(actor, Prisma.sql`"Statement"."witnessId"`) : null;
  const rows = await counts(actor, legal);
  if (withheld?.length) {
    const theirs = await read((db) => statementsOfWitnesses(db, withheld));
    const less = new Map<string, number>([
      ["statements", theirs.length],
      ["fictionalStatements", theirs.filter((s) => s.fictional).length],
      ["mine", theirs.filter((s) => s.assigneeId === actor.id && s.status === "IN_REVIEW").length],
      ...STATEMENT_STATUSES.map((st) => [st, theirs.filter((s) => s.status === st).length] as [string, number]),
    ]);
    for (const r of rows) r.n = Number(r.n) - (less.get(r.k) ?? 0);
  }
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

/** The dashboard's counts, a row per key; `consent`: a further condition on every statement counted. */
async function counts(actor: Actor, consent: Prisma.Sql | null) {
  const statementWhere = (cond?: Prisma.Sql) => {
    const conds = [...(cond ? [cond] : []), ...(consent ? [consent] : [])];
    return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  };
  const witnessWhere = (cond?: Prisma.Sql) => {
    const conds = [...(cond ? [cond] : []), ...(actor.role === "LEGAL" ? [testimonySql(actor, Prisma.sql`"Witness"."id"`)!] : [])];
    return conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  };
  const byStatus = STATEMENT_STATUSES.map((s) => Prisma.sql`SELECT CAST(${s} AS TEXT) AS k, COUNT(*) AS n FROM "Statement" ${statementWhere(Prisma.sql`"status" = ${s}`)}`);
  return read((db) =>
    db.$queryRaw<{ k: string; n: number | bigint }[]>`
      SELECT 'statements' AS k, (SELECT COUNT(*) FROM "Statement" ${statementWhere()}) AS n -- alone, SQLite counts without stepping through rows
      UNION ALL SELECT 'fictionalStatements', COUNT(*) FROM "Statement" ${statementWhere(Prisma.sql`"fictional" = TRUE`)}
      UNION ALL SELECT 'witnesses', COUNT(*) FROM "Witness" ${witnessWhere()}
      UNION ALL SELECT 'fictionalWitnesses', COUNT(*) FROM "Witness" ${witnessWhere(Prisma.sql`"fictional" = TRUE`)}
      UNION ALL SELECT 'mine', COUNT(*) FROM "Statement" ${statementWhere(Prisma.sql`"assigneeId" = ${actor.id} AND "status" = 'IN_REVIEW'`)}
      UNION ALL SELECT 'unread', COUNT(*) FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL ${visibleNoticeSql(actor)}
      UNION ALL ${Prisma.join(byStatus, " UNION ALL ")}`,
  );
}

/** The dashboard's newest statements (as the statement list shows them, without counting them all). */
export async function getRecentStatements({ actor, take = 5 }: { actor: Actor | null; take?: number }) {
  authorize(actor, "statement.read");
  const where = await testimonyStatementWhere(actor);
  return read((db) =>
    db.statement.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      take,
      select: { id: true, title: true, language: true, status: true, fictional: true, updatedAt: true, witness: { select: { code: true } } },
    }),
  );
}
