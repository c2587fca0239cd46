import { apiRoute, readJson } from "@/lib/api/handler";
import { getClaim, updateClaim } from "@/lib/claims";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getClaim({ actor, claimId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateClaim({ actor, claimId: params.id, input: await readJson(req) }));
