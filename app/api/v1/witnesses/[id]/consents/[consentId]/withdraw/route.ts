import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { consentOut, withdrawConsent } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

type P = { id: string; consentId: string };

/** Takes effect at once. The body ({ note }) may be left out. */
export const POST = apiRoute<P>(async ({ req, actor, params }) => {
  const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding");
  const input = hasBody ? await readJson(req) : {};
  return consentOut(await withdrawConsent({ actor, consentId: params.consentId, witnessId: params.id, input }));
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
