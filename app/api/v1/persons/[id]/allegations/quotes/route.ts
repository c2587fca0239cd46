import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { getPersonAllegationQuotes } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

/** The quotes of one group of the person's allegations: ?type=KILLING&event=<event id, or "none">. */
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => getPersonAllegationQuotes({ actor, personId: params.id, query: searchParams(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
