import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/policy";
import { verifyAuditChain } from "@/lib/audit/verify-chain";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => {
  authorize(actor, "audit.verify");
  const r = await verifyAuditChain();
  return r.ok ? { ok: true, events: r.events } : { ok: false, events: r.events, firstBad: r.firstBad };
});
