import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";

/** Counts for the dashboard: statements by review status, witnesses, and how many are fictional samples. */
export async function getDashboardSummary({ actor }: { actor: Actor | null }) {
  authorize(actor, "statement.read");
  authorize(actor, "witness.read");
  return read(async (db) => {
    const [byStatus, statements, witnesses, fictionalStatements, fictionalWitnesses] = await Promise.all([
      db.statement.groupBy({ by: ["status"], _count: { _all: true } }),
      db.statement.count(),
      db.witness.count(),
      db.statement.count({ where: { fictional: true } }),
      db.witness.count({ where: { fictional: true } }),
    ]);
    const statementsByStatus: Record<string, number> = {};
    for (const row of byStatus) statementsByStatus[row.status] = row._count._all;
    return { statementsByStatus, statements, witnesses, fictionalStatements, fictionalWitnesses };
  });
}
