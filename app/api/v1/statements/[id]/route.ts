import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getStatement, statementOut, updateStatement } from "@/lib/statements/statements";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => statementOut(await getStatement({ actor, statementId: params.id })));

export const PUT = apiRoute<P>(async ({ req, actor, params }) => {
  await updateStatement({ actor, statementId: params.id, input: await readJson(req) });
  return statementOut(await getStatement({ actor, statementId: params.id }));
});

/** The same operation as PUT: a new revision from the full content, the reason and baseRevision. */
export const PATCH = PUT;

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PUT", "PATCH"]);
export { otherMethod as POST, otherMethod as DELETE };
