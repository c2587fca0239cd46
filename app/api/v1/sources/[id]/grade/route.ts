import { apiRoute, readJson } from "@/lib/api/handler";
import { gradeSource } from "@/lib/sources";

export const dynamic = "force-dynamic";

/** Reviewers and admins grade a source (A–F, 1–6) with their reasons. */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => gradeSource({ actor, sourceId: params.id, input: await readJson(req) }));
