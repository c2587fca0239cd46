import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { listTemplates, saveTemplate } from "@/lib/import";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => ({ items: await listTemplates({ actor, kind: searchParams(req).kind }) }));
export const POST = apiRoute(async ({ req, actor }) => saveTemplate({ actor, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
