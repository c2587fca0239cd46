import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { listReviewQueue } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => {
  const q = await listReviewQueue({ actor, query: searchParams(req) });
  return { ...q, items: q.items.map((s) => ({ ...s, submittedAt: s.submittedAt?.toISOString() ?? null, witnessCode: s.witness.code, author: s.author.name, witness: undefined })) };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
