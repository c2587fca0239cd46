import { apiRoute, readJson, searchParams } from "@/lib/api/handler";
import { listTemplates, saveTemplate } from "@/lib/import";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, actor }) => ({ items: await listTemplates({ actor, kind: searchParams(req).kind }) }));
export const POST = apiRoute(async ({ req, actor }) => saveTemplate({ actor, input: await readJson(req) }));
