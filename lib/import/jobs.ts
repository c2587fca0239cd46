import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { runnerGone } from "@/lib/jobs/runner";
import { zFlag } from "@/lib/registries/schemas";
import { parseInput, zQuery } from "@/lib/validation";
import { liveProgress, type BatchReport, type RowReport } from "./run-import";

export type JobOut = {
  id: string;
  kind: string;
  format: string;
  fileName: string;
  fileSha256: string;
  dryRun: boolean;
  status: string;
  rowsTotal: number;
  rowsDone: number;
  created: number;
  linked: number;
  /** Rows that changed an existing record (the report's count; the job row keeps created, linked and refused). */
  updated: number;
  refused: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  headers: string[];
  mapping: Record<string, string>;
  rows: RowReport[];
  batches: BatchReport[];
};

export const INTERRUPTED_MESSAGE =
  "The import was interrupted: the process running it stopped before it finished. Nothing of its unfinished transaction (or batch) was written; run it again — rows already imported are recognised and not created twice.";

/**
 * GET /imports/{id}: ?rows=0 (or false) leaves the per-row report out. A value that is neither yes
 * nor no is refused: "?rows=no" was read as yes, and "?rows=false" too.
 */
export const ZImportJobQuery = zQuery({ rows: zFlag.default(true).describe("0 or false: without the per-row report (rows is [])") });

/**
 * An import job with its per-row report, and live progress while this process runs it. `query`:
 * the address's parameters (ZImportJobQuery), which decide `withRows` when given.
 */
export async function getImportJob({ actor, jobId, withRows = true, query }: { actor: Actor | null; jobId: string; withRows?: boolean; query?: unknown }): Promise<JobOut> {
  authorize(actor, "import.run");
  if (query !== undefined) withRows = parseInput(ZImportJobQuery, query).rows;
  let j = await read((db) => db.importJob.findUnique({ where: { id: jobId } }));
  // Another user's import is not said to exist (lib/auth/policy.ts, import.run).
  if (!j || !can(actor, "import.run", { creatorId: j.createdById })) throw new AppError("NOT_FOUND", "No such import.");
  if ((j.status === "CHECKING" || j.status === "RUNNING") && runnerGone(j.runner)) {
    j = await write((tx) => tx.importJob.update({ where: { id: jobId }, data: { status: "FAILED", error: INTERRUPTED_MESSAGE, finishedAt: new Date() } }));
  }
  const report = JSON.parse(j.report || "{}") as { headers?: string[]; mapping?: Record<string, string>; rows?: RowReport[]; batches?: BatchReport[]; counts?: { updated?: number } };
  const live = liveProgress.get(j.id);
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    fileName: j.fileName,
    fileSha256: j.fileSha256,
    dryRun: j.dryRun,
    status: live?.phase ?? j.status,
    rowsTotal: live && live.total ? live.total : j.rowsTotal,
    rowsDone: live ? Math.max(live.done, 0) : j.rowsDone,
    created: j.created,
    linked: j.linked,
    updated: report.counts?.updated ?? 0,
    refused: j.refused,
    error: j.error,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    headers: report.headers ?? [],
    mapping: report.mapping ?? {},
    rows: withRows && Array.isArray(report.rows) ? report.rows : [],
    batches: Array.isArray(report.batches) ? report.batches : [],
  };
}
