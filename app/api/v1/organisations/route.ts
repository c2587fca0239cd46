import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createOrganisation, searchOrganisations, listOrganisationPage } from "@/lib/organisations";
import { pagingAsked } from "@/lib/paging";

export const dynamic = "force-dynamic";

// The fields an API client gets of each, listed or found.
const hit = ({ id, name, nameFa, aliases, score }: { id: string; name: string; nameFa: string; aliases: string[]; score: number }) => ({ id, name, nameFa, aliases, score });

// ?q= finds organisations by name, Persian name or alias (MEK, PMOI, Mojahedin-e Khalq…).
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  // With ?page=, ?pageSize= or ?perPage=: a page of the list (or of the matches), with the total and the number of pages.
  if (pagingAsked(query)) {
    const found = await listOrganisationPage({ actor, query });
    return { ...found, items: found.items.map(hit) };
  }
  return { items: (await searchOrganisations({ actor, query })).map(hit) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createOrganisation({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
