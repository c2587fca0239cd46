import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/policy";
import { rerunImport } from "@/lib/import";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** POST { dryRun, mapping?, edits?, batchSize?, skipRefused? }: another dry run, or the real run (202). */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  authorize(actor, "import.run");
  const r = await rerunImport({ actor, jobId: params.id, input: await readJson(req) });
  return "rows" in r ? r : Response.json(r, { status: 202 });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["POST"]);
export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
