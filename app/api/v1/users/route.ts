import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createUser, listUsers } from "@/lib/users/users";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => ({ items: await listUsers({ actor, query: searchParams(req) }) }));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createUser({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
