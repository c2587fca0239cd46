import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { updateUser } from "@/lib/users/users";

export const dynamic = "force-dynamic";

/** Role change, disable/enable, password reset, rename. The first three end the user's sessions. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => updateUser({ actor, userId: params.id, input: await readJson(req) }));

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["PATCH"]);
export { otherMethod as GET, otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
