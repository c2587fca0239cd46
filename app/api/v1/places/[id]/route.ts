import { apiRoute, readJson } from "@/lib/api/handler";
import { getPlace, updatePlace } from "@/lib/places";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getPlace({ actor, placeId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updatePlace({ actor, placeId: params.id, input: await readJson(req) }));
