import { apiRoute, readJson, methodNotAllowed } from "@/lib/api/handler";
import { getWitness, updateWitness, witnessOut } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

type P = { id: string };

// One witness without identity: which fields are recorded, never their values.
export const GET = apiRoute<P>(async ({ actor, params }) => witnessOut(await getWitness({ actor, witnessId: params.id })));

/** Protection level, notes, and identity fields given (an empty string clears a field). */
export const PATCH = apiRoute<P>(async ({ req, actor, params }) => {
  await updateWitness({ actor, witnessId: params.id, input: await readJson(req) });
  return witnessOut(await getWitness({ actor, witnessId: params.id }));
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "PATCH"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as DELETE };
