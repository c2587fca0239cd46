import { apiRoute } from "@/lib/api/handler";
import { getPersonAllegations } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getPersonAllegations({ actor, personId: params.id }));
