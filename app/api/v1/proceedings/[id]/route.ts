import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getProceeding, updateProceeding } from "@/lib/proceedings";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getProceeding({ actor, proceedingId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateProceeding({ actor, proceedingId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
