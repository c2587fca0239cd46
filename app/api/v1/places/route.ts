import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createPlace, searchPlaces, listPlacePage } from "@/lib/places";
import { pagingAsked } from "@/lib/paging";

export const dynamic = "force-dynamic";

// The fields an API client gets of each, listed or found.
const hit = ({ id, name, nameFa, aliases, city, score }: { id: string; name: string; nameFa: string; aliases: string[]; city: string | null; score: number }) => ({ id, name, nameFa, aliases, city, score });

// ?q= finds places by Latin, Persian or former names (Rajaei Shahr finds Gohardasht).
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  // With ?page=, ?pageSize= or ?perPage=: a page of the list (or of the matches), with the total and the number of pages.
  if (pagingAsked(query)) {
    const found = await listPlacePage({ actor, query });
    return { ...found, items: found.items.map(hit) };
  }
  return { items: (await searchPlaces({ actor, query })).map(hit) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createPlace({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
