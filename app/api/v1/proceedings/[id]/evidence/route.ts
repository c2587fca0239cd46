import { apiRoute } from "@/lib/api/handler";
import { getProceedingEvidence } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getProceedingEvidence({ actor, proceedingId: params.id }));
