import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { getProceedingEvidence } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** GET /api/v1/proceedings/{id}/evidence[?page=2] */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => getProceedingEvidence({ actor, proceedingId: params.id, page: searchParams(req).page }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
