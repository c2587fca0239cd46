import { apiRoute, readJson, searchParams, methodNotAllowed } from "@/lib/api/handler";
import { createWitness, listWitnessPage, type WitnessListRow } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

const witnessItem = (w: WitnessListRow) => ({ id: w.id, code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional, statements: w._count.statements });

// Witnesses by pseudonym code only: protected identity is never part of this resource.
// A page at a time (?page=, ?pageSize= or ?perPage=, 50 by default; ?q=, a part of the code), as GET /statements.
export const GET = apiRoute(async ({ req, actor }) => {
  const { items, ...page } = await listWitnessPage({ actor, query: searchParams(req) });
  return { items: items.map(witnessItem), ...page };
});

export const POST = apiRoute(async ({ req, actor }) => {
  const w = await createWitness({ actor, input: await readJson(req) });
  return Response.json({ id: w.id, code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional }, { status: 201 });
});

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET", "POST"]);
export { otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
