import { apiRoute, readJson } from "@/lib/api/handler";
import { getProceeding, updateProceeding } from "@/lib/proceedings";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getProceeding({ actor, proceedingId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateProceeding({ actor, proceedingId: params.id, input: await readJson(req) }));
