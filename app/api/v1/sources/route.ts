import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createSource, listSources } from "@/lib/sources";

export const dynamic = "force-dynamic";

// ?q= matches title, author, kind and citation; ?graded=yes|no; ?dateToFix=yes|no (a date that cannot be read).
export const GET = apiRoute(async ({ req, actor }) => listSources({ actor, query: searchParams(req) }));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createSource({ actor, input: await readJson(req) }), { status: 201 }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
