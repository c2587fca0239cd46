import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { submitStatement } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const s = await submitStatement({ actor, statementId: params.id });
  return { id: s.id, status: s.status };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
