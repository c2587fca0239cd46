import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createEvent, listEventPage, listEvents, searchEvents } from "@/lib/events";
import { pagingAsked } from "@/lib/paging";

export const dynamic = "force-dynamic";

// Every event in date order; with ?q= (and ?limit=), the events whose title matches, best first, each with its score.
// With ?page=, ?pageSize= or ?perPage=: a page of either, with the total and the number of pages.
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  if (pagingAsked(query)) return listEventPage({ actor, query });
  return { items: query.q || query.limit ? await searchEvents({ actor, query }) : await listEvents({ actor, query }) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createEvent({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
