import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/policy";
import { readMultipartUpload } from "@/lib/exhibits/multipart";
import { maxImportBytes, uploadAndCheck } from "@/lib/import";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST multipart/form-data: kind, template?, mapping? (JSON), file. Stores the file and answers the dry run. */
export const POST = apiRoute(async ({ req, actor }) => {
  authorize(actor, "import.run");
  const upload = await readMultipartUpload(req, { maxBytes: maxImportBytes() });
  try {
    return await uploadAndCheck({ actor, file: upload.file, fields: upload.fields });
  } catch (e) {
    upload.abandon();
    throw e;
  }
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
