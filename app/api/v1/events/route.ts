import { apiRoute, readJson } from "@/lib/api/handler";
import { createEvent, listEvents } from "@/lib/events";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => ({ items: await listEvents({ actor }) }));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createEvent({ actor, input: await readJson(req) }), { status: 201 }));
