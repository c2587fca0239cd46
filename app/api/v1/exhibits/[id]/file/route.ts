import { Readable } from "node:stream";
import { apiRoute, methodNotAllowed, searchParams } from "@/lib/api/handler";
import { openExhibitStream } from "@/lib/exhibits";
import { fileHeaders } from "@/lib/exhibits/download";
import { readExhibitFileQuery } from "@/lib/exhibits/schemas";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { id: string };

/**
 * The stored original, byte for byte, as an attachment. `?inline=1` lets the exhibit page
 * play audio and video and preview PDFs, images and text; it is still sandboxed and nosniff.
 * One byte range (Range: bytes=…) is honoured for seeking.
 */
export const GET = apiRoute<P>(async ({ req, actor, params }) => {
  const { inline } = readExhibitFileQuery(searchParams(req));
  const file = await openExhibitStream({ actor, exhibitId: params.id, rangeHeader: req.headers.get("range") });
  const body = Readable.toWeb(file.stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: file.range ? 206 : 200, headers: fileHeaders(file, { inline, range: file.range }) });
});

/**
 * Without this, Next answers HEAD by running GET, which records a viewing of the evidence that
 * never happened. The same checks and headers (a range's too); the file is not sent or recorded.
 */
export const HEAD = apiRoute<P>(async ({ req, actor, params }) => {
  const { inline } = readExhibitFileQuery(searchParams(req));
  const file = await openExhibitStream({ actor, exhibitId: params.id, rangeHeader: req.headers.get("range"), audit: false });
  file.stream.destroy();
  return new Response(null, { status: file.range ? 206 : 200, headers: fileHeaders(file, { inline, range: file.range }) });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
