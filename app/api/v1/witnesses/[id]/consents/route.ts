import { apiRoute, readJson } from "@/lib/api/handler";
import { consentOut, recordConsent } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const c = await recordConsent({ actor, witnessId: params.id, input: await readJson(req) });
  return Response.json(consentOut(c), { status: 201 });
});
