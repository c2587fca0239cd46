import { z } from "zod";
import { isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import { zInteger, ZPage, zQuery, zQueryInteger, zString, zText } from "@/lib/validation";

export const LANGUAGES = ["fa", "en"] as const;
export const STATEMENT_STATUSES = ["DRAFT", "SUBMITTED", "IN_REVIEW", "VERIFIED", "CHANGES_REQUESTED", "DISPUTED", "REJECTED"] as const;

// Testimony is long: tens of thousands of characters are normal.
export const MAX_STATEMENT_TEXT = 200_000;

export const INTERVIEW_MODES = ["IN_PERSON", "REMOTE", "WRITTEN"] as const;
export const WITNESS_RELATIONS = ["DIRECT_WITNESS", "SURVIVOR", "RELATIVE_OF_VICTIM", "HEARSAY"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * A date as people give it ("12 Mordad 1367", "summer 1988", "۱۳۶۷"), kept as typed and
 * parsed into the range it allows (lib/dates). Unparseable input is a field error whose key
 * says why ("date_unparseable", "date_impossible", …).
 */
export const zFuzzyDate = fuzzyDate(false);

/**
 * The same for a date that has happened: an interview, what testimony covers, a translation.
 * One that can only have begun after today ("1 Farvardin 1406" typed in 1405) is refused as
 * "date_in_future" (today read a day ahead, for the time zones east of UTC).
 */
export const zPastFuzzyDate = fuzzyDate(true);

function fuzzyDate(past: boolean) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(100, { error: "too_long:100" })
      .transform((s, ctx): ParsedDate => {
        const r = parseFuzzyDate(s);
        if (isDateParseError(r)) {
          ctx.addIssue({ code: "custom", message: r.error });
          return z.NEVER;
        }
        if (past && r.earliest > new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)) {
          ctx.addIssue({ code: "custom", message: "date_in_future" });
          return z.NEVER;
        }
        return r;
      })
      .optional(),
  );
}

/** A list given as an array, or as text with one item per line (forms). */
const zList = (item: z.ZodType<string>, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/).map((x) => x.trim()).filter(Boolean) : v ?? []),
    z.array(item).max(max, { error: `too_many:${max}` }),
  );

const ZTranslation = z.object({
  language: zString().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "invalid_language" }),
  translator: zText(200),
  date: zPastFuzzyDate,
  text: zText(MAX_STATEMENT_TEXT),
});

const statementFields = {
  title: zText(300),
  language: z.enum(LANGUAGES, { error: "invalid_choice" }),
  originalText: zText(MAX_STATEMENT_TEXT),
  summary: z.string().trim().max(10_000, { error: "too_long:10000" }).default(""),
  interviewDate: zPastFuzzyDate,
  interviewPlace: z.string().trim().max(300, { error: "too_long:300" }).default(""),
  interviewers: zList(zText(200), 10),
  mode: z.preprocess(blankToUndefined, z.enum(INTERVIEW_MODES, { error: "invalid_choice" }).optional()),
  relation: z.preprocess(blankToUndefined, z.enum(WITNESS_RELATIONS, { error: "invalid_choice" }).optional()),
  periodCovered: zPastFuzzyDate,
  placesCovered: zList(zText(200), 50),
  translations: z.array(ZTranslation).max(10, { error: "too_many:10" }).default([]),
  notes: z.string().trim().max(20_000, { error: "too_long:20000" }).default(""),
};

/** What a revision records besides title, language, text and summary (stored as canonical JSON). */
export type StatementDetails = {
  interviewDate: ParsedDate | null;
  interviewPlace: string;
  interviewers: string[];
  mode: (typeof INTERVIEW_MODES)[number] | null;
  relation: (typeof WITNESS_RELATIONS)[number] | null;
  periodCovered: ParsedDate | null;
  placesCovered: string[];
  translations: { language: string; translator: string; date: ParsedDate | null; text: string }[];
  notes: string;
};

export const ZCreateStatement = z.object({ witnessId: zString().min(1, { error: "required" }).max(64, { error: "too_long:64" }), ...statementFields });
/**
 * The same with the witness named by its pseudonym code (W-0012; either script's digits, any
 * case), as a researcher types it in the new-statement form: the code is resolved where the
 * statement is written, so a code that names no witness is a field error, not a 500.
 */
export const ZCreateStatementByCode = z.object({
  witnessCode: zString().trim().min(1, { error: "required" }).max(50, { error: "too_long:50" }),
  ...statementFields,
});
export type CreateStatement = z.infer<typeof ZCreateStatement>;

export const ZUpdateStatement = z.object({
  ...statementFields,
  reason: zText(1000),
  // The revision the editor started from: a stale edit is refused rather than silently overwriting.
  baseRevision: zInteger((n) => n.min(1)),
});
export type UpdateStatement = z.infer<typeof ZUpdateStatement>;

// A parameter the list does not take (?sort=, ?page[]=1) is refused, not ignored (lib/validation zQuery).
export const ZListStatements = zQuery({
  status: z.enum(STATEMENT_STATUSES, { error: "invalid_choice" }).optional(),
  language: z.enum(LANGUAGES, { error: "invalid_choice" }).optional(),
  page: ZPage,
  pageSize: zQueryInteger((n) => n.min(1).max(200, { error: "too_large:200" }), 50),
});

const ZParsedDateOut = z
  .object({ input: z.string(), earliest: z.string(), latest: z.string(), precision: z.string(), calendar: z.enum(["gregorian", "persian"]) })
  .nullable();

export const ZStatementOut = z.object({
  id: z.string(),
  witnessId: z.string(),
  witnessCode: z.string(),
  title: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(STATEMENT_STATUSES),
  originalText: z.string(),
  summary: z.string(),
  interviewDate: z.string().nullable(),
  details: z.object({
    interviewDate: ZParsedDateOut,
    interviewPlace: z.string(),
    interviewers: z.array(z.string()),
    mode: z.enum(INTERVIEW_MODES).nullable(),
    relation: z.enum(WITNESS_RELATIONS).nullable(),
    periodCovered: ZParsedDateOut,
    placesCovered: z.array(z.string()),
    translations: z.array(z.object({ language: z.string(), translator: z.string(), date: ZParsedDateOut, text: z.string() })),
    notes: z.string(),
  }),
  revisionNumber: z.number().int(),
  fictional: z.boolean(),
  authorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
