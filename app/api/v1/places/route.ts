import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createPlace, searchPlaces } from "@/lib/places";

export const dynamic = "force-dynamic";

// ?q= finds places by Latin, Persian or former names (Rajaei Shahr finds Gohardasht).
export const GET = apiRoute(async ({ req, actor }) => ({
  items: (await searchPlaces({ actor, query: searchParams(req) })).map(({ id, name, nameFa, aliases, city, score }) => ({ id, name, nameFa, aliases, city, score })),
}));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createPlace({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
