import { Readable } from "node:stream";
import { apiRoute, searchParams } from "@/lib/api/handler";
import { csvFileName, exportListCsv } from "@/lib/transfer/csv";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The links list as CSV (UTF-8 with BOM; columns in lib/transfer/FORMAT.md), streamed. */
export const GET = apiRoute(async ({ req, actor }) => {
  const stream = await exportListCsv({ actor, kind: "links", query: searchParams(req) });
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFileName("links")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
