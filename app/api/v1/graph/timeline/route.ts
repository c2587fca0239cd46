import { apiRoute } from "@/lib/api/handler";
import { getTimeline } from "@/lib/corroboration";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor }) => getTimeline({ actor }));
