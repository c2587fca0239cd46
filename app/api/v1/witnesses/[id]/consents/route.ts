import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { consentOut, recordConsent } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const c = await recordConsent({ actor, witnessId: params.id, input: await readJson(req) });
  return Response.json(consentOut(c), { status: 201 });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
