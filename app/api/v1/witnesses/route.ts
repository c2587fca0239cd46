import { apiRoute, readJson, searchParams } from "@/lib/api/handler";
import { pagingAsked } from "@/lib/paging";
import { createWitness, listWitnesses, listWitnessPage, type WitnessListRow } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

const witnessItem = (w: WitnessListRow) => ({ id: w.id, code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional, statements: w._count.statements });

// Witnesses by pseudonym code only: protected identity is never part of this resource.
// Every witness by default; with ?page=, ?pageSize= or ?perPage=, a page of them (and ?q=, a part of the code).
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  if (!pagingAsked(query) && query.q === undefined) return { items: (await listWitnesses({ actor })).map(witnessItem) };
  const { items, ...page } = await listWitnessPage({ actor, query });
  return { items: items.map(witnessItem), ...page };
});

export const POST = apiRoute(async ({ req, actor }) => {
  const w = await createWitness({ actor, input: await readJson(req) });
  return Response.json({ id: w.id, code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional }, { status: 201 });
});
