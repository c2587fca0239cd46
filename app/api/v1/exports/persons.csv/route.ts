import { methodNotAllowed } from "@/lib/api/handler";
import { csvListHeadRoute, csvListRoute } from "@/lib/transfer/csv-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The persons list as CSV (UTF-8 with BOM; columns in lib/transfer/FORMAT.md), streamed. */
export const GET = csvListRoute("persons");
/** The same checks and headers, without reading the list or auditing a download. */
export const HEAD = csvListHeadRoute("persons");

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
