import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { addDossierItem } from "@/lib/dossiers";

export const dynamic = "force-dynamic";

type P = { id: string };

// Answers with the whole dossier, so a client sees the new item's number and position in order.
export const POST = apiRoute<P>(async ({ req, actor, params }) => Response.json(await addDossierItem({ actor, dossierId: params.id, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
