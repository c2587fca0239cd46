import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createClaim, listClaims, listClaimTopics } from "@/lib/claims";

export const dynamic = "force-dynamic";

// ?topic=death-toll-1988 lists that topic's claims with their sources and grades; without a
// topic, the topics and how many claims each has.
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  if (query.topic === undefined) return { topics: await listClaimTopics({ actor, query }) };
  return { topic: query.topic, items: await listClaims({ actor, query }) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createClaim({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
