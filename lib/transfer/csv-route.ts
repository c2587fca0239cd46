import { Readable } from "node:stream";
import { apiRoute, searchParams } from "@/lib/api/handler";
import { csvFileName, exportListCsv, type CsvKind } from "./csv";

/** GET handler for one list as CSV (UTF-8 with BOM; columns in lib/transfer/FORMAT.md), streamed. */
export function csvListRoute(kind: CsvKind) {
  return apiRoute(async ({ req, actor }) => {
    const stream = await exportListCsv({ actor, kind, query: searchParams(req) });
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${csvFileName(kind)}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
