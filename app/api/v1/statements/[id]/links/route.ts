import { apiRoute, methodNotAllowed, searchParams } from "@/lib/api/handler";
import { listLinksForStatement } from "@/lib/links";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => listLinksForStatement({ actor, statementId: params.id, query: searchParams(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
