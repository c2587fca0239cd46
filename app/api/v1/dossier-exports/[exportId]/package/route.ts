import { Readable } from "node:stream";
import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { openExportPackage } from "@/lib/dossiers/export";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type P = { exportId: string };

/** The finished package, streamed from disk as an attachment. Audited. */
export const GET = apiRoute<P>(async ({ actor, params }) => {
  const file = await openExportPackage({ actor, exportId: params.exportId });
  const body = Readable.toWeb(file.stream) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: packageHeaders(file) });
});

/**
 * Without this, Next answers HEAD by running GET, which records a download that never happened.
 * The same checks and headers; the package is not sent, and no download is recorded.
 */
export const HEAD = apiRoute<P>(async ({ actor, params }) => {
  const file = await openExportPackage({ actor, exportId: params.exportId, audit: false });
  file.stream.destroy();
  return new Response(null, { status: 200, headers: packageHeaders(file) });
});

function packageHeaders(file: { size: number; fileName: string; sha256: string }): Headers {
  const h = new Headers();
  h.set("Content-Type", "application/zip");
  h.set("Content-Length", String(file.size));
  h.set("Content-Disposition", `attachment; filename="${file.fileName}"`);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Cache-Control", "private, no-store");
  h.set("Content-Security-Policy", "sandbox; default-src 'none'");
  h.set("Repr-Digest", `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`);
  return h;
}

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
