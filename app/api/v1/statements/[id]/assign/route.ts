import { apiRoute, readJson } from "@/lib/api/handler";
import { assignReviewer } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const s = await assignReviewer({ actor, statementId: params.id, input: await readJson(req) });
  return { id: s.id, status: s.status, assigneeId: s.assigneeId };
});
