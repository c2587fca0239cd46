import { apiRoute, readJson } from "@/lib/api/handler";
import { addCustodyEntry } from "@/lib/exhibits";

export const dynamic = "force-dynamic";

type P = { id: string };

export const POST = apiRoute<P>(async ({ req, actor, params }) =>
  Response.json(await addCustodyEntry({ actor, exhibitId: params.id, input: await readJson(req) }), { status: 201 }),
);
