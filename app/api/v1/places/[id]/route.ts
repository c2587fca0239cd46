import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getPlace, updatePlace } from "@/lib/places";

export const dynamic = "force-dynamic";

type P = { id: string };

// The place with one page of its events (?page=, the first by default).
export const GET = apiRoute<P>(async ({ req, actor, params }) => getPlace({ actor, placeId: params.id, page: new URL(req.url).searchParams.get("page") ?? undefined }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updatePlace({ actor, placeId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
