import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createPerson, searchPersons } from "@/lib/persons";

export const dynamic = "force-dynamic";

// ?q= finds persons by any spelling of any of their names, Latin or Persian, best first.
export const GET = apiRoute(async ({ req, actor }) => ({
  items: (await searchPersons({ actor, query: searchParams(req) })).map(({ id, name, nameFa, aliases, score }) => ({ id, name, nameFa, aliases, score })),
}));

// A likely duplicate is answered 409 with error.details.candidates until confirmDuplicate is true.
export const POST = apiRoute(async ({ req, actor }) => Response.json(await createPerson({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
