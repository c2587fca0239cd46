import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createOrganisation, searchOrganisations } from "@/lib/organisations";

export const dynamic = "force-dynamic";

// ?q= finds organisations by name, Persian name or alias (MEK, PMOI, Mojahedin-e Khalq…).
export const GET = apiRoute(async ({ req, actor }) => ({
  items: (await searchOrganisations({ actor, query: searchParams(req) })).map(({ id, name, nameFa, aliases, score }) => ({ id, name, nameFa, aliases, score })),
}));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createOrganisation({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
