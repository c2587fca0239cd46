import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getOrganisation, updateOrganisation } from "@/lib/organisations";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getOrganisation({ actor, organisationId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateOrganisation({ actor, organisationId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
