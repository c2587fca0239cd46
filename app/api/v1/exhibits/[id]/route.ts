import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { getExhibit } from "@/lib/exhibits";

export const dynamic = "force-dynamic";

type P = { id: string };

/** Metadata, links and chain of custody. */
export const GET = apiRoute<P>(async ({ actor, params }) => {
  const { linkDetails: _details, ...exhibit } = await getExhibit({ actor, exhibitId: params.id });
  return exhibit;
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
