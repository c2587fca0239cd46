import { apiRoute, readJson } from "@/lib/api/handler";
import { createProceeding, listProceedings } from "@/lib/proceedings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => ({ items: await listProceedings({ actor }) }));

export const POST = apiRoute(async ({ req, actor }) => Response.json(await createProceeding({ actor, input: await readJson(req) }), { status: 201 }));
