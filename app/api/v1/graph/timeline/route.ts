import { apiRoute, searchParams } from "@/lib/api/handler";
import { getTimeline } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** GET /api/v1/graph/timeline[?from=1988-07-01&to=1988-12-31&calendar=persian] */
export const GET = apiRoute(async ({ req, actor }) => getTimeline({ actor, query: searchParams(req) }));
