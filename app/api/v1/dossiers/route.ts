import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { createDossier, listDossiers } from "@/lib/dossiers";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => listDossiers({ actor }));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createDossier({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
