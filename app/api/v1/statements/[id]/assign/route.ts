import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { assignReviewer } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const s = await assignReviewer({ actor, statementId: params.id, input: await readJson(req) });
  return { id: s.id, status: s.status, assigneeId: s.assigneeId };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
