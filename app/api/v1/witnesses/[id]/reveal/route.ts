import { apiRoute, readJson } from "@/lib/api/handler";
import { revealIdentity } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

// The identity, for a reason that goes into the audit log first. No cache may keep the answer.
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const r = await revealIdentity({ actor, witnessId: params.id, input: await readJson(req) });
  return Response.json({ code: r.code, identity: r.identity }, { headers: { "Cache-Control": "no-store", Pragma: "no-cache" } });
});
