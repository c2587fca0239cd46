import { z } from "zod";
import type { ParsedDate } from "@/lib/dates";
import { ZNameHitOut, ZRecordRef, rangeReversed, zBaseUpdatedAt, zFlag, zOptText, zOptionalFuzzyDate } from "@/lib/registries/schemas";
import { missingOr, zText } from "@/lib/validation";

// Persons of interest: officials named in testimony and in the public record.

/** One spelling of the name and where it comes from ("trial reporting", "Amnesty 2018"). */
export const ZAlias = z.preprocess(
  (v) => (typeof v === "string" ? { name: v } : v),
  z.object({ name: zText(200), note: zOptText(500).default("") }, { error: missingOr("invalid_value") }),
);

/** A post held over a span of time; from/to are fuzzy dates ("1988", "Mordad 1367"). */
export const ZPosition = z
  .object(
    {
      title: zText(300),
      // The title in Persian, for the Persian interface. Not checked for script: a title may
      // mix in a Latin name or acronym.
      titleFa: zOptText(300).default(""),
      institution: zOptText(300).default(""),
      place: zOptText(200).default(""),
      from: zOptionalFuzzyDate,
      to: zOptionalFuzzyDate,
    },
    { error: missingOr("invalid_value") },
  )
  .superRefine((p, ctx) => {
    if (rangeReversed(p.from, p.to)) ctx.addIssue({ code: "custom", path: ["to"], message: "date_range_reversed" });
  });
export type PositionInput = z.infer<typeof ZPosition>;

const MAX_ALIASES = 100;
const MAX_POSITIONS = 100;

const aliases = z.array(ZAlias, { error: "invalid_choice" }).max(MAX_ALIASES, { error: `too_many:${MAX_ALIASES}` });
const positions = z.array(ZPosition, { error: "invalid_choice" }).max(MAX_POSITIONS, { error: `too_many:${MAX_POSITIONS}` });

export const ZCreatePerson = z.object({
  name: zText(300),
  nameFa: zOptText(300).default(""),
  aliases: aliases.default([]),
  positions: positions.default([]),
  summary: zOptText(10_000).default(""),
  // The summary and status notes in Persian, for the Persian interface. Not checked for script:
  // a Persian text may quote a Latin name or a source's title.
  summaryFa: zOptText(10_000).default(""),
  statusNotes: zOptText(10_000).default(""),
  statusNotesFa: zOptText(10_000).default(""),
  source: zOptText(1000).default(""),
  // A name that matches someone already in the registry is refused until the user says this
  // is a different person (see findPersonDuplicates).
  confirmDuplicate: zFlag.default(false),
});
export type CreatePerson = z.infer<typeof ZCreatePerson>;

/** PATCH: a field left out keeps its value; aliases and positions, when given, replace the lists. */
export const ZUpdatePerson = z
  .object({
    name: zText(300).optional(),
    nameFa: zOptText(300).optional(),
    aliases: aliases.optional(),
    positions: positions.optional(),
    summary: zOptText(10_000).optional(),
    summaryFa: zOptText(10_000).optional(),
    statusNotes: zOptText(10_000).optional(),
    statusNotesFa: zOptText(10_000).optional(),
    source: zOptText(1000).optional(),
    confirmDuplicate: zFlag.default(false),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "confirmDuplicate" && k !== "baseUpdatedAt"), { error: "nothing_to_change" });
export type UpdatePerson = z.infer<typeof ZUpdatePerson>;

export type PositionSpan = { from: ParsedDate | null; to: ParsedDate | null };

// ---------------------------------------------------------------- output

export const ZPositionOut = z.object({
  id: z.string(),
  title: z.string(),
  titleFa: z.string().describe("The title in Persian; empty if not given"),
  institution: z.string(),
  place: z.string(),
  from: z.string().nullable().describe("As given, e.g. 1988 or Mordad 1367"),
  to: z.string().nullable(),
  fromEarliest: z.string().nullable().describe("ISO day: the earliest the post can have started"),
  toLatest: z.string().nullable().describe("ISO day: the latest it can have ended; null if open or unknown"),
  precision: z.string().nullable(),
});

export const ZPersonOut = z.object({
  id: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  nameFa: z.string(),
  aliases: z.array(z.object({ name: z.string(), note: z.string() })),
  positions: z.array(ZPositionOut).describe("In date order"),
  summary: z.string(),
  summaryFa: z.string().describe("The summary in Persian; empty if not given"),
  statusNotes: z.string(),
  statusNotesFa: z.string().describe("The current status in Persian; empty if not given"),
  source: z.string(),
  defendantIn: z.array(z.object({ id: z.string(), title: z.string(), titleFa: z.string().describe("The proceeding's title in Persian; empty when not given"), kind: z.string(), status: z.string(), statusFa: z.string().describe("Its status in Persian; empty when not given") })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonOut = z.infer<typeof ZPersonOut>;

export const ZPersonHitOut = ZNameHitOut;

export const ZDuplicateCandidate = ZRecordRef.extend({
  aliases: z.array(z.string()),
  score: z.number(),
  matched: z.string().describe("The existing name that matched"),
  query: z.string().describe("The new name that matched it"),
});
export type DuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;
