import { z } from "zod";
import { isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import { zBaseUpdatedAt, zClearableFuzzyDate, zOptionalFuzzyDate, zOptText } from "@/lib/registries/schemas";
import { CREDIBILITY, RELIABILITY } from "@/lib/review/schemas";
import { zInteger, ZPage, zQuery, zQueryInteger, zText } from "@/lib/validation";

// Sources: the reports, books, recordings, articles and court documents that claims come from,
// each graded on the two axes of the Admiralty system by a reviewer who gives reasons:
// reliability of the source (A reliable … E unreliable, F cannot be judged) and credibility of
// its information (1 confirmed by other sources … 5 improbable, 6 cannot be judged).

/** Kinds offered in the forms; the field is free text so older records and rarer kinds fit. */
export const SOURCE_KINDS = ["report", "NGO report", "UN report", "book", "memoir", "article", "recording", "audio", "court document", "legal opinion", "study", "other"] as const;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const zYear = zInteger((n) => n.min(1800, { error: "invalid_year" }).max(2100, { error: "invalid_year" }));

/** http(s) only: a source's address is shown as a link, so nothing that would run script there. */
const zUrl = zOptText(2000).refine((s) => s === "" || /^https?:\/\/[^\s]+$/i.test(s), { error: "invalid_url" });

/**
 * A source's date and its year of publication must agree: the year has to fall within the span
 * the date allows ("1367" spans 1988-03-21 to 1989-03-20, so 1988 and 1989 both agree).
 */
export function yearAgreesWithDate(year: number, date: Pick<ParsedDate, "earliest" | "latest">): boolean {
  return year >= Number(date.earliest.slice(0, 4)) && year <= Number(date.latest.slice(0, 4));
}

/** The Gregorian year a date lies in, when it lies in one only (not "1367", which spans two). */
export function yearOfDate(date: Pick<ParsedDate, "earliest" | "latest">): number | null {
  const a = Number(date.earliest.slice(0, 4));
  return a === Number(date.latest.slice(0, 4)) ? a : null;
}

/**
 * True when a stored date cannot be read as a date: text recorded before a source's date was read
 * as dates are everywhere (lib/dates), and kept as typed. Such a date cannot be placed on a
 * calendar, and the list of sources offers them as "dates to fix". No date is not such a date.
 */
export function dateUnreadable(date: string | null | undefined): boolean {
  return !!date && date.trim() !== "" && isDateParseError(parseFuzzyDate(date));
}

/** The field error of a date outside the year given, with the year for the sentence. */
export const dateOutsideYear = (year: number) => `date_outside_year:${year}`;

/**
 * A new source. Its date is read as dates are everywhere (lib/dates: either calendar, as precise
 * as known) and kept as typed; a year left empty is taken from the date when the date lies in one
 * year.
 */
export const ZCreateSource = z
  .object({
    title: zText(500),
    author: zOptText(300).default(""),
    year: z.preprocess(blankToUndefined, zYear.optional()),
    date: zOptionalFuzzyDate,
    kind: zOptText(100).default(""),
    citation: zOptText(2000).default(""),
    url: zUrl.default(""),
    note: zOptText(10_000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.year !== undefined && v.date && !yearAgreesWithDate(v.year, v.date)) ctx.addIssue({ code: "custom", path: ["date"], message: dateOutsideYear(v.year) });
  })
  .transform(({ date, ...v }) => ({ ...v, year: v.year ?? (date ? (yearOfDate(date) ?? undefined) : undefined), date: date?.input }));
export type CreateSource = z.infer<typeof ZCreateSource>;

/** PATCH: a field left out keeps its value; year and date can be cleared with "" or null. */
export const ZUpdateSource = z
  .object({
    title: zText(500).optional(),
    author: zOptText(300).optional(),
    year: z.preprocess(blankToNull, zYear.nullable().optional()),
    date: zClearableFuzzyDate,
    kind: zOptText(100).optional(),
    citation: zOptText(2000).optional(),
    url: zUrl.optional(),
    note: zOptText(10_000).optional(),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });
export type UpdateSource = z.infer<typeof ZUpdateSource>;

/** A grading always comes with its reasons: a grade nobody can question is worth nothing in court. */
export const ZGradeSource = z.object({
  reliability: z.enum(RELIABILITY, { error: "invalid_choice" }),
  credibility: zInteger((n) => n.min(1, { error: "invalid_choice" }).max(CREDIBILITY.length, { error: "invalid_choice" }), "invalid_choice"),
  reason: zText(5000),
});
export type GradeSource = z.infer<typeof ZGradeSource>;

export const ZListSources = zQuery({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, { error: "too_long:200" }).optional()),
  graded: z.preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "invalid_choice" }).optional()),
  dateToFix: z
    .preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "invalid_choice" }).optional())
    .describe("yes: only the sources whose date was recorded as free text and cannot be read as a date (dateUnreadable); no: all others"),
  page: ZPage,
  pageSize: zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(500, { error: "too_large:500" }), 100),
});

export const ZSourceOut = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string(),
  year: z.number().nullable(),
  date: z.string().nullable().describe("As typed; read as a date in either calendar unless dateUnreadable"),
  dateUnreadable: z.boolean().describe("True when the date was recorded as free text before dates were read and cannot be placed on a calendar: shown as typed, to be corrected"),
  kind: z.string(),
  citation: z.string(),
  url: z.string(),
  note: z.string(),
  reliability: z.enum(RELIABILITY).nullable(),
  credibility: z.number().nullable(),
  grade: z.string().nullable().describe('The two axes together, e.g. "B2"; null until graded'),
  gradingReason: z.string(),
  gradedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  gradedAt: z.string().nullable(),
  claimCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SourceOut = z.infer<typeof ZSourceOut>;
