import { z } from "zod";
import { zBaseUpdatedAt, zOptText } from "@/lib/registries/schemas";
import { zInteger, zQuery, zString, zText } from "@/lib/validation";

// Claims: factual assertions attributed to someone, e.g. estimates of how many prisoners were
// executed in 1988, which differ by an order of magnitude between sources. A claim holds a
// range: low and high (a single figure has low = high; "at least N" has only low; "at most N"
// only high), who made it and when, and optionally the source it is recorded from.

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** Topics are short slugs shared by the claims that compete on one question, e.g. death-toll-1988. */
export const zTopic = zString()
  .trim()
  .min(1, { error: "required" })
  .max(80, { error: "too_long:80" })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "invalid_topic" });

const zCount = zInteger((n) => n.min(0, { error: "not_negative" }).max(1_000_000_000, { error: "too_large:1000000000" }));
const zYear = zInteger((n) => n.min(1800, { error: "invalid_year" }).max(2100, { error: "invalid_year" }));
const zSourceId = z.string().trim().max(64, { error: "too_long:64" });

/** The range rules, shared by create and (on the merged values) update. */
export function rangeIssues(low: number | null | undefined, high: number | null | undefined): Record<string, string[]> | null {
  if ((low === null || low === undefined) && (high === null || high === undefined)) return { low: ["value_required"] };
  if (low !== null && low !== undefined && high !== null && high !== undefined && low > high) return { high: ["range_reversed"] };
  return null;
}

export const ZCreateClaim = z
  .object({
    topic: zTopic,
    assertion: zOptText(1000).default(""),
    claimedBy: zText(300),
    low: z.preprocess(blankToUndefined, zCount.optional()),
    high: z.preprocess(blankToUndefined, zCount.optional()),
    year: z.preprocess(blankToUndefined, zYear.optional()),
    note: zOptText(5000).default(""),
    sourceId: z.preprocess(blankToUndefined, zSourceId.optional()),
  })
  .superRefine((v, ctx) => {
    const issues = rangeIssues(v.low, v.high);
    for (const [path, msgs] of Object.entries(issues ?? {})) for (const message of msgs) ctx.addIssue({ code: "custom", path: [path], message });
  });
export type CreateClaim = z.infer<typeof ZCreateClaim>;

/** PATCH: a field left out keeps its value; low, high, year and sourceId can be cleared with "" or null. */
export const ZUpdateClaim = z
  .object({
    topic: zTopic.optional(),
    assertion: zOptText(1000).optional(),
    claimedBy: zText(300).optional(),
    low: z.preprocess(blankToNull, zCount.nullable().optional()),
    high: z.preprocess(blankToNull, zCount.nullable().optional()),
    year: z.preprocess(blankToNull, zYear.nullable().optional()),
    note: zOptText(5000).optional(),
    sourceId: z.preprocess(blankToNull, zSourceId.nullable().optional()),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });
export type UpdateClaim = z.infer<typeof ZUpdateClaim>;

export const ZListClaims = zQuery({ topic: zTopic });
/** GET /claims without a topic (the topics and their counts): it takes no parameter. */
export const ZClaimTopicsQuery = zQuery({});

export const ZClaimOut = z.object({
  id: z.string(),
  topic: z.string(),
  assertion: z.string(),
  claimedBy: z.string(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  year: z.number().nullable(),
  note: z.string(),
  source: z
    .object({
      id: z.string(),
      title: z.string(),
      author: z.string(),
      year: z.number().nullable(),
      reliability: z.string().nullable(),
      credibility: z.number().nullable(),
      grade: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type ClaimOut = z.infer<typeof ZClaimOut>;
