import { apiRoute, searchParams } from "@/lib/api/handler";
import { getImportJob } from "@/lib/import";

export const dynamic = "force-dynamic";

/** GET: the job's status and progress, and its per-row report unless ?rows=0. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => getImportJob({ actor, jobId: params.id, withRows: searchParams(req).rows !== "0" }));
