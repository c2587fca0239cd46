import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { search } from "@/lib/search";

export const dynamic = "force-dynamic";

// One search over statements and the registries. A repeated parameter (?q=a&q=b) is refused
// as malformed rather than one of its values picked silently.
export const GET = apiRoute(async ({ req, actor }) => {
  const params = new URL(req.url).searchParams;
  const query: Record<string, unknown> = searchParams(req);
  for (const k of new Set(params.keys())) if (params.getAll(k).length > 1) query[k] = params.getAll(k);
  const r = await search({ actor, query });
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
