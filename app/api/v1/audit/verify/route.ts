import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/policy";
import { formatCheckpoint, parseCheckpoint, verifyAuditChain } from "@/lib/audit/verify-chain";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** `?checkpoint=SEQ:HASH` also proves the log still extends a checkpoint kept elsewhere. */
export const GET = apiRoute(async ({ req, actor }) => {
  authorize(actor, "audit.verify");
  const raw = searchParams(req).checkpoint;
  const checkpoint = raw === undefined ? undefined : parseCheckpoint(raw);
  if (checkpoint === null) throw new AppError("INVALID_INPUT", "checkpoint must be SEQ:HASH (a number, a colon, 64 hex digits).", { checkpoint: ["invalid_checkpoint"] });
  const r = await verifyAuditChain({ checkpoint });
  return r.ok
    ? { ok: true, events: r.events, head: r.head ? formatCheckpoint(r.head) : undefined }
    : { ok: false, events: r.events, firstBad: r.firstBad, reason: r.reason };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
