import { z } from "zod";
import { rangeReversed, zBaseUpdatedAt, zClearableFuzzyDate, zIdList, zOptText, zOptionalFuzzyDate, zRequiredFuzzyDate, ZTitleMatch } from "@/lib/registries/schemas";
import { zText } from "@/lib/validation";

// Events: what happened, when (as precisely as is known) and where. The date is kept as typed
// (dateStart, and dateEnd for a range) and parsed into the span it allows (lib/dates) for
// ordering and overlap questions.

const eventFields = {
  title: zText(300),
  titleFa: zOptText(300),
  dateStart: zRequiredFuzzyDate,
  dateEnd: zOptionalFuzzyDate,
  placeIds: zIdList(50),
  description: zOptText(20_000),
  source: zOptText(1000),
};

export const ZCreateEvent = z
  .object({
    ...eventFields,
    titleFa: eventFields.titleFa.default(""),
    placeIds: eventFields.placeIds.default([]),
    description: eventFields.description.default(""),
    source: eventFields.source.default(""),
  })
  .superRefine((v, ctx) => {
    if (rangeReversed(v.dateStart, v.dateEnd)) ctx.addIssue({ code: "custom", path: ["dateEnd"], message: "date_range_reversed" });
  });
export type CreateEvent = z.infer<typeof ZCreateEvent>;

/**
 * PATCH: a field left out keeps its value. `dateEnd: ""` or null removes the end of a range.
 * A reversed range is checked against the stored start or end when only one of them is given.
 */
export const ZUpdateEvent = z
  .object({
    title: eventFields.title.optional(),
    titleFa: eventFields.titleFa.optional(),
    dateStart: eventFields.dateStart.optional(),
    dateEnd: zClearableFuzzyDate,
    placeIds: eventFields.placeIds.optional(),
    description: eventFields.description.optional(),
    source: eventFields.source.optional(),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });

export const ZEventOut = z.object({
  id: z.string(),
  title: z.string(),
  titleFa: z.string(),
  dateStart: z.string().describe("As given: 1988-07-19, Mordad 1367, summer 1988…"),
  dateEnd: z.string().nullable().describe("The end of a range, as given"),
  precision: z.string().describe("day | month | season | year | range | approximate"),
  earliest: z.string().nullable().describe("ISO day: the earliest the event can have begun"),
  latest: z.string().nullable().describe("ISO day: the latest it can have ended"),
  description: z.string(),
  source: z.string(),
  places: z.array(z.object({ id: z.string(), name: z.string(), nameFa: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventOut = z.infer<typeof ZEventOut>;

/** An item of GET /events: the event, with score and matched when found by title (q or limit). */
export const ZEventHitOut = ZEventOut.extend(ZTitleMatch.shape);
