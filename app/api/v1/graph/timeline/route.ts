import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { getTimeline } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** GET /api/v1/graph/timeline[?from=Mordad 1367&to=1988-12-31&calendar=persian&person=&allegationType=&place=ID&proceeding=ID] */
export const GET = apiRoute(async ({ req, actor }) => getTimeline({ actor, query: searchParams(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
