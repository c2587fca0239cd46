import { z } from "zod";
import { ZNameHitOut, zBaseUpdatedAt, zNameList, zOptText } from "@/lib/registries/schemas";
import { zText } from "@/lib/validation";

// Places: prisons, cemeteries, cities. A place has a Latin name, a Persian name and the other
// names it has gone by (Gohardasht / Rajaei Shahr).

export const ZCreatePlace = z.object({
  name: zText(300),
  nameFa: zOptText(300).default(""),
  aliases: zNameList().default([]),
  city: zOptText(200).default(""),
  note: zOptText(10_000).default(""),
});
export type CreatePlace = z.infer<typeof ZCreatePlace>;

export const ZUpdatePlace = z
  .object({
    name: zText(300).optional(),
    nameFa: zOptText(300).optional(),
    aliases: zNameList().optional(),
    city: zOptText(200).optional(),
    note: zOptText(10_000).optional(),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });

export const ZPlaceOut = z.object({
  id: z.string(),
  name: z.string(),
  nameFa: z.string(),
  aliases: z.array(z.string()),
  city: z.string(),
  note: z.string(),
  events: z
    .array(z.object({ id: z.string(), title: z.string(), titleFa: z.string(), dateStart: z.string(), earliest: z.string().nullable() }))
    .describe("One page of the events at this place (eventPages says which; ?page= asks for another), in date order, undated last"),
  eventPages: z
    .object({ page: z.number().int(), pages: z.number().int(), perPage: z.number().int(), events: z.number().int() })
    .optional()
    .describe("Which page of the place's events `events` is, and how many there are in all"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlaceOut = z.infer<typeof ZPlaceOut>;

export const ZPlaceHitOut = ZNameHitOut.extend({ city: z.string() });
