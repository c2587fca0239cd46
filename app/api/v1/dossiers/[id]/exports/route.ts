import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { listDossierExports, startDossierExport } from "@/lib/dossiers/export";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { id: string };

/** Starts an export in the background: 202 with the PENDING export; poll GET /dossier-exports/{id}. */
export const POST = apiRoute<P>(async ({ req, actor, params }) => {
  const hasBody = Number(req.headers.get("content-length") ?? "0") > 0 || req.headers.get("transfer-encoding") !== null;
  const input = hasBody ? await readJson(req) : {};
  const out = await startDossierExport({ actor, dossierId: params.id, input });
  return Response.json(out, { status: 202, headers: { Location: `/api/v1/dossier-exports/${out.id}` } });
});

/** The dossier's latest exports, newest first. */
export const GET = apiRoute<P>(async ({ actor, params }) => ({ items: await listDossierExports({ actor, dossierId: params.id }) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
