import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { addCustodyEntry } from "@/lib/exhibits";

export const dynamic = "force-dynamic";

type P = { id: string };

export const POST = apiRoute<P>(async ({ req, actor, params }) =>
  Response.json(await addCustodyEntry({ actor, exhibitId: params.id, input: await readJson(req) }), { status: 201 }),
);

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
