import { apiRoute } from "@/lib/api/handler";
import { suggestLinks } from "@/lib/links";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => suggestLinks({ actor, statementId: params.id }));
