import { apiRoute } from "@/lib/api/handler";
import { listLinksForStatement } from "@/lib/links";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listLinksForStatement({ actor, statementId: params.id }));
