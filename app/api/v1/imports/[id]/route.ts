import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { getImportJob } from "@/lib/import";

export const dynamic = "force-dynamic";

/** GET: the job's status and progress, and its per-row report unless ?rows=0 (lib reads the parameters). */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => getImportJob({ actor, jobId: params.id, query: searchParams(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
