import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { getCorroborationMatrix } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** GET /api/v1/graph/matrix[?allegationType=KILLING] */
export const GET = apiRoute(async ({ req, actor }) => getCorroborationMatrix({ actor, query: searchParams(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
