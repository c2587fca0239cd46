import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { gradeSource } from "@/lib/sources";

export const dynamic = "force-dynamic";

/** Reviewers and admins grade a source (A–F, 1–6) with their reasons. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => gradeSource({ actor, sourceId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
