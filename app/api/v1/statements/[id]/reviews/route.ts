import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { decideReview, listReviews } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

const out = (r: Awaited<ReturnType<typeof listReviews>>[number]) => ({
  ...r,
  checklist: JSON.parse(r.checklist),
  comments: JSON.parse(r.comments),
  createdAt: r.createdAt.toISOString(),
});

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ items: (await listReviews({ actor, statementId: params.id })).map(out) }));

/** The assigned reviewer's decision on the current revision. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { review, statement } = await decideReview({ actor, statementId: params.id, input: await readJson(req) });
  return Response.json({ status: statement.status, review: out(review) }, { status: 201 });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
