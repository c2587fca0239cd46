import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { createLink, listLinksForEvent, listLinksForPerson, listLinksForProceeding } from "@/lib/links";

export const dynamic = "force-dynamic";

/** GET /api/v1/links?personId=… | ?eventId=… | ?proceedingId=… */
export const GET = apiRoute(async ({ req, actor }) => {
  const q = searchParams(req);
  const given = (["personId", "eventId", "proceedingId"] as const).filter((k) => q[k]);
  if (given.length !== 1) throw new AppError("INVALID_INPUT", "Give exactly one of personId, eventId and proceedingId.", { _: ["link_filter_one"] });
  if (q.personId) return listLinksForPerson({ actor, personId: q.personId });
  if (q.eventId) return listLinksForEvent({ actor, eventId: q.eventId });
  return listLinksForProceeding({ actor, proceedingId: q.proceedingId! });
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createLink({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
