import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { search } from "@/lib/search";

export const dynamic = "force-dynamic";

// One search over statements and the registries (a repeated parameter is refused by searchParams).
export const GET = apiRoute(async ({ req, actor }) => {
  const r = await search({ actor, query: searchParams(req) });
  return {
    items: r.items.map(({ type, id, title, snippet, score, dir, language }) => ({ type, id, title, snippet, score, dir, language })),
    total: r.total,
    totalAtLeast: r.totalAtLeast,
    page: r.page,
    pageSize: r.pageSize,
  };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
