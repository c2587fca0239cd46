import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createProceeding, listProceedingPage, listProceedings, searchProceedings } from "@/lib/proceedings";
import { pagingAsked } from "@/lib/paging";

export const dynamic = "force-dynamic";

// Every proceeding by title; with ?q= (and ?limit=), those whose title matches, best first, each with its score.
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  // With ?page=, ?pageSize= or ?perPage=: a page of either, with the total and the number of pages.
  if (pagingAsked(query)) return listProceedingPage({ actor, query });
  return { items: query.q || query.limit ? await searchProceedings({ actor, query }) : await listProceedings({ actor, query }) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createProceeding({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
