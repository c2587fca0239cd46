import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { deleteLink, updateLink } from "@/lib/links";

export const dynamic = "force-dynamic";

type P = { id: string };

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateLink({ actor, linkId: params.id, input: await readJson(req) }));

export const DELETE = apiRoute<P>(async ({ actor, params }) => deleteLink({ actor, linkId: params.id }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["PATCH", "DELETE"]);
export { otherMethod as GET, otherMethod as POST, otherMethod as PUT };
