import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { removeDossierItem, updateDossierItem } from "@/lib/dossiers";

export const dynamic = "force-dynamic";

type P = { id: string; itemId: string };

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateDossierItem({ actor, dossierId: params.id, itemId: params.itemId, input: await readJson(req) }));

export const DELETE = apiRoute<P>(async ({ actor, params }) => removeDossierItem({ actor, dossierId: params.id, itemId: params.itemId }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["PATCH", "DELETE"]);
export { otherMethod as GET, otherMethod as POST, otherMethod as PUT };
