import { Readable } from "node:stream";
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { buildExport, checkFullExport, zipExport } from "@/lib/transfer";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The full export (lib/transfer/FORMAT.md) as a ZIP, streamed; administrators only (data.export). */
export const GET = apiRoute(async ({ actor }) => {
  const built = await buildExport({ actor });
  return new Response(Readable.toWeb(zipExport(built)) as unknown as ReadableStream<Uint8Array>, {
    headers: { ...zipHeaders(), "x-casefile-export-id": built.exportId, "x-casefile-export-sha256": built.sha256 },
  });
});

/**
 * Without this, Next answers HEAD by running GET: a whole export made, audited and thrown away.
 * HEAD gets GET's answer after the same check (401, 403, or 200 with the headers that do not
 * depend on the export; the export's id and hash exist only once one is made) and nothing else.
 */
export const HEAD = apiRoute(async ({ actor }) => {
  checkFullExport({ actor });
  return new Response(null, { headers: zipHeaders() });
});

function zipHeaders(): Record<string, string> {
  return {
    "content-type": "application/zip",
    "content-disposition": `attachment; filename="casefile-export-${new Date().toISOString().slice(0, 10)}.zip"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
