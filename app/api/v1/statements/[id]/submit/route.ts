import { apiRoute } from "@/lib/api/handler";
import { submitStatement } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const s = await submitStatement({ actor, statementId: params.id });
  return { id: s.id, status: s.status };
});
