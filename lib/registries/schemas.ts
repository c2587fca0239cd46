import { z } from "zod";
import { isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import { zText, ZPage, ZPageSize, zQuery, zQueryInteger, zString } from "@/lib/validation";

// Building blocks shared by the registries (persons, organisations, places, events,
// proceedings). Each field comes twice: with its default for create, and optional without a
// default for update (PATCH: a field left out keeps its value).

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Optional free text, trimmed; "" when not given on create. */
export const zOptText = (max: number) => zString().trim().max(max, { error: `too_long:${max}` });

/** A record id in a request (persons, places…); its existence is checked by the operation. */
export const zId = zString().trim().min(1, { error: "required" }).max(64, { error: "too_long:64" });

const FLAG_WORDS: Record<string, boolean> = { true: true, on: true, "1": true, false: false, "0": false };

/**
 * A checkbox, a JSON boolean or an address's yes-or-no (?rows=0): true, "true", "on" and "1" are
 * yes; false, "false" and "0" no; one left out or blank is not given (the field's default).
 * Anything else is refused: {"confirmDuplicate": "yes"} was read as no.
 */
export const zFlag = z.preprocess(
  (v) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : Object.hasOwn(FLAG_WORDS, v) ? FLAG_WORDS[v] : v),
  z.boolean({ error: "invalid_boolean" }).optional(),
);

/** Splits text with one item per line (forms) into a list; arrays pass through. */
const linesToList = (v: unknown) => (typeof v === "string" ? v.split(/\r?\n/).map((x) => x.trim()).filter(Boolean) : (v ?? []));

/** Alternative names as a list of strings (JSON array, or one per line), duplicates dropped. */
export const zNameList = (max = 50) =>
  z.preprocess(
    linesToList,
    z
      .array(zText(200), { error: "invalid_choice" })
      .max(max, { error: `too_many:${max}` })
      .transform((xs) => [...new Set(xs)]),
  );

/** Ids of linked records, as an array, a single id, or one per line; duplicates dropped. */
export const zIdList = (max = 100) =>
  z.preprocess(
    (v) => (typeof v === "string" ? linesToList(v) : v),
    z
      .array(zId, { error: "invalid_choice" })
      .max(max, { error: `too_many:${max}` })
      .transform((xs) => [...new Set(xs)]),
  );

function toParsedDate(s: string, ctx: z.RefinementCtx): ParsedDate {
  const r = parseFuzzyDate(s);
  if (isDateParseError(r)) {
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  }
  return r;
}

/** A date as people give it (lib/dates), required: "1988", "Mordad 1367", "summer 1988". */
export const zRequiredFuzzyDate = zString()
  .trim()
  .min(1, { error: "required" })
  .max(100, { error: "too_long:100" })
  .transform(toParsedDate);

/** The same, optional: a blank string counts as not given. */
export const zOptionalFuzzyDate = z.preprocess(blankToUndefined, z.string().trim().max(100, { error: "too_long:100" }).transform(toParsedDate).optional());

/** For PATCH: undefined keeps the stored date, "" or null removes it, anything else is parsed. */
export const zClearableFuzzyDate = z.preprocess(
  (v) => (v === null ? "" : v),
  z
    .string()
    .trim()
    .max(100, { error: "too_long:100" })
    .transform((s, ctx): ParsedDate | null => (s === "" ? null : toParsedDate(s, ctx)))
    .optional(),
);

/** True when `end` lies wholly before `start`: the range is reversed. */
export function rangeReversed(start: ParsedDate | null | undefined, end: ParsedDate | null | undefined): boolean {
  return !!start && !!end && end.latest < start.earliest;
}

/**
 * Optimistic concurrency for edits: the record's updatedAt as the editor saw it. A save based
 * on an older copy is refused (CONFLICT, "stale_revision") instead of silently overwriting
 * someone else's change.
 */
export const zBaseUpdatedAt = z.preprocess(blankToUndefined, z.string().trim().max(40).optional());

export const ZRegistryQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, { error: "too_long:200" }).optional()),
  limit: zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(5000, { error: "too_large:5000" })),
});
export type RegistryQuery = z.infer<typeof ZRegistryQuery>;

/**
 * A registry's search as its address takes it (GET /persons?q=&limit=, the search filter's
 * suggestions): ZRegistryQuery, where a parameter it does not take is refused under its name.
 */
export const ZRegistrySearchQuery = zQuery(ZRegistryQuery.shape);

/** A registry's list page (and the events list): the search words, the page and its size. */
export const ZRegistryListQuery = zQuery({ q: ZRegistryQuery.shape.q, page: ZPage, pageSize: ZPageSize, perPage: ZPageSize });

/** One search result: a record and how well its best name matched the query (1 without a query). */
export const ZNameHitOut = z.object({
  id: z.string(),
  name: z.string(),
  nameFa: z.string(),
  aliases: z.array(z.string()),
  score: z.number().describe("Similarity of the best-matching name, 0–1; 1 for an exact name or when no query was given"),
});
export type NameHit = z.infer<typeof ZNameHitOut>;

/** What a title search (events, proceedings, with q or limit) adds to each record; a plain list has neither. */
export const ZTitleMatch = z.object({
  score: z.number().optional().describe("Similarity of the best-matching title, 0–1; 1 when limit is given without q. Only in answers to q or limit"),
  matched: z.string().nullable().optional().describe("The title or Persian title that matched q; null when limit is given without q. Only in answers to q or limit"),
});

export const ZRecordRef = z.object({ id: z.string(), name: z.string(), nameFa: z.string() });
