import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createStatement, getStatement, listStatements, statementOut } from "@/lib/statements/statements";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => {
  const page = await listStatements({ actor, query: searchParams(req) });
  return {
    items: page.items.map((s) => ({
      id: s.id,
      witnessCode: s.witness.code,
      title: s.title,
      language: s.language,
      status: s.status,
      revisionNumber: s.revisionNumber,
      fictional: s.fictional,
      updatedAt: s.updatedAt.toISOString(),
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    pages: page.pages,
  };
});

export const POST = apiRoute(async ({ req, actor }) => {
  const created = await createStatement({ actor, input: await readJson(req) });
  return Response.json(statementOut(await getStatement({ actor, statementId: created.id })), { status: 201 });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
