import { Readable } from "node:stream";
import { apiRoute, searchParams } from "@/lib/api/handler";
import { checkListCsv, csvFileName, exportListCsv, type CsvKind } from "./csv";

function csvHeaders(kind: CsvKind): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${csvFileName(kind)}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

/** GET handler for one list as CSV (UTF-8 with BOM; columns in lib/transfer/FORMAT.md), streamed. */
export function csvListRoute(kind: CsvKind) {
  return apiRoute(async ({ req, actor }) => {
    const stream = await exportListCsv({ actor, kind, query: searchParams(req) });
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { headers: csvHeaders(kind) });
  });
}

/**
 * HEAD handler for the same list. Without it Next answers HEAD by running GET, which reads the
 * list and audits a download that never happens. This answers as GET would (401, 403, 400 for
 * bad filters, or 200 with GET's headers; no length, which only the file would tell) after the
 * same checks, and reads and records nothing.
 */
export function csvListHeadRoute(kind: CsvKind) {
  return apiRoute(async ({ req, actor }) => {
    checkListCsv({ actor, kind, query: searchParams(req) });
    return new Response(null, { headers: csvHeaders(kind) });
  });
}
