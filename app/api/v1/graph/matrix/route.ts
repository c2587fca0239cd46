import { apiRoute, searchParams } from "@/lib/api/handler";
import { getCorroborationMatrix } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** GET /api/v1/graph/matrix[?allegationType=KILLING] */
export const GET = apiRoute(async ({ req, actor }) => getCorroborationMatrix({ actor, query: searchParams(req) }));
