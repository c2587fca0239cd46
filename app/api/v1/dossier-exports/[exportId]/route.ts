import { apiRoute } from "@/lib/api/handler";
import { getDossierExport } from "@/lib/dossiers/export";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { exportId: string };

/** Status and progress of one export: phase, done/total; when READY, its SHA-256 and size. */
export const GET = apiRoute<P>(async ({ actor, params }) => getDossierExport({ actor, exportId: params.exportId }));
