import { apiRoute } from "@/lib/api/handler";
import { exportAuditLog } from "@/lib/audit/export-log";

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
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="casefile-audit-${stamp}.jsonl"`,
      "Cache-Control": "private, no-store",
    },
  });
});
