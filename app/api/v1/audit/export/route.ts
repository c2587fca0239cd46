import { apiRoute, methodNotAllowed } from "@/lib/api/handler";
import { checkAuditExport, exportAuditLog } from "@/lib/audit/export-log";

export const dynamic = "force-dynamic";

/** The whole audit log as JSON Lines (ADMIN, REVIEWER). The export is itself audited. */
export const GET = apiRoute(async ({ actor }) => {
  const lines = exportAuditLog({ actor });
  // Pull the first line before answering, so that a refusal is a proper 401/403, not a broken stream.
  const first = await lines.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const n = await lines.next();
      if (n.done) controller.close();
      else controller.enqueue(encoder.encode(n.value));
    },
  });
  return new Response(body, { headers: logHeaders() });
});

/**
 * Without this, Next answers HEAD by running GET, which records an export of the log that is never
 * sent. HEAD gets GET's answer after the same check (401, 403, or 200 with GET's headers) and
 * nothing is read or recorded.
 */
export const HEAD = apiRoute(async ({ actor }) => {
  checkAuditExport({ actor });
  return new Response(null, { headers: logHeaders() });
});

function logHeaders(): Record<string, string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return {
    "Content-Type": "application/x-ndjson; charset=utf-8",
    "Content-Disposition": `attachment; filename="casefile-audit-${stamp}.jsonl"`,
    "Cache-Control": "private, no-store",
  };
}

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
