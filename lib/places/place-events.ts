import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { rawAll } from "@/lib/db/client";
import { rawInt } from "@/lib/db/raw-values";
import { AppError } from "@/lib/errors";
import { parseInput, ZPage } from "@/lib/validation";
import type { PlaceOut } from "./schemas";

/** How many of a place's events its page lists at a time. */
export const PLACE_EVENTS_PER_PAGE = 20;

/**
 * A place's events, PLACE_EVENTS_PER_PAGE at a time, in getPlace's order (by the first day
 * their date allows, undated last, then title): a prison such as Evin is the place of
 * thousands of events in a full archive, and its page reads one page of them. A page past the
 * last gives the last.
 */
export async function getPlaceEvents({ actor, placeId, page: pageInput, perPage = PLACE_EVENTS_PER_PAGE }: { actor: Actor | null; placeId: string; page?: unknown; perPage?: number }): Promise<{
  events: PlaceOut["events"];
  pages: { page: number; pages: number; perPage: number; events: number };
}> {
  authorize(actor, "registry.read");
  const asked = parseInput(z.object({ page: ZPage }), { page: pageInput }).page;
  const [[place], [size]] = await Promise.all([
    rawAll<{ id: string }>(Prisma.sql`SELECT "id" FROM "Place" WHERE "id" = ${placeId}`),
    rawAll<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "EventPlace" WHERE "placeId" = ${placeId}`),
  ]);
  if (!place) throw new AppError("NOT_FOUND", "No such place.");
  const total = rawInt(size?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(asked, pages);
  const events = await rawAll<PlaceOut["events"][number]>(Prisma.sql`
    SELECT e."id", e."title", e."titleFa", e."dateStart", e."earliest"
    FROM "EventPlace" ep JOIN "Event" e ON e."id" = ep."eventId"
    WHERE ep."placeId" = ${placeId}
    ORDER BY CASE WHEN e."earliest" IS NULL THEN 1 ELSE 0 END, e."earliest", e."title", e."id"
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`);
  return { events, pages: { page, pages, perPage, events: total } };
}
