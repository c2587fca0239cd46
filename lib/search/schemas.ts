import { z } from "zod";
import { zFuzzyDate, LANGUAGES, STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { zQueryInteger, zString } from "@/lib/validation";
import { SEARCH_TYPES } from "./types";

/** Longer queries are refused (400), not cut: a cut query would silently search for something else. */
export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_WORDS = 32;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const zFilterId = z.preprocess(blankToUndefined, z.string().trim().max(64, { error: "too_long:64" }).optional());

// Strict: a filter this search does not know is an error, not silently ignored (a misspelt
// filter would otherwise return everything and look like an answer).
export const ZSearchQuery = z.strictObject(
  {
    q: zString().trim().min(1, { error: "required" }).max(MAX_QUERY_CHARS, { error: `too_long:${MAX_QUERY_CHARS}` }),
    type: z.preprocess(blankToUndefined, z.enum(SEARCH_TYPES, { error: "invalid_choice" }).optional()),
    status: z.preprocess(blankToUndefined, z.enum(STATEMENT_STATUSES, { error: "invalid_choice" }).optional()),
    language: z.preprocess(blankToUndefined, z.enum(LANGUAGES, { error: "invalid_choice" }).optional()),
    personId: zFilterId,
    eventId: zFilterId,
    placeId: zFilterId,
    proceedingId: zFilterId,
    authorId: zFilterId,
    from: zFuzzyDate.describe("Earliest date, Gregorian or Solar Hijri (e.g. 1988-07, Mordad 1367)"),
    to: zFuzzyDate.describe("Latest date, Gregorian or Solar Hijri"),
    page: zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(10_000, { error: "too_large:10000" }), 1),
    pageSize: zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(100, { error: "too_large:100" }), 20),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? "unknown_filter" : undefined) },
)
  // A range that ends before it starts finds nothing; said at its end, as the graph's timeline says it.
  .refine((v) => !(v.from && v.to && v.from.earliest > v.to.latest), { error: "date_range_reversed", path: ["to"] });
export type SearchQuery = z.infer<typeof ZSearchQuery>;

export const ZSearchItemOut = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  snippet: z.string().describe("HTML: the text around the first match, escaped, with each match in <mark>"),
  score: z.number(),
  dir: z.enum(["rtl", "ltr", "auto"]).describe("Writing direction of the snippet"),
  language: z.string().nullable(),
});
export const ZSearchOut = z.object({
  items: z.array(ZSearchItemOut),
  total: z.number().int(),
  totalAtLeast: z.boolean().describe("True when a plain search matched more records than it ranks (1,000): total is then a lower bound; a filter gives exact counts"),
  page: z.number().int(),
  pageSize: z.number().int(),
});
