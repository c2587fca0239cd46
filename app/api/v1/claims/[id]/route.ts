import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getClaim, updateClaim } from "@/lib/claims";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getClaim({ actor, claimId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateClaim({ actor, claimId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
