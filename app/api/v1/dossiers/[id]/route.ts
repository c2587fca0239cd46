import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { deleteDossier, getDossier, updateDossier } from "@/lib/dossiers";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getDossier({ actor, dossierId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateDossier({ actor, dossierId: params.id, input: await readJson(req) }));

export const DELETE = apiRoute<P>(async ({ actor, params }) => deleteDossier({ actor, dossierId: params.id }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export { otherMethod as POST, otherMethod as PUT };
