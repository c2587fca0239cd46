import { apiRoute, readJson } from "@/lib/api/handler";
import { updateUser } from "@/lib/users/users";

export const dynamic = "force-dynamic";

/** Role change, disable/enable, password reset, rename. The first three end the user's sessions. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => updateUser({ actor, userId: params.id, input: await readJson(req) }));
