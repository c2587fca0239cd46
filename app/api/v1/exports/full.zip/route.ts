import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/handler";
import { buildExport, zipExport } from "@/lib/transfer";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The full export (lib/transfer/FORMAT.md) as a ZIP, streamed; administrators only (data.export). */
export const GET = apiRoute(async ({ actor }) => {
  const built = await buildExport({ actor });
  return new Response(Readable.toWeb(zipExport(built)) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="casefile-export-${new Date().toISOString().slice(0, 10)}.zip"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-casefile-export-id": built.exportId,
      "x-casefile-export-sha256": built.sha256,
    },
  });
});
