import { apiRoute, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { listNotifications, markNotificationsRead } from "@/lib/review/workflow";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => ({
  items: (await listNotifications({ actor, query: searchParams(req) })).map((n) => ({ ...n, data: JSON.parse(n.data), createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
}));

/** Marks every notice read. */
export const POST = apiRoute(async ({ actor }) => {
  await markNotificationsRead({ actor });
  return { ok: true };
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
