import { apiRoute, readJson } from "@/lib/api/handler";
import { createWitness, listWitnesses } from "@/lib/witnesses/witnesses";

export const dynamic = "force-dynamic";

// Witnesses by pseudonym code only: protected identity is never part of this resource.
export const GET = apiRoute(async ({ actor }) => ({
  items: (await listWitnesses({ actor })).map((w) => ({
    id: w.id,
    code: w.code,
    protectionLevel: w.protectionLevel,
    fictional: w.fictional,
    statements: w._count.statements,
  })),
}));

export const POST = apiRoute(async ({ req, actor }) => {
  const w = await createWitness({ actor, input: await readJson(req) });
  return Response.json({ id: w.id, code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional }, { status: 201 });
});
