import { apiRoute, searchParams } from "@/lib/api/handler";
import { getPersonAllegations } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => getPersonAllegations({ actor, personId: params.id, page: searchParams(req).page }));
