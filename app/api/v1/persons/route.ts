import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createPerson, searchPersons, listPersonPage } from "@/lib/persons";
import { pagingAsked } from "@/lib/paging";

export const dynamic = "force-dynamic";

// The fields an API client gets of each, listed or found.
const hit = ({ id, name, nameFa, aliases, score }: { id: string; name: string; nameFa: string; aliases: string[]; score: number }) => ({ id, name, nameFa, aliases, score });

// ?q= finds persons by any spelling of any of their names, Latin or Persian, best first.
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  // With ?page=, ?pageSize= or ?perPage=: a page of the list (or of the matches), with the total and the number of pages.
  if (pagingAsked(query)) {
    const found = await listPersonPage({ actor, query });
    return { ...found, items: found.items.map(hit) };
  }
  return { items: (await searchPersons({ actor, query })).map(hit) };
});

// A likely duplicate is answered 409 with error.details.candidates until confirmDuplicate is true.
export const POST = apiRoute(async ({ req, actor }) => Response.json(await createPerson({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
