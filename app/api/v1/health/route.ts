import { methodNotAllowed } from "@/lib/api/handler";
import { dbProvider } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import { errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Liveness and which database is in use. Public: it names no data. */
export async function GET() {
  try {
    await read((db) => db.$queryRaw`SELECT 1`);
    return Response.json({ status: "ok", database: dbProvider() });
  } catch (e) {
    return errorResponse(e);
  }
}

// Any other method: 405 with a JSON error and an Allow header.
const otherMethod = methodNotAllowed(["GET"]);
export { otherMethod as POST, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE };
