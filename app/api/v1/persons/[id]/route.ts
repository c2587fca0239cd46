import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getPerson, updatePerson } from "@/lib/persons";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getPerson({ actor, personId: params.id }));

// A newly added name that matches another person is answered 409 like POST /persons.
export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updatePerson({ actor, personId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
