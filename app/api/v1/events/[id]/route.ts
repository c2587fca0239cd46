import { apiRoute, readJson } from "@/lib/api/handler";
import { getEvent, updateEvent } from "@/lib/events";

export const dynamic = "force-dynamic";

type P = { id: string };

export const GET = apiRoute<P>(async ({ actor, params }) => getEvent({ actor, eventId: params.id }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateEvent({ actor, eventId: params.id, input: await readJson(req) }));
