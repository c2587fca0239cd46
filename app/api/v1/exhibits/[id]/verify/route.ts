import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { verifyExhibit } from "@/lib/exhibits";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { id: string };

/** Recomputes the stored file's SHA-256 and appends the result to the chain of custody. */
export const POST = apiRoute<P>(async ({ actor, params }) => Response.json(await verifyExhibit({ actor, exhibitId: params.id }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
