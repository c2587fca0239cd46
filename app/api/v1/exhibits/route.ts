import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { listAllExhibits, listExhibitsFor, uploadExhibit } from "@/lib/exhibits";
import { readMultipartUpload } from "@/lib/exhibits/multipart";
import { maxUploadBytes } from "@/lib/exhibits/storage";
import { authorize } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";
// Streams to disk; the Node.js runtime is needed for the file system.
export const runtime = "nodejs";

/** GET /api/v1/exhibits?statementId=… or ?witnessId=…; without either, every exhibit a page at a time. */
export const GET = apiRoute(async ({ req, actor }) => {
  const q = searchParams(req);
  // The whole address goes to lib, which refuses a parameter the list does not take.
  if (q.statementId || q.witnessId) return { items: await listExhibitsFor({ actor, query: q }) };
  return listAllExhibits({ actor, query: q });
});

/** POST multipart/form-data: file, and statementId or witnessId, and description. */
export const POST = apiRoute(async ({ req, actor }) => {
  // Refuse before reading a byte of the body.
  authorize(actor, "exhibit.create");
  const maxBytes = maxUploadBytes();
  const upload = await readMultipartUpload(req, { maxBytes });
  try {
    const result = await uploadExhibit({ actor, file: upload.file, input: upload.fields, maxBytes });
    return Response.json(result, { status: result.deduplicated ? 200 : 201 });
  } catch (e) {
    upload.abandon();
    throw e;
  }
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
