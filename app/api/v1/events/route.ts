import { apiRoute, readJson, searchParams } from "@/lib/api/handler";
import { createEvent, listEvents, searchEvents } from "@/lib/events";

export const dynamic = "force-dynamic";

// Every event in date order; with ?q= (and ?limit=), the events whose title matches, best first, each with its score.
export const GET = apiRoute(async ({ req, actor }) => {
  const query = searchParams(req);
  return { items: query.q || query.limit ? await searchEvents({ actor, query }) : await listEvents({ actor }) };
});

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createEvent({ actor, input: await readJson(req) }), { status: 201 }));
