import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { suggestLinks } from "@/lib/links";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => suggestLinks({ actor, statementId: params.id }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
