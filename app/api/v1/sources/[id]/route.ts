import { apiRoute, readJson } from "@/lib/api/handler";
import { getSource, updateSource } from "@/lib/sources";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getSource({ actor, sourceId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateSource({ actor, sourceId: params.id, input: await readJson(req) }));
