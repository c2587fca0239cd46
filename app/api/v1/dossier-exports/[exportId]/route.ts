import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { getDossierExport } from "@/lib/dossiers/export";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { exportId: string };

/** Status and progress of one export: phase, done/total; when READY, its SHA-256 and size. */
export const GET = apiRoute<P>(async ({ actor, params }) => getDossierExport({ actor, exportId: params.exportId }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
