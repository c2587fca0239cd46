import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { revealIdentity } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

// The identity, for a reason that goes into the audit log first. No cache may keep the answer.
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const r = await revealIdentity({ actor, witnessId: params.id, input: await readJson(req) });
  return Response.json({ code: r.code, identity: r.identity }, { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
