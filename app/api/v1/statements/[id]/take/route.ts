import { apiRoute } from "@/lib/api/handler";
import { takeForReview } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const s = await takeForReview({ actor, statementId: params.id });
  return { id: s.id, status: s.status, assigneeId: s.assigneeId };
});
